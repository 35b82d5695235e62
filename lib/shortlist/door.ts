import { profileKey } from '../platforms';
import { browser } from 'wxt/browser';
import { isRecord } from '../is-record';
import { setAside } from '../set-aside';
import {
  FIRST_PAGE_KEY,
  PENDING_REVISION_PREFIX,
  PROFILE_PREFIX,
  RECENT_KEY,
  REVISION_KEY,
  SHORTLIST_KEY,
  storageKeyOf,
  TOMBSTONES_KEY,
} from '../storage-keys';
import { isPendingRevision, nextFirstPage, touchesProfiles, type FollowedPage, type StorageChange } from './first-page';
import { CURRENT_META, decodeFirstPage, readFirstPage, readRecent, readStored, readStoredProfile, storedFirstPage, storedProfile, storedRecent, type FirstPage } from './layout';
import { applyPatch, applyRecent, checkPatch, savePatches, visitPatches, type Outcome, type Patch } from './patches';
import { SHORTLIST_VERSION, type RecentView, type SavedProfile } from './schema';
import type { Platform } from '../platforms';
import type { ProfileView } from '../model';

/*
 * The one door to the shortlist in browser.storage.local: no other code reads or writes saved
 * profiles, the recent list, the revision or the dashboard's first page.
 *
 * Writes. Every change is a patch (./patches.ts). Patches go to one writer, the background's
 * (serveShortlistWrites), which applies them one commit at a time, in the order they arrive, to
 * the values stored at that moment, and writes the result with a new revision in one set(). So a
 * note typed in the dashboard, a visit recorded by a tab and a removal in the popup can never
 * overwrite each other: read-modify-write happens in one place, never concurrently. A visit
 * applied after a removal finds nothing and saves nothing, so no late tab brings a removed
 * profile back. A commit answers with what it stored, or why it stored nothing: callers report
 * that, never a success that did not happen, and a failed commit leaves the next one unaffected.
 *
 * Reads. Any context reads directly (one key for the badge, everything for the dashboard) and
 * follows storage.onChanged through watch().
 */

/** The parts of a storage area the door uses (browser.storage.local, or a test's fake). */
export interface LocalArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  getBytesInUse?(keys?: string | string[] | null): Promise<number>;
  QUOTA_BYTES?: number;
}

type ChangeListener = (changes: Record<string, StorageChange>, area: string) => void;

/** browser.storage.onChanged, or a test's fake. */
export interface ChangeEvents {
  addListener(listener: ChangeListener): void;
  removeListener(listener: ChangeListener): void;
}

/** Why a commit stored nothing. */
export type CommitFailure = 'quota' | 'invalid' | 'unreachable' | 'failed';

export type CommitResult =
  | {
      ok: true;
      /** What each patch did, in order ('unchanged' for the recent list). */
      outcomes: Outcome[];
      /** Each profile the commit touched, as stored now (null: not saved). */
      profiles: Record<string, SavedProfile | null>;
    }
  | { ok: false; code: CommitFailure; error: string; /** Bytes the commit needed and storage had free, for 'quota'. */ needed?: number; free?: number };

/** The message that carries a commit to the background. */
export interface ShortlistRequest {
  type: 'microscope:shortlist';
  request: { kind: 'commit'; patches: Patch[] } | { kind: 'repair' };
}

function isShortlistRequest(message: unknown): message is ShortlistRequest {
  return isRecord(message) && message.type === 'microscope:shortlist' && isRecord(message.request);
}

/** Storage as Chrome counts it: a key's length plus its value's JSON length. */
export function storedBytes(items: Record<string, unknown>): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += key.length + (JSON.stringify(value)?.length ?? 0);
  return bytes;
}

/** Tombstones kept (the newest): enough for any removal a late message could still race. */
export const TOMBSTONES_KEPT = 500;

