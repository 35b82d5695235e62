import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UNREADABLE_PREFIX } from '@/lib/storage-keys';
import { fakeBrowser } from 'wxt/testing';
import { deleteSetAside, hasRoomFor, jsonSize, listSetAside, listUnreadable, SET_ASIDE_LIMITS, setAside, setAsideFile, setAsideUsage, watchSetAside } from '@/lib/set-aside';

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

describe('hasRoomFor / setAsideUsage', () => {
  const copies = (...sizes: number[]) => sizes.map((size) => ({ size }));
  it.each([
    ['room for all', copies(10, 10), 10, { copies: 3, bytes: 100 }, true],
    ['one copy too many', copies(10, 10, 10), 10, { copies: 3, bytes: 100 }, false],
    ['exactly the bytes cap', copies(40, 30), 30, { copies: 10, bytes: 100 }, true],
    ['one character over the bytes cap', copies(40, 30), 31, { copies: 10, bytes: 100 }, false],
    ['the new copy alone over the cap', copies(), 101, { copies: 10, bytes: 100 }, false],
    ['nothing stored', copies(), 50, { copies: 1, bytes: 100 }, true],
  ])('%s', (_, stored, size, limits, expected) => {
    expect(hasRoomFor(stored, size, limits)).toBe(expected);
  });

  it.each([
    ['empty', copies(), { count: 0, bytes: 0, full: false }],
    ['below the cap', copies(100, 200), { count: 2, bytes: 300, full: false }],
    ['at the count cap', copies(...Array<number>(SET_ASIDE_LIMITS.copies).fill(100)), { count: SET_ASIDE_LIMITS.copies, bytes: 100 * SET_ASIDE_LIMITS.copies, full: true }],
    ['too few characters left for even the smallest copy', copies(SET_ASIDE_LIMITS.bytes - 10), { count: 1, bytes: SET_ASIDE_LIMITS.bytes - 10, full: true }],
  ])('usage: %s', (_, stored, expected) => {
    expect(setAsideUsage(stored)).toEqual(expected);
  });
});

