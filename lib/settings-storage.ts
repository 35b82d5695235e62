import { browser, type Browser } from 'wxt/browser';
import { create } from 'zustand';
import { applySettingsPatch, DEFAULT_SETTINGS, parseSettings, SETTINGS_FIELDS, validSettingsPatch, type Settings } from './settings';
import { SETTINGS_KEY } from './storage-keys';
import { isRecord } from './is-record';
import { setAside } from './set-aside';

/*
 * Settings in browser.storage.sync, so they follow the marketer to every browser they sign into
 * (the shortlist stays in storage.local: sync allows 8 KB per item, 100 KB in all).
 *
 *   'microscope:settings'  { version: 1, ...Settings, ...whatever other versions added }
 *
 * Fields are read one by one (lib/settings.ts parseSettings): a bad field takes its default and
 * the rest still apply, and fields this version does not know are ignored when reading.
 *
 * Settings sync to every browser the marketer signs into, and those may run different versions
 * (issue 13). So a write is a patch over what is stored at that moment: fields this version does
 * not know, at the top and inside `platforms` and `customBounds`, are kept, and so is a higher
 * version number. While the stored settings are of a newer version than SETTINGS_VERSION, this
 * version does not write them at all (saveSettings refuses, useSettings says `newer` and the
 * dashboard shows why): their fields may mean things this version cannot know, and rewriting them
 * would undo the newer version's migration. Reading them still works (the badge takes the fields
 * it knows).
 *
 * The content script uses loadSettings and watchSettings only; useSettings (for the dashboard and
 * popup) is created on import but reads storage only once something subscribes to it.
 */

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
 * The settings (defaults for anything missing or invalid). Never throws.
 */
export async function loadSettings(): Promise<Settings> {
  try {
    return readSettings(await readStored()).settings;
  } catch (error) {
    console.warn('[MicroScope] could not read settings; using the defaults', error);
    return { ...DEFAULT_SETTINGS };
  }
}

