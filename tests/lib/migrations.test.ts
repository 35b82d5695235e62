import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { HISTORY_KEPT, SHORTLIST_VERSION, type SavedProfile } from '@/lib/shortlist/schema';
import { PROFILE_PREFIX, RECENT_KEY, REVISION_KEY, SHORTLIST_KEY, storageKeyOf } from '@/lib/storage-keys';
import { listUnreadable } from '@/lib/set-aside';
import { shortlistDoor } from '@/lib/shortlist/door';
import { MIGRATIONS, readShortlist, storedProfile, type ShortlistV1 } from '@/lib/shortlist/layout';
import { resetBrowser } from '../shortlist-env';
import { exact } from './shortlist-fixtures';

/** What a context reads through the door: migrated and repaired by the writer first when needed. */
async function loadStoredShortlist() {
  const { profiles, recent, revision } = await shortlistDoor().loadAll();
  return { shortlist: { version: SHORTLIST_VERSION, profiles }, recent, revision };
}

/** Everything the shortlist keeps in storage.local, but the set-aside copies. */
async function stored(): Promise<Record<string, unknown>> {
  const all = await fakeBrowser.storage.local.get(null);
  return Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith('microscope:unreadable:')));
}

/** Exactly what the first badge (b8f5f21) stored: plain storage.local.set, no zustand envelope. */
const V1: ShortlistV1 = {
  version: 1,
  profiles: {
    'instagram:maya': {
      platform: 'instagram',
      handle: 'Maya',
      displayName: 'Maya <b>Travels</b>',
      url: 'https://www.instagram.com/Maya/',
      savedAt: '2025-10-01T09:00:00.000Z',
      lastSeen: '2025-10-03T09:00:00.000Z',
      tags: [],
      note: '',
      history: [
        {
          at: '2025-10-01T09:00:00.000Z',
          followers: { value: 20_000, exact: true, min: 20_000, max: 20_000 },
          tier: 'mid',
          engagementPercent: 1,
          basis: 'followers',
          sampleSize: 12,
        },
        {
          at: '2025-10-03T09:00:00.000Z',
          followers: { value: 21_500, exact: false, min: 21_450, max: 21_549 },
          tier: 'mid',
          sampleSize: 0,
        },
      ],
    },
    'x:sam': {
      platform: 'x',
      handle: 'sam',
      url: 'https://x.com/sam',
      savedAt: '2025-10-02T09:00:00.000Z',
      lastSeen: '2025-10-02T09:00:00.000Z',
      tags: ['tech'],
      note: 'met at a conference',
      history: [{ at: '2025-10-02T09:00:00.000Z', followers: { value: 900, exact: true, min: 900, max: 900 }, tier: 'nano', engagementPercent: 0.5, basis: 'followers', sampleSize: 20 }],
    },
  },
};

/** A v2 profile as v2 stored it under its own key: an object, its whole history (here 40 snapshots). */
function v2Profile(handle: string, snapshots: number): SavedProfile {
  const start = Date.parse('2025-06-01T08:00:00.000Z');
  return {
    platform: 'tiktok',
    handle,
    url: `https://www.tiktok.com/@${handle}?lang=en`,
    savedAt: new Date(start).toISOString(),
    lastSeen: new Date(start + (snapshots - 1) * 86_400_000).toISOString(),
    tags: ['food', 'UK, London'],
    note: 'rate | 50% off; ask ~ later!',
    history: Array.from({ length: snapshots }, (_, day) => ({
      at: new Date(start + day * 86_400_000).toISOString(),
      // Steady growth, with one jump on day 17 that thinning must keep.
      followers: exact(50_000 + day * 100 + (day === 17 ? 9_000 : 0)),
      tier: 'mid' as const,
      scheme: 'founding' as const,
      engagementPercent: 3.141592653589793 + day / 1000,
      basis: 'views' as const,
      method: 'mean' as const,
      sampleSize: 30,
      benchmark: 'above' as const,
      benchmarksVersion: '2025-11',
    })),
  };
}

/** What v2 (commit 8676fef) stored: the marker and one object per profile key. */
const V2_ITEMS: Record<string, unknown> = {
  [SHORTLIST_KEY]: { version: 2 },
  [storageKeyOf('tiktok:chef.ana')]: v2Profile('chef.ana', 40),
  [storageKeyOf('tiktok:bo')]: v2Profile('bo', 3),
};

/** What v3 (commit 792b9b5) stored: the marker and each profile's text, written by its encodeProfile. */
const V3_ITEMS: Record<string, unknown> = {
  [SHORTLIST_KEY]: { version: 3 },
  [storageKeyOf('youtube:chef.ana')]: '2|chef.ana|~@chef.ana||mbdderk0|2uvpc0|food|rate %7C 50%25 off|0,12kw,,3,0,3.5,v,m,c,2,2025-11;2uvpc0,13co,0.13ba.13e1,3,0,,,,,,!',
  [storageKeyOf('x:sam')]: '3|sam|~sam||mg96ppc0|0|||0,p0,,1,0,0.5,f,m,k',
};

