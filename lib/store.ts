import { browser, type Browser } from 'wxt/browser';
import { create, type StateCreator, type StoreMutatorIdentifier } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { mergeProfilesDetailed, parseBackup, type RefusedRow } from './backup';
import { t } from './i18n';
import { readProfileText } from './profile-codec';
import type { ProfileView } from './content-controller';
import {
  checkProfile,
  isRepeatVisit,
  LIMITS,
  mergeRecent,
  normaliseTags,
  profileKey,
  recentViewOf,
  sameData,
  saveProfile,
  SHORTLIST_KEY,
  SHORTLIST_VERSION,
  visitProfile,
  type RecentView,
  type SavedProfile,
} from './shortlist';
import {
  CURRENT_META,
  decodeStored,
  loadStoredShortlist,
  PROFILE_PREFIX,
  readRecent,
  RECENT_KEY,
  FIRST_PAGE_KEY,
  REVISION_KEY,
  storageKeyOf,
  storedFirstPage,
  storedProfile,
  storedRecent,
  writeProfiles,
} from './storage';

export type { RecentView, SavedProfile, SavedSnapshot } from './shortlist';
export type { RefusedRow } from './backup';

/*
 * The shortlist store, one per extension context (dashboard, popup; the badge may use it or the
 * per-profile functions of lib/storage.ts). zustand's persist middleware over an async adapter
 * for browser.storage.local, where each profile has a key of its own (lib/storage.ts):
 *
 * - Hydration starts on first use (a subscriber, an action, whenShortlistHydrated), never at
 *   import: WXT imports entry points in Node at build time. Actions called before hydration wait
 *   for it, so they never act on data they haven't read.
 * - A write stores only the profiles that differ from what this context last knew was stored
 *   (by reference, which immutable updates make exact, then by value), so it never overwrites
 *   another tab's changes to other profiles.
 * - storage.onChanged brings other contexts' changes in at once, per profile. A context ignores
 *   change events for the keys it is writing (its own echoes, or older values its write replaces),
 *   so nothing loops or flickers, and unchanged profiles keep their identity (rows don't re-render).
 */

/** The result of importing a backup, for the dashboard's report. */
export interface ImportReport {
  /** Rows in the file. */
  total: number;
  added: number;
  merged: number;
  unchanged: number;
  /** Rows not imported, with the reason. */
  refused: RefusedRow[];
  /** Set when the file as a whole could not be used; nothing was imported. */
  error?: string;
}

export interface ShortlistState {
  hydrated: boolean;
  /** Key: profileKey(platform, handle). */
  profiles: Record<string, SavedProfile>;
  /** Newest first, at most 10: profiles viewed, saved or not. */
  recent: RecentView[];
  /** Why the last write failed (storage full…); cleared by the next successful one. */
  writeError?: string;
  /** Saves the profile, or adds a dated snapshot to it when its numbers changed. */
  save(view: ProfileView, now?: Date): void;
  remove(keys: string[]): void;
  setTags(key: string, tags: string[]): void;
  setNote(key: string, note: string): void;
  /** Updates recent views; for a saved profile adds a snapshot when its numbers changed, and lastSeen. */
  recordVisit(view: ProfileView, now?: Date): void;
  /** Validates every row, merges without losing anything, reports refused rows with reasons. */
  importBackup(json: unknown): ImportReport;
}

type Persisted = Pick<ShortlistState, 'profiles' | 'recent'>;
type Profiles = Record<string, SavedProfile>;

export { VISIT_RESOLUTION_MS } from './shortlist';

/** Calls `onFirstUse` whenever someone subscribes (React components do): hydration starts on use. */
function startOnSubscribe<T, Mps extends [StoreMutatorIdentifier, unknown][] = [], Mcs extends [StoreMutatorIdentifier, unknown][] = []>(
  initializer: StateCreator<T, Mps, Mcs>,
  onFirstUse: () => void,
  captureSet: (set: (partial: Partial<T>) => void) => void,
): StateCreator<T, Mps, Mcs> {
  return ((set: (partial: Partial<T>) => void, get: () => T, api: { subscribe: (listener: (state: T, previous: T) => void) => () => void }) => {
    captureSet(set);
    const subscribe = api.subscribe;
    api.subscribe = (listener) => {
      onFirstUse();
      return subscribe(listener);
    };
    return (initializer as unknown as (...args: unknown[]) => T)(set, get, api);
  }) as unknown as StateCreator<T, Mps, Mcs>;
}

