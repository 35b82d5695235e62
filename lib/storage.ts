import { browser } from 'wxt/browser';
import { BENCHMARKS_VERSION, compare } from './benchmarks';
import type { CountReading } from './count';
import type { ProfileView } from './content-controller';
import {
  checkProfile,
  checkRecentView,
  EMPTY_SHORTLIST,
  isRepeatVisit,
  mergeProfile,
  mergeRecent,
  profileKey,
  recentViewOf,
  sameData,
  saveProfile,
  SHORTLIST_KEY,
  SHORTLIST_VERSION,
  visitProfile,
  type RecentView,
  type SavedProfile,
  type Shortlist,
} from './shortlist';
import { decodeProfile, encodeProfile, readProfileText } from './profile-codec';
import { setAside } from './set-aside';
import { PLATFORMS, type Platform } from './sites/types';
import type { Tier } from './tiers';

/*
 * The stored shortlist, its schema versions and their migrations, in browser.storage.local.
 *
 * v3 (current): one key per saved profile, as in v2, but its value is compact text
 * (lib/profile-codec.ts) and its history holds at most HISTORY_KEPT snapshots (thinHistory). Why:
 * reading every profile (the dashboard) costs about in proportion to the bytes, and objects cost
 * more than text; and 5 000 v2 profiles of 5 snapshots were 7.6 MB of storage.local's 10 MB
 * (the extension asks for no `unlimitedStorage`). 5 000 profiles of 5 snapshots as the bench makes
 * them (bench/dashboard-bench.ts) are 7.9 MB as v2 and 1.7 MB as v3, counted as Chrome counts.
 *
 *   'microscope:shortlist'               { version: 3 }   the schema version of the layout
 *   'microscope:profile:<profileKey>'    encodeProfile(SavedProfile)  e.g. 'microscope:profile:instagram:maya'
 *   'microscope:recent'                  { version: 3, views: RecentView[] } newest first, ≤ 10
 *   'microscope:revision'                a new random id with every change to the profiles (newRevision)
 *   'microscope:first-page'              { revision, total, profiles: encodeProfile[] } the dashboard's
 *                                        first page as of that revision (a cache: FirstPage below)
 *   'microscope:unreadable:<ISO time>'   data set aside because it could not be read (never deleted)
 *   'microscope:locale-cache'            not the shortlist's: what the content script learned from
 *                                        Intl and i18n, for its next page (lib/locale-cache.ts)
 *
 * v2: the same keys, each profile a SavedProfile object, its whole history. One key per profile,
 * so saving or visiting one profile writes (and sends to every open tab through
 * storage.onChanged) that profile only: measured with 5 000 profiles of 5 snapshots (Chromium 156
 * on a loaded 2-core machine), storage.local.get of the whole shortlist as one key took 2–5 s and
 * every change would rewrite and resend all of it, while get or set of one profile's key took 5–16 ms.
 *
 * v1 (shipped with the first badge, written by plain storage.local.set): everything in one key,
 *   'microscope:shortlist'  { version: 1, profiles: Record<profileKey, SavedProfileV1> }
 *
 * Migrations work on the logical document { version, profiles } whatever the layout; reading
 * assembles it from the keys, and writing back after a migration splits it into keys again.
 */

export { SHORTLIST_KEY } from './shortlist';
export const PROFILE_PREFIX = 'microscope:profile:';
export const RECENT_KEY = 'microscope:recent';
export const REVISION_KEY = 'microscope:revision';
export const FIRST_PAGE_KEY = 'microscope:first-page';
/** The revision a removal writes first, with its other changes (writeProfiles): no first page is ever stored for it. */
export const PENDING_REVISION_PREFIX = 'pending:';

/** The storage key of a profile. @example storageKeyOf('instagram:maya') // 'microscope:profile:instagram:maya' */
export function storageKeyOf(key: string): string {
  return `${PROFILE_PREFIX}${key}`;
}

