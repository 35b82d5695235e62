import { profileKey } from '@/lib/platforms';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { exportBackup } from '@/lib/shortlist/backup';
import { readStoredProfile, storedProfile } from '@/lib/shortlist/layout';
import { listUnreadable } from '@/lib/set-aside';
import { PROFILE_PREFIX, RECENT_KEY, REVISION_KEY, SHORTLIST_KEY, storageKeyOf } from '@/lib/storage-keys';
import { resetBrowser } from '../shortlist-env';
import { reloadShortlist, shortlistWritesSettled, useShortlist, whenShortlistHydrated } from '@/lib/shortlist/store';
import { SHORTLIST_VERSION, VISIT_RESOLUTION_MS, type SavedProfile } from '@/lib/shortlist/schema';
import { byKey, makeProfile, makeView } from './shortlist-fixtures';

const DAY = 86_400_000;
const T0 = new Date('2025-11-01T10:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);

/** The stored profiles by profile key, once this context's writes landed. */
async function stored(): Promise<{ profiles: Record<string, SavedProfile>; meta: unknown }> {
  await shortlistWritesSettled();
  const all = await fakeBrowser.storage.local.get(null);
  const profiles = Object.fromEntries(
    Object.entries(all)
      .filter(([key]) => key.startsWith(PROFILE_PREFIX))
      .map(([key, value]) => [key.slice(PROFILE_PREFIX.length), readStoredProfile(value)!]),
  );
  return { profiles, meta: all[SHORTLIST_KEY] };
}

/** What another tab's store does: writes one profile's key. */
function otherTabWrites(profile: SavedProfile): Promise<void> {
  return fakeBrowser.storage.local.set({ [storageKeyOf(profileKey(profile.platform, profile.handle))]: storedProfile(profile) });
}

beforeEach(async () => {
  resetBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await reloadShortlist();
});

afterEach(async () => {
  await shortlistWritesSettled();
});

describe('saving', () => {
  it('stores a dated snapshot in the current format, and the view in recent', async () => {
    await useShortlist.getState().save(makeView({ followers: 8_000, displayName: 'Maya' }), T0);
    const maya = useShortlist.getState().profiles['instagram:maya']!;
    expect(maya).toMatchObject({ handle: 'maya', displayName: 'Maya', savedAt: T0.toISOString(), lastSeen: T0.toISOString(), tags: [], note: '' });
    expect(maya.history).toHaveLength(1);
    expect(maya.history[0]).toMatchObject({ followers: { value: 8_000 }, tier: 'micro', scheme: 'founding', basis: 'followers', method: 'median', benchmark: 'above' });
    expect(useShortlist.getState().recent.map((view) => view.handle)).toEqual(['maya']);
    expect(await stored()).toMatchObject({ meta: { version: SHORTLIST_VERSION }, profiles: { 'instagram:maya': { handle: 'maya' } } });
  });

  it('saving again with the same numbers adds no snapshot', async () => {
    const { save } = useShortlist.getState();
    await save(makeView(), T0);
    await save(makeView(), later(DAY));
    const maya = useShortlist.getState().profiles['instagram:maya']!;
    expect(maya.history).toHaveLength(1);
    expect(maya.lastSeen).toBe(later(DAY).toISOString());
  });

  it('saving again with new numbers adds a dated snapshot', async () => {
    const { save } = useShortlist.getState();
    await save(makeView({ followers: 8_000 }), T0);
    await save(makeView({ followers: 9_500 }), later(DAY));
    expect(useShortlist.getState().profiles['instagram:maya']!.history.map((s) => s.followers?.value)).toEqual([8_000, 9_500]);
  });
});

describe('absurd numbers', () => {
  it.each([
    ['NaN', { value: Number.NaN, exact: true, min: Number.NaN, max: Number.NaN }, undefined],
    ['negative', { value: -5, exact: true, min: -5, max: -5 }, undefined],
    ['fractional', { value: 1234.5, exact: true, min: 1234.5, max: 1234.5 }, undefined],
    ['bounds inverted', { value: 5_000, exact: true, min: 6_000, max: 4_000 }, { value: 5_000, exact: true, min: 5_000, max: 5_000 }],
    ['bounds infinite', { value: 5_000, exact: false, min: 4_950, max: Infinity }, { value: 5_000, exact: false, min: 4_950, max: 5_000 }],
  ])('followers %s are stored repaired or not at all, and the profile survives a reload', async (_, followers, expected) => {
    const view = makeView();
    view.verdict.followers = followers;
    await useShortlist.getState().save(view, T0);
    await shortlistWritesSettled();
    await reloadShortlist();
    expect(useShortlist.getState().profiles['instagram:maya']!.history[0]!.followers).toEqual(expected);
    expect(await listUnreadable()).toEqual([]);
  });
});

describe('visits', () => {
  it('a profile not saved only goes to recent views, newest first, at most 10', async () => {
    const { recordVisit } = useShortlist.getState();
    for (let index = 0; index < 12; index++) await recordVisit(makeView({ handle: `creator${index}` }), later(index * 1000));
    await recordVisit(makeView({ handle: 'creator3' }), later(20_000));
    const { recent, profiles } = useShortlist.getState();
    expect(profiles).toEqual({});
    expect(recent).toHaveLength(10);
    expect(recent.map((view) => view.handle).slice(0, 3)).toEqual(['creator3', 'creator11', 'creator10']);
    expect((await stored()).profiles).toEqual({});
    expect((await fakeBrowser.storage.local.get(RECENT_KEY))[RECENT_KEY]).toMatchObject({ version: SHORTLIST_VERSION });
  });

  it('history grows only when the numbers change', async () => {
    const { save, recordVisit } = useShortlist.getState();
    await save(makeView({ followers: 8_000 }), T0);
    await recordVisit(makeView({ followers: 8_000 }), later(DAY));
    await recordVisit(makeView({ followers: 8_000, likes: null }), later(2 * DAY)); // posts not read yet
    await recordVisit(makeView({ followers: null }), later(3 * DAY)); // header not read yet
    expect(useShortlist.getState().profiles['instagram:maya']!.history).toHaveLength(1);
    await recordVisit(makeView({ followers: 8_400 }), later(4 * DAY));
    await recordVisit(makeView({ followers: 8_400, likes: 400 }), later(5 * DAY));
    const maya = useShortlist.getState().profiles['instagram:maya']!;
    expect(maya.history.map((s) => [s.followers?.value, s.engagementPercent?.toFixed(3)])).toEqual([
      [8_000, '2.625'],
      [8_400, '2.500'],
      [8_400, '4.881'],
    ]);
    expect(maya.lastSeen).toBe(later(5 * DAY).toISOString());
  });

  it('a rounded count that still covers the saved one is not a change', async () => {
    const { save, recordVisit } = useShortlist.getState();
    await save(makeView({ followers: 12_480 }), T0);
    const view = makeView({ followers: 12_480 });
    view.verdict.followers = { value: 12_500, exact: false, min: 12_450, max: 12_549 };
    recordVisit(view, later(DAY));
    expect(useShortlist.getState().profiles['instagram:maya']!.history).toHaveLength(1);
  });

  it('a page re-rendering within a minute writes nothing', async () => {
    const { save, recordVisit } = useShortlist.getState();
    await save(makeView(), T0);
    await shortlistWritesSettled();
    const before = useShortlist.getState().profiles;
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await recordVisit(makeView(), later(VISIT_RESOLUTION_MS / 2))).toBe(true);
    expect(writes).not.toHaveBeenCalled();
    expect(useShortlist.getState().profiles).toBe(before);
  });
});

