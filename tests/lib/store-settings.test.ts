import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY } from '@/lib/storage-keys';
import { fakeBrowser } from 'wxt/testing';
import { resetBrowser } from '../shortlist-env';
import { applySettingsPatch, DEFAULT_SETTINGS, parseSettings } from '@/lib/settings';
import { loadSettings, reloadSettings, saveSettings, settingsDocument, SETTINGS_VERSION, settingsWritesSettled, useSettings, watchSettings } from '@/lib/settings-storage';
import { deleteSetAside, listUnreadable, SET_ASIDE_LIMITS, setAside } from '@/lib/set-aside';

async function storedSettings(): Promise<unknown> {
  await settingsWritesSettled();
  return (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
}

/** Set-aside copies up to the cap (small ones, from the shortlist). */
async function fillSetAside(): Promise<void> {
  for (let index = 0; index < SET_ASIDE_LIMITS.copies; index++) {
    await setAside('microscope:shortlist', 'local', { reason: `copy ${index}`, value: index }, Date.parse('2026-12-01T10:00:00.000Z') + index * 60_000);
  }
}

beforeEach(async () => {
  resetBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await reloadSettings();
});

afterEach(async () => {
  await settingsWritesSettled();
});

describe('parseSettings', () => {
  it.each([
    ['nothing', undefined, {}, 0],
    ['a sample size out of range', { sampleSize: 500 }, {}, 1],
    ['a fractional sample size', { sampleSize: 2.5 }, {}, 1],
    ['an unknown scheme', { tierScheme: 'giant' }, {}, 1],
    ['custom without thresholds', { tierScheme: 'custom' }, { tierScheme: 'founding' }, 1],
    ['custom with bad thresholds', { tierScheme: 'custom', customBounds: { nano: 0, micro: 500, mid: 400, macro: 1e5, mega: 1e6 } }, { tierScheme: 'founding' }, 2],
    ['custom with good thresholds', { tierScheme: 'custom', customBounds: { nano: 0, micro: 5_000, mid: 50_000, macro: 1e5, mega: 1e6 } }, { tierScheme: 'custom' }, 0],
    ['a platform turned off', { platforms: { tiktok: false } }, { platforms: { ...DEFAULT_SETTINGS.platforms, tiktok: false } }, 0],
    ['a platform set to "no"', { platforms: { tiktok: 'no' } }, {}, 1],
    ['a string instead of an object', 'dark mode', {}, 1],
    ['mean, pinned, no badge', { engagementMethod: 'mean', includePinned: true, badge: false }, { engagementMethod: 'mean', includePinned: true, badge: false }, 0],
  ])('%s', (_, raw, expected, problems) => {
    const read = parseSettings(raw);
    expect(read.settings).toMatchObject({ ...DEFAULT_SETTINGS, ...expected });
    expect(read.problems).toHaveLength(problems);
  });
});

describe('loadSettings / saveSettings / watchSettings', () => {
  it('defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and defaults the invalid ones', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, sampleSize: 12, engagementMethod: 'average', badge: false } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, sampleSize: 12, badge: false });
  });

  it('stores in storage.sync with a version, and tells watchers', async () => {
    const seen: unknown[] = [];
    const stop = watchSettings((settings) => seen.push(settings.sampleSize));
    await saveSettings({ ...DEFAULT_SETTINGS, sampleSize: 12 });
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ version: 1, sampleSize: 12 });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { sampleSize: 99 } }); // another area: ignored
    stop();
    await saveSettings({ ...DEFAULT_SETTINGS, sampleSize: 13 });
    expect(seen).toEqual([12]);
  });
});