// ---------------------------------------------------------------------------------------------
// Earlier versions, frozen as they were shipped. Never edit these: write a new migration.

/** v1 snapshot (lib/shortlist.ts at commit b8f5f21). */
export interface SavedSnapshotV1 {
  at: string;
  followers?: CountReading;
  tier?: Tier;
  engagementPercent?: number;
  basis?: 'followers' | 'views';
  sampleSize: number;
}

export interface SavedProfileV1 {
  platform: Platform;
  handle: string;
  displayName?: string;
  url: string;
  savedAt: string;
  lastSeen: string;
  tags: string[];
  note: string;
  history: SavedSnapshotV1[];
}

export interface ShortlistV1 {
  version: 1;
  profiles: Record<string, SavedProfileV1>;
}

/** One step of the schema. `migrate` takes the stored document of version `from` and never throws on odd rows. */
export interface Migration {
  from: number;
  to: number;
  description: string;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * v1 → v2: every snapshot gets the benchmark verdict of its rate, and the engagement method and
 * tier scheme it was measured with (and the profiles move to a key each: see readStored). v1 was only ever written by the content script running on
 * DEFAULT_SETTINGS (entrypoints/content/index.tsx at b8f5f21: `settings: () => DEFAULT_SETTINGS`),
 * so its rates are medians and its tiers are the founding scheme's.
 */
function v1ToV2(document: Record<string, unknown>): Record<string, unknown> {
  const profiles = isRecord(document.profiles) ? document.profiles : {};
  const migrated: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(profiles)) {
    if (!isRecord(value) || !Array.isArray(value.history)) {
      migrated[key] = value; // left for validation to refuse (and set aside)
      continue;
    }
    const platform = value.platform as Platform;
    migrated[key] = { ...value, history: value.history.map((entry: unknown) => snapshotV1ToV2(entry, platform)) };
  }
  return { ...document, version: 2, profiles: migrated };
}

function snapshotV1ToV2(entry: unknown, platform: Platform): unknown {
  if (!isRecord(entry)) return entry;
  const old = entry as Partial<SavedSnapshotV1>;
  const next: Record<string, unknown> = { ...entry, benchmark: 'none' };
  if (old.tier !== undefined) next.scheme = 'founding';
  if (typeof old.engagementPercent !== 'number') return next;
  next.method = 'median';
  const followers = old.followers?.value;
  if (PLATFORMS.includes(platform) && typeof followers === 'number' && (old.basis === 'followers' || old.basis === 'views')) {
    const result = compare(old.engagementPercent, platform, followers, old.basis, { method: 'median' });
    next.benchmark = result.verdict;
    if (result.verdict !== 'none') next.benchmarksVersion = BENCHMARKS_VERSION;
  }
  return next;
}

/**
 * v2 → v3: the document keeps its shape; what changes is how each profile is stored (compact text,
 * see readStored and storedProfile) and that histories longer than HISTORY_KEPT are thinned, which
 * checkProfile does for every profile it reads, of any version (thinHistory needs checked snapshots).
 */
function v2ToV3(document: Record<string, unknown>): Record<string, unknown> {
  return { ...document, version: 3 };
}

/** Every migration, in order: MIGRATIONS[i] takes version i + 1 to version i + 2. */
export const MIGRATIONS: readonly Migration[] = [
  { from: 1, to: 2, description: 'a key per profile; snapshots get benchmark verdict, method and tier scheme', migrate: v1ToV2 },
  { from: 2, to: 3, description: 'profiles stored as compact text; history thinned to HISTORY_KEPT snapshots', migrate: v2ToV3 },
];

/** A profile as its key stores it (v3). */
export function storedProfile(profile: SavedProfile): string {
  return encodeProfile(profile);
}

/**
 * A profile key's stored value as a profile to check: v3 text decoded, anything else (a v2
 * object, garbage) as it is, so checkProfile refuses what is not a profile with its reason.
 */
