import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { applySettingsPatch, DEFAULT_SETTINGS, parseSettings, signalOptions, type Settings } from '@/lib/settings';
import { reloadSettings, saveSettings, settingsDocument, settingsWritesSettled, useSettings } from '@/lib/settings-storage';
import { DEFAULT_INACTIVE_DAYS } from '@/lib/signals/rules';
import { DEFAULT_CPMS } from '@/lib/signals/value';
import { SETTINGS_KEY } from '@/lib/storage-keys';
import { resetBrowser } from '../shortlist-env';

beforeEach(async () => {
  resetBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await reloadSettings();
});

describe('the signal settings (issue 16): defaults', () => {
  it('signals on, 30 days, USD, the CPMs of lib/signals/value.ts and none for X, Bluesky and Threads', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      signals: true,
      inactiveDays: DEFAULT_INACTIVE_DAYS,
      currency: 'USD',
      cpms: { instagram: 10, tiktok: 5, youtube: 20, x: null, bluesky: null, threads: null },
    });
    // The same numbers as the source-carrying table, not a copy that could drift.
    for (const [platform, cpm] of Object.entries(DEFAULT_CPMS)) {
      expect(DEFAULT_SETTINGS.cpms[platform as keyof Settings['cpms']]).toBe(cpm.perThousand);
    }
  });
});

describe('parseSettings: the signal fields', () => {
  it.each([
    ['signals off', { signals: false }, { signals: false }, 0],
    ['signals "no"', { signals: 'no' }, {}, 1],
    ['60 days', { inactiveDays: 60 }, { inactiveDays: 60 }, 0],
    ['0 days', { inactiveDays: 0 }, {}, 1],
    ['12.5 days', { inactiveDays: 12.5 }, {}, 1],
    ['366 days', { inactiveDays: 366 }, {}, 1],
    ['"30" as text', { inactiveDays: '30' }, {}, 1],
    ['EUR', { currency: 'EUR' }, { currency: 'EUR' }, 0],
    ['a symbol', { currency: '€' }, { currency: '€' }, 0],
    ['an empty label', { currency: '' }, {}, 1],
    ['only spaces', { currency: '   ' }, {}, 1],
    ['spaces around it', { currency: ' EUR ' }, {}, 1],
    ['13 characters', { currency: 'A'.repeat(13) }, {}, 1],
    ['a number', { currency: 978 }, {}, 1],
    ['a CPM for X', { cpms: { x: 3 } }, { cpms: { ...DEFAULT_SETTINGS.cpms, x: 3 } }, 0],
    ['a CPM of 0', { cpms: { tiktok: 0 } }, { cpms: { ...DEFAULT_SETTINGS.cpms, tiktok: 0 } }, 0],
    ['a fractional CPM', { cpms: { youtube: 12.5 } }, { cpms: { ...DEFAULT_SETTINGS.cpms, youtube: 12.5 } }, 0],
    ['a negative CPM', { cpms: { instagram: -1 } }, {}, 1],
    ['a CPM over 10,000', { cpms: { instagram: 10_001 } }, {}, 1],
    ['a CPM as text', { cpms: { instagram: '10' } }, {}, 1],
    ['NaN is not a CPM', { cpms: { instagram: Number.NaN } }, {}, 1],
    ['no CPM for Bluesky (it has no default)', { cpms: { bluesky: null } }, {}, 0],
    ['no CPM for Instagram: it keeps the published one', { cpms: { instagram: null } }, {}, 1],
    ['cpms not an object', { cpms: [10, 5] }, {}, 1],
    ["a platform this version doesn't know is left out", { cpms: { mastodon: 4 } }, {}, 0],
  ])('%s', (_, raw, expected, problems) => {
    const read = parseSettings(raw);
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, ...expected });
    expect(read.problems).toHaveLength(problems);
  });

  it('never shares the default CPMs object (an edit of one read does not change the defaults)', () => {
    const read = parseSettings({});
    read.settings.cpms.instagram = 99;
    expect(DEFAULT_SETTINGS.cpms.instagram).toBe(10);
    const broken = parseSettings('dark mode');
    broken.settings.cpms.tiktok = 99;
    expect(DEFAULT_SETTINGS.cpms.tiktok).toBe(5);
  });
});

describe('applySettingsPatch: the signal fields', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, currency: 'EUR' };
  it.each([
    ['an invalid currency keeps the one it had, not USD', { currency: '' }, settings],
    ['an invalid CPM keeps the CPMs it had', { cpms: { ...settings.cpms, tiktok: -5 } }, settings],
    ['valid days beside an invalid CPM', { inactiveDays: 14, cpms: { ...settings.cpms, tiktok: -5 } }, { ...settings, inactiveDays: 14 }],
  ])('%s', (_, patch, expected) => {
    expect(applySettingsPatch(settings, patch)).toEqual(expected);
  });
});

describe('signalOptions: what the signals of one profile are computed with', () => {
  it.each([
    ['instagram', { inactiveDays: 30, cpm: 10, currency: 'USD' }],
    ['youtube', { inactiveDays: 30, cpm: 20, currency: 'USD' }],
    ['x', { inactiveDays: 30, currency: 'USD' }],
  ] as const)('%s with the defaults', (platform, expected) => {
    expect(signalOptions(DEFAULT_SETTINGS, platform)).toEqual(expected);
  });

  it("takes the user's days, currency and CPM", () => {
    const settings = { ...DEFAULT_SETTINGS, inactiveDays: 60, currency: '€', cpms: { ...DEFAULT_SETTINGS.cpms, bluesky: 2 } };
    expect(signalOptions(settings, 'bluesky')).toEqual({ inactiveDays: 60, cpm: 2, currency: '€' });
  });

  it('is undefined when signals are off: no signals, no value estimate', () => {
    expect(signalOptions({ ...DEFAULT_SETTINGS, signals: false }, 'instagram')).toBeUndefined();
  });
});

describe('stored signal settings', () => {
  it('a write keeps the CPM of a platform this version does not know', () => {
    const stored = { version: 1, cpms: { instagram: 8, mastodon: 4 } };
    expect(settingsDocument(stored, { ...DEFAULT_SETTINGS, currency: 'EUR' })).toMatchObject({
      currency: 'EUR',
      cpms: { ...DEFAULT_SETTINGS.cpms, mastodon: 4 },
    });
  });

  it("a newer version's signal settings are read as far as they are understood and never rewritten", async () => {
    const newer = { version: 2, signals: false, currency: 'GBP', inactiveDays: 'monthly', cpms: { instagram: 12, mastodon: 4 } };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    await reloadSettings();
    expect(useSettings.getState()).toMatchObject({
      newer: true,
      settings: { signals: false, currency: 'GBP', inactiveDays: DEFAULT_INACTIVE_DAYS, cpms: { instagram: 12 } },
    });
    expect(await saveSettings({ signals: true })).toMatchObject({ saved: false, reason: 'newer' });
    await settingsWritesSettled();
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(newer);
  });

  it('an edit is stored and read back', async () => {
    useSettings.getState().update({ currency: 'EUR', inactiveDays: 14, cpms: { ...DEFAULT_SETTINGS.cpms, x: 2.5 } });
    await settingsWritesSettled();
    await reloadSettings();
    expect(useSettings.getState().settings).toMatchObject({ currency: 'EUR', inactiveDays: 14, cpms: { x: 2.5, instagram: 10 } });
  });
});
