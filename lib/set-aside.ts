import { browser } from 'wxt/browser';
import { isRecord } from './is-record';
import { UNREADABLE_PREFIX } from './storage-keys';

/*
 * Data set aside: stored data that could not be read (garbage, a newer MicroScope's, a broken
 * migration) is copied here before anything rewrites it, so a newer version or a person can still
 * recover it. In storage.local:
 *
 *   'microscope:unreadable:<ISO time>'  { from, area, reason, at, value }   one copy each
 *
 * The cap (issue 13): storage.local holds 10 MB without `unlimitedStorage` and the shortlist may
 * need most of it, so the copies may take at most SET_ASIDE_LIMITS.copies keys and
 * SET_ASIDE_LIMITS.bytes in all, measured as the JSON length of each stored copy. Nothing here
 * ever deletes a copy to make room (an old copy may be a newer version's whole shortlist, set
 * aside after a downgrade): only the person does, with deleteSetAside. A copy that would go over
 * the cap is not stored, and its caller leaves the unreadable data where it is, so it is still
 * there, unchanged, once the person has made room; the dashboard says when the copies are full.
 *
 * Its own module, so lib/settings-storage.ts, the shortlist's door and the
 * dashboard use it without the shortlist's code.
 */


/** The cap on set-aside copies: how many, and how many characters of JSON in all. */
export const SET_ASIDE_LIMITS = { copies: 20, bytes: 2_000_000 } as const;

/** Data that could not be read, to be set aside rather than lost. */
export interface UnreadableData {
  reason: string;
  value: unknown;
}

/** A copy as the dashboard lists it. */
export interface SetAsideCopy {
  /** Its storage key, 'microscope:unreadable:<ISO time>'. */
  key: string;
  /** The storage key it was read from, e.g. 'microscope:settings'. */
  from: string;
  /** The storage area it was read from: 'local', 'sync' ('' when the copy does not say). */
  area: string;
  reason: string;
  /** When it was set aside (ISO time). */
  at: string;
  /** Its stored length as JSON, what the cap counts. */
  size: number;
  /** The data itself. */
  value: unknown;
}

export interface SetAsideResult {
  /** The new copy's key; undefined when it was not stored (then leave the data where it is). */
  key?: string;
  /** True when it was not stored because the copies are at the cap (SET_ASIDE_LIMITS). */
  full?: boolean;
  /** Why the copy was not stored. */
  error?: string;
}

/** Length of the value as JSON: what the cap counts (0 for what JSON cannot write). */
export function jsonSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

/** A stored copy as listed; tolerant of copies written by any version, or edited by hand. */
function copyOf(key: string, stored: unknown): SetAsideCopy {
  const entry = isRecord(stored) ? stored : {};
  const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
  return {
    key,
    from: text(entry.from, ''),
    area: text(entry.area, ''),
    reason: text(entry.reason, ''),
    at: text(entry.at, key.slice(UNREADABLE_PREFIX.length)),
    size: jsonSize(stored),
    value: isRecord(stored) && 'value' in stored ? stored.value : stored,
  };
}

function copiesIn(all: Record<string, unknown>): SetAsideCopy[] {
  return Object.keys(all)
    .filter((key) => key.startsWith(UNREADABLE_PREFIX))
    .sort()
    .map((key) => copyOf(key, all[key]));
}

/**
 * Whether stored copies leave room for a new one of `size` characters within `limits`. Pure.
 * @example hasRoomFor([{ size: 10 }, { size: 10 }], 10, { copies: 2, bytes: 100 }) // false: 3 copies
 */
export function hasRoomFor(stored: readonly { size: number }[], size: number, limits: { copies: number; bytes: number } = SET_ASIDE_LIMITS): boolean {
  return stored.length + 1 <= limits.copies && stored.reduce((sum, copy) => sum + copy.size, size) <= limits.bytes;
}

/** The JSON length of the smallest copy setAside writes (empty from, reason and value): about 80. */
const SMALLEST_COPY = jsonSize({ from: '', area: 'sync', reason: '', at: new Date(0).toISOString(), value: null });