function createShortlistStore() {
  /** The stored profiles as this context last knew them: writes are what differs from it. */
  let base: Profiles = {};
  let baseRecent: RecentView[] = [];
  /** The stored revision (lib/storage.ts REVISION_KEY) that `base` is: undefined when not known. */
  let revision: string | undefined;
  /** The layout marker is known to be stored (written with the first profile otherwise). */
  let metaStored = false;
  /** Sets state without writing it back (for what came from storage). */
  let quietSet: (partial: Partial<ShortlistState>) => void = () => undefined;
  let started = false;
  let hydrating = false;
  /** Change events that arrived while hydrating: applied, in order, once hydrated. */
  let queuedEvents: Record<string, Browser.storage.StorageChange>[] = [];
  /** Storage keys this context is writing right now: their change events are its own, or older. */
  let inFlight = new Set<string>();
  /** A write was asked for since the last one started. */
  let pending = false;
  let writing: Promise<void> | undefined;
  /** Set by prefetch: what the next hydration reads instead of asking storage. */
  let prefetched: Promise<Record<string, unknown>> | undefined;

  /** Other contexts' changes, one key at a time; local edits not yet written win over them. */
  const applyChange = (changes: Record<string, Browser.storage.StorageChange>): void => {
    const state = store.getState();
    // Copied once per event, not per key: an import elsewhere changes thousands of keys at once.
    let nextBase: Profiles | undefined;
    let profiles: Profiles | undefined;
    let recent: RecentView[] | undefined;
    for (const [storageKey, change] of Object.entries(changes)) {
      if (inFlight.has(storageKey)) continue;
      if (storageKey === REVISION_KEY) {
        revision = typeof change.newValue === 'string' ? change.newValue : undefined;
        continue;
      }
      if (storageKey === SHORTLIST_KEY) {
        // A writer of the old single-key layout: read (and migrate) everything again.
        const value = change.newValue as { version?: unknown } | undefined;
        if (value?.version === 1) void reload();
        continue;
      }
      if (storageKey === RECENT_KEY) {
        const { views } = readRecent(change.newValue);
        const local = recent ?? state.recent;
        if (sameData(views, local)) {
          baseRecent = local;
          continue;
        }
        recent = local === baseRecent ? views : mergeRecent(local, views);
        baseRecent = views;
        continue;
      }
      if (!storageKey.startsWith(PROFILE_PREFIX)) continue;
      const key = storageKey.slice(PROFILE_PREFIX.length);
      const current = (profiles ?? state.profiles)[key];
      const unsynced = current !== base[key];
      if (change.newValue === undefined || change.newValue === null) {
        nextBase ??= { ...base };
        delete nextBase[key];
        if (current && !unsynced) {
          profiles ??= { ...state.profiles };
          delete profiles[key];
        }
        continue;
      }
      const fast = typeof change.newValue === 'string' ? readProfileText(change.newValue) : undefined;
      const checked = fast ? { ok: true as const, profile: fast } : checkProfile(decodeStored(change.newValue), 'stored');
      if (!checked.ok) {
        console.warn(`[MicroScope] ignored an unreadable change to ${storageKey}: ${checked.reason}`);
        continue;
      }
      nextBase ??= { ...base };
      if (current && sameData(current, checked.profile)) {
        nextBase[key] = current;
        continue;
      }
      nextBase[key] = checked.profile;
      if (!unsynced) {
        profiles ??= { ...state.profiles };
        profiles[key] = checked.profile;
      }
    }
    if (nextBase) base = nextBase;
    if (profiles || recent) quietSet({ ...(profiles ? { profiles } : {}), ...(recent ? { recent } : {}) });
  };

  const onStorageChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string): void => {
    if (area !== 'local') return;
    if (!Object.keys(changes).some((key) => key === SHORTLIST_KEY || key === RECENT_KEY || key === REVISION_KEY || key.startsWith(PROFILE_PREFIX))) return;
    try {
      if (hydrating || !store.getState().hydrated) queuedEvents.push(changes);
      else applyChange(changes);
    } catch (error) {
      console.warn('[MicroScope] could not apply a shortlist change from another tab', error);
    }
  };

  const listen = (): void => {
    if (!browser.storage.onChanged.hasListener(onStorageChanged)) browser.storage.onChanged.addListener(onStorageChanged);
  };

  /** Writes what the current state has that storage (as this context knows it) hasn't. */
  const writeOnce = async (): Promise<void> => {
    // The state now, not when the write was asked for: it includes changes from other tabs since.
    const state: Persisted = store.getState();
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    const written: Profiles = {};
    let same: Profiles | undefined;
    for (const key in state.profiles) {
      const profile = state.profiles[key]!;
      if (profile === base[key]) continue;
      if (sameData(profile, base[key])) {
        (same ??= {})[key] = profile;
        continue;
      }
      set[storageKeyOf(key)] = storedProfile(profile);
      written[key] = profile;
    }
    if (same) base = { ...base, ...same };
    for (const key in base) if (!(key in state.profiles)) remove.push(storageKeyOf(key));
    const recentChanged = state.recent !== baseRecent && !sameData(state.recent, baseRecent);
    if (Object.keys(set).length === 0 && remove.length === 0 && !recentChanged) return;
    if (Object.keys(set).length > 0 && !metaStored) set[SHORTLIST_KEY] = CURRENT_META;
    // Set before the first await: change events from here on are this write's (or older).
    const profilesChanged = Object.keys(set).length > 0 || remove.length > 0;
    inFlight = new Set([...Object.keys(set), ...remove, ...(recentChanged ? [RECENT_KEY] : []), ...(profilesChanged ? [REVISION_KEY] : [])]);
    try {
      let recent = baseRecent;
      if (recentChanged) {
        // Recent views are one small key: merge with what other tabs added.
        const fresh = readRecent((await browser.storage.local.get(RECENT_KEY))[RECENT_KEY]).views;
        recent = mergeRecent(state.recent, fresh);
        if (sameData(recent, state.recent)) recent = state.recent;
        set[RECENT_KEY] = storedRecent(recent);
      }
      // With a new revision when profiles changed (lib/storage.ts writeProfiles).
      const writtenRevision = await writeProfiles(set, remove);
      if (writtenRevision !== undefined) revision = writtenRevision;
      if (SHORTLIST_KEY in set) metaStored = true;
      const next = { ...base, ...written };
      for (const storageKey of remove) delete next[storageKey.slice(PROFILE_PREFIX.length)];
      base = next;
      baseRecent = recent;
      const now = store.getState();
      const patch: Partial<ShortlistState> = {};
      if (now.writeError !== undefined) patch.writeError = undefined;
      if (now.recent === state.recent && recent !== state.recent) patch.recent = recent;
      if (Object.keys(patch).length > 0) quietSet(patch);
    } catch (error) {
      // The base stays as it was, so the next write carries these changes again.
      const message = error instanceof Error ? error.message : String(error);
      console.warn('[MicroScope] could not save the shortlist', error);
      quietSet({ writeError: t('shortlistWriteError', message) });
    } finally {
      inFlight = new Set();
    }
  };

  const drain = async (): Promise<void> => {
    try {
      while (pending) {
        pending = false;
        await writeOnce();
      }
    } finally {
      writing = undefined;
    }
  };

  const storage: PersistStorage<Persisted> = {
    async getItem(): Promise<StorageValue<Persisted>> {
      hydrating = true;
      listen();
      const items = prefetched;
      prefetched = undefined;
      const { shortlist, recent, revision: read } = await loadStoredShortlist(items);
      revision = read;
      return { state: { profiles: shortlist.profiles, recent }, version: SHORTLIST_VERSION };
    },
    setItem(): void {
      pending = true;
      writing ??= drain();
    },
    removeItem(): void {
      // The shortlist is never removed as a whole: remove([...keys]) removes profiles.
    },
  };

  const reload = async (): Promise<void> => {
    while (writing) await writing;
    started = true;
    listen();
    await store.persist.rehydrate();
  };

  const start = (): void => {
    if (started) return;
    started = true;
    void store.persist.rehydrate();
  };

  /** Runs an action now if hydrated, else once hydrated: never act on data not read yet. */
  const whenReady = (run: () => void): void => {
    if (store.getState().hydrated) run();
    else void whenHydrated().then(run);
  };

  const whenHydrated = (): Promise<void> => {
    start();
    if (store.getState().hydrated) return Promise.resolve();
    return new Promise((resolve) => {
      const unsubscribe = store.subscribe((state) => {
        if (!state.hydrated) return;
        unsubscribe();
        resolve();
      });
    });
  };

  const store = create<ShortlistState>()(
    startOnSubscribe(
      persist(
        (set, get) => ({
          hydrated: false,
          profiles: {},
          recent: [],

          save(view, now = new Date()) {
            if (!view.verdict.handle) return;
            whenReady(() => {
              const at = now.toISOString();
              const key = profileKey(view.verdict.platform, view.verdict.handle);
              const state = get();
              const existing = state.profiles[key];
              const profile = saveProfile(existing, view, at);
              set({
                profiles: { ...state.profiles, [key]: profile },
                recent: mergeRecent([recentViewOf(view, at)], state.recent),
              });
            });
          },

          recordVisit(view, now = new Date()) {
            if (!view.verdict.handle) return;
            whenReady(() => {
              const at = now.toISOString();
              const key = profileKey(view.verdict.platform, view.verdict.handle);
              const state = get();
              const next: Partial<ShortlistState> = {};
              const existing = state.profiles[key];
              if (existing) {
                const profile = visitProfile(existing, view, at);
                if (profile !== existing) next.profiles = { ...state.profiles, [key]: profile };
              }
              const entry = recentViewOf(view, at);
              if (!isRepeatVisit(state.recent, entry)) next.recent = mergeRecent([entry], state.recent);
              if (next.profiles || next.recent) set(next);
            });
          },

          remove(keys) {
            whenReady(() => {
              const profiles = { ...get().profiles };
              let removed = 0;
              for (const key of keys) {
                if (key in profiles) {
                  delete profiles[key];
                  removed++;
                }
              }
              if (removed > 0) set({ profiles });
            });
          },

          setTags(key, tags) {
            whenReady(() => {
              const profile = get().profiles[key];
              if (!profile) return;
              const next = normaliseTags(tags);
              if (sameData(next, profile.tags)) return;
              set({ profiles: { ...get().profiles, [key]: { ...profile, tags: next } } });
            });
          },

          setNote(key, note) {
            whenReady(() => {
              const profile = get().profiles[key];
              const next = note.slice(0, LIMITS.note);
              if (!profile || profile.note === next) return;
              set({ profiles: { ...get().profiles, [key]: { ...profile, note: next } } });
            });
          },

          importBackup(json) {
            if (!get().hydrated) {
              start();
              return { total: 0, added: 0, merged: 0, unchanged: 0, refused: [], error: t('importStillLoading') };
            }
            const parsed = parseBackup(json);
            const total = parsed.rows.length + parsed.refused.length;
            if (parsed.error) return { total, added: 0, merged: 0, unchanged: 0, refused: parsed.refused, error: parsed.error };
            const result = mergeProfilesDetailed(get().profiles, parsed.rows);
            if (result.added > 0 || result.merged > 0) set({ profiles: result.profiles });
            return { total, added: result.added, merged: result.merged, unchanged: result.unchanged, refused: parsed.refused };
          },
        }),
        {
          name: SHORTLIST_KEY,
          version: SHORTLIST_VERSION,
          storage,
          skipHydration: true,
          partialize: (state): Persisted => ({ profiles: state.profiles, recent: state.recent }),
          merge: (persisted, current) => {
            const stored = persisted as Persisted | undefined;
            if (!stored) return { ...current, hydrated: true };
            base = stored.profiles;
            baseRecent = stored.recent;
            // loadStoredShortlist stored the marker along with any profile.
            metaStored = Object.keys(stored.profiles).length > 0;
            return { ...current, profiles: stored.profiles, recent: stored.recent, hydrated: true };
          },
          onRehydrateStorage: () => (_state, error) => {
            hydrating = false;
            if (error) {
              // Keep working with what we have: writes are patches, so nothing stored is overwritten.
              console.warn('[MicroScope] could not read the shortlist', error);
              quietSet({ hydrated: true });
            }
            const events = queuedEvents;
            queuedEvents = [];
            for (const changes of events) applyChange(changes);
          },
        },
      ),
      () => start(),
      (set) => {
        quietSet = set;
      },
    ),
  );

  CONTROLS.set(store, {
    whenHydrated,
    async settled(): Promise<void> {
      while (writing) await writing;
    },
    reload,
    revision: () => revision,
    prefetch(readWhen, early) {
      // Changes from here on are applied after hydration: none falls between the read and the listener.
      listen();
      const read = (): Promise<Record<string, unknown>> => browser.storage.local.get(null);
      const items = early ? early.catch(read) : readWhen ? readWhen.then(read, read) : read();
      let open: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      prefetched = Promise.all([items, gate]).then(([read]) => read);
      return (after = Promise.resolve()) => void after.then(open, open);
    },
    snapshot() {
      const state = store.getState();
      if (!state.hydrated || hydrating || writing || pending) return undefined;
      return { profiles: state.profiles, revision };
    },
  });
  return store;
}

