import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { resetBrowser } from '../shortlist-env';
import { DEFAULT_SORT, sortRows, toRow } from '@/components/dashboard/shortlist-rows';
import { firstPageOf, nextFirstPage, PAGE_SIZE, type StorageChange } from '@/lib/shortlist/first-page';
import { SHORTLIST_VERSION, type SavedProfile } from '@/lib/shortlist/schema';
import { FIRST_PAGE_KEY, RECENT_KEY, REVISION_KEY, SHORTLIST_KEY, storageKeyOf, TOMBSTONES_KEY } from '@/lib/storage-keys';
import { createWriter, recordProfileVisit, saveProfileView, shortlistDoor, type LocalArea } from '@/lib/shortlist/door';
import { readFirstPage, readStored, storedFirstPage, storedProfile } from '@/lib/shortlist/layout';
import { reloadShortlist, saveFirstPage, shortlistRevision, shortlistWritesSettled, useShortlist, whenShortlistHydrated } from '@/lib/shortlist/store';
import { PLATFORMS, profileKey } from '@/lib/platforms';
import { DEFAULT_TIER_SCHEME } from '@/lib/tiers';
import { makeProfile, makeView, storedItems } from './shortlist-fixtures';

const T0 = new Date('2025-11-01T10:00:00.000Z');
const founding = DEFAULT_TIER_SCHEME;

/** The stored revision. */
async function revision(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(REVISION_KEY))[REVISION_KEY];
}

/** Profiles seen on different days, in no particular order. */
function profiles(count: number): SavedProfile[] {
  return Array.from({ length: count }, (_, index) =>
    makeProfile({ handle: `creator${(index * 7) % count}`, start: new Date(Date.UTC(2025, 0, 1 + ((index * 13) % 40))).toISOString() }),
  );
}

beforeEach(async () => {
  resetBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await reloadShortlist();
});

afterEach(async () => {
  await shortlistWritesSettled();
});

describe('the revision', () => {
  const writer = () => createWriter(fakeBrowser.storage.local as unknown as LocalArea);
  const maya = makeProfile({});

  it('a write of profiles carries a new revision in the same set()', async () => {
    const sets = vi.spyOn(fakeBrowser.storage.local, 'set');
    await writer().commit([{ op: 'merge', key: 'instagram:maya', profile: maya }]);
    const first = await revision();
    await writer().commit([{ op: 'note', key: 'instagram:maya', note: 'x' }]);
    const second = await revision();
    expect(first).toEqual(expect.any(String));
    expect(second).not.toBe(first);
    expect(sets.mock.calls.map((call) => call[0])).toEqual([
      { [storageKeyOf('instagram:maya')]: expect.any(String), [SHORTLIST_KEY]: { version: SHORTLIST_VERSION }, [REVISION_KEY]: first },
      { [storageKeyOf('instagram:maya')]: expect.any(String), [REVISION_KEY]: second },
    ]);
  });

  it('after a removal, the new revision is written last: no reader sees it with the data before', async () => {
    await writer().commit([{ op: 'merge', key: 'instagram:maya', profile: maya }]);
    const order: string[] = [];
    const local = fakeBrowser.storage.local;
    const [set, remove] = [local.set.bind(local), local.remove.bind(local)];
    vi.spyOn(local, 'set').mockImplementation(async (items) => {
      order.push(`set ${Object.keys(items).join(',')}`);
      return set(items);
    });
    vi.spyOn(local, 'remove').mockImplementation(async (keys) => {
      order.push(`remove ${[keys].flat().join(',')}`);
      return remove(keys);
    });
    await writer().commit([
      { op: 'merge', key: 'x:sam', profile: makeProfile({ platform: 'x', handle: 'sam' }) },
      { op: 'remove', key: 'instagram:maya' },
    ]);
    // The first set() carries a pending revision: no first page is ever stored for it.
    expect(order).toEqual([`set ${storageKeyOf('x:sam')},${TOMBSTONES_KEY},${REVISION_KEY}`, `remove ${storageKeyOf('instagram:maya')}`, `set ${REVISION_KEY}`]);
  });

  it('writes that touch no profile leave it alone', async () => {
    await writer().commit([{ op: 'recent', view: { platform: 'instagram', handle: 'zoe', url: 'https://www.instagram.com/zoe/', at: T0.toISOString() } }]);
    expect(await fakeBrowser.storage.local.get(RECENT_KEY)).not.toEqual({});
    expect(await revision()).toBeUndefined();
  });

  it("the badge's saves and visits of saved profiles change it; visits of other profiles don't", async () => {
    await recordProfileVisit(makeView({ handle: 'zoe' }), T0);
    expect(await revision()).toBeUndefined();
    await saveProfileView(makeView({ handle: 'maya' }), T0);
    const saved = await revision();
    expect(saved).toEqual(expect.any(String));
    await recordProfileVisit(makeView({ handle: 'maya', followers: 9_000 }), new Date(T0.getTime() + 86_400_000));
    expect(await revision()).not.toBe(saved);
  });

  it("the store's writes change it, and it follows other contexts' writes", async () => {
    await useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    await shortlistWritesSettled();
    expect(shortlistRevision()).toBe(await revision());
    await saveProfileView(makeView({ handle: 'sam' }), T0);
    expect(shortlistRevision()).toBe(await revision());
    await useShortlist.getState().remove(['instagram:maya']);
    await shortlistWritesSettled();
    expect(shortlistRevision()).toBe(await revision());
  });
});