export function decodeStored(value: unknown): unknown {
  return typeof value === 'string' ? (decodeProfile(value) ?? value) : value;
}

/** A profile key's stored value, checked: the profile, or undefined when it is none. */
export function readStoredProfile(value: unknown): SavedProfile | undefined {
  const fast = typeof value === 'string' ? readProfileText(value) : undefined;
  if (fast) return fast;
  const checked = checkProfile(decodeStored(value), 'stored');
  return checked.ok ? checked.profile : undefined;
}

/** Data that could not be read, to be set aside rather than lost. */
export interface Unreadable {
  reason: string;
  value: unknown;
}

export interface ShortlistRead {
  shortlist: Shortlist;
  /** The version the data was stored as; 0 when there was none or it could not be read at all. */
  storedVersion: number;
  unreadable?: Unreadable;
}

/**
 * Reads a stored shortlist of any version: migrates it to the current one and checks every
 * profile. Garbage, a version from the future or a broken migration read as empty; profiles that
 * fail the check are left out. Either way `unreadable` holds what was left out.
 */
export function readShortlist(raw: unknown): ShortlistRead {
  if (raw === undefined || raw === null) return { shortlist: EMPTY_SHORTLIST, storedVersion: 0 };
  const whole = (reason: string): ShortlistRead => ({ shortlist: EMPTY_SHORTLIST, storedVersion: 0, unreadable: { reason, value: raw } });
  if (!isRecord(raw)) return whole('not a MicroScope shortlist');
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return whole('no schema version');
  if (version > SHORTLIST_VERSION) {
    return whole(`written by a newer MicroScope (schema version ${version}; this one reads up to ${SHORTLIST_VERSION})`);
  }
  let document: Record<string, unknown> = raw;
  try {
    for (let at = version; at < SHORTLIST_VERSION; at++) {
      const step = MIGRATIONS.find((migration) => migration.from === at);
      if (!step) return whole(`no migration from schema version ${at}`);
      document = step.migrate(document);
    }
  } catch (error) {
    return whole(`migration from schema version ${version} failed: ${String(error)}`);
  }
  if (!isRecord(document.profiles)) return whole('profiles missing');

  const profiles: Record<string, SavedProfile> = {};
  const refused: Record<string, { reason: string; value: unknown }> = {};
  for (const [key, value] of Object.entries(document.profiles)) {
    const checked = checkProfile(value, 'stored');
    if (!checked.ok) {
      refused[key] = { reason: checked.reason, value: (raw.profiles as Record<string, unknown> | undefined)?.[key] ?? value };
      continue;
    }
    const { profile } = checked;
    // Keys are derived, never trusted: two spellings of one handle become one profile.
    const id = profileKey(profile.platform, profile.handle);
    const known = profiles[id];
    profiles[id] = known ? mergeProfile(known, profile) : profile;
  }
  const shortlist: Shortlist = { version: SHORTLIST_VERSION, profiles };
  const count = Object.keys(refused).length;
  if (count === 0) return { shortlist, storedVersion: version };
  return {
    shortlist,
    storedVersion: version,
    unreadable: { reason: `${count} saved ${count === 1 ? 'profile' : 'profiles'} could not be read`, value: { version, profiles: refused } },
  };
}

export interface RecentRead {
  views: RecentView[];
  unreadable?: Unreadable;
}

/** Reads the stored recent views; anything unreadable is left out (and reported). */
export function readRecent(raw: unknown): RecentRead {
  if (raw === undefined || raw === null) return { views: [] };
  if (!isRecord(raw) || !Array.isArray(raw.views)) return { views: [], unreadable: { reason: 'not a list of recent views', value: raw } };
  if (typeof raw.version !== 'number' || raw.version > SHORTLIST_VERSION) {
    return { views: [], unreadable: { reason: `recent views of unknown schema version ${String(raw.version)}`, value: raw } };
  }
  const views = raw.views.map(checkRecentView).filter((view): view is RecentView => view !== undefined);
  const dropped = raw.views.length - views.length;
  const merged = mergeRecent(views);
  if (dropped === 0) return { views: merged };
  return { views: merged, unreadable: { reason: `${dropped} recent ${dropped === 1 ? 'view' : 'views'} could not be read`, value: raw } };
}

