import { browser } from 'wxt/browser';
import { isRecord } from './is-record';
import { SET_ASIDE_DROPPED_KEY, UNREADABLE_PREFIX } from './storage-keys';

/*
 * Data set aside: stored data that could not be read (garbage, a newer MicroScope's, a broken
 * migration) is copied here before anything rewrites it, so a newer version or a person can still
 * recover it. In storage.local:
 *
 *   'microscope:unreadable:<ISO time>'  { from, area, reason, at, value }   one copy each
 *   'microscope:unreadable-dropped'     { version: 1, dropped: DroppedCopy[] }   what the cap dropped
 *
 * The cap (issue 13): storage.local holds 10 MB without `unlimitedStorage` and the shortlist may
 * need most of it, so the copies may take at most SET_ASIDE_LIMITS.copies keys and
 * SET_ASIDE_LIMITS.bytes in all, measured as the JSON length of each stored copy. A new copy is
 * always kept, in full: it is the data just found unreadable, which the rewrite after setAside
 * removes (even alone above the bytes cap: cutting it would lose it). To make room, the oldest
 * copies are dropped first; each dropped one is named (when, from where, why, how big) in
 * setAside's result, on the console, and under 'microscope:unreadable-dropped', which the
 * dashboard shows until the person dismisses it. Nothing else here deletes a copy: only the person,
 * with deleteSetAside.
 *
 * Moved out of lib/storage.ts (which imports setAside back) so lib/settings-storage.ts and the
 * dashboard use it without the shortlist's code.
 */


/** The cap on set-aside copies: how many, and how many characters of JSON in all. */
export const SET_ASIDE_LIMITS = { copies: 20, bytes: 2_000_000 } as const;
/** How many dropped copies the notice remembers (their descriptions only, never their data). */
const DROPPED_REMEMBERED = 50;

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

/** A copy the cap dropped: everything but its data. */
export interface DroppedCopy extends Omit<SetAsideCopy, 'value'> {
  /** When it was dropped (ISO time). */
  droppedAt: string;
}

export interface SetAsideResult {
  /** The new copy's key; undefined when it could not be stored. */
  key?: string;
  /** Older copies dropped to keep within SET_ASIDE_LIMITS, oldest first. */
  dropped: DroppedCopy[];
  /** Why the copy could not be stored. */
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

function droppedOf(value: unknown): DroppedCopy[] {
  if (!isRecord(value) || !Array.isArray(value.dropped)) return [];
  return value.dropped.filter(
    (entry): entry is DroppedCopy =>
      isRecord(entry) && typeof entry.key === 'string' && typeof entry.at === 'string' && typeof entry.size === 'number' && typeof entry.droppedAt === 'string',
  );
}

function copiesIn(all: Record<string, unknown>): SetAsideCopy[] {
  return Object.keys(all)
    .filter((key) => key.startsWith(UNREADABLE_PREFIX))
    .sort()
    .map((key) => copyOf(key, all[key]));
}

/**
 * Which of the stored copies (oldest first) to drop so that they and a new copy of `size` keep
 * within `limits`: the oldest first, never the new one. Pure.
 * @example copiesToDrop([{ key: 'a', size: 10 }, { key: 'b', size: 10 }], 10, { copies: 2, bytes: 100 }) // ['a']
 */
export function copiesToDrop(
  stored: readonly { key: string; size: number }[],
  size: number,
  limits: { copies: number; bytes: number } = SET_ASIDE_LIMITS,
): string[] {
  let count = stored.length + 1;
  let total = stored.reduce((sum, copy) => sum + copy.size, size);
  const drop: string[] = [];
  for (const copy of stored) {
    if (count <= limits.copies && total <= limits.bytes) break;
    drop.push(copy.key);
    count--;
    total -= copy.size;
  }
  return drop;
}

/** setAside calls of this context, one after another: each sees the copies of the one before. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Copies data that could not be read to 'microscope:unreadable:<ISO time>' in storage.local, so a
 * newer version (or a person) can still recover it, dropping the oldest copies when the cap
 * (SET_ASIDE_LIMITS) asks for room. Never throws: the result says what was kept and dropped.
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
    // The new copy's key sorts after every stored one (the cap drops in key order), and is new
    // even within one millisecond: the calls of a context come one at a time.
    const latest = copies.length > 0 ? Date.parse(copies.at(-1)!.key.slice(UNREADABLE_PREFIX.length)) : Number.NaN;
    const stamp = Number.isFinite(latest) && latest >= now ? latest + 1 : now;
    const key = `${UNREADABLE_PREFIX}${new Date(stamp).toISOString()}`;
    const drop = new Set(copiesToDrop(copies, jsonSize(entry)));
    const droppedAt = new Date().toISOString();
    const dropped = copies.filter((copy) => drop.has(copy.key)).map(({ value: _value, ...rest }) => ({ ...rest, droppedAt }));
    const writes: Record<string, unknown> = { [key]: entry };
    if (dropped.length > 0) {
      const remembered = [...droppedOf(all[SET_ASIDE_DROPPED_KEY]), ...dropped].slice(-DROPPED_REMEMBERED);
      writes[SET_ASIDE_DROPPED_KEY] = { version: 1, dropped: remembered };
    }
    // The new copy (and the note of what goes) first: the old copies go only once it is stored.
    await browser.storage.local.set(writes);
    console.warn(`[MicroScope] ${entry.from} (${entry.area}): ${entry.reason}; kept a copy under ${key}`);
    if (dropped.length > 0) {
      await browser.storage.local.remove(dropped.map((copy) => copy.key));
      const named = dropped.map((copy) => `${copy.key} (${copy.from}: ${copy.reason}; ${copy.size} characters)`).join(', ');
      console.warn(`[MicroScope] set-aside copies are capped at ${SET_ASIDE_LIMITS.copies} and ${SET_ASIDE_LIMITS.bytes} characters: dropped ${named}`);
    }
    return { key, dropped };
  } catch (error) {
    console.warn(`[MicroScope] ${entry.from}: ${entry.reason}; could not keep a copy`, error);
    return { dropped: [], error: error instanceof Error ? error.message : String(error) };
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

/** The set-aside copies, newest first, and what the cap dropped (oldest first), for the dashboard. */
export async function listSetAside(): Promise<{ copies: SetAsideCopy[]; dropped: DroppedCopy[] }> {
  const all = await browser.storage.local.get(null);
  return { copies: copiesIn(all).reverse(), dropped: droppedOf(all[SET_ASIDE_DROPPED_KEY]) };
}

/** Deletes one set-aside copy (the person's choice: not noted as dropped). False for a key that is no copy's. */
export async function deleteSetAside(key: string): Promise<boolean> {
  if (!key.startsWith(UNREADABLE_PREFIX)) return false;
  await browser.storage.local.remove(key);
  return true;
}

/** Forgets the note of copies the cap dropped (the person has seen it). */
export async function dismissDropped(): Promise<void> {
  await browser.storage.local.remove(SET_ASIDE_DROPPED_KEY);
}

/** Calls back whenever a copy or the note of dropped copies changes, in any context. Returns the unsubscribe. */
export function watchSetAside(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'local') return;
    if (Object.keys(changes).some((key) => key.startsWith(UNREADABLE_PREFIX) || key === SET_ASIDE_DROPPED_KEY)) callback();
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