describe('useSettings', () => {
  it('hydrates from storage.sync', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, tierScheme: 'five-tier' } });
    await reloadSettings();
    expect(useSettings.getState()).toMatchObject({ hydrated: true, settings: { tierScheme: 'five-tier' } });
  });

  it('applies updates at once and saves them', async () => {
    useSettings.getState().update({ sampleSize: 20 });
    useSettings.getState().update({ badge: false });
    expect(useSettings.getState().settings).toMatchObject({ sampleSize: 20, badge: false });
    expect(await storedSettings()).toMatchObject({ version: 1, sampleSize: 20, badge: false });
    expect(useSettings.getState().settings).toMatchObject({ sampleSize: 20, badge: false });
  });

  it('validates updates: an invalid value keeps the previous one', () => {
    useSettings.getState().update({ sampleSize: 0 });
    expect(useSettings.getState().settings.sampleSize).toBe(DEFAULT_SETTINGS.sampleSize);
  });

  it("follows another browser's change", async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, engagementMethod: 'mean' } });
    expect(useSettings.getState().settings.engagementMethod).toBe('mean');
  });

  it('sets broken stored settings aside, then repairs them', async () => {
    const broken = { version: 1, sampleSize: 'lots', badge: false };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: broken });
    await reloadSettings();
    expect(useSettings.getState().settings).toMatchObject({ sampleSize: 30, badge: false });
    const aside = await listUnreadable();
    expect(aside.map((entry) => entry.value)).toEqual([expect.objectContaining({ from: SETTINGS_KEY, area: 'sync', value: broken })]);
    expect(await storedSettings()).toMatchObject({ version: 1, sampleSize: 30, badge: false });
  });

  it('leaves broken stored settings in storage.sync when the set-aside copies are full, running on the defaults', async () => {
    await fillSetAside();
    const broken = { version: 1, sampleSize: 'lots', badge: false };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: broken });
    await reloadSettings();
    expect(useSettings.getState()).toMatchObject({ hydrated: true, settings: { sampleSize: 30, badge: false } });
    expect(await storedSettings()).toEqual(broken);
    expect(await listUnreadable()).toHaveLength(SET_ASIDE_LIMITS.copies);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('stored settings left unchanged'));

    // Once the person deletes a copy, the next start sets them aside and repairs them.
    await deleteSetAside((await listUnreadable())[0]!.key);
    await reloadSettings();
    expect((await listUnreadable()).at(-1)!.value).toMatchObject({ from: SETTINGS_KEY, value: broken });
    expect(await storedSettings()).toMatchObject({ version: 1, sampleSize: 30, badge: false });
  });

  it('leaves broken stored settings in storage.sync when their copy could not be written', async () => {
    const broken = { version: 1, tierScheme: 'giant' };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: broken });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await reloadSettings();
    expect(useSettings.getState().settings.tierScheme).toBe(DEFAULT_SETTINGS.tierScheme);
    expect(await storedSettings()).toEqual(broken);
    expect(await listUnreadable()).toEqual([]);
  });

  it("reads a newer version's settings as far as it can, without rewriting them", async () => {
    const newer = { version: 2, sampleSize: 40, engagementMethod: 'trimmed-mean', theme: 'neon' };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    await reloadSettings();
    expect(useSettings.getState().settings).toMatchObject({ sampleSize: 40, engagementMethod: 'median' });
    expect(await storedSettings()).toEqual(newer);
    expect(await listUnreadable()).toEqual([]);
  });
});

describe('applySettingsPatch', () => {
  const settings = { ...DEFAULT_SETTINGS, sampleSize: 12 };
  it.each([
    ['a valid field', { badge: false }, { ...settings, badge: false }],
    ['an invalid field keeps the value it had, not the default', { sampleSize: 0 }, settings],
    ['only the invalid field is left out', { sampleSize: 500, badge: false }, { ...settings, badge: false }],
    ['custom without thresholds is left out', { tierScheme: 'custom' as const }, settings],
    [
      'custom with thresholds',
      { tierScheme: 'custom' as const, customBounds: { nano: 0, micro: 5_000, mid: 50_000, macro: 1e5, mega: 1e6 } },
      { ...settings, tierScheme: 'custom', customBounds: { nano: 0, micro: 5_000, mid: 50_000, macro: 1e5, mega: 1e6 } },
    ],
  ])('%s', (_, patch, expected) => {
    expect(applySettingsPatch(settings, patch)).toEqual(expected);
  });
});

describe('settingsDocument: what a write stores', () => {
  it('keeps fields and platforms this version does not know, and a higher version', () => {
    const stored = { version: 3, theme: 'neon', platforms: { instagram: true, mastodon: false } };
    expect(settingsDocument(stored, { ...DEFAULT_SETTINGS, badge: false })).toEqual({
      ...DEFAULT_SETTINGS,
      badge: false,
      version: 3,
      theme: 'neon',
      platforms: { ...DEFAULT_SETTINGS.platforms, mastodon: false },
    });
  });

  it('writes this version over a missing, lower or odd one, and drops known fields the settings no longer have', () => {
    for (const version of [undefined, 0, '2', Number.NaN]) {
      expect(settingsDocument({ version }, DEFAULT_SETTINGS).version).toBe(SETTINGS_VERSION);
    }
    expect(settingsDocument({ version: 1, customBounds: { nano: 'x' } }, DEFAULT_SETTINGS)).not.toHaveProperty('customBounds');
    expect(settingsDocument('dark mode', DEFAULT_SETTINGS)).toEqual({ ...DEFAULT_SETTINGS, version: SETTINGS_VERSION });
  });
});

