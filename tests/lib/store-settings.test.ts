import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { resetBrowser } from '../shortlist-env';
import { DEFAULT_SETTINGS, parseSettings } from '@/lib/settings';
import {
  loadSettings,
  reloadSettings,
  saveSettings,
  SETTINGS_KEY,
  settingsWritesSettled,
  useSettings,
  watchSettings,
} from '@/lib/settings-storage';
import { listUnreadable } from '@/lib/set-aside';

async function storedSettings(): Promise<unknown> {
  await settingsWritesSettled();
  return (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
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

  it("reads a newer version's settings as far as it can, without rewriting them", async () => {
    const newer = { version: 2, sampleSize: 40, engagementMethod: 'trimmed-mean', theme: 'neon' };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    await reloadSettings();
    expect(useSettings.getState().settings).toMatchObject({ sampleSize: 40, engagementMethod: 'median' });
    expect(await storedSettings()).toEqual(newer);
    expect(await listUnreadable()).toEqual([]);
  });
});