interface Controls {
  whenHydrated(): Promise<void>;
  settled(): Promise<void>;
  reload(): Promise<void>;
  revision(): string | undefined;
  prefetch(readWhen?: Promise<unknown>, early?: Promise<Record<string, unknown>>): (after?: Promise<unknown>) => void;
  /** The profiles and the revision they are, when nothing is being read or written; else undefined. */
  snapshot(): { profiles: Profiles; revision: string | undefined } | undefined;
}

/** The store's helpers. A WeakMap, so a bundle that never uses the store drops it. */
const CONTROLS = new WeakMap<object, Controls>();

/** The shortlist of this context. Subscribing (useShortlist(selector)) starts hydration. */
export const useShortlist = /* @__PURE__ */ createShortlistStore();

/** Resolves once the shortlist was read from storage (starting that if nobody has yet). */
export function whenShortlistHydrated(): Promise<void> {
  return CONTROLS.get(useShortlist)!.whenHydrated();
}

/** Resolves once this context's writes have reached storage (popups: before window.close()). */
export function shortlistWritesSettled(): Promise<void> {
  return CONTROLS.get(useShortlist)!.settled();
}

/** Reads the shortlist from storage again (after the fake browser was reset in tests, or to recover). */
export function reloadShortlist(): Promise<void> {
  return CONTROLS.get(useShortlist)!.reload();
}