/** The stored tombstones: profile key → ISO time of its removal. */
function readTombstones(value: unknown): Record<string, string> {
  const removed = isRecord(value) && isRecord(value.removed) ? value.removed : {};
  const out: Record<string, string> = {};
  for (const [key, at] of Object.entries(removed)) if (typeof at === 'string') out[key] = at;
  return out;
}

function storedTombstones(removed: Record<string, string>): Record<string, unknown> {
  const newest = Object.entries(removed)
    .sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0))
    .slice(0, TOMBSTONES_KEPT);
  return { version: 1, removed: Object.fromEntries(newest) };
}

/** A commit's writes above this size are checked against the room left in storage before writing. */
const CHECK_ROOM_ABOVE_BYTES = 64 * 1024;

function failure(error: unknown): CommitResult {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: /quota/i.test(message) ? 'quota' : 'failed', error: message };
}

// ---------------------------------------------------------------------------------------------
// The writer: the background's, the only one.

/**
 * Writes `set` and removes `remove`; when that changes saved profiles, REVISION_KEY gets a new id
 * in the same set() as the profiles: one atomic write, one storage.onChanged event with the
 * changes and the revision before and after (./first-page.ts follows the dashboard's first page
 * with it). A removal cannot be part of a set(): then the set() carries a pending revision (for
 * which no first page is ever stored), the remove() follows (its event has no revision), and the
 * new id comes after it alone: ./first-page.ts follows the three events as one chain.
 */
async function writeProfiles(local: LocalArea, set: Record<string, unknown>, remove: readonly string[]): Promise<void> {
  const keys = [...Object.keys(set), ...remove];
  if (!keys.some((key) => key.startsWith(PROFILE_PREFIX) || key === SHORTLIST_KEY)) {
    if (Object.keys(set).length > 0) await local.set(set);
    return;
  }
  const revision = crypto.randomUUID();
  if (remove.length === 0) {
    await local.set({ ...set, [REVISION_KEY]: revision });
    return;
  }
  await local.set({ ...set, [REVISION_KEY]: `${PENDING_REVISION_PREFIX}${crypto.randomUUID()}` });
  await local.remove([...remove]);
  await local.set({ [REVISION_KEY]: revision });
}

/**
 * Reads everything, sets aside what cannot be read and brings storage to the current layout
 * (migrations, keys renamed to their profile's). Runs inside the writer's queue only.
 */
async function repairLayout(local: LocalArea): Promise<boolean> {
  const read = readStored(await local.get(null));
  for (const { from, unreadable } of read.unreadable) {
    // No copy kept (storage full, or the set-aside copies are): nothing is rewritten, the
    // unreadable data stays where it is and reads go on around it.
    if ((await setAside(from, 'local', unreadable)).key === undefined) return false;
  }
  await writeProfiles(local, read.repair.set, read.repair.remove);
  return true;
}

