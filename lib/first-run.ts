import { WELCOMED_KEY } from './storage-keys';

/**
 * The first run: one welcome tab (entrypoints/welcome) when MicroScope is installed, never again.
 *
 * runtime.onInstalled fires with reason 'install' for a new install, 'update' when MicroScope is
 * updated — and when an unpacked build is reloaded in developer mode, or loaded again from the
 * command line into the same profile —, 'chrome_update' (Chrome) or 'browser_update' (Firefox)
 * when the browser is, 'shared_module_update' for a module MicroScope does not use.
 * https://developer.chrome.com/docs/extensions/reference/api/runtime#type-OnInstalledReason
 */
export type InstalledReason = 'install' | 'update' | 'chrome_update' | 'browser_update' | 'shared_module_update';

/**
 * Whether to open the welcome tab: on a new install only, and only in a profile that never had it
 * (`welcomed`: storage.local holds WELCOMED_KEY). Any other reason, or one a browser adds later: no.
 * @example shouldWelcome('install', false) // true
 */
export function shouldWelcome(reason: string, welcomed: boolean): boolean {
  return reason === 'install' && !welcomed;
}

/** What the first run needs of the browser: storage.local and a way to open the tab. */
export interface FirstRunPorts {
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  /** Opens the welcome page in a new tab. */
  openWelcome(): Promise<unknown>;
  /** The running version (manifest), stored as the flag's value. */
  version: string;
  warn(message: string, error: unknown): void;
}

/**
 * runtime.onInstalled's first-run handler: opens the welcome tab when shouldWelcome says so.
 * The flag is stored before the tab opens, and events are handled one at a time: two 'install'
 * events in a row open one tab, and a browser closed in between loses the welcome rather than
 * showing it twice. Storage that cannot be read opens nothing (it could not remember it either).
 * Resolves to whether the tab was opened.
 */
export function createFirstRun(ports: FirstRunPorts): (reason: string) => Promise<boolean> {
  let queue: Promise<unknown> = Promise.resolve();
  const handle = async (reason: string): Promise<boolean> => {
    if (reason !== 'install') return false;
    let welcomed: boolean;
    try {
      welcomed = (await ports.local.get(WELCOMED_KEY))[WELCOMED_KEY] !== undefined;
    } catch (error) {
      ports.warn('[MicroScope] first run: storage could not be read; no welcome tab', error);
      return false;
    }
    if (!shouldWelcome(reason, welcomed)) return false;
    try {
      await ports.local.set({ [WELCOMED_KEY]: ports.version });
    } catch (error) {
      ports.warn('[MicroScope] first run: storage could not be written; no welcome tab', error);
      return false;
    }
    try {
      await ports.openWelcome();
      return true;
    } catch (error) {
      ports.warn('[MicroScope] first run: the welcome tab could not be opened', error);
      return false;
    }
  };
  return (reason) => {
    const result = queue.then(() => handle(reason));
    queue = result;
    return result;
  };
}