describe('editing', () => {
  it('removes, tags and notes', async () => {
    const { save } = useShortlist.getState();
    await save(makeView({ handle: 'maya' }), T0);
    await save(makeView({ handle: 'sam' }), T0);
    await useShortlist.getState().setTags('instagram:maya', [' Beauty ', 'beauty', 'UK  micro', '']);
    await useShortlist.getState().setNote('instagram:maya', 'Asked for rates <script>alert(1)</script>');
    await useShortlist.getState().remove(['instagram:sam', 'instagram:nobody']);
    const { profiles } = useShortlist.getState();
    expect(Object.keys(profiles)).toEqual(['instagram:maya']);
    expect(profiles['instagram:maya']).toMatchObject({ tags: ['Beauty', 'UK micro'], note: 'Asked for rates <script>alert(1)</script>' });
    expect((await stored())?.profiles).toEqual(profiles);
  });
});

describe('a change that cannot be stored', () => {
  it('says so; a typed note stays on screen, and is stored with the next change that can be', async () => {
    await useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error: disk full'));
    expect(await useShortlist.getState().setNote('instagram:maya', 'Asked for rates')).toBe(false);
    expect(useShortlist.getState().writeError).toEqual({ key: 'shortlistWriteError', args: [expect.stringMatching(/disk full/)] });
    expect(useShortlist.getState().profiles['instagram:maya']!.note).toBe('Asked for rates');
    expect((await stored()).profiles['instagram:maya']!.note).toBe('');
    set.mockRestore();
    expect(await useShortlist.getState().setNote('instagram:maya', 'Asked for rates!')).toBe(true);
    expect(useShortlist.getState().writeError).toBeUndefined();
    expect((await stored()).profiles['instagram:maya']!.note).toBe('Asked for rates!');
    expect(useShortlist.getState().profiles['instagram:maya']!.note).toBe('Asked for rates!');
  });
});

