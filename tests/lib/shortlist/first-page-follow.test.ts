import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, profileKey, type Platform } from '@/lib/platforms';
import { createDoor, createWriter, type Door, type FollowOutcome, type Writer } from '@/lib/shortlist/door';
import { firstPageOf, PAGE_SIZE, STORED_PAGE_SIZE, touchesProfiles, type StorageChange } from '@/lib/shortlist/first-page';
import { readFirstPage, readStored, type FirstPage } from '@/lib/shortlist/layout';
import { savePatches, visitPatches, type Patch } from '@/lib/shortlist/patches';
import type { SavedProfile } from '@/lib/shortlist/schema';
import { FIRST_PAGE_KEY, REVISION_KEY } from '@/lib/storage-keys';
import { makeProfile, makeView, storedItems } from '../shortlist-fixtures';
import { createFakeArea, type FakeArea } from './fake-storage';

/*
 * The dashboard's stored first page followed by the background through the real writer and door
 * (lib/shortlist/door.ts followFirstPage, wired as entrypoints/background.ts wires it) over a
 * storage area whose change events arrive after a latency: whenever the stored page is the current
 * one, it is what a full read would give.
 */

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);
const keyOf = (profile: SavedProfile): string => profileKey(profile.platform, profile.handle);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A profile of `handle` first and last seen on day `day` of 2025. */
const seen = (handle: string, day: number, platform: Platform = 'instagram'): SavedProfile =>
  makeProfile({ platform, handle, start: new Date(BASE + day * DAY).toISOString() });

/** The profiles storage holds, as the dashboard's full read has them. */
const everything = (area: FakeArea): SavedProfile[] => Object.values(readStored(area.peek()).shortlist.profiles);

/** The page a full read stores now. */
const truthOf = (area: FakeArea): FirstPage => {
  const all = everything(area);
  return { revision: String(area.peek()[REVISION_KEY]), total: all.length, profiles: firstPageOf(all) };
};

/** The extension over one fake area: the writer, a background door that follows every event, in order. */
async function extensionWith(profiles: SavedProfile[], random: () => number) {
  const area = createFakeArea({ latency: [0, 1], random });
  await area.set({ ...storedItems(...profiles), [REVISION_KEY]: 'r0' });
  const writer: Writer = createWriter(area);
  const doorOf = (): Door =>
    createDoor({
      local: area,
      onChanged: area.onChanged,
      send: (request) => (request.kind === 'commit' ? writer.commit(request.patches) : writer.repair()),
    });
  const outcomes: FollowOutcome[] = [];
  // The background, restartable: a restarted service worker has a new door, nothing held.
  const background = { door: doorOf(), following: Promise.resolve() as Promise<unknown> };
  await sleep(5);
  area.onChanged.addListener((changes: Record<string, StorageChange>, name: string) => {
    if (name !== 'local' || !touchesProfiles(changes)) return;
    const door = background.door;
    background.following = background.following.then(async () => outcomes.push(await door.followFirstPage(changes)));
  });
  /** Until every event so far has been delivered and followed. */
  const settle = async (): Promise<void> => {
    let last: Promise<unknown>;
    do {
      last = background.following;
      await sleep(4);
      await background.following;
    } while (last !== background.following);
  };
  /** What the dashboard does after its full read: store the page of everything. */
  const visitDashboard = async (): Promise<void> => {
    await doorOf().storeFirstPage(truthOf(area));
    await settle();
  };
  await visitDashboard();
  return { area, writer, background, doorOf, outcomes, settle, visitDashboard };
}

/** The stored page, when it is the current one: the first profiles of a full read, in order, at least the table's page. */
function expectCurrentPageTrue(area: FakeArea): boolean {
  const page = readFirstPage(area.peek());
  if (!page) return false;
  const truth = truthOf(area);
  expect(page.total).toBe(truth.total);
  expect(page.profiles.length).toBeGreaterThanOrEqual(Math.min(truth.total, PAGE_SIZE));
  expect(page.profiles.map(keyOf)).toEqual(truth.profiles.slice(0, page.profiles.length).map(keyOf));
  expect(page.profiles).toEqual(truth.profiles.slice(0, page.profiles.length));
  return true;
}

const remove = (...keys: string[]): Patch[] => keys.map((key) => ({ op: 'remove', key }));

