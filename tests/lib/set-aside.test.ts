import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SET_ASIDE_DROPPED_KEY, UNREADABLE_PREFIX } from '@/lib/storage-keys';
import { fakeBrowser } from 'wxt/testing';
import { copiesToDrop, deleteSetAside, dismissDropped, jsonSize, listSetAside, listUnreadable, SET_ASIDE_LIMITS, setAside, setAsideFile, watchSetAside } from '@/lib/set-aside';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const MINUTE = 60_000;

/** `count` copies, a minute apart from T0, each holding `characters` of data. */
async function setAsideMany(count: number, characters = 10): Promise<void> {
  for (let index = 0; index < count; index++) {
    await setAside('microscope:shortlist', 'local', { reason: `copy ${index}`, value: 'x'.repeat(characters) }, T0 + index * MINUTE);
  }
}

let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('copiesToDrop', () => {
  const copies = (...sizes: number[]) => sizes.map((size, index) => ({ key: `k${index}`, size }));
  it.each([
    ['room for all', copies(10, 10), 10, { copies: 3, bytes: 100 }, []],
    ['one copy too many: the oldest goes', copies(10, 10, 10), 10, { copies: 3, bytes: 100 }, ['k0']],
    ['too big in all: the oldest go until it fits', copies(40, 30, 20), 30, { copies: 10, bytes: 60 }, ['k0', 'k1']],
    ['the new copy alone over the cap: all older go, the new one stays', copies(5, 5), 500, { copies: 10, bytes: 100 }, ['k0', 'k1']],
    ['nothing stored', copies(), 500, { copies: 1, bytes: 100 }, []],
  ])('%s', (_, stored, size, limits, expected) => {
    expect(copiesToDrop(stored, size, limits)).toEqual(expected);
  });
});

describe('setAside', () => {
  it('keeps a copy with where it came from and why, and says so', async () => {
    const result = await setAside('microscope:settings', 'sync', { reason: 'sampleSize: "lots" is not valid', value: { sampleSize: 'lots' } }, T0);
    expect(result).toEqual({ key: `${UNREADABLE_PREFIX}2026-12-01T10:00:00.000Z`, dropped: [] });
    expect(await listUnreadable()).toEqual([
      {
        key: result.key,
        value: { from: 'microscope:settings', area: 'sync', reason: 'sampleSize: "lots" is not valid', at: '2026-12-01T10:00:00.000Z', value: { sampleSize: 'lots' } },
      },
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`kept a copy under ${result.key}`));
  });

  it(`keeps at most ${SET_ASIDE_LIMITS.copies} copies: the oldest go, and are named in the result, the console and storage`, async () => {
    await setAsideMany(SET_ASIDE_LIMITS.copies);
    const result = await setAside('microscope:recent', 'local', { reason: 'not a list of recent views', value: 42 }, T0 + 60 * MINUTE);
    expect(result.key).toBeDefined();
    expect(result.dropped).toEqual([
      expect.objectContaining({ key: `${UNREADABLE_PREFIX}2026-12-01T10:00:00.000Z`, from: 'microscope:shortlist', reason: 'copy 0', at: '2026-12-01T10:00:00.000Z' }),
    ]);
    const left = await listUnreadable();
    expect(left).toHaveLength(SET_ASIDE_LIMITS.copies);
    expect(left[0]!.key).toBe(`${UNREADABLE_PREFIX}2026-12-01T10:01:00.000Z`);
    expect(left.at(-1)!.key).toBe(result.key);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/capped at 20 .*dropped microscope:unreadable:2026-12-01T10:00:00\.000Z \(microscope:shortlist: copy 0/));
    const { dropped } = await listSetAside();
    expect(dropped).toEqual(result.dropped);
  });

  it(`keeps at most ${SET_ASIDE_LIMITS.bytes} characters in all: the oldest go until the new copy fits`, async () => {
    await setAsideMany(3, 650_000); // 1.95 MB: within the cap
    expect(await listUnreadable()).toHaveLength(3);
    const result = await setAside('microscope:shortlist', 'local', { reason: 'newer', value: 'y'.repeat(900_000) }, T0 + 60 * MINUTE);
    expect(result.dropped.map((copy) => copy.reason)).toEqual(['copy 0', 'copy 1']);
    const { copies } = await listSetAside();
    expect(copies.map((copy) => copy.reason)).toEqual(['newer', 'copy 2']);
    expect(copies.reduce((sum, copy) => sum + copy.size, 0)).toBeLessThanOrEqual(SET_ASIDE_LIMITS.bytes);
    // Sizes are the stored copy's JSON: its data and a little for where from and why.
    expect(result.dropped[0]!.size).toBe(jsonSize({ from: 'microscope:shortlist', area: 'local', reason: 'copy 0', at: '2026-12-01T10:00:00.000Z', value: 'x'.repeat(650_000) }));
  });

  it('never cuts or refuses the new copy, even alone over the cap: a newer version\'s whole shortlist must survive', async () => {
    await setAsideMany(2);
    const big = { 'microscope:shortlist': { version: 9 }, data: 'z'.repeat(SET_ASIDE_LIMITS.bytes + 10) };
    const result = await setAside('microscope:shortlist', 'local', { reason: 'written by a newer MicroScope', value: big }, T0 + 60 * MINUTE);
    expect(result.dropped).toHaveLength(2);
    const left = await listUnreadable();
    expect(left).toHaveLength(1);
    expect((left[0]!.value as { value: unknown }).value).toEqual(big);
  });

  it('calls made at once are taken one after another: the cap holds', async () => {
    const results = await Promise.all(
      Array.from({ length: SET_ASIDE_LIMITS.copies + 5 }, (_, index) => setAside('microscope:shortlist', 'local', { reason: `at once ${index}`, value: index }, T0)),
    );
    expect(new Set(results.map((result) => result.key)).size).toBe(SET_ASIDE_LIMITS.copies + 5);
    expect(await listUnreadable()).toHaveLength(SET_ASIDE_LIMITS.copies);
    expect(results.flatMap((result) => result.dropped.map((copy) => copy.reason))).toEqual(['at once 0', 'at once 1', 'at once 2', 'at once 3', 'at once 4']);
    expect((await listSetAside()).dropped).toHaveLength(5);
  });

  it('never throws: a failed write is in the result and on the console', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const result = await setAside('microscope:shortlist', 'local', { reason: 'newer', value: 1 }, T0);
    expect(result).toEqual({ dropped: [], error: 'QUOTA_BYTES quota exceeded' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not keep a copy'), expect.any(Error));
  });
});

