import { browser, type Browser } from 'wxt/browser';
import { create } from 'zustand';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import { SETTINGS_KEY, takePrefetchedSettings } from './settings-early';
import { setAside } from './set-aside';

/*
 * Settings in browser.storage.sync, so they follow the marketer to every browser they sign into
 * (the shortlist stays in storage.local: sync allows 8 KB per item, 100 KB in all).
 *
 *   'microscope:settings'  { version: 1, ...Settings }
 *
 * Fields are read one by one (lib/settings.ts parseSettings): a bad field takes its default and
 * the rest still apply, and a newer version's extra fields are ignored. The content script uses
 * loadSettings and watchSettings only; useSettings (for the dashboard and popup) is created on
 * import but reads storage only once something subscribes to it.
 */

export { SETTINGS_KEY };
export const SETTINGS_VERSION = 1;

export interface SettingsStorageRead {
  settings: Settings;
  problems: string[];
  /** Written by a newer version: read what we understand, never "repair" it. */
  newer: boolean;
}

/** Reads the stored settings value of any version. */
export function readSettings(raw: unknown): SettingsStorageRead {
  const { settings, problems } = parseSettings(raw);
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  const newer = typeof version === 'number' && version > SETTINGS_VERSION;
  return { settings, problems, newer };
}

/**
 * The settings (defaults for anything missing or invalid). Never throws. In the content script the
 * first call takes the read the loader started beside the import (lib/settings-early.ts).
 */
export async function loadSettings(): Promise<Settings> {
  try {
    const early = takePrefetchedSettings();
    const stored = early ? await early.catch(readStored) : await readStored();
    return readSettings(stored).settings;
  } catch (error) {
    console.warn('[MicroScope] could not read settings; using the defaults', error);
    return { ...DEFAULT_SETTINGS };
  }
}

async function readStored(): Promise<unknown> {
  return (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
}

/** Stores the settings (invalid fields replaced by their defaults first). */
export async function saveSettings(settings: Settings): Promise<void> {
  const { settings: clean } = parseSettings(settings);
  await browser.storage.sync.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, ...clean } });
}

/** Calls back with the new settings whenever they change in any context or synced browser. Returns the unsubscribe. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>, area: string): void => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'sync' || !change) return;
    try {
      callback(readSettings(change.newValue).settings);
    } catch (error) {
      console.warn('[MicroScope] settings listener failed', error);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export interface SettingsState {
  settings: Settings;
  hydrated: boolean;
  /** Why the last save failed (sync quota, signed out…); cleared by the next successful one. */
  error?: string;
  /** Merges the patch, validates, applies at once and saves to storage.sync. */
  update(patch: Partial<Settings>): void;
}

interface Controls {
  whenHydrated(): Promise<void>;
  settled(): Promise<void>;
  reload(): Promise<void>;
}

/** Each store's helpers. A WeakMap, so a bundle that never uses useSettings drops it (and zustand). */
const CONTROLS = new WeakMap<object, Controls>();

function createSettingsStore() {
  let started = false;
  let stopWatching: (() => void) | undefined;
  let pending: Settings | undefined;
  let writing: Promise<void> | undefined;

  const drain = async (): Promise<void> => {
    try {
      while (pending) {
        const next = pending;
        pending = undefined;
        try {
          await saveSettings(next);
          if (store.getState().error !== undefined) store.setState({ error: undefined });
        } catch (error) {
          console.warn('[MicroScope] could not save settings', error);
          store.setState({ error: `Couldn't save settings: ${error instanceof Error ? error.message : String(error)}` });
        }
      }
    } finally {
      writing = undefined;
    }
  };

  const hydrate = async (): Promise<void> => {
    stopWatching?.();
    stopWatching = watchSettings((settings) => {
      // While our own writes are on their way, their echoes are older than what we show.
      if (writing) return;
      if (JSON.stringify(settings) !== JSON.stringify(store.getState().settings)) store.setState({ settings });
    });
    let read: SettingsStorageRead = { settings: { ...DEFAULT_SETTINGS }, problems: [], newer: false };
    try {
      // The dashboard starts this read in its <head> (entrypoints/dashboard/early.ts): taken once.
      const early = takePrefetchedSettings();
      const stored = early ? await early.catch(readStored) : await readStored();
      read = readSettings(stored);
      if (read.problems.length > 0 && !read.newer) {
        // Keep the bad value aside, then store the repaired settings so it is set aside once only.
        await setAside(SETTINGS_KEY, 'sync', { reason: read.problems.join('; '), value: stored });
        await saveSettings(read.settings);
      }
    } catch (error) {
      console.warn('[MicroScope] could not read settings; using the defaults', error);
    }
    store.setState({ settings: read.settings, hydrated: true });
  };

  const start = (): void => {
    if (started) return;
    started = true;
    void hydrate();
  };

  const store = create<SettingsState>()((set, get, api) => {
    const subscribe = api.subscribe;
    api.subscribe = (listener) => {
      start();
      return subscribe(listener);
    };
    return {
      settings: { ...DEFAULT_SETTINGS },
      hydrated: false,
      update(patch) {
        start();
        const { settings } = parseSettings({ ...get().settings, ...patch });
        set({ settings });
        pending = settings;
        writing ??= drain();
      },
    };
  });

  CONTROLS.set(store, {
    whenHydrated(): Promise<void> {
      start();
      if (store.getState().hydrated) return Promise.resolve();
      return new Promise((resolve) => {
        const unsubscribe = store.subscribe((state) => {
          if (!state.hydrated) return;
          unsubscribe();
          resolve();
        });
      });
    },
    async settled(): Promise<void> {
      while (writing) await writing;
    },
    async reload(): Promise<void> {
      while (writing) await writing;
      started = true;
      await hydrate();
    },
  });
  return store;
}

/** The settings for React UIs. Subscribing starts reading storage.sync and following its changes. */
export const useSettings = /* @__PURE__ */ createSettingsStore();

/** Resolves once useSettings has read storage.sync. */
export function whenSettingsHydrated(): Promise<void> {
  return CONTROLS.get(useSettings)!.whenHydrated();
}

/** Resolves once every settings write of this context has reached storage.sync. */
export function settingsWritesSettled(): Promise<void> {
  return CONTROLS.get(useSettings)!.settled();
}

/** Reads the settings again (in tests after the fake browser was reset). */
export function reloadSettings(): Promise<void> {
  return CONTROLS.get(useSettings)!.reload();
}
