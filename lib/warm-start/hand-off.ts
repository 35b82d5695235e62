/**
 * The one global between bundles: what the dashboard's <head> script (entrypoints/dashboard-early.ts,
 * a classic script of its own) hands to the page's modules, which load after it. One typed object
 * under one key of the extension page's own global scope (no page script runs there); each
 * part is taken once, by the module that needs it.
 */

export interface EarlyHandOff {
  /** The stored settings' read (settings-early.ts). */
  settings?: { take(): Promise<unknown> | undefined };
  /** storage.local's revision and stored first page (dashboard.ts). */
  firstPage?: Promise<Record<string, unknown>>;
  /** Everything in storage.local, read when the first page was not current (dashboard.ts). */
  shortlist?: { take(): Promise<Record<string, unknown>> | undefined };
}

const KEY = Symbol.for('microscope.warm-start');
type WithHandOff = typeof globalThis & { [KEY]?: EarlyHandOff };

/** This page's hand-off (made empty on first use). */
export function handOff(): EarlyHandOff {
  return ((globalThis as WithHandOff)[KEY] ??= {});
}
