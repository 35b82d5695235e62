import { SETTINGS_KEY } from '../storage-keys';
import { handOff } from './hand-off';
/**
 * The stored settings' early read: the dashboard's <head> script (entrypoints/dashboard-early.ts)
 * starts reading them while the page's modules are fetched and compiled, instead of after them.
 * No imports beyond the storage keys: that script stays a few hundred bytes.
 *
 * The early read hands over the stored value as it is, of whatever version: lib/settings-storage.ts
 * reads it exactly as its own read (readSettings), so a newer version's settings give the dashboard
 * the fields this version knows and `newer` (shown, never rewritten); the early path
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


/**
 * Early side: starts reading the stored settings for the page's settings store to take. A change of them
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
  handOff().settings = {
    take() {
      delete handOff().settings;
      area.onChanged.removeListener(listener);
      return changed ? undefined : value;
    },
  };
}

/**
 * Store side: the early read of the stored settings value (undefined when none was
 * started or they changed since). Once only: later calls read storage themselves.
 */
export function takePrefetchedSettings(): Promise<unknown> | undefined {
  return handOff().settings?.take();
}


/** `read(key)` as a promise that nobody need take (the import failed): no unhandled rejection then. */
function readEarly(read: EarlyStorage['read'], key: string): Promise<unknown> {
  const value = new Promise<unknown>((resolve, reject) => {
    read(key, (error, stored) => (error === undefined || error === null ? resolve(stored) : reject(error)));
  });
  value.catch(() => undefined);
  return value;
}

