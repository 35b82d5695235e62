import { profileKey } from '../platforms';
import { create } from 'zustand';
import type { MessageCode } from '../i18n';
import { messageCode } from '../message-code';
import type { ProfileView } from '../model';
import { storageKeyOf } from '../storage-keys';
import { parseBackup, type RefusedRow } from './backup';
import { shortlistDoor, storedBytes, type CommitResult, type Door, type ShortlistChange } from './door';
import { storedProfile } from './layout';
import { applyPatch, applyRecent, savePatches, visitPatches, type Patch } from './patches';
import { sameData, type Quote, type RecentView, type SavedProfile } from './schema';

/*
 * The shortlist as this context shows it (popup, dashboard): a zustand view of the one door
 * (./door.ts), not a second copy that syncs itself. It holds what storage holds, kept current by
 * the door's change events, with this context's own changes laid over it while they are on their
 * way to the writer (so a typed note shows at once). Actions send patches and resolve to whether
 * they were stored; a failure is shown (writeError), and nothing is ever written from here.
 */

/** The result of importing a backup, for the dashboard's report. */
export interface ImportReport {
  /** Rows in the file. */
  total: number;
  /** Profiles stored that were not in the shortlist. */
  added: number;
  /** Profiles already there that gained something (snapshots, tags, a note, an earlier save date…). */
  merged: number;
  /** Profiles already there with nothing new. */
  unchanged: number;
  /** Rows not imported, with the reason. */
  refused: RefusedRow[];
  /** Set when not everything readable was stored: why (a code the dashboard writes), and (with notStored) how much was left out. */
  error?: MessageCode;
  /** Readable rows that were not stored (a write failed); the counts above are what was stored. */
  notStored?: number;
}

export interface ShortlistState {
  hydrated: boolean;
  /** Key: profileKey(platform, handle). */
  profiles: Record<string, SavedProfile>;
  /** Newest first, at most 10: profiles viewed, saved or not. */
  recent: RecentView[];
  /** Why the last change could not be stored, as a code popup and dashboard write; cleared by the next one that is. */
  writeError?: MessageCode;
  /** Saves the profile, or adds a dated snapshot to it when its numbers changed. Resolves to whether it was stored. */
  save(view: ProfileView, now?: Date): Promise<boolean>;
  remove(keys: string[]): Promise<boolean>;
  setTags(key: string, tags: string[]): Promise<boolean>;
  setNote(key: string, note: string): Promise<boolean>;
  /** The price the creator quoted; undefined clears it. */
  setQuote(key: string, quote: Quote | undefined): Promise<boolean>;
  /** Updates recent views; for a saved profile adds a snapshot when its numbers changed, and lastSeen. */
  recordVisit(view: ProfileView, now?: Date): Promise<boolean>;
  /** Validates every row and stores them in commits; the report says exactly what was stored. */
  importBackup(json: unknown): Promise<ImportReport>;
}

/** "needs 2.1 MB, 0.4 MB free", as a code: the sizes are written in MB by the UI. */
const noRoom = (needed: number, free: number): MessageCode => ({
  key: 'importNoRoom',
  args: [{ number: needed, as: 'bytes' }, { number: free, as: 'bytes' }],
});

type Profiles = Record<string, SavedProfile>;

/** Rows per import commit: one set() each (about 0.3 MB), so a failure stops at a known row. */
export const IMPORT_CHUNK = 1000;

/** A commit on its way: laid over the stored profiles until the writer answers. */
interface InFlight {
  patches: Patch[];
  /** The change events seen for each key when it was sent (see settle). */
  seen: Map<string, number>;
}