/** Applies commits one at a time, in arrival order, to what is stored at that moment. */
export function createWriter(local: LocalArea) {
  let queue: Promise<unknown> = Promise.resolve();
  let layoutCurrent = false;

  const ensureLayout = async (): Promise<boolean> => {
    if (layoutCurrent) return true;
    const meta = (await local.get(SHORTLIST_KEY))[SHORTLIST_KEY];
    const current = meta === undefined || (isRecord(meta) && meta.version === SHORTLIST_VERSION && Object.keys(meta).length === 1);
    // When the repair cannot keep a copy of what it would replace, the next commit tries again.
    layoutCurrent = current || (await repairLayout(local));
    return layoutCurrent;
  };

  const apply = async (raw: readonly unknown[]): Promise<CommitResult> => {
    const patches: Patch[] = [];
    for (const value of raw) {
      const patch = checkPatch(value);
      if (!patch) return { ok: false, code: 'invalid', error: 'not a shortlist change' };
      patches.push(patch);
    }
    // Never written into a layout this version cannot read (a newer MicroScope's that could not be set aside).
    if (!(await ensureLayout())) return { ok: false, code: 'failed', error: 'the stored shortlist could not be brought to this version' };
    const keys = [...new Set(patches.flatMap((patch) => (patch.op === 'recent' ? [] : [patch.key])))];
    const wantsRecent = patches.some((patch) => patch.op === 'recent');
    const wantsTombstones = patches.some((patch) => patch.op === 'save' || patch.op === 'remove');
    const items = await local.get([...keys.map(storageKeyOf), ...(wantsRecent ? [RECENT_KEY] : []), ...(wantsTombstones ? [TOMBSTONES_KEY] : []), SHORTLIST_KEY]);
    const tombstones = wantsTombstones ? readTombstones(items[TOMBSTONES_KEY]) : {};
    let tombstonesChanged = false;
    const now = new Date().toISOString();

    const current = new Map<string, SavedProfile | undefined>();
    for (const key of keys) {
      const stored = items[storageKeyOf(key)];
      const profile = stored === undefined ? undefined : readStoredProfile(stored);
      // What is there but cannot be read is kept aside before anything replaces it, or nothing is written.
      if (stored !== undefined && !profile) {
        const copy = await setAside(storageKeyOf(key), 'local', { reason: 'a saved profile that could not be read', value: stored });
        if (copy.key === undefined) return { ok: false, code: 'failed', error: 'unreadable data in the way could not be set aside' };
      }
      current.set(key, profile);
    }
    const recentBefore = wantsRecent ? readRecent(items[RECENT_KEY]).views : [];
    let recent: readonly RecentView[] = recentBefore;
    const outcomes: Outcome[] = [];
    for (const patch of patches) {
      if (patch.op === 'recent') {
        recent = applyRecent(recent, patch.view);
        outcomes.push('unchanged');
        continue;
      }
      const before = current.get(patch.key);
      // A removal leaves a tombstone: a save pressed before it, whose message arrives after it,
      // does not bring the profile back (a save pressed later does, and clears the tombstone).
      const removedAt = tombstones[patch.key];
      if (patch.op === 'save' && !before && removedAt !== undefined) {
        if (patch.seen.savedAt <= removedAt) {
          outcomes.push('unchanged');
          continue;
        }
        delete tombstones[patch.key];
        tombstonesChanged = true;
      }
      const after = applyPatch(before, patch);
      if (patch.op === 'remove' && before) {
        tombstones[patch.key] = now;
        tombstonesChanged = true;
      }
      current.set(patch.key, after);
      outcomes.push(!before ? (after ? 'added' : 'unchanged') : !after ? 'removed' : after === before ? 'unchanged' : 'changed');
    }

    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    const profiles: Record<string, SavedProfile | null> = {};
    for (const key of keys) {
      const storageKey = storageKeyOf(key);
      const after = current.get(key);
      profiles[key] = after ?? null;
      if (!after) {
        if (items[storageKey] !== undefined) remove.push(storageKey);
        continue;
      }
      const text = storedProfile(after);
      if (text !== items[storageKey]) set[storageKey] = text;
    }
    if (recent !== recentBefore) set[RECENT_KEY] = storedRecent(recent);
    if (tombstonesChanged) set[TOMBSTONES_KEY] = storedTombstones(tombstones);
    if (Object.keys(set).some((key) => key.startsWith(PROFILE_PREFIX)) && items[SHORTLIST_KEY] === undefined) set[SHORTLIST_KEY] = CURRENT_META;

    // A big commit (an import) is checked against the room left before anything is written: it is
    // stored whole or not at all, never cut off by the quota half-way.
    const bytes = storedBytes(set);
    if (bytes > CHECK_ROOM_ABOVE_BYTES && local.QUOTA_BYTES !== undefined && local.getBytesInUse) {
      const used = await local.getBytesInUse(null);
      const replaced = await local.getBytesInUse(Object.keys(set));
      const free = local.QUOTA_BYTES - used + replaced;
      if (bytes > free) return { ok: false, code: 'quota', error: 'not enough room in storage', needed: bytes, free: Math.max(0, local.QUOTA_BYTES - used) };
    }
    await writeProfiles(local, set, remove);
    return { ok: true, outcomes, profiles };
  };

  const enqueue = <T>(run: () => Promise<T>): Promise<T> => {
    const result = queue.then(run);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    /** Applies the patches as one write after every commit that arrived before them. */
    commit(patches: readonly unknown[]): Promise<CommitResult> {
      return enqueue(() => apply(patches)).catch(failure);
    },
    /** Brings storage to the current layout, setting aside what cannot be read. */
    repair(): Promise<CommitResult> {
      return enqueue(async (): Promise<CommitResult> => {
        if (!(await repairLayout(local))) return { ok: false, code: 'failed', error: 'unreadable data could not be set aside' };
        layoutCurrent = true;
        return { ok: true, outcomes: [], profiles: {} };
      }).catch(failure);
    },
  };
}

