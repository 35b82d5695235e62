import { handOff } from './hand-off';
import { prefetchSettings, type EarlyStorage } from './settings-early';
import { FIRST_PAGE_KEY, isShortlistKey, REVISION_KEY } from '../storage-keys';

/*
 * The dashboard's first storage reads, started by a classic script in its <head>
 * (entrypoints/dashboard-early.ts, a few hundred bytes) while the page's module chunks (React and
 * the store, ~320 KB) are still being fetched and compiled, instead of by main.tsx once they have
 * run. No imports beyond this folder's hand-off and settings read and lib/storage-keys.ts: the
 * script stays small.
 */

/** What the first page needs: the revision and the page stored for it. */
export const EARLY_KEYS = [REVISION_KEY, FIRST_PAGE_KEY] as const;


/** The callback-style storage the early reads use (Chrome and Firefox alike). */
export interface EarlyApi {
  local: { get(keys: string[] | null, done: (items: Record<string, unknown> | undefined) => void): void };
  sync: EarlyStorage['read'];
  onChanged: EarlyStorage['onChanged'];
  /** runtime.lastError, read inside a callback. */
  lastError(): unknown;
}

function get(api: EarlyApi, keys: string[] | null): Promise<Record<string, unknown>> {
  const items = new Promise<Record<string, unknown>>((resolve, reject) => {
    api.local.get(keys, (read) => {
      const error = api.lastError();
      if (error !== undefined && error !== null) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(read ?? {});
    });
  });
  // Nobody may take it (main.tsx failed to load): no unhandled rejection for that.
  items.catch(() => undefined);
  return items;
}

/** The stored first page is of the stored revision (whether it decodes is main.tsx's to find out). */
function pageIsCurrent(items: Record<string, unknown>): boolean {
  const page = items[EARLY_KEYS[1]];
  const revision = items[EARLY_KEYS[0]];
  return typeof revision === 'string' && typeof page === 'object' && page !== null && (page as { revision?: unknown }).revision === revision;
}

/** Set by takeEarlyShortlist when there was nothing to take: too late to start reading now. */
const CLOSED = { take: () => undefined };

/** Starts reading everything (the store's hydration takes it), void once the shortlist changes. */
function readEverything(api: EarlyApi): void {
  if (handOff().shortlist === CLOSED) return;
  let changed = false;
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'local') return;
    if (Object.keys(changes).some(isShortlistKey)) changed = true;
  };
  api.onChanged.addListener(listener);
  const items = get(api, null);
  handOff().shortlist = {
    take() {
      delete handOff().shortlist;
      api.onChanged.removeListener(listener);
      return changed ? undefined : items;
    },
  };
}

/**
 * Starts reading the settings (./settings-early.ts, taken by lib/settings-storage.ts's first
 * read) and the stored revision and first page (taken by main.tsx). A change made meanwhile is
 * no loss: the settings read is void after one, and the first page is only ever shown when its
 * revision is the one read with it, until the whole shortlist (read later) replaces it. When
 * that page is not current, the table needs everything first: that read starts at once too,
 * while the modules still load (taken by main.tsx for the store's hydration).
 */
export function startEarlyReads(api: EarlyApi): void {
  prefetchSettings({ read: api.sync, onChanged: api.onChanged });
  const items = get(api, [...EARLY_KEYS]);
  handOff().firstPage = items;
  items.then((read) => {
    if (!pageIsCurrent(read)) readEverything(api);
  }, () => undefined);
}

/** The early read of the revision and first page (storage.local items), once; undefined when none was started. */
export function takeEarlyFirstPage(): Promise<Record<string, unknown>> | undefined {
  const items = handOff().firstPage;
  delete handOff().firstPage;
  return items;
}

/**
 * The early read of everything in storage.local (started when the stored first page was not
 * current), once; undefined when none was started, or the shortlist changed since.
 */
export function takeEarlyShortlist(): Promise<Record<string, unknown>> | undefined {
  const early = handOff().shortlist;
  // main.tsx came first (the store reads itself): the early script no longer starts a read.
  if (!early) handOff().shortlist = CLOSED;
  return early?.take();
}