beforeEach(() => {
  resetBrowser();
  // Setting data aside logs a warning: expected here.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('migrations', () => {
  it('are ordered, one version at a time, up to the current version', () => {
    MIGRATIONS.forEach((migration, index) => {
      expect(migration.from).toBe(index + 1);
      expect(migration.to).toBe(index + 2);
    });
    expect(MIGRATIONS.at(-1)?.to).toBe(SHORTLIST_VERSION);
  });

  it('v1 → v2: adds the benchmark verdict, method and scheme to every snapshot and keeps everything else', () => {
    const { shortlist, storedVersion, unreadable } = readShortlist(structuredClone(V1));
    expect(storedVersion).toBe(1);
    expect(unreadable).toBeUndefined();
    expect(shortlist.version).toBe(SHORTLIST_VERSION);
    const maya = shortlist.profiles['instagram:maya']!;
    expect(maya.displayName).toBe('Maya <b>Travels</b>');
    expect(maya.history).toHaveLength(2);
    // 1% for 20K Instagram followers: Modash's 10K–50K band is 0.84–1.11% → typical.
    expect(maya.history[0]).toMatchObject({ benchmark: 'typical', method: 'median', scheme: 'founding', benchmarksVersion: '2025-11' });
    // No rate, no benchmark.
    expect(maya.history[1]).toMatchObject({ benchmark: 'none', scheme: 'founding' });
    expect(maya.history[1]!.method).toBeUndefined();
    // X has no creator benchmark.
    const sam = shortlist.profiles['x:sam']!;
    expect(sam.history[0]!.benchmark).toBe('none');
    expect(sam).toMatchObject({ tags: ['tech'], note: 'met at a conference', savedAt: '2025-10-02T09:00:00.000Z' });
  });

  it('runs every migration from every earlier version', async () => {
    const fixtures: Record<number, Record<string, unknown>> = { 1: { [SHORTLIST_KEY]: V1 }, 2: V2_ITEMS, 3: V3_ITEMS };
    for (let version = 1; version < SHORTLIST_VERSION; version++) {
      const start = fixtures[version];
      expect(start, `add a fixture for schema version ${version}`).toBeDefined();
      resetBrowser();
      await fakeBrowser.storage.local.set(structuredClone(start!));
      const { shortlist } = await loadStoredShortlist();
      expect(shortlist.version).toBe(SHORTLIST_VERSION);
      expect(Object.keys(shortlist.profiles), `profiles of version ${version}`).toHaveLength(2);
      const items = await stored();
      expect(items[SHORTLIST_KEY]).toEqual({ version: SHORTLIST_VERSION });
      for (const [key, profile] of Object.entries(shortlist.profiles)) expect(items[storageKeyOf(key)]).toBe(storedProfile(profile));
      expect(await listUnreadable()).toEqual([]);
    }
  });

  it('v2 → v3: profiles stored as compact text; long histories thinned, keeping first, last and the jump', async () => {
    await fakeBrowser.storage.local.set(structuredClone(V2_ITEMS));
    const { shortlist } = await loadStoredShortlist();
    const ana = shortlist.profiles['tiktok:chef.ana']!;
    const original = v2Profile('chef.ana', 40);
    expect(ana.history).toHaveLength(HISTORY_KEPT);
    expect(ana.history[0]).toEqual(original.history[0]);
    expect(ana.history.at(-1)).toEqual(original.history.at(-1));
    expect(ana.history.map((snapshot) => snapshot.at)).toContain(original.history[17]!.at);
    // Everything but the thinned snapshots is kept as it was.
    // (The link rebuilt from platform and handle: the address bar's ?lang=en is not kept.)
    expect({ ...ana, history: [] }).toEqual({ ...original, url: 'https://www.tiktok.com/@chef.ana', history: [] });
    for (const snapshot of ana.history) expect(original.history).toContainEqual(snapshot);
    // A short history is untouched.
    expect(shortlist.profiles['tiktok:bo']).toEqual({ ...v2Profile('bo', 3), url: 'https://www.tiktok.com/@bo' });
    const items = await stored();
    expect(typeof items[storageKeyOf('tiktok:chef.ana')]).toBe('string');
    expect(JSON.stringify(items[storageKeyOf('tiktok:bo')]).length).toBeLessThan(JSON.stringify(v2Profile('bo', 3)).length / 2);
    // Read again: nothing left to migrate or repair.
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect((await loadStoredShortlist()).shortlist).toEqual(shortlist);
    expect(writes).not.toHaveBeenCalled();
  });

  it('v3 → v4: every profile reads as it was, without a quote or signals (unknown, never zero); its text is kept', async () => {
    await fakeBrowser.storage.local.set(structuredClone(V3_ITEMS));
    const { shortlist } = await loadStoredShortlist();
    const ana = shortlist.profiles['youtube:chef.ana']!;
    expect(ana).toMatchObject({ note: 'rate | 50% off', tags: ['food'], lastSeen: '2025-06-03T08:00:00.000Z' });
    expect(ana.history.map((snapshot) => snapshot.followers)).toEqual([exact(50_000), { value: 51_000, exact: false, min: 50_950, max: 51_049 }]);
    expect(ana.quote).toBeUndefined();
    expect(ana.history.every((snapshot) => snapshot.signals === undefined)).toBe(true);
    const items = await stored();
    expect(items[SHORTLIST_KEY]).toEqual({ version: SHORTLIST_VERSION });
    // A profile without v4's fields is the same text in v4: nothing rewritten but the marker.
    expect(items[storageKeyOf('youtube:chef.ana')]).toBe(V3_ITEMS[storageKeyOf('youtube:chef.ana')]);
    expect(items[storageKeyOf('x:sam')]).toBe(V3_ITEMS[storageKeyOf('x:sam')]);
  });

  it('a migrated shortlist reads the same when read again (idempotent)', () => {
    const once = readShortlist(structuredClone(V1)).shortlist;
    const twice = readShortlist(JSON.parse(JSON.stringify(once))).shortlist;
    expect(twice).toEqual(once);
  });

  it('stores the migrated shortlist back in the current layout: a key per profile', async () => {
    await fakeBrowser.storage.local.set({ [SHORTLIST_KEY]: V1 });
    const { shortlist } = await loadStoredShortlist();
    expect(Object.keys(shortlist.profiles)).toEqual(['instagram:maya', 'x:sam']);
    const items = await stored();
    expect(Object.keys(items).sort()).toEqual([SHORTLIST_KEY, REVISION_KEY, storageKeyOf('instagram:maya'), storageKeyOf('x:sam')].sort());
    // Profiles changed: a new revision came with them (the dashboard's stored first page is no longer current).
    expect(items[REVISION_KEY]).toEqual(expect.any(String));
    expect(items[SHORTLIST_KEY]).toEqual({ version: SHORTLIST_VERSION });
    expect(items[storageKeyOf('instagram:maya')]).toBe(storedProfile(shortlist.profiles['instagram:maya']!));
    expect(await listUnreadable()).toEqual([]);
    // Read again: nothing left to migrate or repair.
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect((await loadStoredShortlist()).shortlist).toEqual(shortlist);
    expect(writes).not.toHaveBeenCalled();
  });

  it('profile keys without the marker still read (and the marker is restored)', async () => {
    const { shortlist } = readShortlist(structuredClone(V1));
    await fakeBrowser.storage.local.set({ [storageKeyOf('x:sam')]: storedProfile(shortlist.profiles['x:sam']!) });
    expect(Object.keys((await loadStoredShortlist()).shortlist.profiles)).toEqual(['x:sam']);
    expect((await stored())[SHORTLIST_KEY]).toEqual({ version: SHORTLIST_VERSION });
  });

  it('two spellings of one handle become one profile under one key', async () => {
    const { shortlist } = readShortlist(structuredClone(V1));
    const maya = shortlist.profiles['instagram:maya']!;
    await fakeBrowser.storage.local.set({
      [SHORTLIST_KEY]: { version: 2 },
      [`${PROFILE_PREFIX}instagram:Maya`]: { ...maya, tags: ['a'] },
      [storageKeyOf('instagram:maya')]: { ...maya, tags: ['b'] },
    });
    const read = await loadStoredShortlist();
    expect(read.shortlist.profiles['instagram:maya']!.tags.sort()).toEqual(['a', 'b']);
    expect(Object.keys(await stored()).sort()).toEqual([SHORTLIST_KEY, REVISION_KEY, storageKeyOf('instagram:maya')].sort());
  });
});