async function readStored(): Promise<unknown> {
  return (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
}

/** What saveSettings did: wrote the settings, or left stored settings of a newer version alone. */
export type SettingsWrite = { saved: true; settings: Settings } | { saved: false; reason: 'newer'; read: SettingsStorageRead };

/**
 * The document to store: `stored` with this version's fields set to `settings`, and everything
 * else in it (other versions' fields, at the top and in platforms and customBounds) kept, as is a
 * higher version number.
 */
export function settingsDocument(stored: unknown, settings: Settings): Record<string, unknown> {
  const document: Record<string, unknown> = isRecord(stored) ? { ...stored } : {};
  for (const field of SETTINGS_FIELDS) {
    const value = settings[field];
    const before = document[field];
    if (value === undefined) delete document[field];
    else document[field] = isRecord(value) && isRecord(before) ? { ...before, ...value } : value;
  }
  const version = document.version;
  document.version = typeof version === 'number' && Number.isFinite(version) && version > SETTINGS_VERSION ? version : SETTINGS_VERSION;
  return document;
}

/**
 * Applies the valid fields of `patch` to the stored settings and stores them, keeping what this
 * version does not know (settingsDocument). Refuses, writing nothing, while the stored settings
 * are of a newer version.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<SettingsWrite> {
  const stored = await readStored();
  const read = readSettings(stored);
  if (read.newer) {
    console.warn('[MicroScope] the stored settings are of a newer MicroScope: not changed');
    return { saved: false, reason: 'newer', read };
  }
  const settings = applySettingsPatch(read.settings, patch);
  await browser.storage.sync.set({ [SETTINGS_KEY]: settingsDocument(stored, settings) });
  return { saved: true, settings };
}

/**
 * Calls back with the new settings (and the whole read: `newer`) whenever they change in any
 * context or synced browser. Returns the unsubscribe.
 */
export function watchSettings(callback: (settings: Settings, read: SettingsStorageRead) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>, area: string): void => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'sync' || !change) return;
    try {
      const read = readSettings(change.newValue);
      callback(read.settings, read);
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
  /**
   * The stored settings are of a newer MicroScope: shown as far as this version understands
   * them, never written (update does nothing) until they are of this version again.
   */
  newer: boolean;
  /** Why the last save failed (sync quota, signed out…); cleared by the next successful one. */
  error?: string;
  /** Applies the valid fields of the patch at once and saves them to storage.sync (not while `newer`). */
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
  /** The changes not yet written, merged: written as one patch over what is stored then. */
  let pending: Partial<Settings> | undefined;
  let writing: Promise<void> | undefined;

  /** Shows a read of the stored settings, unless it is what is shown already. */
  const show = (read: Pick<SettingsStorageRead, 'settings' | 'newer'>): void => {
    const state = store.getState();
    if (state.newer !== read.newer || JSON.stringify(read.settings) !== JSON.stringify(state.settings)) {
      store.setState({ settings: read.settings, newer: read.newer });
    }
  };

  const drain = async (): Promise<void> => {
    try {
      for (;;) {
        while (pending) {
          const next = pending;
          pending = undefined;
          try {
            const written = await saveSettings(next);
            if (!written.saved) {
              // A newer version wrote them meanwhile (another browser): nothing of ours goes over them.
              pending = undefined;
              show(written.read);
            }
            if (store.getState().error !== undefined) store.setState({ error: undefined });
          } catch (error) {
            console.warn('[MicroScope] could not save settings', error);
            store.setState({ error: `Couldn't save settings: ${error instanceof Error ? error.message : String(error)}` });
          }
        }
        // Show what is stored now: our writes, and any other context's that came meanwhile (the
        // watcher ignores echoes while we write).
        let read: SettingsStorageRead | undefined;
        try {
          read = readSettings(await readStored());
        } catch (error) {
          console.warn('[MicroScope] could not read settings back', error);
        }
        if (pending) continue;
        if (read && !store.getState().error) show(read);
        return;
      }
    } finally {
      writing = undefined;
    }
  };

  const hydrate = async (): Promise<void> => {
    stopWatching?.();
    stopWatching = watchSettings((_, read) => {
      // While our own writes are on their way, their echoes are older than what we show.
      if (writing) return;
      show(read);
    });
    let read: SettingsStorageRead = { settings: { ...DEFAULT_SETTINGS }, problems: [], newer: false };
    try {
      // A read started before this store existed (the dashboard's <head> starts one, through
      // takeSettingsFrom): taken once. A newer version's settings read the same way from it.
      const early = earlyRead?.();
      const stored = early ? await early.catch(readStored) : await readStored();
      read = readSettings(stored);
      if (read.problems.length > 0 && !read.newer) {
        // Keep the bad value aside, then store the repaired settings so it is set aside once only.
        // No copy kept (the copies are full, or the write failed): the stored value stays as it is,
        // to be set aside on a later start, and this context runs on the defaults for what is bad.
        const aside = await setAside(SETTINGS_KEY, 'sync', { reason: read.problems.join('; '), value: stored });
        if (aside.key === undefined) console.warn(`[MicroScope] settings: ${read.problems.join('; ')}; using the defaults for these, stored settings left unchanged`);
        else await saveSettings(read.settings);
      }
    } catch (error) {
      console.warn('[MicroScope] could not read settings; using the defaults', error);
    }
    store.setState({ settings: read.settings, newer: read.newer, hydrated: true });
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
      newer: false,
      update(patch) {
        start();
        if (get().newer) {
          console.warn('[MicroScope] the stored settings are of a newer MicroScope: not changed');
          return;
        }
        // Only its valid fields go on: an invalid one must not undo a valid one still on its way.
        const valid = validSettingsPatch(get().settings, patch);
        set({ settings: applySettingsPatch(get().settings, valid) });
        pending = { ...pending, ...valid };
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

/** A port for a start-up optimisation: where the settings store's first read may come from. */
let earlyRead: (() => Promise<unknown> | undefined) | undefined;

/**
 * The settings store takes its first read from `take` when it answers (the stored value as it
 * is, or undefined: then it reads storage itself). lib/warm-start/dashboard.ts installs one.
 */
export function takeSettingsFrom(take: (() => Promise<unknown> | undefined) | undefined): void {
  earlyRead = take;
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
