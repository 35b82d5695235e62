import { LOCALE_CACHE_KEY, SETTINGS_KEY } from './storage-keys';
/**
 * The stored settings' key, and their early read: on a profile the loader (entrypoints/
 * content-loader.ts) starts reading them in the task that starts the main part's import, so the
 * round trip to the browser process runs while the main part is fetched and compiled instead of
 * after it (the badge's first render waits for the settings). No imports: the loader runs on every
 * page of the sites and takes only this from the settings code.
 *
 * The early read hands over the stored value as it is, of whatever version: lib/settings-storage.ts
 * reads it exactly as its own read (readSettings), so a newer version's settings give the badge the
 * fields this version knows and the dashboard `newer` (shown, never rewritten); the early path
 * never writes.
 */


/** The subset of `chrome.storage` the early read uses (callback style: Chrome and Firefox alike). */
export interface EarlyStorage {
  /** Reads `key` from storage.sync; `done` gets the stored value, or the error. */
  read(key: string, done: (error: unknown, value?: unknown) => void): void;
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
}
export type ChangeListener = (changes: Record<string, unknown>, area: string) => void;

interface EarlyRead {
  take(): Promise<unknown> | undefined;
}

const EARLY = Symbol.for('microscope.early-settings');
type WithEarly = typeof globalThis & { [EARLY]?: EarlyRead };

/**
 * Loader side: starts reading the stored settings for the main part to take. A change of them
 * seen before the main part takes the read makes it void (the main part then reads again, after
 * its own change listener is in place), so a change is never lost between the two.
 */
export function prefetchSettings(area: EarlyStorage): void {
  let changed = false;
  const listener: ChangeListener = (changes, area) => {
    if (area === 'sync' && SETTINGS_KEY in changes) changed = true;
  };
  area.onChanged.addListener(listener);
  const value = readEarly(area.read, SETTINGS_KEY);
  (globalThis as WithEarly)[EARLY] = {
    take() {
      delete (globalThis as WithEarly)[EARLY];
      area.onChanged.removeListener(listener);
      return changed ? undefined : value;
    },
  };
}

/**
 * Main-part side: the loader's read of the stored settings value (undefined when none was
 * started or they changed since). Once only: later calls read storage themselves.
 */
export function takePrefetchedSettings(): Promise<unknown> | undefined {
  return (globalThis as WithEarly)[EARLY]?.take();
}


const EARLY_LOCALE = Symbol.for('microscope.early-locale-cache');
type WithEarlyLocale = typeof globalThis & { [EARLY_LOCALE]?: Promise<unknown> };

/**
 * Loader side: starts reading the stored locale cache from storage.local (`read` is given the key),
 * beside the settings, for the main part's first read. No change listener: any stored cache that
 * matches the browser and build is right, whenever it was written.
 */
export function prefetchLocaleCache(read: EarlyStorage['read']): void {
  (globalThis as WithEarlyLocale)[EARLY_LOCALE] = readEarly(read, LOCALE_CACHE_KEY);
}

/** `read(key)` as a promise that nobody need take (the import failed): no unhandled rejection then. */
function readEarly(read: EarlyStorage['read'], key: string): Promise<unknown> {
  const value = new Promise<unknown>((resolve, reject) => {
    read(key, (error, stored) => (error === undefined || error === null ? resolve(stored) : reject(error)));
  });
  value.catch(() => undefined);
  return value;
}

/** Main-part side: the loader's read of the locale cache, once (undefined when none was started). */
export function takePrefetchedLocaleCache(): Promise<unknown> | undefined {
  const value = (globalThis as WithEarlyLocale)[EARLY_LOCALE];
  delete (globalThis as WithEarlyLocale)[EARLY_LOCALE];
  return value;
}