describe('other contexts', () => {
  it("another tab's write shows at once (storage.onChanged)", async () => {
    await useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    await otherTabWrites(makeProfile({ handle: 'sam', tags: ['tech'] }));
    expect(Object.keys(useShortlist.getState().profiles).sort()).toEqual(['instagram:maya', 'instagram:sam']);
    expect(useShortlist.getState().profiles['instagram:sam']!.tags).toEqual(['tech']);
    await fakeBrowser.storage.local.remove(storageKeyOf('instagram:sam'));
    expect(Object.keys(useShortlist.getState().profiles)).toEqual(['instagram:maya']);
  });

  it('a v1 write by an old content script is migrated on arrival', async () => {
    await fakeBrowser.storage.local.set({
      [SHORTLIST_KEY]: {
        version: 1,
        profiles: { 'x:sam': { platform: 'x', handle: 'sam', url: 'https://x.com/sam', savedAt: T0.toISOString(), lastSeen: T0.toISOString(), tags: [], note: '', history: [{ at: T0.toISOString(), sampleSize: 0 }] } },
      },
    });
    await vi.waitFor(() => expect(useShortlist.getState().profiles['x:sam']!.history[0]!.benchmark).toBe('none'));
    expect((await stored()).meta).toEqual({ version: SHORTLIST_VERSION });
    expect(Object.keys((await stored()).profiles)).toEqual(['x:sam']);
  });

  it('a write stores only the profiles that changed, never the whole shortlist', async () => {
    await useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    await useShortlist.getState().save(makeView({ handle: 'sam' }), T0);
    await shortlistWritesSettled();
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    await useShortlist.getState().setNote('instagram:maya', 'call back');
    await shortlistWritesSettled();
    // The one profile, and a new revision in the same write (lib/shortlist/door.ts writeProfiles).
    expect(writes.mock.calls.map((call) => Object.keys(call[0] as object))).toEqual([[storageKeyOf('instagram:maya'), REVISION_KEY]]);
  });

  it("a write doesn't undo another tab's change to another profile it hasn't heard of yet", async () => {
    await useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    await shortlistWritesSettled();
    // Another tab saves sam; this tab's change event is still on its way.
    const spy = vi.spyOn(fakeBrowser.storage.onChanged, 'trigger').mockResolvedValue([]);
    await otherTabWrites(makeProfile({ handle: 'sam' }));
    spy.mockRestore();
    await useShortlist.getState().setNote('instagram:maya', 'call back');
    await useShortlist.getState().remove(['instagram:maya']);
    expect(Object.keys((await stored()).profiles)).toEqual(['instagram:sam']);
  });

  it("a profile another tab saves while this tab's writes queue up is kept", async () => {
    const local = fakeBrowser.storage.local;
    const realSet = local.set.bind(local);
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(local, 'set').mockImplementation(async (items) => {
      await blocked;
      return realSet(items);
    });
    const saved = useShortlist.getState().save(makeView({ handle: 'maya' }), T0); // write 1, held up
    const noted = useShortlist.getState().setNote('instagram:maya', 'queued'); // write 2, waiting
    await realSet({ [storageKeyOf('instagram:sam')]: storedProfile(makeProfile({ handle: 'sam' })) }); // another tab
    expect(useShortlist.getState().profiles['instagram:sam']).toBeDefined();
    // This tab's own changes show while they are on their way.
    await vi.waitFor(() => expect(useShortlist.getState().profiles['instagram:maya']?.note).toBe('queued'));
    release();
    expect(await saved).toBe(true);
    expect(await noted).toBe(true);
    expect(Object.keys((await stored()).profiles).sort()).toEqual(['instagram:maya', 'instagram:sam']);
    expect((await stored()).profiles['instagram:maya']!.note).toBe('queued');
  });

  it("its own writes' change events don't undo edits made since (no echo, no loop)", async () => {
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    await useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    // Typed fast: three changes on their way at once.
    void useShortlist.getState().setNote('instagram:maya', 'a');
    void useShortlist.getState().setNote('instagram:maya', 'ab');
    void useShortlist.getState().setNote('instagram:maya', 'abc');
    await shortlistWritesSettled();
    expect(useShortlist.getState().profiles['instagram:maya']!.note).toBe('abc');
    expect((await stored()).profiles['instagram:maya']).toMatchObject({ note: 'abc' });
    // One write per change, and none caused by its own echo.
    expect(writes.mock.calls.length).toBe(4);
    const count = writes.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(writes.mock.calls.length).toBe(count);
  });

  it('an echo arriving late (after the write finished) changes nothing', async () => {
    const spy = vi.spyOn(fakeBrowser.storage.onChanged, 'trigger').mockResolvedValue([]);
    await useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    await shortlistWritesSettled();
    spy.mockRestore();
    const before = useShortlist.getState();
    const value = (await stored()).profiles['instagram:maya'];
    await fakeBrowser.storage.onChanged.trigger({ [storageKeyOf('instagram:maya')]: { newValue: storedProfile(value!) } }, 'local');
    expect(useShortlist.getState()).toBe(before);
  });

  it("unchanged profiles keep their identity when another tab's change arrives", async () => {
    await useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    await useShortlist.getState().save(makeView({ handle: 'sam' }), T0);
    await shortlistWritesSettled();
    const maya = useShortlist.getState().profiles['instagram:maya'];
    const sam = (await stored()).profiles['instagram:sam']!;
    await otherTabWrites({ ...sam, note: 'from the other tab' });
    expect(useShortlist.getState().profiles['instagram:sam']!.note).toBe('from the other tab');
    expect(useShortlist.getState().profiles['instagram:maya']).toBe(maya);
  });

  it('an unreadable change from elsewhere is ignored', async () => {
    await useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    await shortlistWritesSettled();
    await fakeBrowser.storage.local.set({ [storageKeyOf('instagram:maya')]: { garbage: true } });
    expect(useShortlist.getState().profiles['instagram:maya']!.handle).toBe('maya');
  });
});