describe('unreadable data', () => {
  it.each([
    ['a string', 'oops'],
    ['an array', [1, 2, 3]],
    ['no version', { profiles: {} }],
    ['version 0', { version: 0, profiles: {} }],
    ['a future version', { version: 99, profiles: { 'instagram:maya': { anything: true } } }],
    ['version 2 with unexpected fields', { version: 2, profiles: 'none' }],
  ])('%s → an empty shortlist, and the data set aside', async (_, garbage) => {
    await fakeBrowser.storage.local.set({ [SHORTLIST_KEY]: garbage });
    const { shortlist } = await loadStoredShortlist();
    expect(shortlist.profiles).toEqual({});
    const aside = await listUnreadable();
    expect(aside).toHaveLength(1);
    expect(aside[0]!.key).toMatch(/^microscope:unreadable:\d{4}-\d{2}-\d{2}T/);
    expect(aside[0]!.value).toMatchObject({ from: SHORTLIST_KEY, area: 'local', value: { [SHORTLIST_KEY]: garbage } });
    // Repaired: the next reader doesn't set it aside again.
    await loadStoredShortlist();
    expect(await listUnreadable()).toHaveLength(1);
    expect(await stored()).toEqual({ [SHORTLIST_KEY]: { version: SHORTLIST_VERSION }, [REVISION_KEY]: expect.any(String) });
  });

  it("a newer version's profile keys are set aside with its marker, not deleted", async () => {
    const newer = { [SHORTLIST_KEY]: { version: SHORTLIST_VERSION + 1 }, [storageKeyOf('instagram:maya')]: { handle: 'maya', followersByDay: [1, 2] } };
    await fakeBrowser.storage.local.set(newer);
    expect((await loadStoredShortlist()).shortlist.profiles).toEqual({});
    expect((await listUnreadable())[0]!.value).toMatchObject({ reason: expect.stringContaining('newer MicroScope'), value: newer });
    expect(await stored()).toEqual({ [SHORTLIST_KEY]: { version: SHORTLIST_VERSION }, [REVISION_KEY]: expect.any(String) });
  });

  it('keeps the readable profiles and sets aside only the broken one', async () => {
    const v1 = structuredClone(V1) as unknown as { profiles: Record<string, unknown> };
    v1.profiles['tiktok:broken'] = { platform: 'tiktok', handle: 'broken', url: 'javascript:alert(1)', history: [] };
    await fakeBrowser.storage.local.set({ [SHORTLIST_KEY]: v1 });
    const { shortlist } = await loadStoredShortlist();
    expect(Object.keys(shortlist.profiles).sort()).toEqual(['instagram:maya', 'x:sam']);
    const aside = await listUnreadable();
    expect(aside).toHaveLength(1);
    expect(aside[0]!.value).toMatchObject({
      reason: '1 saved profile could not be read',
      value: { version: 1, profiles: { 'tiktok:broken': { value: { handle: 'broken' } } } },
    });
  });

  it('a broken profile key is set aside and removed; the others stay', async () => {
    const { shortlist } = readShortlist(structuredClone(V1));
    await fakeBrowser.storage.local.set({
      [SHORTLIST_KEY]: { version: 2 },
      [storageKeyOf('x:sam')]: shortlist.profiles['x:sam'],
      [storageKeyOf('tiktok:broken')]: { platform: 'tiktok', handle: 'broken' },
    });
    expect(Object.keys((await loadStoredShortlist()).shortlist.profiles)).toEqual(['x:sam']);
    expect(await listUnreadable()).toHaveLength(1);
    expect(Object.keys(await stored()).sort()).toEqual([SHORTLIST_KEY, REVISION_KEY, storageKeyOf('x:sam')].sort());
  });

  it('a stored text that is not a profile is set aside and removed', async () => {
    const { shortlist } = readShortlist(structuredClone(V1));
    await fakeBrowser.storage.local.set({
      [SHORTLIST_KEY]: { version: SHORTLIST_VERSION },
      [storageKeyOf('x:sam')]: storedProfile(shortlist.profiles['x:sam']!),
      [storageKeyOf('x:cut')]: storedProfile(shortlist.profiles['x:sam']!).slice(0, 20),
      [storageKeyOf('x:zz')]: '4|zz|javascript%3Aalert(1)||zzzzzzzzzzzz|0|||0',
    });
    expect(Object.keys((await loadStoredShortlist()).shortlist.profiles)).toEqual(['x:sam']);
    expect(Object.keys(await stored()).sort()).toEqual([SHORTLIST_KEY, REVISION_KEY, storageKeyOf('x:sam')].sort());
    expect((await listUnreadable())[0]!.value).toMatchObject({ reason: '2 saved profiles could not be read' });
  });

  it('sets aside unreadable recent views too', async () => {
    await fakeBrowser.storage.local.set({ [RECENT_KEY]: { version: 2, views: [{ platform: 'myspace' }] } });
    const { recent } = await loadStoredShortlist();
    expect(recent).toEqual([]);
    expect(await listUnreadable()).toHaveLength(1);
  });

  it('nothing stored is not unreadable', async () => {
    const { shortlist, recent } = await loadStoredShortlist();
    expect(shortlist.profiles).toEqual({});
    expect(recent).toEqual([]);
    expect(await listUnreadable()).toEqual([]);
  });
});