export function createShortlistStore(getDoor: () => Door = shortlistDoor) {
  /** What storage holds, as far as this context knows. */
  let stored: Profiles = {};
  let storedRecent: RecentView[] = [];
  let revision: string | undefined;
  const inFlight: InFlight[] = [];
  /**
   * Notes, tags and quotes the writer could not store: still laid over the view, so what the person typed
   * stays on screen (with writeError saying it is not stored) until a later change of the same
   * field is stored.
   */
  const unsaved = new Map<string, Patch>();
  /** Change events per profile key since this context started: tells a commit's answer from newer news. */
  const events = new Map<string, number>();
  let started = false;
  let reading: Promise<void> | undefined;
  /** Changes that arrived while reading: applied, in order, once read. */
  let queued: ShortlistChange[] | undefined;
  let unwatch: (() => void) | undefined;
  let prefetched: Promise<Record<string, unknown>> | undefined;
  const idle: (() => void)[] = [];

  /** The view: stored profiles with this context's changes in flight laid over them. */
  const refresh = (patch: Partial<ShortlistState> = {}): void => {
    let profiles = stored;
    let recent: readonly RecentView[] = storedRecent;
    if (inFlight.length > 0 || unsaved.size > 0) {
      profiles = { ...stored };
      for (const { patches } of [{ patches: [...unsaved.values()] }, ...inFlight]) {
        for (const change of patches) {
          if (change.op === 'recent') {
            recent = applyRecent(recent, change.view);
            continue;
          }
          const next = applyPatch(profiles[change.key], change);
          if (next) profiles[change.key] = next;
          else delete profiles[change.key];
        }
      }
    }
    store.setState({ profiles, recent: recent as RecentView[], ...patch });
  };

  const apply = (change: ShortlistChange): void => {
    if (change.layout) {
      void read();
      return;
    }
    let changed = false;
    if (change.profiles.size > 0) {
      // Copied once per event, not per key: an import elsewhere changes thousands of keys at once.
      let copied = false;
      for (const [key, profile] of change.profiles) {
        events.set(key, (events.get(key) ?? 0) + 1);
        const known = stored[key];
        // The same data again (this context's own change coming back): identity kept, nothing drawn.
        if (profile ? known !== undefined && sameData(known, profile) : known === undefined) continue;
        if (!copied) stored = { ...stored };
        copied = true;
        if (profile) stored[key] = profile;
        else delete stored[key];
      }
      changed = copied;
    }
    if (change.recent && !sameData(change.recent, storedRecent)) {
      storedRecent = change.recent;
      changed = true;
    }
    if (change.revision !== undefined) revision = change.revision;
    if (changed) refresh();
  };

  const onChange = (change: ShortlistChange): void => {
    try {
      if (queued) queued.push(change);
      else apply(change);
    } catch (error) {
      console.warn('[MicroScope] could not apply a shortlist change from another tab', error);
    }
  };

  /** Listening before any read: a change made meanwhile is applied after it, none falls between. */
  const listen = (): void => {
    unwatch ??= getDoor().watch(onChange);
    queued ??= [];
  };

  const read = (): Promise<void> => {
    listen();
    const items = prefetched;
    prefetched = undefined;
    const run = getDoor()
      .loadAll(items)
      .then(
        (loaded) => {
          stored = loaded.profiles;
          storedRecent = loaded.recent;
          revision = loaded.revision;
        },
        (error: unknown) => console.warn('[MicroScope] could not read the shortlist', error),
      )
      .then(() => {
        const changes = queued ?? [];
        queued = undefined;
        for (const change of changes) apply(change);
        refresh({ hydrated: true });
      });
    reading = run;
    return run;
  };

  const start = (): void => {
    if (started) return;
    started = true;
    void read();
  };

  const whenHydrated = async (): Promise<void> => {
    start();
    while (!store.getState().hydrated) await reading;
  };

  /**
   * The writer's answer: what it stored becomes what this context knows is stored, unless a
   * change event for that profile came after the commit was sent (it is this commit's own, or a
   * newer one: storage.onChanged keeps the order of writes).
   */
  const settle = (entry: InFlight, result: CommitResult): void => {
    inFlight.splice(inFlight.indexOf(entry), 1);
    for (const patch of entry.patches) {
      if (patch.op !== 'note' && patch.op !== 'tags' && patch.op !== 'quote') continue;
      const field = `${patch.op}:${patch.key}`;
      if (result.ok) unsaved.delete(field);
      else unsaved.set(field, patch);
    }
    if (result.ok) {
      let copied = false;
      for (const [key, profile] of Object.entries(result.profiles)) {
        if ((events.get(key) ?? 0) !== (entry.seen.get(key) ?? 0)) continue;
        const known = stored[key];
        if (profile ? known !== undefined && sameData(known, profile) : known === undefined) continue;
        if (!copied) stored = { ...stored };
        copied = true;
        if (profile) stored[key] = profile;
        else delete stored[key];
      }
    }
    refresh(result.ok ? { writeError: undefined } : { writeError: messageCode('shortlistWriteError', result.error) });
    if (inFlight.length === 0) for (const resolve of idle.splice(0)) resolve();
  };

  /**
   * Sends patches to the writer, showing them at once (in this task: a controlled text field keeps
   * its caret); resolves to whether they were stored. Before the shortlist is read, waits for it.
   */
  const commit = (patches: Patch[]): Promise<boolean> => {
    if (patches.length === 0) return Promise.resolve(true);
    if (!store.getState().hydrated) return whenHydrated().then(() => commit(patches));
    const seen = new Map<string, number>();
    for (const patch of patches) if (patch.op !== 'recent') seen.set(patch.key, events.get(patch.key) ?? 0);
    const entry: InFlight = { patches, seen };
    inFlight.push(entry);
    refresh();
    return getDoor()
      .commit(patches)
      .then((result) => {
        settle(entry, result);
        if (!result.ok) console.warn(`[MicroScope] could not store a shortlist change (${result.code})`, result.error);
        return result.ok;
      });
  };

  const importBackup = async (json: unknown): Promise<ImportReport> => {
    await whenHydrated();
    const parsed = parseBackup(json);
    const total = parsed.rows.length + parsed.refused.length;
    const report: ImportReport = { total, added: 0, merged: 0, unchanged: 0, refused: parsed.refused };
    if (parsed.error) return { ...report, error: parsed.error };
    const rows = parsed.rows.map((profile) => ({ key: profileKey(profile.platform, profile.handle), profile }));

    // Whole or not at all where storage has a quota: a file that cannot fit is refused before any write.
    const room = await getDoor().room();
    if (room !== undefined) {
      const needed = storedBytes(Object.fromEntries(rows.filter(({ key }) => !stored[key]).map(({ key, profile }) => [storageKeyOf(key), storedProfile(profile)])));
      if (needed > room) return { ...report, error: noRoom(needed, room), notStored: rows.length };
    }

    const outcome = new Map<string, 'added' | 'merged' | 'unchanged'>();
    for (let at = 0; at < rows.length; at += IMPORT_CHUNK) {
      const chunk = rows.slice(at, at + IMPORT_CHUNK);
      const result = await getDoor().commit(chunk.map(({ key, profile }) => ({ op: 'merge', key, profile })));
      if (!result.ok) {
        store.setState({ writeError: messageCode('shortlistWriteError', result.error) });
        const counts = countOutcomes(outcome);
        const notStored = rows.length - at;
        const reason = result.code === 'quota' && result.needed !== undefined && result.free !== undefined ? noRoom(result.needed, result.free) : result.error;
        return { ...report, ...counts, notStored, error: messageCode('importStopped', at, rows.length, reason) };
      }
      chunk.forEach(({ key }, index) => {
        const done = result.outcomes[index];
        const known = outcome.get(key);
        if (done === 'added' && known === undefined) outcome.set(key, 'added');
        else if (done === 'changed' && known !== 'added') outcome.set(key, 'merged');
        else if (known === undefined) outcome.set(key, 'unchanged');
      });
    }
    if (store.getState().writeError !== undefined) store.setState({ writeError: undefined });
    return { ...report, ...countOutcomes(outcome) };
  };

  const store = create<ShortlistState>()((_set, _get, api) => {
    // Reading starts on first use (a subscriber: React components, through this api), never at
    // import: WXT imports entry points in Node at build time.
    const subscribe = api.subscribe;
    api.subscribe = (listener) => {
      start();
      return subscribe(listener);
    };
    return {
    hydrated: false,
    profiles: {},
    recent: [],
    save: (view, now = new Date()) => (view.verdict.handle ? commit(savePatches(view, now.toISOString())) : Promise.resolve(false)),
    recordVisit: (view, now = new Date()) => (view.verdict.handle ? commit(visitPatches(view, now.toISOString())) : Promise.resolve(false)),
    remove: (keys) => commit(keys.map((key) => ({ op: 'remove', key }))),
    setTags: (key, tags) => commit([{ op: 'tags', key, tags }]),
    setNote: (key, note) => commit([{ op: 'note', key, note }]),
    setQuote: (key, quote) => commit([{ op: 'quote', key, quote: quote ?? null }]),
    importBackup,
    };
  });

  return Object.assign(store, {
    controls: {
      whenHydrated,
      /** Resolves once this context's changes have been answered by the writer. */
      settled: (): Promise<void> => (inFlight.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
      /** Reads everything again (tests, after the fake browser was reset). */
      async reload(): Promise<void> {
        unwatch?.();
        unwatch = undefined;
        started = true;
        await read();
      },
      revision: (): string | undefined => revision,
      prefetch(readWhen?: Promise<unknown>, early?: Promise<Record<string, unknown>>): (after?: Promise<unknown>) => void {
        listen();
        const ask = (): Promise<Record<string, unknown>> => getDoor().readEverything();
        const items = early ? early.catch(ask) : readWhen ? readWhen.then(ask, ask) : ask();
        let open: () => void = () => undefined;
        const gate = new Promise<void>((resolve) => (open = resolve));
        prefetched = Promise.all([items, gate]).then(([all]) => all);
        return (after = Promise.resolve()) => void after.then(open, open);
      },
      /** The stored profiles and their revision, when nothing is being read or sent; else undefined. */
      snapshot(): { profiles: Profiles; revision: string | undefined } | undefined {
        if (!store.getState().hydrated || queued || inFlight.length > 0) return undefined;
        return { profiles: stored, revision };
      },
    },
  });
}

function countOutcomes(outcome: ReadonlyMap<string, 'added' | 'merged' | 'unchanged'>): Pick<ImportReport, 'added' | 'merged' | 'unchanged'> {
  const counts = { added: 0, merged: 0, unchanged: 0 };
  for (const value of outcome.values()) counts[value]++;
  return counts;
}

/** The shortlist of this context. Subscribing (useShortlist(selector)) starts reading it. */
export const useShortlist = /* @__PURE__ */ createShortlistStore();

/** Resolves once the shortlist was read from storage (starting that if nobody has yet). */
export function whenShortlistHydrated(): Promise<void> {
  return useShortlist.controls.whenHydrated();
}

/** Resolves once this context's changes were answered (popups: before window.close()). */
export function shortlistWritesSettled(): Promise<void> {
  return useShortlist.controls.settled();
}

/** Reads the shortlist from storage again (after the fake browser was reset in tests, or to recover). */
export function reloadShortlist(): Promise<void> {
  return useShortlist.controls.reload();
}

/**
 * Asks storage for the whole shortlist now (or once `readWhen` settles), before anything
 * subscribes; the next read takes that answer instead of asking again, but only once the returned
 * function was called (and the promise given to it settled). The dashboard sets this up before
 * React starts, asks only once its first page is rendered, and lets the long decode of 5 000
 * profiles wait until that page has painted. `early`: a storage.local.get(null) answer asked for
 * earlier by a caller that made sure no change of the shortlist came between it and this call
 * (lib/warm-start/dashboard.ts); used instead of asking (asked when it fails).
 */
export function prefetchShortlist(readWhen?: Promise<unknown>, early?: Promise<Record<string, unknown>>): (after?: Promise<unknown>) => void {
  return useShortlist.controls.prefetch(readWhen, early);
}

/** The stored revision this context's profiles are: undefined before reading, or when storage has none yet. */
export function shortlistRevision(): string | undefined {
  return useShortlist.controls.revision();
}

let lastFirstPage = '';

/**
 * Stores the dashboard's first page (./layout.ts FirstPage) as of the revision this context
 * holds, when it changed: `pageOf` picks it from all profiles. Does nothing while this context is
 * reading or sending, or before storage has a revision. Resolves true when it wrote.
 */
export async function saveFirstPage(pageOf: (profiles: SavedProfile[]) => SavedProfile[]): Promise<boolean> {
  const now = useShortlist.controls.snapshot();
  if (!now || now.revision === undefined) return false;
  const list = Object.values(now.profiles);
  const page = { revision: now.revision, total: list.length, profiles: pageOf(list) };
  const text = JSON.stringify([page.revision, page.total, page.profiles.map(storedProfile)]);
  if (text === lastFirstPage) return false;
  // Mid-removal (a pending revision) the door stores nothing: not written, so not remembered.
  if (!(await shortlistDoor().storeFirstPage(page))) return false;
  lastFirstPage = text;
  return true;
}