describe('hydration', () => {
  it('actions before hydration wait for it, so they never act on data not read yet', async () => {
    await fakeBrowser.storage.local.set({ [SHORTLIST_KEY]: { version: 1, profiles: byKey(makeProfile({ handle: 'sam' })) } });
    vi.resetModules();
    const fresh = await import('@/lib/shortlist/store');
    expect(fresh.useShortlist.getState().hydrated).toBe(false);
    await fresh.useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    await fresh.whenShortlistHydrated();
    await fresh.shortlistWritesSettled();
    expect(Object.keys(fresh.useShortlist.getState().profiles).sort()).toEqual(['instagram:maya', 'instagram:sam']);
    expect(Object.keys((await stored())!.profiles).sort()).toEqual(['instagram:maya', 'instagram:sam']);
  });

  it('subscribing starts hydration; nothing is read at import', async () => {
    await otherTabWrites(makeProfile({ handle: 'sam' }));
    vi.resetModules();
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const fresh = await import('@/lib/shortlist/store');
    expect(reads).not.toHaveBeenCalled();
    const unsubscribe = fresh.useShortlist.subscribe(() => undefined);
    await fresh.whenShortlistHydrated();
    unsubscribe();
    expect(fresh.useShortlist.getState().profiles['instagram:sam']).toBeDefined();
  });

  it('garbage in storage: works with an empty shortlist and keeps the garbage aside', async () => {
    await fakeBrowser.storage.local.set({ [SHORTLIST_KEY]: '<html>not json</html>' });
    await reloadShortlist();
    expect(useShortlist.getState()).toMatchObject({ hydrated: true, profiles: {} });
    await useShortlist.getState().save(makeView(), T0);
    expect(Object.keys((await stored())!.profiles)).toEqual(['instagram:maya']);
    const aside = await listUnreadable();
    expect(aside.map((entry) => entry.value)).toEqual([expect.objectContaining({ value: { [SHORTLIST_KEY]: '<html>not json</html>' } })]);
  });

  it('a future schema version: works with defaults and keeps the data aside', async () => {
    const future = { version: 7, creators: [{ id: 1 }] };
    await fakeBrowser.storage.local.set({ [SHORTLIST_KEY]: future });
    await reloadShortlist();
    expect(useShortlist.getState().profiles).toEqual({});
    expect((await listUnreadable())[0]!.value).toMatchObject({ value: { [SHORTLIST_KEY]: future }, reason: expect.stringContaining('newer MicroScope') });
  });

  it('whenShortlistHydrated resolves once hydrated', async () => {
    await expect(whenShortlistHydrated()).resolves.toBeUndefined();
  });
});