export type Writer = ReturnType<typeof createWriter>;

// ---------------------------------------------------------------------------------------------
// The door every context uses.

/** A change to the shortlist, from storage.onChanged. */
export interface ShortlistChange {
  /** Profiles changed: the stored profile, or null when removed. */
  profiles: Map<string, SavedProfile | null>;
  recent?: RecentView[];
  revision?: string;
  /** The layout marker changed (an old version wrote, or storage was repaired): read everything again. */
  layout: boolean;
}

export interface DoorEnvironment {
  local: LocalArea;
  onChanged: ChangeEvents;
  /** Carries a request to the writer. */
  send(request: ShortlistRequest['request']): Promise<CommitResult>;
}

export interface LoadedShortlist {
  profiles: Record<string, SavedProfile>;
  recent: RecentView[];
  /** The stored revision the profiles are; undefined when storage has none yet. */
  revision?: string;
}

/** What followFirstPage did with a change event. */
export type FollowOutcome =
  /** The page after it is stored, current. */
  | 'stored'
  /** In the middle of a removal: the page after it is held in memory for the next event. */
  | 'held'
  /** The page after it is not known: the stored page is left as it was (no longer current). */
  | 'not-followed'
  /** It changes neither profiles nor the revision: nothing to follow. */
  | 'ignored';