describe('the stored first page', () => {
  it('reads only when it belongs to the stored revision and every profile in it reads', () => {
    const page = { revision: 'r1', total: 3, profiles: [makeProfile({ handle: 'maya' }), makeProfile({ handle: 'sam' })] };
    const items = { [REVISION_KEY]: 'r1', [FIRST_PAGE_KEY]: storedFirstPage(page) };
    expect(readFirstPage(items)).toEqual(page);
    expect(readFirstPage({ ...items, [REVISION_KEY]: 'r2' })).toBeUndefined();
    expect(readFirstPage({ [FIRST_PAGE_KEY]: storedFirstPage(page) })).toBeUndefined();
    expect(readFirstPage({ [REVISION_KEY]: 'r1' })).toBeUndefined();
    const stored = storedFirstPage(page) as { profiles: string[] };
    expect(readFirstPage({ ...items, [FIRST_PAGE_KEY]: { ...stored, profiles: [stored.profiles[0], 'garbage'] } })).toBeUndefined();
    expect(readFirstPage({ ...items, [FIRST_PAGE_KEY]: { ...stored, total: 1 } })).toBeUndefined();
    expect(readFirstPage({ ...items, [FIRST_PAGE_KEY]: 'nonsense' })).toBeUndefined();
  });

  it('is the table’s first page in its opening order, whatever order the profiles come in', () => {
    const all = profiles(PAGE_SIZE + 40);
    const expected = sortRows(
      all.map((profile) => toRow(profile, founding)),
      DEFAULT_SORT,
    )
      .slice(0, PAGE_SIZE)
      .map((row) => row.key);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (shuffled) => {
        expect(firstPageOf(shuffled).map((profile) => profileKey(profile.platform, profile.handle))).toEqual(expected);
      }),
      { numRuns: 30 },
    );
    expect(expected).toHaveLength(PAGE_SIZE);
  });

  it('ties (same last seen, same handle on two platforms) have one order too', () => {
    const same = PLATFORMS.map((platform) => makeProfile({ platform, handle: 'maya' }));
    const keys = (list: SavedProfile[]) => firstPageOf(list).map((profile) => profile.platform);
    expect(keys([...same].reverse())).toEqual(keys(same));
  });

  it('the dashboard stores it for the revision it holds, once per change', async () => {
    await fakeBrowser.storage.local.set(storedItems(...profiles(5)));
    await saveProfileView(makeView({ handle: 'maya' }), T0);
    await reloadShortlist();
    const pageOf = firstPageOf;
    expect(await saveFirstPage(pageOf)).toBe(true);
    const stored = await shortlistDoor().loadFirstPage();
    expect(stored?.revision).toBe(await revision());
    expect(stored?.total).toBe(6);
    expect(stored?.profiles.map((profile) => profile.handle)).toEqual(pageOf(Object.values(useShortlist.getState().profiles)).map((profile) => profile.handle));
    expect(await saveFirstPage(pageOf)).toBe(false);

    // Another tab saves a profile: the stored page is no longer current until stored again.
    await saveProfileView(makeView({ handle: 'zoe' }), new Date('2026-01-01T00:00:00.000Z'));
    expect(await shortlistDoor().loadFirstPage()).toBeUndefined();
    expect(await saveFirstPage(pageOf)).toBe(true);
    const again = await shortlistDoor().loadFirstPage();
    expect(again?.total).toBe(7);
    expect(again?.profiles[0]?.handle).toBe('zoe');
  });

  it('is not stored before hydration, while a write is on its way, or without a revision', async () => {
    const pageOf = (list: SavedProfile[]) => list;
    vi.resetModules();
    const fresh = await import('@/lib/shortlist/store');
    expect(await fresh.saveFirstPage(pageOf)).toBe(false);
    await fresh.whenShortlistHydrated();
    // Nothing stored yet: no revision.
    expect(await fresh.saveFirstPage(pageOf)).toBe(false);
    const saving = fresh.useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    expect(await fresh.saveFirstPage(pageOf)).toBe(false);
    await saving;
    await fresh.shortlistWritesSettled();
    expect(await fresh.saveFirstPage(pageOf)).toBe(true);
    expect(await fakeBrowser.storage.local.get(FIRST_PAGE_KEY)).toEqual({ [FIRST_PAGE_KEY]: expect.objectContaining({ total: 1 }) });
  });
});

