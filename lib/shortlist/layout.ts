import { BENCHMARKS_VERSION, compare } from '../benchmarks';
import type { CountReading } from '../count';
import type { MessageCode } from '../i18n';
import { isRecord } from '../is-record';
import type { UnreadableData as Unreadable } from '../set-aside';
import { PLATFORMS, type Platform, profileKey } from '../platforms';
import { FIRST_PAGE_KEY, PROFILE_PREFIX, RECENT_KEY, REVISION_KEY, SHORTLIST_KEY, storageKeyOf } from '../storage-keys';
import type { Tier } from '../tiers';
import { decodeProfile, encodeProfile, readProfileText } from './codec';
import {
  checkProfile,
  checkRecentView,
  EMPTY_SHORTLIST,
  mergeProfile,
  mergeRecent,
  sameData,
  SHORTLIST_VERSION,
  type RecentView,
  type SavedProfile,
  type Shortlist,
} from './schema';

/*
 * How the shortlist is laid out in browser.storage.local, its schema versions and their
 * migrations: pure functions over what storage holds. lib/shortlist/door.ts is the only code that
 * reads and writes it; the keys are in lib/storage-keys.ts.
 *
 * v4 (current): v3's layout and text, with two optional fields (codec.ts): a profile's quoted price
 * and each snapshot's signals summary.
 *
 * v3: one key per saved profile, as in v2, but its value is compact text
 * (lib/shortlist/codec.ts) and its history holds at most HISTORY_KEPT snapshots (thinHistory). Why:
 * reading every profile (the dashboard) costs about in proportion to the bytes, and objects cost
 * more than text; and 5 000 v2 profiles of 5 snapshots were 7.6 MB of storage.local's 10 MB.
 * 5 000 profiles of 5 snapshots as the bench makes them (bench/dashboard-bench.ts) are 7.9 MB as
 * v2 and 1.7 MB as v3, counted as Chrome counts, when v3 came (2.4 MB by 2026-12-07: the bench's
 * snapshots have grown since; bench/results.md says what it measured).
 *
 *   'microscope:shortlist'               { version: 3 }   the schema version of the layout
 *   'microscope:profile:<profileKey>'    encodeProfile(SavedProfile)  e.g. 'microscope:profile:instagram:maya'
 *   'microscope:recent'                  { version: 3, views: RecentView[] } newest first, ≤ 10
 *   'microscope:revision'                a new random id with every change to the profiles
 *   'microscope:first-page'              { revision, total, profiles: encodeProfile[] } the dashboard's
 *                                        first page as of that revision (a cache: FirstPage below)
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

/**
 * v3 → v4: nothing to change in a profile. v4 adds optional fields (a profile's quoted price, a
 * snapshot's signals summary: lib/shortlist/signals-summary.ts), which a v3 MicroScope would drop
 * on its next rewrite of the profile; with the version bumped it sets v4 data aside whole instead,
 * as it does for any newer version (readShortlist).
 */
function v3ToV4(document: Record<string, unknown>): Record<string, unknown> {
  return { ...document, version: 4 };
}

/** Every migration, in order: MIGRATIONS[i] takes version i + 1 to version i + 2. */
export const MIGRATIONS: readonly Migration[] = [
  { from: 1, to: 2, description: 'a key per profile; snapshots get benchmark verdict, method and tier scheme', migrate: v1ToV2 },
  { from: 2, to: 3, description: 'profiles stored as compact text; history thinned to HISTORY_KEPT snapshots', migrate: v2ToV3 },
  { from: 3, to: 4, description: 'a quoted price per profile and a signals summary per snapshot (both optional)', migrate: v3ToV4 },
];

/** A profile as its key stores it (v4 text, codec.ts). */
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
  // Each reason as its code (checkProfile's): the set-aside copy is data, kept in no one language.
  const refused: Record<string, { reason: MessageCode; value: unknown }> = {};
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

// ---------------------------------------------------------------------------------------------
// The revision and the dashboard's first page.

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

/** The writes that turn stored profiles `before` into `after`: changed profiles set, removed ones removed. */
export function profileWrites(before: Record<string, SavedProfile>, after: Record<string, SavedProfile>): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const [key, profile] of Object.entries(after)) if (before[key] !== profile && !sameData(before[key], profile)) set[storageKeyOf(key)] = storedProfile(profile);
  for (const key of Object.keys(before)) if (!(key in after)) remove.push(storageKeyOf(key));
  if (Object.keys(set).length > 0) set[SHORTLIST_KEY] = CURRENT_META;
  return { set, remove };
}