export function createDoor(environment: DoorEnvironment) {
  const { local, onChanged, send } = environment;
  /** A removal's page between its first write and its last (followFirstPage): never stored. */
  let held: FollowedPage | undefined;

  const loadAll = async (items?: Promise<Record<string, unknown>>): Promise<LoadedShortlist> => {
    let all = await (items ?? local.get(null));
    let read = readStored(all);
    if (read.unreadable.length > 0 || Object.keys(read.repair.set).length > 0 || read.repair.remove.length > 0) {
      // Only the writer changes storage: it repairs, then everything is read again.
      const repaired = await send({ kind: 'repair' });
      if (repaired.ok) {
        all = await local.get(null);
        read = readStored(all);
      }
    }
    const revision = typeof all[REVISION_KEY] === 'string' ? all[REVISION_KEY] : undefined;
    return { profiles: read.shortlist.profiles, recent: read.recent, revision };
  };

  return {
    /** Applies patches (through the one writer). Never throws: a failure is the result. */
    async commit(patches: Patch[]): Promise<CommitResult> {
      if (patches.length === 0) return { ok: true, outcomes: [], profiles: {} };
      try {
        return await send({ kind: 'commit', patches });
      } catch (error) {
        return { ok: false, code: 'unreachable', error: error instanceof Error ? error.message : String(error) };
      }
    },

    /** The whole shortlist and the recent list, migrated and checked (`items`: a get(null) asked for earlier). */
    loadAll,

    /** Everything storage.local holds, as loadAll takes it (the dashboard asks for it early). */
    readEverything(): Promise<Record<string, unknown>> {
      return local.get(null);
    },

    /** One saved profile (the badge: one small key), or undefined. */
    async loadProfile(key: string): Promise<SavedProfile | undefined> {
      const storageKey = storageKeyOf(key);
      const items = await local.get([storageKey, SHORTLIST_KEY]);
      const meta = items[SHORTLIST_KEY];
      if (meta !== undefined && !(isRecord(meta) && meta.version === SHORTLIST_VERSION)) {
        return (await loadAll()).profiles[key];
      }
      return items[storageKey] === undefined ? undefined : readStoredProfile(items[storageKey]);
    },

    /** The stored first page, if it is the current one (two small keys), from `items` when read earlier. */
    async loadFirstPage(items?: Promise<Record<string, unknown>>): Promise<FirstPage | undefined> {
      return readFirstPage(await (items ?? local.get([REVISION_KEY, FIRST_PAGE_KEY])));
    },

    /**
     * Stores the dashboard's first page (a cache, shown only while its revision is the stored one).
     * Never for a pending revision: a removal's profiles go after it, under the same revision.
     * Resolves true when it wrote.
     */
    async storeFirstPage(page: FirstPage): Promise<boolean> {
      if (isPendingRevision(page.revision)) return false;
      await local.set({ [FIRST_PAGE_KEY]: storedFirstPage(page) });
      return true;
    },

    /**
     * Brings the stored first page along with one change event (the background, for every event,
     * in order). A removal's three events (writeProfiles) are followed from the page held here,
     * in this context's memory, between the first and the last: a page is stored once the
     * revision is no longer pending. Any event that does not line up drops what is held (then the
     * stored page stays as it was, and the dashboard's full read is the fallback).
     */
    async followFirstPage(changes: Readonly<Record<string, StorageChange>>): Promise<FollowOutcome> {
      if (!touchesProfiles(changes)) return 'ignored';
      const before = held;
      held = undefined;
      let next = before && nextFirstPage(before, changes);
      if (!next) {
        const stored = decodeFirstPage((await local.get(FIRST_PAGE_KEY))[FIRST_PAGE_KEY]);
        // Never followed from a stored page of a pending revision (none is stored, but a page of
        // an older MicroScope or a race could be): which of the removal's writes it has seen is unknown.
        next = stored && !isPendingRevision(stored.revision) ? nextFirstPage(stored, changes) : undefined;
      }
      if (!next) return 'not-followed';
      if (isPendingRevision(next.revision)) {
        held = next;
        return 'held';
      }
      await local.set({ [FIRST_PAGE_KEY]: storedFirstPage(next) });
      return 'stored';
    },

    /** Bytes storage.local has left, where it has a quota and says how much is used; undefined otherwise. */
    async room(): Promise<number | undefined> {
      if (local.QUOTA_BYTES === undefined || !local.getBytesInUse) return undefined;
      try {
        return Math.max(0, local.QUOTA_BYTES - (await local.getBytesInUse(null)));
      } catch {
        return undefined;
      }
    },

    /** Calls back with every change to the shortlist, from any context. Returns the unsubscribe. */
    watch(callback: (change: ShortlistChange) => void): () => void {
      const listener: ChangeListener = (changes, area) => {
        if (area !== 'local') return;
        let change: ShortlistChange | undefined;
        const next = (): ShortlistChange => (change ??= { profiles: new Map(), layout: false });
        for (const [storageKey, { newValue }] of Object.entries(changes)) {
          if (storageKey.startsWith(PROFILE_PREFIX)) {
            const key = storageKey.slice(PROFILE_PREFIX.length);
            if (newValue === undefined || newValue === null) {
              next().profiles.set(key, null);
              continue;
            }
            const profile = readStoredProfile(newValue);
            if (profile) next().profiles.set(key, profile);
            else console.warn(`[MicroScope] ignored an unreadable change to ${storageKey}`);
          } else if (storageKey === RECENT_KEY) next().recent = readRecent(newValue).views;
          else if (storageKey === REVISION_KEY && typeof newValue === 'string') next().revision = newValue;
          else if (storageKey === SHORTLIST_KEY && !(isRecord(newValue) && newValue.version === SHORTLIST_VERSION)) next().layout = true;
        }
        if (change) callback(change);
      };
      onChanged.addListener(listener);
      return () => onChanged.removeListener(listener);
    },
  };
}