describe('prefetching the shortlist', () => {
  it('hydration reads the answer asked for early, only once released, with the changes made since', async () => {
    await fakeBrowser.storage.local.set(storedItems(makeProfile({ handle: 'maya' })));
    vi.resetModules();
    const fresh = await import('@/lib/shortlist/store');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const release = fresh.prefetchShortlist();
    expect(get).toHaveBeenCalledWith(null);
    // Another tab saves a profile after the read was asked for, before anything subscribed.
    await fakeBrowser.storage.local.set(storedItems(makeProfile({ handle: 'sam' })));
    let hydrated = false;
    const hydration = fresh.whenShortlistHydrated().then(() => (hydrated = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hydrated).toBe(false);
    release();
    await hydration;
    expect(Object.keys(fresh.useShortlist.getState().profiles).sort()).toEqual(['instagram:maya', 'instagram:sam']);
    // One read of everything: the prefetched one.
    expect(get.mock.calls.filter((call) => call[0] === null)).toHaveLength(1);
  });

  it('asks storage only once the promise it was given settles (the dashboard: after its first page is rendered)', async () => {
    await fakeBrowser.storage.local.set(storedItems(makeProfile({ handle: 'maya' })));
    vi.resetModules();
    const fresh = await import('@/lib/shortlist/store');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    let ask: () => void = () => undefined;
    const release = fresh.prefetchShortlist(new Promise<void>((resolve) => (ask = resolve)));
    release();
    const hydration = fresh.whenShortlistHydrated();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(get.mock.calls.filter((call) => call[0] === null)).toHaveLength(0);
    expect(fresh.useShortlist.getState().hydrated).toBe(false);
    // Saved elsewhere before the read is asked for: in it.
    await fakeBrowser.storage.local.set(storedItems(makeProfile({ handle: 'sam' })));
    ask();
    await hydration;
    expect(Object.keys(fresh.useShortlist.getState().profiles).sort()).toEqual(['instagram:maya', 'instagram:sam']);
    expect(get.mock.calls.filter((call) => call[0] === null)).toHaveLength(1);
  });

  it('whenShortlistHydrated still works without a prefetch', async () => {
    await whenShortlistHydrated();
    expect(useShortlist.getState().hydrated).toBe(true);
  });
});

describe('kept current between dashboard visits (lib/shortlist/first-page.ts)', () => {
  /** A profile of `handle` last seen on day `day` of 2025. */
  const seen = (handle: string, day: number, platform: SavedProfile['platform'] = 'instagram'): SavedProfile =>
    makeProfile({ platform, handle, start: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString() });
  const keyOf = (profile: SavedProfile) => profileKey(profile.platform, profile.handle);
  const pageOf = (all: Iterable<SavedProfile>, revision: string) => {
    const list = [...all];
    return { revision, total: list.length, profiles: firstPageOf(list) };
  };
  /** The event one atomic write (writeProfiles) makes: profiles set or removed, revision before → after. */
  const event = (before: Map<string, SavedProfile>, set: SavedProfile[], removed: string[], from: string, to: string) => {
    const changes: Record<string, StorageChange> = { [REVISION_KEY]: { oldValue: from, newValue: to } };
    for (const profile of set) {
      const old = before.get(keyOf(profile));
      changes[storageKeyOf(keyOf(profile))] = { oldValue: old && storedProfile(old), newValue: storedProfile(profile) };
    }
    for (const key of removed) changes[storageKeyOf(key)] = { oldValue: storedProfile(before.get(key)!) };
    return changes;
  };

  it('follows any sequence of visits, saves and removals exactly, or leaves the page for a full read', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 130 }),
        fc.array(fc.record({ kind: fc.constantFrom('visit', 'save', 'remove', 'two'), pick: fc.nat(), day: fc.integer({ min: 0, max: 400 }) }), { maxLength: 25 }),
        (count, operations) => {
          const all = new Map<string, SavedProfile>();
          for (let index = 0; index < count; index++) {
            const profile = seen(`p${index}`, index % 50, PLATFORMS[index % PLATFORMS.length]!);
            all.set(keyOf(profile), profile);
          }
          let page = pageOf(all.values(), 'r0');
          operations.forEach(({ kind, pick, day }, step) => {
            const keys = [...all.keys()];
            const key = keys[pick % Math.max(1, keys.length)];
            const existing = key === undefined ? undefined : all.get(key);
            const set: SavedProfile[] = [];
            const removed: string[] = [];
            if (kind === 'visit' && existing) set.push({ ...existing, lastSeen: new Date(Date.parse(existing.lastSeen) + day * 86_400_000).toISOString() });
            if (kind === 'save') set.push(seen(`new${step}`, day));
            if (kind === 'remove' && key !== undefined) removed.push(key);
            if (kind === 'two' && existing) set.push({ ...existing, note: `n${step}` }, seen(`other${step}`, day, 'tiktok'));
            if (set.length === 0 && removed.length === 0) return;
            const before = new Map(all);
            for (const profile of set) all.set(keyOf(profile), profile);
            for (const removedKey of removed) all.delete(removedKey);
            const revision = `r${step + 1}`;
            const next = nextFirstPage(page, event(before, set, removed, page.revision, revision));
            const truth = pageOf(all.values(), revision);
            if (next) {
              expect(next.total).toBe(truth.total);
              expect(next.profiles.map(keyOf)).toEqual(truth.profiles.map(keyOf));
              expect(next.profiles).toEqual(truth.profiles);
              page = next;
            } else {
              // What the next dashboard visit does: read everything and store the page again.
              page = truth;
            }
            // A visit moves the profile up; with removals aside, the page is always known.
            if (kind === 'visit') expect(next).toBeDefined();
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never follows an event of another revision, a removal (pending revision), or one without profiles', () => {
    const all = new Map([seen('maya', 1), seen('sam', 2)].map((profile) => [keyOf(profile), profile]));
    const page = pageOf(all.values(), 'r1');
    const visit = { ...all.get('instagram:maya')!, lastSeen: '2025-06-01T00:00:00.000Z' };
    expect(nextFirstPage(page, event(all, [visit], [], 'r1', 'r2'))?.profiles[0]?.handle).toBe('maya');
    expect(nextFirstPage(page, event(all, [visit], [], 'r0', 'r2'))).toBeUndefined();
    expect(nextFirstPage(page, event(all, [visit], [], 'r1', 'pending:x'))).toBeUndefined();
    expect(nextFirstPage(page, { [REVISION_KEY]: { oldValue: 'r1', newValue: 'r2' } })).toBeUndefined();
    expect(nextFirstPage(page, { [storageKeyOf('instagram:maya')]: { newValue: storedProfile(visit) } })).toBeUndefined();
    // Stored under a key that is not its own, or unreadable: left to the full read.
    expect(nextFirstPage(page, { [REVISION_KEY]: { oldValue: 'r1', newValue: 'r2' }, [storageKeyOf('x:other')]: { newValue: storedProfile(visit) } })).toBeUndefined();
    expect(nextFirstPage(page, { [REVISION_KEY]: { oldValue: 'r1', newValue: 'r2' }, [storageKeyOf('instagram:maya')]: { newValue: 'garbage' } })).toBeUndefined();
  });

  it('in storage: a badge visit and a save keep the stored page current; a removal from the dashboard leaves it', async () => {
    const profilesStored = Array.from({ length: PAGE_SIZE + 20 }, (_, index) => seen(`creator${index}`, index));
    await fakeBrowser.storage.local.set({ ...storedItems(...profilesStored), [REVISION_KEY]: 'r0' });
    await reloadShortlist();
    expect(await saveFirstPage(firstPageOf)).toBe(true);
    const events: Record<string, StorageChange>[] = [];
    fakeBrowser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && REVISION_KEY in changes) events.push(changes);
    });
    const follow = async () => {
      const results = [];
      for (const changes of events.splice(0)) results.push(await shortlistDoor().followFirstPage(changes));
      return results;
    };
    const everything = async () => firstPageOf(Object.values(readStored(await fakeBrowser.storage.local.get(null)).shortlist.profiles));

    // creator0 (last seen longest ago, not on the page) is visited today: it goes to the top.
    await recordProfileVisit(makeView({ handle: 'creator0', followers: 12_345 }), new Date('2026-01-01T00:00:00.000Z'));
    expect(await follow()).toEqual([true]);
    let stored = await shortlistDoor().loadFirstPage();
    expect(stored?.profiles.map((profile) => profile.handle)).toEqual((await everything()).map((profile) => profile.handle));
    expect(stored?.profiles[0]?.handle).toBe('creator0');
    expect(stored?.total).toBe(PAGE_SIZE + 20);

    await saveProfileView(makeView({ handle: 'newcomer' }), new Date('2026-02-01T00:00:00.000Z'));
    expect(await follow()).toEqual([true]);
    stored = await shortlistDoor().loadFirstPage();
    expect(stored?.total).toBe(PAGE_SIZE + 21);
    expect(stored?.profiles.map((profile) => profile.handle)).toEqual((await everything()).map((profile) => profile.handle));

    // Removing a profile on the page: its place would need one the page doesn't hold.
    await reloadShortlist();
    await useShortlist.getState().remove(['instagram:newcomer']);
    await shortlistWritesSettled();
    expect((await follow()).every((followed) => !followed)).toBe(true);
    expect(await shortlistDoor().loadFirstPage()).toBeUndefined();
  });
});
