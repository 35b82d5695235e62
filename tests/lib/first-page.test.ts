import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SORT, firstPageOf, PAGE_SIZE, sortRows, toRow } from '@/components/dashboard/shortlist-rows';
import { profileKey, type SavedProfile } from '@/lib/shortlist';
import {
  FIRST_PAGE_KEY,
  loadFirstPage,
  readFirstPage,
  recordProfileVisit,
  RECENT_KEY,
  REVISION_KEY,
  saveProfileView,
  storageKeyOf,
  storedFirstPage,
  storedProfile,
  writeProfiles,
} from '@/lib/storage';
import { reloadShortlist, saveFirstPage, shortlistRevision, shortlistWritesSettled, useShortlist, whenShortlistHydrated } from '@/lib/store';
import { PLATFORMS } from '@/lib/sites/types';
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
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await reloadShortlist();
});

afterEach(async () => {
  await shortlistWritesSettled();
});

describe('the revision', () => {
  it('a write of profiles carries a new revision in the same set()', async () => {
    const sets = vi.spyOn(fakeBrowser.storage.local, 'set');
    const first = await writeProfiles({ [storageKeyOf('instagram:maya')]: storedProfile(makeProfile({})) });
    const second = await writeProfiles({ [storageKeyOf('instagram:maya')]: storedProfile(makeProfile({ note: 'x' })) });
    expect(first).toEqual(expect.any(String));
    expect(second).not.toBe(first);
    expect(sets.mock.calls.map((call) => call[0])).toEqual([
      { [storageKeyOf('instagram:maya')]: expect.any(String), [REVISION_KEY]: first },
      { [storageKeyOf('instagram:maya')]: expect.any(String), [REVISION_KEY]: second },
    ]);
    expect(await revision()).toBe(second);
  });

  it('after a removal, the new revision is written last: no reader sees it with the data before', async () => {
    await writeProfiles({ [storageKeyOf('instagram:maya')]: storedProfile(makeProfile({})) });
    const order: string[] = [];
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => void order.push(`set ${Object.keys(items).join(',')}`));
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockImplementation(async (keys) => void order.push(`remove ${[keys].flat().join(',')}`));
    await writeProfiles({ [storageKeyOf('x:sam')]: 'text' }, [storageKeyOf('instagram:maya')]);
    expect(order).toEqual([`set ${storageKeyOf('x:sam')}`, `remove ${storageKeyOf('instagram:maya')}`, `set ${REVISION_KEY}`]);
  });

  it('writes that touch no profile leave it alone', async () => {
    expect(await writeProfiles({ [RECENT_KEY]: { version: 3, views: [] } })).toBeUndefined();
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
    useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    await shortlistWritesSettled();
    expect(shortlistRevision()).toBe(await revision());
    await saveProfileView(makeView({ handle: 'sam' }), T0);
    expect(shortlistRevision()).toBe(await revision());
    useShortlist.getState().remove(['instagram:maya']);
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
        expect(firstPageOf(shuffled, founding).map((profile) => profileKey(profile.platform, profile.handle))).toEqual(expected);
      }),
      { numRuns: 30 },
    );
    expect(expected).toHaveLength(PAGE_SIZE);
  });

  it('ties (same last seen, same handle on two platforms) have one order too', () => {
    const same = PLATFORMS.map((platform) => makeProfile({ platform, handle: 'maya' }));
    const keys = (list: SavedProfile[]) => firstPageOf(list, founding).map((profile) => profile.platform);
    expect(keys([...same].reverse())).toEqual(keys(same));
  });

  it('the dashboard stores it for the revision it holds, once per change', async () => {
    await fakeBrowser.storage.local.set(storedItems(...profiles(5)));
    await saveProfileView(makeView({ handle: 'maya' }), T0);
    await reloadShortlist();
    const pageOf = (list: SavedProfile[]) => firstPageOf(list, founding);
    expect(await saveFirstPage(pageOf)).toBe(true);
    const stored = await loadFirstPage();
    expect(stored?.revision).toBe(await revision());
    expect(stored?.total).toBe(6);
    expect(stored?.profiles.map((profile) => profile.handle)).toEqual(pageOf(Object.values(useShortlist.getState().profiles)).map((profile) => profile.handle));
    expect(await saveFirstPage(pageOf)).toBe(false);

    // Another tab saves a profile: the stored page is no longer current until stored again.
    await saveProfileView(makeView({ handle: 'zoe' }), new Date('2026-01-01T00:00:00.000Z'));
    expect(await loadFirstPage()).toBeUndefined();
    expect(await saveFirstPage(pageOf)).toBe(true);
    const again = await loadFirstPage();
    expect(again?.total).toBe(7);
    expect(again?.profiles[0]?.handle).toBe('zoe');
  });

  it('is not stored before hydration, while a write is on its way, or without a revision', async () => {
    const pageOf = (list: SavedProfile[]) => list;
    vi.resetModules();
    const fresh = await import('@/lib/store');
    expect(await fresh.saveFirstPage(pageOf)).toBe(false);
    await fresh.whenShortlistHydrated();
    // Nothing stored yet: no revision.
    expect(await fresh.saveFirstPage(pageOf)).toBe(false);
    fresh.useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    expect(await fresh.saveFirstPage(pageOf)).toBe(false);
    await fresh.shortlistWritesSettled();
    expect(await fresh.saveFirstPage(pageOf)).toBe(true);
    expect(await fakeBrowser.storage.local.get(FIRST_PAGE_KEY)).toEqual({ [FIRST_PAGE_KEY]: expect.objectContaining({ total: 1 }) });
  });
});

describe('prefetching the shortlist', () => {
  it('hydration reads the answer asked for early, only once released, with the changes made since', async () => {
    await fakeBrowser.storage.local.set(storedItems(makeProfile({ handle: 'maya' })));
    vi.resetModules();
    const fresh = await import('@/lib/store');
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

  it('whenShortlistHydrated still works without a prefetch', async () => {
    await whenShortlistHydrated();
    expect(useShortlist.getState().hydrated).toBe(true);
  });
});
