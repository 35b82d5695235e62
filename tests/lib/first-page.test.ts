import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { resetBrowser } from '../shortlist-env';
import { DEFAULT_SORT, sortRows, toRow } from '@/components/dashboard/shortlist-rows';
import { FIRST_PAGE_SLACK, firstPageOf, nextFirstPage, PAGE_SIZE, STORED_PAGE_SIZE, touchesProfiles, type StorageChange } from '@/lib/shortlist/first-page';
import { SHORTLIST_VERSION, type SavedProfile } from '@/lib/shortlist/schema';
import { FIRST_PAGE_KEY, PENDING_REVISION_PREFIX, RECENT_KEY, REVISION_KEY, SHORTLIST_KEY, storageKeyOf, TOMBSTONES_KEY } from '@/lib/storage-keys';
import { createWriter, recordProfileVisit, saveProfileView, shortlistDoor, type LocalArea } from '@/lib/shortlist/door';
import { readFirstPage, readStored, storedFirstPage, storedProfile, type FirstPage } from '@/lib/shortlist/layout';
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

  it('is the table’s first page in its opening order and the next FIRST_PAGE_SLACK rows, whatever order the profiles come in', () => {
    const all = profiles(STORED_PAGE_SIZE + 20);
    const expected = sortRows(
      all.map((profile) => toRow(profile, founding)),
      DEFAULT_SORT,
    )
      .slice(0, STORED_PAGE_SIZE)
      .map((row) => row.key);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (shuffled) => {
        expect(firstPageOf(shuffled).map((profile) => profileKey(profile.platform, profile.handle))).toEqual(expected);
      }),
      { numRuns: 30 },
    );
    expect(expected).toHaveLength(PAGE_SIZE + FIRST_PAGE_SLACK);
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

  it('is not stored, nor said to be, while a removal is half written (a pending revision)', async () => {
    await fakeBrowser.storage.local.set({ ...storedItems(...profiles(5)), [REVISION_KEY]: `${PENDING_REVISION_PREFIX}half-way` });
    await reloadShortlist();
    expect(await shortlistRevision()).toBe(`${PENDING_REVISION_PREFIX}half-way`);
    expect(await saveFirstPage(firstPageOf)).toBe(false);
    expect((await fakeBrowser.storage.local.get(FIRST_PAGE_KEY))[FIRST_PAGE_KEY]).toBeUndefined();
    // The removal's last write: the same profiles' page is stored now, and said to be.
    await fakeBrowser.storage.local.set({ [REVISION_KEY]: 'after' });
    await reloadShortlist();
    expect(await saveFirstPage(firstPageOf)).toBe(true);
    expect((await shortlistDoor().loadFirstPage())?.revision).toBe('after');
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
  const pageOf = (all: Iterable<SavedProfile>, revision: string): FirstPage => {
    const list = [...all];
    return { revision, total: list.length, profiles: firstPageOf(list) };
  };
  /** A followed page holds the first profiles of all, in order: at least the table's page, at most the stored page. */
  const expectKnown = (page: FirstPage, truth: FirstPage) => {
    expect(page.total).toBe(truth.total);
    expect(page.profiles.length).toBeGreaterThanOrEqual(Math.min(truth.total, PAGE_SIZE));
    expect(page.profiles.map(keyOf)).toEqual(truth.profiles.slice(0, page.profiles.length).map(keyOf));
    expect(page.profiles).toEqual(truth.profiles.slice(0, page.profiles.length));
  };
  /** The event of one set(): profiles set (and removed, as no writer does), revision before → after. */
  const event = (before: Map<string, SavedProfile>, set: SavedProfile[], removed: string[], from: string, to: string) => {
    const changes: Record<string, StorageChange> = { [REVISION_KEY]: { oldValue: from, newValue: to } };
    for (const profile of set) {
      const old = before.get(keyOf(profile));
      changes[storageKeyOf(keyOf(profile))] = { oldValue: old && storedProfile(old), newValue: storedProfile(profile) };
    }
    for (const key of removed) changes[storageKeyOf(key)] = { oldValue: storedProfile(before.get(key)!) };
    return changes;
  };
  /** The event of a remove() of profiles: no revision in it. */
  const removal = (before: Map<string, SavedProfile>, removed: string[]) =>
    Object.fromEntries(removed.map((key) => [storageKeyOf(key), { oldValue: storedProfile(before.get(key)!) }])) as Record<string, StorageChange>;
  /** The events writeProfiles makes (lib/shortlist/door.ts): one set(), or with removals set() → remove() → the new revision alone. */
  const writes = (before: Map<string, SavedProfile>, set: SavedProfile[], removed: string[], from: string, to: string, pending = `pending:${to}`) =>
    removed.length === 0
      ? [event(before, set, [], from, to)]
      : [event(before, set, [], from, pending), removal(before, removed), { [REVISION_KEY]: { oldValue: pending, newValue: to } }];
  /** The page after each event in turn; undefined from the first one not followed. */
  const chain = (page: FirstPage, events: Record<string, StorageChange>[]): (FirstPage | undefined)[] => {
    const pages: (FirstPage | undefined)[] = [];
    let at: FirstPage | undefined = page;
    for (const changes of events) pages.push((at = at && nextFirstPage(at, changes)));
    return pages;
  };

  it('follows any sequence of visits, saves and removals (as writeProfiles writes them) exactly, or leaves the page for a full read', () => {
    let removalsFollowed = 0;
    let removalsLeft = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 160 }),
        fc.array(
          fc.record({ kind: fc.constantFrom('visit', 'save', 'remove', 'remove-top', 'two', 'save-and-remove', 'move'), pick: fc.nat(), day: fc.integer({ min: 0, max: 400 }) }),
          { maxLength: 25 },
        ),
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
            // No patch moves a profile down (lastSeen only grows), but the page must not rely on it
            // (after a visit, this is often down; never before savedAt, which reading would undo).
            if (kind === 'move' && existing) set.push({ ...existing, lastSeen: new Date(Date.parse(existing.savedAt) + (day % 60) * 86_400_000).toISOString() });
            if (kind === 'save') set.push(seen(`new${step}`, day));
            if (kind === 'remove' && key !== undefined) removed.push(key);
            // Up to 30 profiles off the top of the page at once (the dashboard's selection): past the slack.
            if (kind === 'remove-top') removed.push(...firstPageOf([...all.values()]).slice(0, 1 + (pick % 30)).map(keyOf));
            if (kind === 'two' && existing) set.push({ ...existing, note: `n${step}` }, seen(`other${step}`, day, 'tiktok'));
            if (kind === 'save-and-remove' && key !== undefined) {
              set.push(seen(`new${step}`, day, 'youtube'));
              removed.push(key);
            }
            if (set.length === 0 && removed.length === 0) return;
            const before = new Map(all);
            for (const profile of set) all.set(keyOf(profile), profile);
            for (const removedKey of removed) all.delete(removedKey);
            const revision = `r${step + 1}`;
            const pages = chain(page, writes(before, set, removed, page.revision, revision));
            const next = pages.at(-1);
            const truth = pageOf(all.values(), revision);
            if (next) {
              expect(next.revision).toBe(revision);
              expectKnown(next, truth);
              // Mid-removal pages are pending, never a revision a page could be stored for.
              for (const pending of pages.slice(0, -1)) expect(pending!.revision).toBe(`pending:${revision}`);
              // After the remove(), the pending page is already the page after.
              if (pages.length === 3) expectKnown(pages[1]!, truth);
              page = next;
            } else {
              // What the next dashboard visit does: read everything and store the page again.
              page = truth;
            }
            if (removed.length > 0) {
              if (next) removalsFollowed += 1;
              else removalsLeft += 1;
            }
            // A visit moves the profile up; with removals aside, the page is always known.
            if (kind === 'visit' || kind === 'save') expect(next).toBeDefined();
          });
        },
      ),
      { numRuns: 150 },
    );
    // Both happen: removals within the slack followed, past it left to the full read.
    expect(removalsFollowed).toBeGreaterThan(0);
    expect(removalsLeft).toBeGreaterThan(0);
  });

  it('never follows an event of another revision, a new revision alone, or profiles written without a revision', () => {
    const all = new Map([seen('maya', 1), seen('sam', 2)].map((profile) => [keyOf(profile), profile]));
    const page = pageOf(all.values(), 'r1');
    const visit = { ...all.get('instagram:maya')!, lastSeen: '2025-06-01T00:00:00.000Z' };
    expect(nextFirstPage(page, event(all, [visit], [], 'r1', 'r2'))?.profiles[0]?.handle).toBe('maya');
    expect(nextFirstPage(page, event(all, [visit], [], 'r0', 'r2'))).toBeUndefined();
    expect(nextFirstPage(page, { [REVISION_KEY]: { oldValue: 'r1', newValue: 'r2' } })).toBeUndefined();
    expect(nextFirstPage(page, { [storageKeyOf('instagram:maya')]: { newValue: storedProfile(visit) } })).toBeUndefined();
    // A removal's remove() belongs to a removal under way: not after a page of a revision that is not pending.
    expect(nextFirstPage(page, removal(all, ['instagram:maya']))).toBeUndefined();
    // Stored under a key that is not its own, or unreadable: left to the full read.
    expect(nextFirstPage(page, { [REVISION_KEY]: { oldValue: 'r1', newValue: 'r2' }, [storageKeyOf('x:other')]: { newValue: storedProfile(visit) } })).toBeUndefined();
    expect(nextFirstPage(page, { [REVISION_KEY]: { oldValue: 'r1', newValue: 'r2' }, [storageKeyOf('instagram:maya')]: { newValue: 'garbage' } })).toBeUndefined();
  });

  describe("a removal's three writes", () => {
    /** PAGE_SIZE + FIRST_PAGE_SLACK + 30 profiles, newest first c0, c1, …; the stored page of them. */
    const many = () => {
      const all = new Map<string, SavedProfile>();
      for (let index = 0; index < STORED_PAGE_SIZE + 30; index++) {
        const profile = seen(`c${index}`, 400 - index);
        all.set(keyOf(profile), profile);
      }
      return { all, page: pageOf(all.values(), 'r0') };
    };
    const after = (all: Map<string, SavedProfile>, removed: string[], set: SavedProfile[] = []) => {
      const next = new Map(all);
      for (const profile of set) next.set(keyOf(profile), profile);
      for (const key of removed) next.delete(key);
      return pageOf(next.values(), 'r1');
    };

    it('follows the removal of one of the page’s profiles: pending, pending, then the page after', () => {
      const { all, page } = many();
      const pages = chain(page, writes(all, [], ['instagram:c3'], 'r0', 'r1', 'pending:x'));
      expect(pages.map((followed) => followed?.revision)).toEqual(['pending:x', 'pending:x', 'r1']);
      expectKnown(pages[2]!, after(all, ['instagram:c3']));
      expect(pages[2]!.profiles).toHaveLength(STORED_PAGE_SIZE - 1);
      expect(pages[2]!.profiles.map((profile) => profile.handle)).not.toContain('c3');
    });

    it('follows a removal made with sets in its first write (a save, a note, a removal in one commit)', () => {
      const { all, page } = many();
      const set = [seen('newcomer', 500, 'tiktok'), { ...all.get('instagram:c50')!, note: 'call back' }, { ...all.get(`instagram:c${STORED_PAGE_SIZE + 10}`)!, lastSeen: '2026-03-01T00:00:00.000Z' }];
      const removed = ['instagram:c0', 'instagram:c7'];
      const pages = chain(page, writes(all, set, removed, 'r0', 'r1'));
      expect(pages.every((followed) => followed !== undefined)).toBe(true);
      const truth = after(all, removed, set);
      expectKnown(pages[2]!, truth);
      expect(pages[2]!.profiles.slice(0, 2).map((profile) => profile.handle)).toEqual(['newcomer', `c${STORED_PAGE_SIZE + 10}`]);
      expect(pages[2]!.profiles.find((profile) => profile.handle === 'c50')?.note).toBe('call back');
    });

    it('follows removals of up to FIRST_PAGE_SLACK of its profiles, one more is left to the full read', () => {
      const { all, page } = many();
      const slack = Array.from({ length: FIRST_PAGE_SLACK }, (_, index) => `instagram:c${index * 2}`);
      const followed = chain(page, writes(all, [], slack, 'r0', 'r1')).at(-1);
      expectKnown(followed!, after(all, slack));
      expect(followed!.profiles).toHaveLength(PAGE_SIZE);
      // One more, now or later: the page would need a profile it does not hold.
      const more = [...slack, 'instagram:c99'];
      expect(chain(page, writes(all, [], more, 'r0', 'r1')).map((next) => next?.revision)).toEqual(['pending:r1', undefined, undefined]);
      const rest = new Map(all);
      for (const key of slack) rest.delete(key);
      expect(chain(followed!, writes(rest, [], ['instagram:c1'], 'r1', 'r2')).at(-1)).toBeUndefined();
      // A removal of a profile beyond the page takes nothing from it.
      expectKnown(chain(followed!, writes(rest, [], [`instagram:c${STORED_PAGE_SIZE + 5}`], 'r1', 'r2')).at(-1)!, { ...after(rest, [`instagram:c${STORED_PAGE_SIZE + 5}`]), revision: 'r2' });
    });

    it('is left to the full read when its events do not line up', () => {
      const { all, page } = many();
      const [first, removed, last] = writes(all, [], ['instagram:c3'], 'r0', 'r1', 'pending:x');
      const pending = nextFirstPage(page, first!)!;
      // The remove() without the pending page before it (the background restarted in between).
      expect(nextFirstPage(page, removed!)).toBeUndefined();
      expect(nextFirstPage(page, last!)).toBeUndefined();
      // Its last write before its remove() (an event missed), or after nothing removed.
      expect(nextFirstPage(pending, last!)).toBeUndefined();
      expect(nextFirstPage(pending, {})).toBeUndefined();
      // Another revision in between.
      expect(nextFirstPage(pending, { [REVISION_KEY]: { oldValue: 'pending:y', newValue: 'r9' } })).toBeUndefined();
      expect(nextFirstPage(pending, { [REVISION_KEY]: { oldValue: 'r0', newValue: 'r9' } })).toBeUndefined();
      // A remove() event with anything but profiles removed in it, or a profile set without a revision.
      expect(nextFirstPage(pending, { ...removed!, [RECENT_KEY]: { oldValue: {} } })).toBeUndefined();
      expect(nextFirstPage(pending, { [storageKeyOf('instagram:c3')]: { oldValue: storedProfile(all.get('instagram:c3')!), newValue: storedProfile(all.get('instagram:c3')!) } })).toBeUndefined();
      expect(nextFirstPage(pending, { [storageKeyOf('instagram:nobody')]: {} })).toBeUndefined();
      // In line: followed (and a pending revision never ends in another pending one).
      const seenRemoved = nextFirstPage(pending, removed!)!;
      expect(nextFirstPage(seenRemoved, { [REVISION_KEY]: { oldValue: 'pending:x', newValue: 'pending:z' } })).toBeUndefined();
      expect(nextFirstPage(seenRemoved, last!)?.revision).toBe('r1');
    });
  });

  it('in storage: a badge visit, a save and a removal keep the stored page current', async () => {
    const profilesStored = Array.from({ length: STORED_PAGE_SIZE + 20 }, (_, index) => seen(`creator${index}`, index));
    await fakeBrowser.storage.local.set({ ...storedItems(...profilesStored), [REVISION_KEY]: 'r0' });
    await reloadShortlist();
    expect(await saveFirstPage(firstPageOf)).toBe(true);
    const events: Record<string, StorageChange>[] = [];
    fakeBrowser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && touchesProfiles(changes)) events.push(changes);
    });
    const follow = async () => {
      const results = [];
      for (const changes of events.splice(0)) results.push(await shortlistDoor().followFirstPage(changes));
      return results;
    };
    const everything = async () => firstPageOf(Object.values(readStored(await fakeBrowser.storage.local.get(null)).shortlist.profiles));

    // creator0 (last seen longest ago, not on the page) is visited today: it goes to the top.
    await recordProfileVisit(makeView({ handle: 'creator0', followers: 12_345 }), new Date('2026-01-01T00:00:00.000Z'));
    expect(await follow()).toEqual(['stored']);
    let stored = await shortlistDoor().loadFirstPage();
    expect(stored?.profiles.map((profile) => profile.handle)).toEqual((await everything()).map((profile) => profile.handle));
    expect(stored?.profiles[0]?.handle).toBe('creator0');
    expect(stored?.total).toBe(STORED_PAGE_SIZE + 20);

    await saveProfileView(makeView({ handle: 'newcomer' }), new Date('2026-02-01T00:00:00.000Z'));
    expect(await follow()).toEqual(['stored']);
    stored = await shortlistDoor().loadFirstPage();
    expect(stored?.total).toBe(STORED_PAGE_SIZE + 21);
    expect(stored?.profiles.map((profile) => profile.handle)).toEqual((await everything()).map((profile) => profile.handle));

    // Removing a profile on the page (the dashboard's store, through the writer): three events, the page after stored.
    await reloadShortlist();
    await useShortlist.getState().remove(['instagram:newcomer']);
    await shortlistWritesSettled();
    expect(await follow()).toEqual(['held', 'held', 'stored']);
    stored = await shortlistDoor().loadFirstPage();
    expect(stored?.total).toBe(STORED_PAGE_SIZE + 20);
    expect(stored?.profiles.map((profile) => profile.handle)).toEqual((await everything()).slice(0, STORED_PAGE_SIZE - 1).map((profile) => profile.handle));
    // Writes that are not the profiles' are no event to follow (the page's own, the recent list's).
    expect(await shortlistDoor().followFirstPage({ [FIRST_PAGE_KEY]: { newValue: {} } })).toBe('ignored');
  });
});