/** The stored form of the recent views. */
export function storedRecent(views: readonly RecentView[]): Record<string, unknown> {
  return { version: SHORTLIST_VERSION, views };
}

/** The layout marker of the current version. */
export const CURRENT_META: Readonly<Record<string, unknown>> = Object.freeze({ version: SHORTLIST_VERSION });

export interface StoredRead {
  shortlist: Shortlist;
  recent: RecentView[];
  /** The schema version found (0: nothing stored, or nothing readable). */
  storedVersion: number;
  /** What to set aside, and where it came from. */
  unreadable: { from: string; unreadable: Unreadable }[];
  /** The writes that bring storage to the current layout (after setting aside what is unreadable). */
  repair: { set: Record<string, unknown>; remove: string[] };
}

/**
 * Reads everything storage.local holds (the result of get(null)) as the current shortlist: any
 * version, any layout. Pure; loadStoredShortlist carries out what it asks for.
 */
export function readStored(items: Record<string, unknown>): StoredRead {
  const meta = items[SHORTLIST_KEY];
  const keyed: Record<string, unknown> = {};
  const profileKeys: string[] = [];
  // The common case, 5 000 times when the dashboard opens: current text under its own key, read
  // by the fast path (readProfileText) and stored as it is. Everything else takes the full path.
  const current = meta === undefined || (isRecord(meta) && meta.version === SHORTLIST_VERSION);
  const fast: Record<string, SavedProfile> = {};
  for (const key of Object.keys(items)) {
    if (!key.startsWith(PROFILE_PREFIX)) continue;
    profileKeys.push(key);
    const id = key.slice(PROFILE_PREFIX.length);
    const value = items[key];
    const profile = current && typeof value === 'string' ? readProfileText(value) : undefined;
    if (profile && profileKey(profile.platform, profile.handle) === id) fast[id] = profile;
    else keyed[id] = decodeStored(value);
  }
  const recent = readRecent(items[RECENT_KEY]);
  const result: StoredRead = { shortlist: EMPTY_SHORTLIST, recent: recent.views, storedVersion: 0, unreadable: [], repair: { set: {}, remove: [] } };
  if (recent.unreadable) {
    result.unreadable.push({ from: RECENT_KEY, unreadable: recent.unreadable });
    result.repair.set[RECENT_KEY] = storedRecent(recent.views);
  }
  if (meta === undefined && profileKeys.length === 0) return result;

  const reads: ShortlistRead[] = [];
  const version = isRecord(meta) ? meta.version : undefined;
  if (current && Object.keys(keyed).length === 0) {
    reads.push({ shortlist: EMPTY_SHORTLIST, storedVersion: SHORTLIST_VERSION });
  } else if (meta === undefined) {
    // The marker was lost but profiles are there: they can only be of the per-profile layout.
    reads.push(readShortlist({ version: SHORTLIST_VERSION, profiles: keyed }));
  } else if (version === 1) {
    reads.push(readShortlist(meta));
    if (profileKeys.length > 0) reads.push(readShortlist({ version: SHORTLIST_VERSION, profiles: keyed }));
  } else if (typeof version === 'number' && Number.isInteger(version) && version >= 2) {
    reads.push(readShortlist({ version, profiles: keyed }));
    // The marker holds its version only: anything else in it is kept aside before it is rewritten.
    if (version <= SHORTLIST_VERSION && Object.keys(meta as object).length > 1) {
      result.unreadable.push({ from: SHORTLIST_KEY, unreadable: { reason: 'unexpected fields next to the schema version', value: { [SHORTLIST_KEY]: meta } } });
    }
  } else {
    reads.push({ shortlist: EMPTY_SHORTLIST, storedVersion: 0, unreadable: { reason: 'not a MicroScope shortlist', value: meta } });
  }

  const whole = reads.find((read) => read.storedVersion === 0 && read.unreadable);
  if (whole) {
    // Unreadable as a whole (garbage, or a newer MicroScope's): keep every key of it aside, start afresh.
    const value: Record<string, unknown> = { [SHORTLIST_KEY]: meta };
    // (Never with fast-read profiles: those are only read under the current marker.)
    for (const key of profileKeys) value[key] = items[key];
    result.unreadable.push({ from: SHORTLIST_KEY, unreadable: { reason: whole.unreadable!.reason, value } });
    result.repair.set[SHORTLIST_KEY] = CURRENT_META;
    result.repair.remove.push(...profileKeys);
    return result;
  }

  const profiles = fast;
  /** Profiles read by the full path: stored again when that changed them. */
  const slow = new Set<string>();
  for (const read of reads) {
    if (read.unreadable) result.unreadable.push({ from: SHORTLIST_KEY, unreadable: read.unreadable });
    for (const [key, profile] of Object.entries(read.shortlist.profiles)) {
      const known = profiles[key];
      profiles[key] = known ? mergeProfile(known, profile) : profile;
      slow.add(key);
    }
  }
  result.shortlist = { version: SHORTLIST_VERSION, profiles };
  result.storedVersion = Math.min(...reads.map((read) => read.storedVersion));
  for (const key of slow) {
    const storageKey = storageKeyOf(key);
    // Migrated, renamed (two spellings of one handle) or normalised: store it as read.
    const value = storedProfile(profiles[key]!);
    if (items[storageKey] !== value) result.repair.set[storageKey] = value;
  }
  for (const key of profileKeys) if (!(key.slice(PROFILE_PREFIX.length) in profiles)) result.repair.remove.push(key);
  if (!isRecord(meta) || meta.version !== SHORTLIST_VERSION || Object.keys(meta).length !== 1) result.repair.set[SHORTLIST_KEY] = CURRENT_META;
  return result;
}