describe("the stored first page follows a removal's three writes (through the writer)", () => {
  const seeded = () => Array.from({ length: STORED_PAGE_SIZE + 30 }, (_, index) => seen(`c${index}`, 400 - index));

  it('one of its profiles removed: held, held, stored, and the page is the full read’s', async () => {
    const { area, writer, outcomes, settle } = await extensionWith(seeded(), Math.random);
    expect((await writer.commit(remove('instagram:c5'))).ok).toBe(true);
    await settle();
    expect(outcomes).toEqual(['held', 'held', 'stored']);
    expect(expectCurrentPageTrue(area)).toBe(true);
    expect(readFirstPage(area.peek())?.profiles).toHaveLength(STORED_PAGE_SIZE - 1);
  });

  it('a save, a visit and a removal in one commit: followed', async () => {
    const { area, writer, outcomes, settle } = await extensionWith(seeded(), Math.random);
    const result = await writer.commit([
      ...savePatches(makeView({ platform: 'tiktok', handle: 'newcomer' }), new Date(BASE + 500 * DAY).toISOString()),
      ...visitPatches(makeView({ handle: 'c140', followers: 9_999 }), new Date(BASE + 450 * DAY).toISOString()),
      ...remove('instagram:c0', 'instagram:c1'),
    ]);
    expect(result.ok).toBe(true);
    await settle();
    expect(outcomes).toEqual(['held', 'held', 'stored']);
    expect(expectCurrentPageTrue(area)).toBe(true);
    expect(readFirstPage(area.peek())?.profiles.slice(0, 3).map((profile) => profile.handle)).toEqual(['newcomer', 'c140', 'c2']);
  });

  it('more of its profiles than the slack: not followed, the page left for the full read', async () => {
    const { area, writer, outcomes, settle } = await extensionWith(seeded(), Math.random);
    const keys = Array.from({ length: STORED_PAGE_SIZE - PAGE_SIZE + 1 }, (_, index) => `instagram:c${index * 3}`);
    expect((await writer.commit(remove(...keys))).ok).toBe(true);
    await settle();
    expect(outcomes).toEqual(['held', 'not-followed', 'not-followed']);
    expect(readFirstPage(area.peek())).toBeUndefined();
    expect((area.peek()[FIRST_PAGE_KEY] as { revision: string }).revision).toBe('r0');
  });

  it('the background restarted in the middle: the rest of the chain is not followed', async () => {
    const { area, writer, background, doorOf, outcomes, settle } = await extensionWith(seeded(), Math.random);
    const set = area.set.bind(area);
    let writes = 0;
    area.set = async (items) => {
      await set(items);
      // After the removal's first write reached the background: a new service worker.
      if (++writes === 1) {
        await settle();
        background.door = doorOf();
      }
    };
    expect((await writer.commit(remove('instagram:c5'))).ok).toBe(true);
    await settle();
    expect(outcomes).toEqual(['held', 'not-followed', 'not-followed']);
    expect(readFirstPage(area.peek())).toBeUndefined();
  });

  it('another revision written in the middle: not followed', async () => {
    const { area, writer, outcomes, settle } = await extensionWith(seeded(), Math.random);
    const removeKeys = area.remove.bind(area);
    area.remove = async (keys) => {
      await area.set({ [REVISION_KEY]: 'someone-else' });
      await removeKeys(keys);
    };
    expect((await writer.commit(remove('instagram:c5'))).ok).toBe(true);
    await settle();
    expect(outcomes).toEqual(['held', 'not-followed', 'not-followed', 'not-followed']);
    expect(readFirstPage(area.peek())).toBeUndefined();
  });

  it('other writes in the middle (the recent list, the page itself) leave the chain alone', async () => {
    const { area, writer, outcomes, settle } = await extensionWith(seeded(), Math.random);
    const removeKeys = area.remove.bind(area);
    area.remove = async (keys) => {
      await area.set({ 'microscope:recent': { version: 4, views: [] } });
      await removeKeys(keys);
    };
    expect((await writer.commit(remove('instagram:c5'))).ok).toBe(true);
    await settle();
    expect(outcomes).toEqual(['held', 'held', 'stored']);
    expect(expectCurrentPageTrue(area)).toBe(true);
  });
});

describe('any saves, visits and removals through the writer', () => {
  it('keep the stored page, whenever it is current, equal to the full read’s first profiles', async () => {
    let removalsFollowed = 0;
    let removalsLeft = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 150 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom('save', 'visit', 'remove', 'remove-top', 'save-and-remove', 'revision-alone', 'dashboard', 'restart'),
            pick: fc.nat(),
            day: fc.integer({ min: 0, max: 500 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.integer(),
        async (count, operations, seed) => {
          let state = seed;
          const random = (): number => ((state = (state * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x80000000);
          const profiles = Array.from({ length: count }, (_, index) => seen(`p${index}`, index % 50, PLATFORMS[index % PLATFORMS.length]));
          const { area, writer, background, doorOf, settle, visitDashboard } = await extensionWith(profiles, random);
          let wasCurrent = expectCurrentPageTrue(area);
          expect(wasCurrent).toBe(true);
          for (const [step, { kind, pick, day }] of operations.entries()) {
            const all = everything(area);
            const order = firstPageOf(all);
            const somewhere = all[pick % Math.max(1, all.length)];
            // Mostly one on the page, where a removal matters.
            const onPage = order[pick % Math.max(1, Math.min(order.length, STORED_PAGE_SIZE))];
            const at = new Date(BASE + day * DAY).toISOString();
            const patches: Patch[] = [];
            if (kind === 'save') patches.push(...savePatches(makeView({ platform: 'youtube', handle: `new${step}` }), at));
            if (kind === 'visit' && somewhere) patches.push(...visitPatches(makeView({ platform: somewhere.platform, handle: somewhere.handle, followers: 5_000 + day }), at));
            if (kind === 'remove' && onPage) patches.push(...remove(keyOf(onPage)));
            if (kind === 'remove-top') patches.push(...remove(...order.slice(0, 1 + (pick % 30)).map(keyOf)));
            if (kind === 'save-and-remove' && onPage) patches.push(...savePatches(makeView({ platform: 'x', handle: `new${step}` }), at), ...remove(keyOf(onPage)));
            if (kind === 'revision-alone') await area.set({ [REVISION_KEY]: `elsewhere-${step}` });
            if (kind === 'dashboard') await visitDashboard();
            if (kind === 'restart') background.door = doorOf();
            if (patches.length > 0) expect((await writer.commit(patches)).ok).toBe(true);
            await settle();
            const current = expectCurrentPageTrue(area);
            if (patches.some((patch) => patch.op === 'remove')) {
              if (current) removalsFollowed += 1;
              else removalsLeft += 1;
            }
            // Saves and visits of a current page leave it current; the revision alone never does.
            if ((kind === 'save' || kind === 'visit') && wasCurrent) expect(current).toBe(true);
            if (kind === 'revision-alone') expect(current).toBe(false);
            wasCurrent = current;
          }
        },
      ),
      { numRuns: 40 },
    );
    expect(removalsFollowed).toBeGreaterThan(0);
    expect(removalsLeft).toBeGreaterThan(0);
  }, 60_000);
});
