import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SHORTLIST_VERSION } from '@/lib/shortlist';
import {
  listUnreadable,
  loadStoredShortlist,
  MIGRATIONS,
  PROFILE_PREFIX,
  readShortlist,
  RECENT_KEY,
  SHORTLIST_KEY,
  storageKeyOf,
  type ShortlistV1,
} from '@/lib/storage';

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

beforeEach(() => {
  fakeBrowser.reset();
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
    expect(shortlist.version).toBe(2);
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

  it('runs every migration from every earlier version', () => {
    for (let version = 1; version < SHORTLIST_VERSION; version++) {
      const start = version === 1 ? structuredClone(V1) : undefined;
      expect(start, `add a fixture for schema version ${version}`).toBeDefined();
      expect(readShortlist(start).shortlist.version).toBe(SHORTLIST_VERSION);
    }
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
    expect(Object.keys(items).sort()).toEqual([SHORTLIST_KEY, storageKeyOf('instagram:maya'), storageKeyOf('x:sam')].sort());
    expect(items[SHORTLIST_KEY]).toEqual({ version: 2 });
    expect(items[storageKeyOf('instagram:maya')]).toEqual(shortlist.profiles['instagram:maya']);
    expect(await listUnreadable()).toEqual([]);
    // Read again: nothing left to migrate or repair.
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect((await loadStoredShortlist()).shortlist).toEqual(shortlist);
    expect(writes).not.toHaveBeenCalled();
  });

  it('profile keys without the marker still read (and the marker is restored)', async () => {
    const { shortlist } = readShortlist(structuredClone(V1));
    await fakeBrowser.storage.local.set({ [storageKeyOf('x:sam')]: shortlist.profiles['x:sam'] });
    expect(Object.keys((await loadStoredShortlist()).shortlist.profiles)).toEqual(['x:sam']);
    expect((await stored())[SHORTLIST_KEY]).toEqual({ version: 2 });
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
    expect(Object.keys(await stored()).sort()).toEqual([SHORTLIST_KEY, storageKeyOf('instagram:maya')].sort());
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
    expect(await stored()).toEqual({ [SHORTLIST_KEY]: { version: 2 } });
  });

  it("a newer version's profile keys are set aside with its marker, not deleted", async () => {
    const newer = { [SHORTLIST_KEY]: { version: 3 }, [storageKeyOf('instagram:maya')]: { handle: 'maya', followersByDay: [1, 2] } };
    await fakeBrowser.storage.local.set(newer);
    expect((await loadStoredShortlist()).shortlist.profiles).toEqual({});
    expect((await listUnreadable())[0]!.value).toMatchObject({ reason: expect.stringContaining('newer MicroScope'), value: newer });
    expect(await stored()).toEqual({ [SHORTLIST_KEY]: { version: 2 } });
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
    expect(Object.keys(await stored()).sort()).toEqual([SHORTLIST_KEY, storageKeyOf('x:sam')].sort());
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