/**
 * Reads the whole shortlist and the recent views, migrated and checked (from `items`, what
 * storage.local.get(null) gave, when the caller asked for it already). What could not be read is
 * set aside first, then storage is brought to the current layout, so no reader sets it aside twice.
 */
export async function loadStoredShortlist(
  items: Promise<Record<string, unknown>> = browser.storage.local.get(null),
): Promise<{ shortlist: Shortlist; recent: RecentView[]; revision?: string }> {
  const all = await items;
  const read = readStored(all);
  for (const { from, unreadable } of read.unreadable) await setAside(from, 'local', unreadable);
  const stored = typeof all[REVISION_KEY] === 'string' ? all[REVISION_KEY] : undefined;
  const revision = await writeProfiles(read.repair.set, read.repair.remove);
  return { shortlist: read.shortlist, recent: read.recent, revision: revision ?? stored };
}

// ---------------------------------------------------------------------------------------------
// The revision and the dashboard's first page.

/** A fresh revision id. */
export function newRevision(): string {
  return crypto.randomUUID();
}

/** Whether a write touches saved profiles (or the layout marker), so the revision must change. */
function touchesProfiles(keys: readonly string[]): boolean {
  return keys.some((key) => key.startsWith(PROFILE_PREFIX) || key === SHORTLIST_KEY);
}

/**
 * Writes `set` and removes `remove`; when that changes saved profiles, REVISION_KEY gets a new
 * id in the same set() as the profiles: one atomic write, one storage.onChanged event with the
 * changes and the revision before and after (lib/first-page.ts follows the dashboard's first page
 * with it). A removal cannot be part of a set(): then the set() carries a pending revision (for
 * which no first page is ever stored), and the new id comes after the removal, so no reader ever
 * sees it with the data before. Returns the new id, or undefined when the profiles were not touched.
 */