export type Door = ReturnType<typeof createDoor>;

// ---------------------------------------------------------------------------------------------
// The extension's own door and writer.

let writer: Writer | undefined;
let door: Door | undefined;

/**
 * browser.storage.local as the door uses it. With `unlimitedStorage` (wxt.config.ts) Chrome still
 * states QUOTA_BYTES (10 MB) but does not hold the extension to it: no room is checked against it
 * then, and a full disk speaks for itself through the write's error.
 */
function extensionLocal(): LocalArea {
  const local = browser.storage.local as unknown as LocalArea;
  let unlimited = false;
  try {
    unlimited = browser.runtime.getManifest().permissions?.includes('unlimitedStorage') === true;
  } catch {
    // no manifest to read (outside an extension): as stated
  }
  if (!unlimited) return local;
  return { get: (keys) => local.get(keys), set: (items) => local.set(items), remove: (keys) => local.remove(keys) };
}

/** The shortlist's door in this context (created on first use: WXT imports entry points at build time). */
export function shortlistDoor(): Door {
  door ??= createDoor({
    local: extensionLocal(),
    onChanged: browser.storage.onChanged as unknown as ChangeEvents,
    async send(request) {
      // In the background the writer is here; elsewhere a message takes the request to it.
      if (writer) return request.kind === 'commit' ? writer.commit(request.patches) : writer.repair();
      const answer = (await browser.runtime.sendMessage({ type: 'microscope:shortlist', request } satisfies ShortlistRequest)) as CommitResult | undefined;
      if (!answer) throw new Error('no answer from the background');
      return answer;
    },
  });
  return door;
}

/**
 * Makes this context (the background) the shortlist's one writer: it answers every context's
 * commits, one at a time. Returns the message listener (to remove it in tests).
 */
export function serveShortlistWrites(): (message: unknown) => Promise<CommitResult> | undefined {
  writer = createWriter(extensionLocal());
  const own = writer;
  const listener = (message: unknown): Promise<CommitResult> | undefined => {
    if (!isShortlistRequest(message)) return undefined;
    const { request } = message;
    if (request.kind === 'repair') return own.repair();
    return own.commit(Array.isArray(request.patches) ? request.patches : []);
  };
  browser.runtime.onMessage.addListener(listener);
  return listener;
}

/** Forgets this context's writer and door (tests: after the fake browser was reset). */
export function resetShortlistDoor(): void {
  writer = undefined;
  door = undefined;
}

// ---------------------------------------------------------------------------------------------
// One profile at a time, for the content script: a few small keys, never the whole shortlist.

/** The saved profile, or undefined when it isn't saved. */
export function loadSavedProfile(platform: Platform, handle: string): Promise<SavedProfile | undefined> {
  return shortlistDoor().loadProfile(profileKey(platform, handle));
}

/** Saves the profile a view shows (or adds a dated snapshot to it). */
export function saveProfileView(view: ProfileView, now: Date = new Date()): Promise<CommitResult> {
  return shortlistDoor().commit(savePatches(view, now.toISOString()));
}

/** A visit: remembered among recent views; for a saved profile a snapshot when its numbers changed, and lastSeen. */
export function recordProfileVisit(view: ProfileView, now: Date = new Date()): Promise<CommitResult> {
  return shortlistDoor().commit(visitPatches(view, now.toISOString()));
}

/**
 * Calls back when the saved profile changes in any context: the new profile, or undefined once
 * it is removed (say from the dashboard). Returns the unsubscribe.
 */
export function watchSavedProfile(platform: Platform, handle: string, callback: (profile: SavedProfile | undefined) => void): () => void {
  const key = profileKey(platform, handle);
  return shortlistDoor().watch((change) => {
    if (change.profiles.has(key)) callback(change.profiles.get(key) ?? undefined);
  });
}
