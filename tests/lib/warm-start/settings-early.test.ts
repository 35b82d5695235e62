import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY } from '@/lib/storage-keys';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { prefetchSettings, takePrefetchedSettings, type ChangeListener, type EarlyStorage } from '@/lib/warm-start/settings-early';
import { listUnreadable } from '@/lib/set-aside';
import { loadSettings, reloadSettings, settingsWritesSettled, takeSettingsFrom, useSettings } from '@/lib/settings-storage';

/** The loader's view of chrome.storage: reads answered when the test says so. */
function fakeStorage() {
  const listeners = new Set<ChangeListener>();
  const reads: { key: string; done: (error: unknown, value?: unknown) => void }[] = [];
  const storage: EarlyStorage = {
    read: (key, done) => reads.push({ key, done }),
    onChanged: {
      addListener: (listener) => listeners.add(listener),
      removeListener: (listener) => listeners.delete(listener),
    },
  };
  const change = (changes: Record<string, unknown>, area: string) => {
    for (const listener of listeners) listener(changes, area);
  };
  return { storage, reads, listeners, change };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  // Nothing left over for the next test.
  takePrefetchedSettings();
  vi.restoreAllMocks();
});

/** What the dashboard's settings store shows once hydrated (it takes the early read, if any). */
async function hydrated() {
  // As entrypoints/dashboard/main.tsx does.
  takeSettingsFrom(takePrefetchedSettings);
  await reloadSettings();
  return useSettings.getState().settings;
}

describe("the dashboard's early read of the settings", () => {
  it('is what the settings store shows, without a read of its own', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, sampleSize: 30 } });
    const { storage, reads, listeners } = fakeStorage();
    prefetchSettings(storage);
    expect(reads.map((read) => read.key)).toEqual([SETTINGS_KEY]);
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const loading = hydrated();
    reads[0]?.done(undefined, { version: 1, sampleSize: 12, tierScheme: 'five-tier' });
    expect(await loading).toMatchObject({ sampleSize: 12, tierScheme: 'five-tier' });
    expect(get).not.toHaveBeenCalledWith(SETTINGS_KEY);
    expect(listeners.size, 'its change listener is gone once taken').toBe(0);
  });

  it('is taken once: the next hydration reads storage', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, sampleSize: 30 } });
    const { storage, reads } = fakeStorage();
    prefetchSettings(storage);
    reads[0]?.done(undefined, { version: 1, sampleSize: 12 });
    expect((await hydrated()).sampleSize).toBe(12);
    expect((await hydrated()).sampleSize).toBe(30);
  });

  it('is void when the settings changed after it started: the store reads them again', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, sampleSize: 30 } });
    const { storage, reads, change } = fakeStorage();
    prefetchSettings(storage);
    reads[0]?.done(undefined, { version: 1, sampleSize: 12 });
    change({ 'microscope:other': {} }, 'sync');
    change({ [SETTINGS_KEY]: {} }, 'local');
    change({ [SETTINGS_KEY]: { newValue: { version: 1, sampleSize: 30 } } }, 'sync');
    expect((await hydrated()).sampleSize).toBe(30);
  });

  it('falls back to a read of its own when the early one failed', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, sampleSize: 30 } });
    const { storage, reads } = fakeStorage();
    prefetchSettings(storage);
    reads[0]?.done(new Error('no storage'));
    expect((await hydrated()).sampleSize).toBe(30);
  });

  it('leaves the content script and the popup (loadSettings) reading storage themselves', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, sampleSize: 30 } });
    const { storage, reads } = fakeStorage();
    prefetchSettings(storage);
    reads[0]?.done(undefined, { version: 1, sampleSize: 12 });
    expect((await loadSettings()).sampleSize).toBe(30);
  });
});

describe("a newer version's settings on the early path (issue 13)", () => {
  const newer = { version: 2, sampleSize: 40, badge: false, engagementMethod: 'trimmed-mean', theme: 'neon' };

  it('the badge takes the fields it knows, and nothing is written', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, sampleSize: 40, badge: false });
    expect(set).not.toHaveBeenCalled();
  });

  it('the dashboard store reads it from the early read as newer: no repair, no copy set aside, no write', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    const { storage, reads } = fakeStorage();
    prefetchSettings(storage);
    reads[0]?.done(undefined, newer);
    takeSettingsFrom(takePrefetchedSettings);
    await reloadSettings();
    expect(useSettings.getState()).toMatchObject({ newer: true, settings: { sampleSize: 40, badge: false, engagementMethod: 'median' } });
    useSettings.getState().update({ sampleSize: 12 });
    await settingsWritesSettled();
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(newer);
    expect(await listUnreadable()).toEqual([]);
  });
});