export async function writeProfiles(set: Record<string, unknown>, remove: readonly string[] = []): Promise<string | undefined> {
  const keys = Object.keys(set);
  if (!touchesProfiles([...keys, ...remove])) {
    if (keys.length > 0) await browser.storage.local.set(set);
    if (remove.length > 0) await browser.storage.local.remove([...remove]);
    return undefined;
  }
  const revision = newRevision();
  if (remove.length === 0) {
    await browser.storage.local.set({ ...set, [REVISION_KEY]: revision });
    return revision;
  }
  await browser.storage.local.set({ ...set, [REVISION_KEY]: `${PENDING_REVISION_PREFIX}${newRevision()}` });
  await browser.storage.local.remove([...remove]);
  await browser.storage.local.set({ [REVISION_KEY]: revision });
  return revision;
}

/**
 * The dashboard's first page (the default order: last seen, newest first) as of one revision of
 * the profiles. Reading 5 000 profiles from storage.local takes 100–250 ms by itself on this
 * project's machines; this small key lets the dashboard show its first page before that. Used
 * only when its revision is the stored one: then it is exactly what the full read would show.
 */
export interface FirstPage {
  revision: string;
  /** How many profiles are saved. */
  total: number;
  profiles: SavedProfile[];
}

/** The stored form of a first page. */
export function storedFirstPage(page: FirstPage): Record<string, unknown> {
  return { revision: page.revision, total: page.total, profiles: page.profiles.map(storedProfile) };
}

/**
 * The first page in `items` (a storage.local.get result holding REVISION_KEY and FIRST_PAGE_KEY),
 * when it belongs to the stored revision and reads cleanly; undefined otherwise.
 */
export function readFirstPage(items: Record<string, unknown>): FirstPage | undefined {
  const page = decodeFirstPage(items[FIRST_PAGE_KEY]);
  return page && page.revision === items[REVISION_KEY] ? page : undefined;
}

/** A stored first page of whatever revision, when it reads cleanly. */
export function decodeFirstPage(value: unknown): FirstPage | undefined {
  if (!isRecord(value)) return undefined;
  const { revision, total, profiles } = value;
  if (typeof revision !== 'string' || typeof total !== 'number' || !Number.isSafeInteger(total) || !Array.isArray(profiles) || profiles.length > total) return undefined;
  const read: SavedProfile[] = [];
  for (const text of profiles) {
    const profile = typeof text === 'string' ? readProfileText(text) : undefined;
    if (!profile) return undefined;
    read.push(profile);
  }
  return { revision, total, profiles: read };
}

/** The stored first page, if it is the current one (two small keys: a few ms). */
export async function loadFirstPage(): Promise<FirstPage | undefined> {
  return readFirstPage(await browser.storage.local.get([REVISION_KEY, FIRST_PAGE_KEY]));
}

/** Reads a shortlist document ({version, profiles}) defensively: the current shortlist, empty when unreadable. */
export function parseShortlist(raw: unknown): Shortlist {
  return readShortlist(raw).shortlist;
}

/** The whole stored shortlist, migrated to the current version (unreadable data set aside). */
export async function loadShortlist(): Promise<Shortlist> {
  return (await loadStoredShortlist()).shortlist;
}

/** The writes that turn stored profiles `before` into `after`: changed profiles set, removed ones removed. */
export function profileWrites(before: Record<string, SavedProfile>, after: Record<string, SavedProfile>): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const [key, profile] of Object.entries(after)) if (before[key] !== profile && !sameData(before[key], profile)) set[storageKeyOf(key)] = storedProfile(profile);
  for (const key of Object.keys(before)) if (!(key in after)) remove.push(storageKeyOf(key));
  if (Object.keys(set).length > 0) set[SHORTLIST_KEY] = CURRENT_META;
  return { set, remove };
}