describe('import', () => {
  it('merges a backup and reports refused rows', async () => {
    await useShortlist.getState().save(makeView({ handle: 'maya' }), T0);
    await useShortlist.getState().setNote('instagram:maya', 'keep me');
    const backup = JSON.parse(
      exportBackup({
        profiles: byKey(
          makeProfile({ handle: 'maya', note: 'other note', tags: ['travel'], start: '2024-06-01T00:00:00.000Z' }),
          makeProfile({ handle: 'sam' }),
        ),
      }),
    );
    backup.profiles.push({ platform: 'instagram', handle: 'bad handle!', url: 'https://www.instagram.com/x/', savedAt: T0.toISOString(), lastSeen: T0.toISOString(), tags: [], note: '', history: [{ at: T0.toISOString(), sampleSize: 0 }] });
    const report = await useShortlist.getState().importBackup(backup);
    expect(report).toMatchObject({ total: 3, added: 1, merged: 1, unchanged: 0 });
    expect(report.refused).toEqual([{ index: 2, handle: 'bad handle!', reason: { key: 'invalidHandleCharacters', args: ['bad handle!', 'Instagram'] } }]);
    const maya = useShortlist.getState().profiles['instagram:maya']!;
    expect(maya).toMatchObject({ note: 'keep me', tags: ['travel'], savedAt: '2024-06-01T00:00:00.000Z' });
    expect(maya.history).toHaveLength(2);
    expect(Object.keys((await stored())!.profiles).sort()).toEqual(['instagram:maya', 'instagram:sam']);
  });

  it('a file that is not a backup imports nothing and says why', async () => {
    const report = await useShortlist.getState().importBackup({ hello: 'world' });
    expect(report.error).toEqual({ key: 'backupNotBackup' });
    expect(useShortlist.getState().profiles).toEqual({});
  });
});