/**
 * Asks storage for the whole shortlist now (or once `readWhen` settles), before anything
 * subscribes; the next hydration reads that answer instead of asking again, but only once the
 * returned function was called (and the promise given to it settled). The dashboard sets this up
 * before React starts, asks only once its first page is rendered (the browser process's work for
 * the big read then runs beside the page's layout and paint, not beside its render), and lets the
 * long decode of 5 000 profiles wait until that page has painted. `early`: a storage.local.get(null)
 * answer asked for earlier, by a caller that made sure no change of the shortlist came between it
 * and this call (entrypoints/dashboard/early.ts); used instead of asking (asked when it fails).
 */
export function prefetchShortlist(readWhen?: Promise<unknown>, early?: Promise<Record<string, unknown>>): (after?: Promise<unknown>) => void {
  return CONTROLS.get(useShortlist)!.prefetch(readWhen, early);
}

/**
 * The stored revision this context's profiles are (lib/storage.ts REVISION_KEY): undefined before
 * hydration, or when storage has none yet.
 */
export function shortlistRevision(): string | undefined {
  return CONTROLS.get(useShortlist)!.revision();
}

let lastFirstPage = '';

/**
 * Stores the dashboard's first page (lib/storage.ts FirstPage) as of the revision this context
 * holds, when it changed: `pageOf` picks it from all profiles. Does nothing while this context is
 * reading or writing, or before storage has a revision. Resolves true when it wrote.
 */
export async function saveFirstPage(pageOf: (profiles: SavedProfile[]) => SavedProfile[]): Promise<boolean> {
  const now = CONTROLS.get(useShortlist)!.snapshot();
  if (!now || now.revision === undefined) return false;
  const list = Object.values(now.profiles);
  const value = storedFirstPage({ revision: now.revision, total: list.length, profiles: pageOf(list) });
  const text = JSON.stringify(value);
  if (text === lastFirstPage) return false;
  await browser.storage.local.set({ [FIRST_PAGE_KEY]: value });
  lastFirstPage = text;
  return true;
}