describe('listSetAside / deleteSetAside / dismissDropped / watchSetAside', () => {
  it('lists the newest first, with size, and tolerates a copy written by hand', async () => {
    await setAsideMany(2);
    await fakeBrowser.storage.local.set({ [`${UNREADABLE_PREFIX}2026-12-01T12:00:00.000Z`]: 'just text' });
    const { copies, dropped } = await listSetAside();
    expect(dropped).toEqual([]);
    expect(copies.map((copy) => [copy.at, copy.from, copy.reason])).toEqual([
      ['2026-12-01T12:00:00.000Z', '', ''],
      ['2026-12-01T10:01:00.000Z', 'microscope:shortlist', 'copy 1'],
      ['2026-12-01T10:00:00.000Z', 'microscope:shortlist', 'copy 0'],
    ]);
    expect(copies[0]).toMatchObject({ value: 'just text', size: '"just text"'.length });
  });

  it('deletes the copy asked for, and nothing that is not a copy', async () => {
    await setAsideMany(2);
    await fakeBrowser.storage.local.set({ 'microscope:shortlist': { version: 3 } });
    const [first, second] = await listUnreadable();
    expect(await deleteSetAside(first!.key)).toBe(true);
    expect(await listUnreadable()).toEqual([second]);
    expect(await deleteSetAside('microscope:shortlist')).toBe(false);
    expect((await fakeBrowser.storage.local.get('microscope:shortlist'))['microscope:shortlist']).toEqual({ version: 3 });
    // The person's deletion is not the cap's: no note of it.
    expect((await listSetAside()).dropped).toEqual([]);
  });

  it('forgets the note of dropped copies once dismissed', async () => {
    await setAsideMany(SET_ASIDE_LIMITS.copies + 1);
    expect((await listSetAside()).dropped).toHaveLength(1);
    await dismissDropped();
    expect(await fakeBrowser.storage.local.get(SET_ASIDE_DROPPED_KEY)).toEqual({});
    expect(await listUnreadable()).toHaveLength(SET_ASIDE_LIMITS.copies);
  });

  it('tells watchers about copies and the note, not about other keys', async () => {
    const calls = vi.fn();
    const stop = watchSetAside(calls);
    await fakeBrowser.storage.local.set({ 'microscope:recent': { version: 3, views: [] } });
    expect(calls).not.toHaveBeenCalled();
    await setAsideMany(1);
    expect(calls).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ [SET_ASIDE_DROPPED_KEY]: { version: 1, dropped: [] } });
    expect(calls).toHaveBeenCalledTimes(2);
    stop();
    await setAsideMany(1);
    expect(calls).toHaveBeenCalledTimes(2);
  });
});

describe('setAsideFile', () => {
  it('is the stored copy with its key, as JSON, named after its time', async () => {
    await setAside('microscope:settings', 'sync', { reason: 'bad', value: { version: 1, sampleSize: 'lots' } }, T0);
    const [copy] = (await listSetAside()).copies;
    const file = setAsideFile(copy!);
    expect(file.name).toBe('microscope-set-aside-2026-12-01T10-00-00.000Z.json');
    expect(JSON.parse(file.text)).toEqual({
      key: `${UNREADABLE_PREFIX}2026-12-01T10:00:00.000Z`,
      from: 'microscope:settings',
      area: 'sync',
      reason: 'bad',
      at: '2026-12-01T10:00:00.000Z',
      value: { version: 1, sampleSize: 'lots' },
    });
  });
});