describe('settings written by other versions (issue 13)', () => {
  // As a later MicroScope might write them: a new version, a new field, a field's new value, a new platform.
  const newer = { version: 2, sampleSize: 40, engagementMethod: 'trimmed-mean', theme: 'neon', platforms: { instagram: false, mastodon: true } };

  it('a newer version\'s settings survive an edit attempt byte for byte', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    const before = JSON.stringify((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
    await reloadSettings();
    expect(useSettings.getState()).toMatchObject({ newer: true, settings: { sampleSize: 40, engagementMethod: 'median', platforms: { instagram: false } } });

    useSettings.getState().update({ sampleSize: 20, badge: false });
    expect(useSettings.getState().settings).toMatchObject({ sampleSize: 40, badge: true });
    expect(await saveSettings({ sampleSize: 20 })).toMatchObject({ saved: false, reason: 'newer' });
    expect(JSON.stringify(await storedSettings())).toBe(before);
    expect(await listUnreadable()).toEqual([]);
  });

  it('a same-version document keeps a field it does not know through an edit', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, sampleSize: 12, theme: 'neon', platforms: { tiktok: false, mastodon: true } } });
    await reloadSettings();
    expect(useSettings.getState().newer).toBe(false);
    useSettings.getState().update({ badge: false });
    expect(await storedSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      version: 1,
      sampleSize: 12,
      badge: false,
      theme: 'neon',
      platforms: { ...DEFAULT_SETTINGS.platforms, tiktok: false, mastodon: true },
    });
  });

  it('a repair of broken settings keeps the fields it does not know', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, sampleSize: 'lots', theme: 'neon' } });
    await reloadSettings();
    expect(await storedSettings()).toMatchObject({ version: 1, sampleSize: 30, theme: 'neon' });
  });

  it('a write is a patch over what is stored: a field another browser changed meanwhile stays', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, badge: false, theme: 'neon' } });
    // This context has not seen badge: false; it changes the sample size only.
    expect(await saveSettings({ sampleSize: 20 })).toMatchObject({ saved: true });
    expect(await storedSettings()).toMatchObject({ version: 1, badge: false, sampleSize: 20, theme: 'neon' });
  });

  it('an invalid update keeps the value it had', async () => {
    useSettings.getState().update({ sampleSize: 12 });
    useSettings.getState().update({ sampleSize: 0 });
    expect(useSettings.getState().settings.sampleSize).toBe(12);
    expect(await storedSettings()).toMatchObject({ sampleSize: 12 });
  });

  it('an invalid update does not undo a valid one still waiting to be written', async () => {
    useSettings.getState().update({ badge: false }); // on its way
    useSettings.getState().update({ sampleSize: 12 }); // waiting
    useSettings.getState().update({ sampleSize: 0, includePinned: true }); // waiting, merged
    expect(useSettings.getState().settings).toMatchObject({ badge: false, sampleSize: 12, includePinned: true });
    expect(await storedSettings()).toMatchObject({ badge: false, sampleSize: 12, includePinned: true });
  });

  it('settings a newer version writes in another browser: shown, then left alone', async () => {
    await reloadSettings();
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    expect(useSettings.getState()).toMatchObject({ newer: true, settings: { sampleSize: 40 } });
    useSettings.getState().update({ badge: false });
    expect(await storedSettings()).toEqual(newer);
    // Back to this version's (the marketer went back to it everywhere): editable again.
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, sampleSize: 40 } });
    expect(useSettings.getState().newer).toBe(false);
    useSettings.getState().update({ badge: false });
    expect(await storedSettings()).toMatchObject({ version: 1, sampleSize: 40, badge: false });
  });

  it('a newer version that writes while our change is on its way wins: ours is dropped, the page says so', async () => {
    await reloadSettings();
    const set = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    // The newer version's write lands between our update and our write's read of what is stored.
    get.mockImplementationOnce(async (keys) => {
      await set({ [SETTINGS_KEY]: newer });
      get.mockRestore();
      return fakeBrowser.storage.sync.get(keys as string);
    });
    useSettings.getState().update({ badge: false });
    expect(await storedSettings()).toEqual(newer);
    expect(useSettings.getState()).toMatchObject({ newer: true, settings: { badge: true, sampleSize: 40 } });
  });
});