/** How full the copies are, for the dashboard: `full` once not even the smallest copy fits. Pure. */
export function setAsideUsage(stored: readonly { size: number }[], limits: { copies: number; bytes: number } = SET_ASIDE_LIMITS): { count: number; bytes: number; full: boolean } {
  return { count: stored.length, bytes: stored.reduce((sum, copy) => sum + copy.size, 0), full: !hasRoomFor(stored, SMALLEST_COPY, limits) };
}

/** setAside calls of this context, one after another: each sees the copies of the one before. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Copies data that could not be read to 'microscope:unreadable:<ISO time>' in storage.local, so a
 * newer version (or a person) can still recover it; never deletes an older copy. Never throws.
 * Contract: when the result has no `key` (the copies are `full`, or the write failed), the caller
 * must leave the original data where it is, neither rewriting nor removing it.
 */
export function setAside(from: string, area: 'local' | 'sync', unreadable: UnreadableData, now = Date.now()): Promise<SetAsideResult> {
  const entry = { from, area, reason: unreadable.reason, at: new Date(now).toISOString(), value: unreadable.value };
  const result = queue.then(() => store(now, entry));
  queue = result;
  return result;
}

async function store(now: number, entry: { from: string; area: string; reason: string; at: string; value: unknown }): Promise<SetAsideResult> {
  try {
    const all = await browser.storage.local.get(null);
    const copies = copiesIn(all);
    // The new copy's key sorts after every stored one (the dashboard lists in key order), and is new
    // even within one millisecond: the calls of a context come one at a time.
    const latest = copies.length > 0 ? Date.parse(copies.at(-1)!.key.slice(UNREADABLE_PREFIX.length)) : Number.NaN;
    const stamp = Number.isFinite(latest) && latest >= now ? latest + 1 : now;
    const key = `${UNREADABLE_PREFIX}${new Date(stamp).toISOString()}`;
    const size = jsonSize(entry);
    if (!hasRoomFor(copies, size)) {
      const usage = setAsideUsage(copies);
      const error = `set-aside copies are full (${usage.count} of ${SET_ASIDE_LIMITS.copies}, ${usage.bytes} of ${SET_ASIDE_LIMITS.bytes} characters; this copy needs ${size})`;
      console.warn(`[MicroScope] ${entry.from} (${entry.area}): ${entry.reason}; ${error}: left where it is`);
      return { key: undefined, full: true, error };
    }
    await browser.storage.local.set({ [key]: entry });
    console.warn(`[MicroScope] ${entry.from} (${entry.area}): ${entry.reason}; kept a copy under ${key}`);
    return { key };
  } catch (error) {
    console.warn(`[MicroScope] ${entry.from}: ${entry.reason}; could not keep a copy: left where it is`, error);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Every set-aside copy as stored, oldest first. */
export async function listUnreadable(): Promise<{ key: string; value: unknown }[]> {
  const all = await browser.storage.local.get(null);
  return Object.keys(all)
    .filter((key) => key.startsWith(UNREADABLE_PREFIX))
    .sort()
    .map((key) => ({ key, value: all[key] }));
}

/** The set-aside copies, newest first, for the dashboard. */
export async function listSetAside(): Promise<{ copies: SetAsideCopy[] }> {
  const all = await browser.storage.local.get(null);
  return { copies: copiesIn(all).reverse() };
}

/** Deletes one set-aside copy: the only way one goes. False for a key that is no copy's. */
export async function deleteSetAside(key: string): Promise<boolean> {
  if (!key.startsWith(UNREADABLE_PREFIX)) return false;
  await browser.storage.local.remove(key);
  return true;
}

/** Calls back whenever a copy changes, in any context. Returns the unsubscribe. */
export function watchSetAside(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'local') return;
    if (Object.keys(changes).some((key) => key.startsWith(UNREADABLE_PREFIX))) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * A copy as a downloadable file: its name and JSON text (the stored entry, with its key).
 * @example setAsideFile(copy).name // 'microscope-set-aside-2026-12-06T16-50-00.000Z.json'
 */
export function setAsideFile(copy: SetAsideCopy): { name: string; text: string } {
  const stamp = copy.key.slice(UNREADABLE_PREFIX.length).replace(/[^0-9A-Za-z.-]/g, '-');
  const { key, from, area, reason, at, value } = copy;
  return { name: `microscope-set-aside-${stamp}.json`, text: `${JSON.stringify({ key, from, area, reason, at, value }, null, 2)}\n` };
}