/**
 * Read–change–write of the whole shortlist. Writes only the profiles that changed. Contexts with
 * the zustand store (lib/store.ts) use its actions; the badge can use the per-profile functions below.
 */
export async function updateShortlist(change: (list: Shortlist) => Shortlist): Promise<Shortlist> {
  const before = await loadShortlist();
  const next = change(before);
  const writes = profileWrites(before.profiles, next.profiles);
  await writeProfiles(writes.set, writes.remove);
  return next;
}

// ---------------------------------------------------------------------------------------------
// One profile at a time, for the badge on every profile page: a few small keys, never the
// whole shortlist (no store, no React).

/** Migrates (once) when the stored layout is not the current one; otherwise reads one small key. */
async function ensureCurrentLayout(): Promise<void> {
  const meta = (await browser.storage.local.get(SHORTLIST_KEY))[SHORTLIST_KEY];
  if (meta === undefined || (isRecord(meta) && meta.version === SHORTLIST_VERSION)) return;
  await loadStoredShortlist();
}

/** The saved profile, or undefined when it isn't saved. */
export async function loadSavedProfile(platform: Platform, handle: string): Promise<SavedProfile | undefined> {
  await ensureCurrentLayout();
  const key = storageKeyOf(profileKey(platform, handle));
  const raw = (await browser.storage.local.get(key))[key];
  if (raw === undefined) return undefined;
  return readStoredProfile(raw);
}

async function rememberView(view: ProfileView, at: string): Promise<void> {
  const entry = recentViewOf(view, at);
  const { views } = readRecent((await browser.storage.local.get(RECENT_KEY))[RECENT_KEY]);
  if (isRepeatVisit(views, entry)) return;
  await browser.storage.local.set({ [RECENT_KEY]: storedRecent(mergeRecent([entry], views)) });
}

/** Saves the profile a view shows (or adds a dated snapshot to it); returns it as stored. */
export async function saveProfileView(view: ProfileView, now: Date = new Date()): Promise<SavedProfile> {
  if (!view.verdict.handle) throw new Error('MicroScope: a profile without a handle cannot be saved');
  const at = now.toISOString();
  const profile = saveProfile(await loadSavedProfile(view.verdict.platform, view.verdict.handle), view, at);
  await writeProfiles({ [storageKeyOf(profileKey(profile.platform, profile.handle))]: storedProfile(profile), [SHORTLIST_KEY]: CURRENT_META });
  await rememberView(view, at);
  return profile;
}

/**
 * A visit: remembered among recent views; for a saved profile a snapshot when its numbers
 * changed, and lastSeen. Returns the saved profile (undefined when not saved).
 */
export async function recordProfileVisit(view: ProfileView, now: Date = new Date()): Promise<SavedProfile | undefined> {
  if (!view.verdict.handle) return undefined;
  const at = now.toISOString();
  const saved = await loadSavedProfile(view.verdict.platform, view.verdict.handle);
  const next = saved ? visitProfile(saved, view, at) : undefined;
  if (next && next !== saved) await writeProfiles({ [storageKeyOf(profileKey(next.platform, next.handle))]: storedProfile(next) });
  await rememberView(view, at);
  return next;
}

/**
 * Calls back when the saved profile changes in any context: the new profile, or undefined once
 * it is removed (say from the dashboard). Returns the unsubscribe.
 */
export function watchSavedProfile(platform: Platform, handle: string, callback: (profile: SavedProfile | undefined) => void): () => void {
  const storageKey = storageKeyOf(profileKey(platform, handle));
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[storageKey];
    if (area !== 'local' || !change) return;
    if (change.newValue === undefined || change.newValue === null) return callback(undefined);
    const profile = readStoredProfile(change.newValue);
    if (profile) callback(profile);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