describe('setAside', () => {
  it('keeps a copy with where it came from and why, and says so', async () => {
    const result = await setAside('microscope:settings', 'sync', { reason: 'sampleSize: "lots" is not valid', value: { sampleSize: 'lots' } }, T0);
    expect(result).toEqual({ key: `${UNREADABLE_PREFIX}2026-12-01T10:00:00.000Z` });
    expect(await listUnreadable()).toEqual([
      {
        key: result.key,
        value: { from: 'microscope:settings', area: 'sync', reason: 'sampleSize: "lots" is not valid', at: '2026-12-01T10:00:00.000Z', value: { sampleSize: 'lots' } },
      },
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`kept a copy under ${result.key}`));
  });

  it(`at ${SET_ASIDE_LIMITS.copies} copies, refuses the new one and keeps every old one`, async () => {
    await setAsideMany(SET_ASIDE_LIMITS.copies);
    const before = await listUnreadable();
    warn.mockClear();
    const result = await setAside('microscope:recent', 'local', { reason: 'not a list of recent views', value: 42 }, T0 + 60 * MINUTE);
    expect(result).toEqual({ key: undefined, full: true, error: expect.stringMatching(/^set-aside copies are full \(20 of 20, /) });
    expect(await listUnreadable()).toEqual(before);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[MicroScope\] microscope:recent \(local\): not a list of recent views; set-aside copies are full .*: left where it is$/));
  });

  it('deleting a copy makes room for the next one', async () => {
    await setAsideMany(SET_ASIDE_LIMITS.copies);
    expect((await setAside('microscope:recent', 'local', { reason: 'refused', value: 1 }, T0 + 60 * MINUTE)).full).toBe(true);
    const [oldest, ...rest] = await listUnreadable();
    await deleteSetAside(oldest!.key);
    const result = await setAside('microscope:recent', 'local', { reason: 'kept', value: 1 }, T0 + 61 * MINUTE);
    expect(result).toEqual({ key: `${UNREADABLE_PREFIX}2026-12-01T11:01:00.000Z` });
    expect((await listUnreadable()).map((copy) => copy.key)).toEqual([...rest.map((copy) => copy.key), result.key]);
  });

  it(`refuses a copy that would take the copies over ${SET_ASIDE_LIMITS.bytes} characters, keeping the old ones`, async () => {
    await setAsideMany(3, 650_000); // 1.95 MB: within the cap
    const before = await listUnreadable();
    expect(before).toHaveLength(3);
    const result = await setAside('microscope:shortlist', 'local', { reason: 'newer', value: 'y'.repeat(60_000) }, T0 + 60 * MINUTE);
    expect(result).toMatchObject({ key: undefined, full: true });
    expect(await listUnreadable()).toEqual(before);
    // Sizes are the stored copy's JSON: its data and a little for where from and why.
    const { copies } = await listSetAside();
    expect(copies.at(-1)!.size).toBe(jsonSize({ from: 'microscope:shortlist', area: 'local', reason: 'copy 0', at: '2026-12-01T10:00:00.000Z', value: 'x'.repeat(650_000) }));
    // A small one still fits.
    expect((await setAside('microscope:shortlist', 'local', { reason: 'small', value: 'z' }, T0 + 61 * MINUTE)).key).toBeDefined();
  });

  it('refuses a copy alone over the bytes cap, and deletes nothing for it', async () => {
    await setAsideMany(2);
    const big = { 'microscope:shortlist': { version: 9 }, data: 'z'.repeat(SET_ASIDE_LIMITS.bytes + 10) };
    const result = await setAside('microscope:shortlist', 'local', { reason: 'written by a newer MicroScope', value: big }, T0 + 60 * MINUTE);
    expect(result).toMatchObject({ key: undefined, full: true });
    expect(await listUnreadable()).toHaveLength(2);
  });

  it('calls made at once are taken one after another: the cap holds, and the earliest are kept', async () => {
    const results = await Promise.all(
      Array.from({ length: SET_ASIDE_LIMITS.copies + 5 }, (_, index) => setAside('microscope:shortlist', 'local', { reason: `at once ${index}`, value: index }, T0)),
    );
    const kept = results.filter((result) => result.key !== undefined);
    expect(new Set(kept.map((result) => result.key)).size).toBe(SET_ASIDE_LIMITS.copies);
    expect(results.slice(SET_ASIDE_LIMITS.copies).every((result) => result.full)).toBe(true);
    const { copies } = await listSetAside();
    expect(copies).toHaveLength(SET_ASIDE_LIMITS.copies);
    expect(copies.at(-1)!.reason).toBe('at once 0');
  });

  it('never throws: a failed write is in the result and on the console', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const result = await setAside('microscope:shortlist', 'local', { reason: 'newer', value: 1 }, T0);
    expect(result).toEqual({ error: 'QUOTA_BYTES quota exceeded' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not keep a copy'), expect.any(Error));
  });
});

describe('listSetAside / deleteSetAside / watchSetAside', () => {
  it('lists the newest first, with size, and tolerates a copy written by hand', async () => {
    await setAsideMany(2);
    await fakeBrowser.storage.local.set({ [`${UNREADABLE_PREFIX}2026-12-01T12:00:00.000Z`]: 'just text' });
    const { copies } = await listSetAside();
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
  });

  it('tells watchers about copies, not about other keys', async () => {
    const calls = vi.fn();
    const stop = watchSetAside(calls);
    await fakeBrowser.storage.local.set({ 'microscope:recent': { version: 3, views: [] } });
    expect(calls).not.toHaveBeenCalled();
    await setAsideMany(1);
    expect(calls).toHaveBeenCalledTimes(1);
    await deleteSetAside((await listUnreadable())[0]!.key);
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
