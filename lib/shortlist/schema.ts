import { BENCHMARKS_VERSION, compare, type ComparisonVerdict } from '../benchmarks';
import type { ProfileView } from '../model';
import type { CountReading } from '../count';
import type { EngagementBasis, EngagementMethod } from '../engagement';
import type { MessageArg, MessageCode, MessageKey } from '../i18n';
import { messageCode } from '../message-code';
import { isRecord } from '../is-record';
import { PLATFORM_DOMAINS, PLATFORM_NAMES, PLATFORMS, profileKey, type Platform } from '../platforms';
import { canonicalProfileUrl, MAX_PROFILE_URL_LENGTH, sameProfile } from '../sites/url/canonical';
import { TIERS, type Tier, type TierSchemeId } from '../tiers';
import { PAGE_SIGNAL_IDS, SIGNAL_STATES, sameSignals, signalsSummaryOf, type SnapshotSignals } from './signals-summary';

/*
 * The shortlist schema, current version: the saved profile, its checks and merges. Older versions
 * and their migrations live in ./layout.ts, the one door to storage in ./door.ts, the zustand view
 * over it in ./store.ts. Everything here is pure.
 */

/** Where an engagement rate sat against its published benchmark; 'none' when no benchmark applied. */
export type BenchmarkVerdict = ComparisonVerdict | 'none';
export const BENCHMARK_VERDICTS: readonly BenchmarkVerdict[] = ['below', 'typical', 'above', 'none'];

/** One dated reading of a saved profile: what the page showed when it was saved or visited. */
export interface SavedSnapshot {
  /** ISO 8601 time (Date#toISOString). */
  at: string;
  followers?: CountReading;
  /** The tier under `scheme` at the time. The dashboard re-derives tiers from followers with the current scheme. */
  tier?: Tier;
  /** The tier scheme `tier` was computed with (v2; absent when unknown). */
  scheme?: TierSchemeId;
  engagementPercent?: number;
  basis?: EngagementBasis;
  /** Median or mean over the sample (v2). */
  method?: EngagementMethod;
  sampleSize: number;
  /** The benchmark verdict of the rate (v2). */
  benchmark: BenchmarkVerdict;
  /** lib/benchmarks BENCHMARKS_VERSION the verdict was made with (v2; absent for 'none'). */
  benchmarksVersion?: string;
  /** The decision signals' summary (v4; absent when no own post was read, and in older snapshots: unknown, never zero). */
  signals?: SnapshotSignals;
}

/** A price a creator quoted (v4): the amount and the currency label as typed. Nothing is converted. */
export interface Quote {
  /** Finite, 0 to LIMITS.quoteAmount, at most 2 decimals. */
  amount: number;
  /** A label ("USD", "€", "GBP"), trimmed, at most LIMITS.currency characters; may be empty. */
  currency: string;
}

export interface SavedProfile {
  platform: Platform;
  handle: string;
  displayName?: string;
  url: string;
  savedAt: string;
  lastSeen: string;
  tags: string[];
  note: string;
  /** Oldest first; a new entry only when the numbers changed. Never empty. */
  history: SavedSnapshot[];
  /** The price this creator quoted (v4); absent when none was entered. */
  quote?: Quote;
}

/** The current schema version of the stored shortlist. Bump it with a migration in ./layout.ts. */
export const SHORTLIST_VERSION = 4;

export interface Shortlist {
  version: typeof SHORTLIST_VERSION;
  profiles: Record<string, SavedProfile>;
}

/** Never mutated: every change returns a new shortlist. */
export const EMPTY_SHORTLIST: Shortlist = { version: SHORTLIST_VERSION, profiles: {} };

/** Limits shared by the store, the import and the dashboard's editors. */
export const LIMITS = {
  handle: 100,
  /** atproto handles are domain names: up to 253 characters. */
  blueskyHandle: 253,
  displayName: 200,
  url: 2_000,
  tag: 40,
  tags: 50,
  note: 2_000,
  history: 10_000,
  sampleSize: 1_000,
  /** A quoted price: a billion in any currency is more than any creator's post. */
  quoteAmount: 1_000_000_000,
  currency: 12,
  /** Posts per week stored with a snapshot: more is a page misread, not a creator. */
  postsPerWeek: 10_000,
} as const;

/**
 * Snapshots kept per saved profile (v3): beyond this the least telling ones go (thinHistory).
 * 5 000 profiles at this cap stay under half of storage.local's 10 MB (tests/lib/migrations.test.ts).
 */
export const HISTORY_KEPT = 20;

/** Relative distance of a follower count from the line between its neighbours' counts. */
function deviation(before: SavedSnapshot, at: SavedSnapshot, after: SavedSnapshot): number {
  const start = Date.parse(before.at);
  const span = Date.parse(after.at) - start;
  const from = before.followers!.value;
  const to = after.followers!.value;
  const expected = span > 0 ? from + ((to - from) * (Date.parse(at.at) - start)) / span : (from + to) / 2;
  return Math.abs(at.followers!.value - expected) / Math.max(1, expected);
}

/**
 * `text` cut to at most `max` UTF-16 units without splitting a surrogate pair: a name ending in an
 * emoji at the limit loses the whole emoji, never half of it (which would show as "\uFFFD").
 * @example clipText('ab😀', 3) // "ab"
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.charCodeAt(max - 1);
  return text.slice(0, cut >= 0xd800 && cut <= 0xdbff ? max - 1 : max);
}

/**
 * At most `keep` snapshots (sorted oldest first in, oldest first out). Always kept: the first and
 * the last, the first and the latest with a follower count (growth), the latest with an
 * engagement rate (the dashboard's figures). Dropped first: snapshots without a follower count,
 * then counts closest to the line between their neighbours, so the sparkline keeps its shape.
 * Returns `history` itself when it is short enough.
 */
export function thinHistory(history: readonly SavedSnapshot[], keep: number = HISTORY_KEPT): SavedSnapshot[] {
  if (history.length <= keep) return history as SavedSnapshot[];
  const counted: number[] = [];
  let lastRated = -1;
  let lastSignals = -1;
  history.forEach((snapshot, index) => {
    if (snapshot.followers) counted.push(index);
    if (snapshot.engagementPercent !== undefined) lastRated = index;
    if (snapshot.signals) lastSignals = index;
  });
  const kept = new Set([0, history.length - 1, counted[0] ?? 0, counted.at(-1) ?? 0, Math.max(lastRated, 0), Math.max(lastSignals, 0)]);
  const candidates: { index: number; cost: number }[] = [];
  let position = 0;
  for (let index = 1; index < history.length - 1; index++) {
    if (kept.has(index)) continue;
    const snapshot = history[index]!;
    if (!snapshot.followers) {
      candidates.push({ index, cost: -1 });
      continue;
    }
    while (counted[position] !== index) position++;
    const before = counted[position - 1];
    const after = counted[position + 1];
    const cost = before === undefined || after === undefined ? Number.POSITIVE_INFINITY : deviation(history[before]!, snapshot, history[after]!);
    candidates.push({ index, cost });
  }
  // One pass (costs against the original neighbours): linear enough for a 10 000-snapshot import.
  candidates.sort((a, b) => a.cost - b.cost || a.index - b.index);
  const dropped = new Set(candidates.slice(0, history.length - keep).map((candidate) => candidate.index));
  return history.filter((_, index) => !dropped.has(index));
}

/**
 * A count fit to store: a safe non-negative integer with bounds around it (repaired when they are
 * not), or undefined. Whatever a page or a bug produced, nothing unreadable is ever stored.
 */
export function storableCount(reading: CountReading | undefined): CountReading | undefined {
  const count = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  if (!reading || !count(reading.value)) return undefined;
  const value = reading.value === 0 ? 0 : reading.value; // no -0
  const min = count(reading.min) && reading.min <= value ? reading.min : value;
  const max = count(reading.max) && reading.max >= value ? reading.max : value;
  return { value, exact: reading.exact === true && min === max, min, max };
}

function storablePercent(percent: number | undefined): number | undefined {
  return typeof percent === 'number' && Number.isFinite(percent) && percent >= 0 ? percent : undefined;
}

/** The snapshot a profile view stands for. */
export function snapshotOf(view: ProfileView, at: string): SavedSnapshot {
  const { verdict } = view;
  const { engagement, benchmark } = verdict;
  const sampleSize = engagement.ok && Number.isSafeInteger(engagement.sampleSize) && engagement.sampleSize >= 0 ? Math.min(engagement.sampleSize, LIMITS.sampleSize) : 0;
  const snapshot: SavedSnapshot = { at, sampleSize, benchmark: benchmark.verdict };
  const followers = storableCount(verdict.followers);
  if (followers) snapshot.followers = followers;
  if (verdict.tier) {
    snapshot.tier = verdict.tier.tier;
    snapshot.scheme = verdict.scheme.id;
  }
  const percent = engagement.ok ? storablePercent(engagement.percent) : undefined;
  if (engagement.ok && percent !== undefined) {
    snapshot.engagementPercent = percent;
    snapshot.basis = engagement.basis;
    snapshot.method = engagement.method;
  } else snapshot.benchmark = 'none';
  if (snapshot.benchmark !== 'none' && benchmark.verdict !== 'none') snapshot.benchmarksVersion = benchmark.version.slice(0, 40);
  const signals = signalsSummaryOf(view, at);
  if (signals) snapshot.signals = signals;
  return snapshot;
}

/** Two readings of the same count agree when equal, or when one is rounded and its range holds the other. */
function sameCount(a: CountReading, b: CountReading): boolean {
  if (a.value === b.value) return true;
  if (!a.exact && b.value >= a.min && b.value <= a.max) return true;
  return !b.exact && a.value >= b.min && a.value <= b.max;
}

/**
 * Whether `next` says something `last` did not: another follower count, tier, engagement rate,
 * newest post or signal state. A reading that lacks a number (the page is still loading its
 * posts) changes nothing.
 */
export function numbersChanged(last: SavedSnapshot | undefined, next: SavedSnapshot): boolean {
  if (!last) return true;
  if (!next.followers) return false;
  if (!last.followers || !sameCount(last.followers, next.followers)) return true;
  if (next.tier !== undefined && next.tier !== last.tier) return true;
  if (next.signals && !sameSignals(last.signals, next.signals)) return true;
  if (next.engagementPercent === undefined) return false;
  return last.engagementPercent === undefined || last.engagementPercent.toFixed(2) !== next.engagementPercent.toFixed(2);
}

/** A visit to a saved profile: a new history entry only when its numbers changed. */
export function recordVisit(profile: SavedProfile, snapshot: SavedSnapshot): SavedProfile {
  const changed = numbersChanged(profile.history.at(-1), snapshot);
  return {
    ...profile,
    lastSeen: snapshot.at > profile.lastSeen ? snapshot.at : profile.lastSeen,
    history: changed ? thinHistory([...profile.history, snapshot]) : profile.history,
  };
}

/** A new saved profile from a view. */
export function newProfile(view: ProfileView, at: string): SavedProfile {
  const profile: SavedProfile = {
    platform: view.verdict.platform,
    handle: view.verdict.handle,
    url: canonicalProfileUrl(view.verdict.platform, view.verdict.handle),
    savedAt: at,
    lastSeen: at,
    tags: [],
    note: '',
    history: [snapshotOf(view, at)],
  };
  if (view.verdict.displayName) profile.displayName = clipText(view.verdict.displayName, LIMITS.displayName);
  return profile;
}

/** lastSeen moves only when this much time passed: a page re-rendering doesn't rewrite storage. */
export const VISIT_RESOLUTION_MS = 60_000;

/**
 * A saved profile after a visit: a snapshot when its numbers changed, a fresher lastSeen and
 * name. Returns the same object when nothing changed (and `saving` is false).
 */
export function visitProfile(profile: SavedProfile, view: ProfileView, at: string, saving = false): SavedProfile {
  return visitSeen(profile, newProfile(view, at), saving);
}

/**
 * A saved profile after a visit that saw `seen` (a profile of one snapshot, as newProfile makes it
 * from a view): what visitProfile does, from data a message can carry.
 */
export function visitSeen(profile: SavedProfile, seen: SavedProfile, saving = false): SavedProfile {
  const snapshot = seen.history.at(-1)!;
  const at = snapshot.at;
  const changed = numbersChanged(profile.history.at(-1), snapshot);
  const { displayName } = seen;
  const renamed = displayName !== undefined && displayName !== '' && displayName !== profile.displayName;
  const stale = Date.parse(at) - Date.parse(profile.lastSeen) >= VISIT_RESOLUTION_MS;
  if (!changed && !renamed && !stale && !saving) return profile;
  const next: SavedProfile = {
    ...profile,
    lastSeen: at > profile.lastSeen ? at : profile.lastSeen,
    history: changed ? thinHistory(sortHistory([...profile.history, snapshot])) : profile.history,
  };
  if (renamed) next.displayName = displayName;
  return next;
}

/** The profile after pressing Save: new, or the saved one with a snapshot if its numbers changed. */
export function saveProfile(existing: SavedProfile | undefined, view: ProfileView, at: string): SavedProfile {
  return existing ? visitProfile(existing, view, at, true) : newProfile(view, at);
}

/** Saves the profile shown (or adds a dated snapshot to it). Pure: returns the new shortlist. */
export function saveView(list: Shortlist, view: ProfileView, now: Date): Shortlist {
  const key = profileKey(view.verdict.platform, view.verdict.handle);
  return { ...list, profiles: { ...list.profiles, [key]: saveProfile(list.profiles[key], view, now.toISOString()) } };
}

/**
 * What separates tags typed in one field: the comma of every script a marketer may type in
 * (",", Japanese and Chinese "、" and full-width "，", Arabic "،") and the semicolon (";", full-width
 * "；"), which languages with a decimal comma use to list things. Never a space: "UK micro" is one tag.
 */
export const TAG_SEPARATORS = /[,、，،;；]/u;

/**
 * Tags typed in one field, split at any of TAG_SEPARATORS (tidy them with normaliseTags).
 * @example splitTags('美容、旅行，UK; food') // ['美容', '旅行', 'UK', ' food']
 */
export function splitTags(text: string): string[] {
  return text.split(new RegExp(TAG_SEPARATORS.source, 'gu'));
}

/**
 * Tags as the marketer means them: trimmed, inner spaces collapsed, at most 40 characters, no
 * empty ones, no duplicates ignoring case (the first spelling wins), at most 50.
 * @example normaliseTags([' Beauty ', 'beauty', '', 'UK  micro']) // ['Beauty', 'UK micro']
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = clipText(raw.replace(/\s+/g, ' ').trim(), LIMITS.tag);
    const folded = tag.toLowerCase();
    if (!tag || seen.has(folded)) continue;
    seen.add(folded);
    out.push(tag);
    if (out.length === LIMITS.tags) break;
  }
  return out;
}

/** The latest snapshot that has a follower count, or undefined. */
export function latestWithFollowers(profile: SavedProfile): SavedSnapshot | undefined {
  for (let index = profile.history.length - 1; index >= 0; index--) {
    const snapshot = profile.history[index]!;
    if (snapshot.followers) return snapshot;
  }
  return undefined;
}

/**
 * Follower growth since the first snapshot with a count, in percent; undefined with fewer than two
 * counts or a first count of 0.
 * @example followerGrowth(profile with 10 000 then 11 000 followers) // 10
 */
export function followerGrowth(profile: SavedProfile): number | undefined {
  const first = profile.history.find((snapshot) => snapshot.followers)?.followers;
  const last = latestWithFollowers(profile)?.followers;
  if (!first || !last || first.value === 0 || profile.history.filter((s) => s.followers).length < 2) return undefined;
  return ((last.value - first.value) / first.value) * 100;
}

// ---------------------------------------------------------------------------------------------
// Validation. Two strengths: 'stored' checks the shape of what this extension wrote itself (so a
// profile whose handle a newer adapter reads differently still loads); 'import' also checks the
// content of files that came from elsewhere.

/** A refusal's reason is a code; the dashboard writes it (components/words/message.ts). */
export type ProfileCheck = { ok: true; profile: SavedProfile } | { ok: false; reason: MessageCode };

/**
 * Characters a handle may have, loosely per platform (the adapters in lib/sites are stricter):
 * Instagram and TikTok letters, digits, "." and "_"; X letters, digits and "_"; YouTube handles
 * any letter or digit plus "._·-" (and channel ids "UC…"); Bluesky domain names or DIDs;
 * Threads Instagram usernames.
 */
const HANDLE_CHARACTERS: Readonly<Record<Platform, RegExp>> = {
  instagram: /^[A-Za-z0-9._]+$/,
  tiktok: /^[A-Za-z0-9._]+$/,
  youtube: /^[\p{L}\p{M}\p{N}._·-]+$/u,
  x: /^[A-Za-z0-9_]+$/,
  bluesky: /^[A-Za-z0-9.:%-]+$/,
  threads: /^[A-Za-z0-9._]+$/,
};

/** An ISO 8601 date-time with a zone, as Date#toISOString writes it (offsets accepted too). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

class Invalid extends Error {
  constructor(readonly reason: MessageCode) {
    super(reason.key);
  }
}

/** Refuses the value with a reason: a message key and its arguments. */
function fail(key: MessageKey, ...args: MessageArg[]): never {
  throw new Invalid(messageCode(key, ...args));
}

/** Date#toISOString's own form: kept as it is (the common case, and the fast one). */
const CANONICAL_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

function isoDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) fail('invalidDate', field);
  const time = Date.parse(value);
  if (!Number.isFinite(time)) fail('invalidRealDate', field, value);
  return CANONICAL_DATE.test(value) ? value : new Date(time).toISOString();
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail('invalidCount', field, JSON.stringify(value) ?? String(value));
  }
  return value;
}

function reading(value: unknown, field: string): CountReading {
  if (!isRecord(value)) fail('invalidReading', field);
  const parsed: CountReading = {
    value: count(value.value, `${field}.value`),
    exact: typeof value.exact === 'boolean' ? value.exact : fail('invalidBoolean', `${field}.exact`),
    min: count(value.min, `${field}.min`),
    max: count(value.max, `${field}.max`),
  };
  if (parsed.min > parsed.value || parsed.max < parsed.value) fail('invalidReadingOrder', field);
  return parsed;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) fail('invalidOneOf', field, allowed.join(', '));
  return value as T;
}

const SCHEME_IDS: readonly TierSchemeId[] = ['founding', 'five-tier', 'later-sprout', 'custom'];

function snapshot(value: unknown, field: string): SavedSnapshot {
  if (!isRecord(value)) fail('invalidObject', field);
  const sampleSize = value.sampleSize === undefined ? 0 : count(value.sampleSize, `${field}.sampleSize`);
  if (sampleSize > LIMITS.sampleSize) fail('invalidAtMost', `${field}.sampleSize`, LIMITS.sampleSize);
  const parsed: SavedSnapshot = {
    at: isoDate(value.at, `${field}.at`),
    sampleSize,
    benchmark: value.benchmark === undefined ? 'none' : oneOf(value.benchmark, BENCHMARK_VERDICTS, `${field}.benchmark`),
  };
  if (value.followers !== undefined) parsed.followers = reading(value.followers, `${field}.followers`);
  if (value.tier !== undefined) parsed.tier = oneOf(value.tier, TIERS, `${field}.tier`);
  if (value.scheme !== undefined) parsed.scheme = oneOf(value.scheme, SCHEME_IDS, `${field}.scheme`);
  if (value.engagementPercent !== undefined) {
    const percent = value.engagementPercent;
    if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0) {
      fail('invalidPercent', `${field}.engagementPercent`);
    }
    parsed.engagementPercent = percent;
  }
  if (value.basis !== undefined) parsed.basis = oneOf(value.basis, ['followers', 'views'] as const, `${field}.basis`);
  if (value.method !== undefined) parsed.method = oneOf(value.method, ['median', 'mean'] as const, `${field}.method`);
  if (value.benchmarksVersion !== undefined) {
    if (typeof value.benchmarksVersion !== 'string' || value.benchmarksVersion.length > 40) {
      fail('invalidShortText', `${field}.benchmarksVersion`);
    }
    parsed.benchmarksVersion = value.benchmarksVersion;
  }
  if (value.signals !== undefined) parsed.signals = snapshotSignals(value.signals, `${field}.signals`);
  return parsed;
}

function snapshotSignals(value: unknown, field: string): SnapshotSignals {
  if (!isRecord(value) || !isRecord(value.states)) fail('invalidObject', field);
  const states = {} as SnapshotSignals['states'];
  for (const key of Object.keys(value.states)) if (!(PAGE_SIGNAL_IDS as readonly string[]).includes(key)) fail('invalidOneOf', `${field}.states`, PAGE_SIGNAL_IDS.join(', '));
  for (const id of PAGE_SIGNAL_IDS) states[id] = value.states[id] === undefined ? 'unknown' : oneOf(value.states[id], SIGNAL_STATES, `${field}.states.${id}`);
  const posts = count(value.posts, `${field}.posts`);
  if (posts > LIMITS.sampleSize) fail('invalidAtMost', `${field}.posts`, LIMITS.sampleSize);
  const parsed: SnapshotSignals = { states, posts };
  if (value.newestPost !== undefined) parsed.newestPost = isoDate(value.newestPost, `${field}.newestPost`);
  if (value.postsPerWeek !== undefined) {
    const perWeek = value.postsPerWeek;
    if (typeof perWeek !== 'number' || !Number.isFinite(perWeek) || perWeek < 0 || perWeek > LIMITS.postsPerWeek) fail('invalidAtMost', `${field}.postsPerWeek`, LIMITS.postsPerWeek);
    parsed.postsPerWeek = perWeek;
  }
  if (value.approximate !== undefined) {
    if (typeof value.approximate !== 'boolean') fail('invalidBoolean', `${field}.approximate`);
    if (value.approximate) parsed.approximate = true;
  }
  if (value.engagements !== undefined) parsed.engagements = reading(value.engagements, `${field}.engagements`);
  if (value.views !== undefined) parsed.views = reading(value.views, `${field}.views`);
  if (value.impressions !== undefined) {
    parsed.impressions = reading(value.impressions, `${field}.impressions`);
    parsed.impressionsFrom = oneOf(value.impressionsFrom, ['views', 'likes-proxy'] as const, `${field}.impressionsFrom`);
  }
  return parsed;
}

/**
 * A quote fit to store, or undefined for none (an empty price clears it): the amount finite,
 * 0 to LIMITS.quoteAmount, rounded to cents; the currency label trimmed to LIMITS.currency.
 * @example normaliseQuote({ amount: 1500.456, currency: ' EUR ' }) // { amount: 1500.46, currency: 'EUR' }
 */
export function normaliseQuote(quote: { amount: unknown; currency: unknown } | undefined | null): Quote | undefined {
  if (!quote || typeof quote.amount !== 'number' || !Number.isFinite(quote.amount) || quote.amount < 0 || quote.amount > LIMITS.quoteAmount) return undefined;
  const currency = typeof quote.currency === 'string' ? clipText(quote.currency.replace(/\s+/g, ' ').trim(), LIMITS.currency) : '';
  return { amount: Math.round(quote.amount * 100) / 100 || 0, currency };
}

function quote(value: unknown): Quote {
  if (!isRecord(value)) fail('invalidObject', 'quote');
  const { amount, currency } = value;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > LIMITS.quoteAmount) fail('invalidAtMost', 'quote.amount', LIMITS.quoteAmount);
  if (typeof currency !== 'string') fail('invalidText', 'quote.currency');
  if (currency.length > LIMITS.currency) fail('invalidTextLength', 'quote.currency', LIMITS.currency);
  return normaliseQuote({ amount, currency })!;
}

/**
 * The profile's URL: always rebuilt from platform and handle (https, no query, no fragment), so
 * what the page's address bar held (share tracking, a megabyte of fragment, http) is never
 * stored or exported. 'import' first checks that the row's link names this very profile: not
 * another handle's, not a link redirector's, not another site's.
 */
function profileUrl(value: unknown, platform: Platform, handle: string, strict: boolean): string {
  if (strict) {
    if (typeof value !== 'string' || value.length > MAX_PROFILE_URL_LENGTH) fail('invalidUrlLength', MAX_PROFILE_URL_LENGTH);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      fail('invalidUrl', value.slice(0, 80));
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('invalidUrlProtocol', url.protocol.replace(':', ''));
    const host = url.hostname.toLowerCase();
    const domains = PLATFORM_DOMAINS[platform];
    if (!domains.some((domain) => host === domain || host.endsWith(`.${domain}`))) {
      fail('invalidUrlHost', { list: domains, type: 'disjunction' }, PLATFORM_NAMES[platform], host);
    }
    if (!sameProfile(value, platform, handle)) fail('invalidUrlOtherProfile', PLATFORM_NAMES[platform], handle.slice(0, 40), value.slice(0, 80));
  }
  return canonicalProfileUrl(platform, handle);
}

function parseProfile(value: unknown, strict: boolean): SavedProfile {
  if (!isRecord(value)) fail('invalidNotObject');
  const platform = oneOf(value.platform, PLATFORMS, 'platform');
  const handle = value.handle;
  const maxHandle = platform === 'bluesky' ? LIMITS.blueskyHandle : LIMITS.handle;
  if (typeof handle !== 'string' || handle.trim() === '') fail('invalidHandleMissing');
  if (handle.length > maxHandle) fail('invalidHandleLength', maxHandle);
  if (strict && !HANDLE_CHARACTERS[platform].test(handle)) {
    fail('invalidHandleCharacters', handle.slice(0, 40), PLATFORM_NAMES[platform]);
  }
  if (!strict && /[\s<>"'`]/.test(handle)) fail('invalidHandleMarkup');
  const url = profileUrl(value.url, platform, handle, strict);
  const savedAt = isoDate(value.savedAt, 'savedAt');
  const lastSeen = isoDate(value.lastSeen ?? value.savedAt, 'lastSeen');

  const tags = value.tags ?? [];
  if (!Array.isArray(tags)) fail('invalidTagsList');
  if (tags.length > LIMITS.tags) fail('invalidTagsCount', LIMITS.tags);
  tags.forEach((tag: unknown, index) => {
    if (typeof tag !== 'string') fail('invalidText', `tags[${index}]`);
    if (tag.length > LIMITS.tag) fail('invalidTextLength', `tags[${index}]`, LIMITS.tag);
  });
  const note = value.note ?? '';
  if (typeof note !== 'string') fail('invalidText', 'note');
  if (note.length > LIMITS.note) fail('invalidTextLength', 'note', LIMITS.note);
  if (value.displayName !== undefined && value.displayName !== null) {
    if (typeof value.displayName !== 'string') fail('invalidText', 'displayName');
    if (value.displayName.length > LIMITS.displayName) fail('invalidTextLength', 'displayName', LIMITS.displayName);
  }

  if (!Array.isArray(value.history) || value.history.length === 0) fail('invalidHistory');
  if (value.history.length > LIMITS.history) fail('invalidHistoryLength', LIMITS.history);
  const history = thinHistory(sortHistory(value.history.map((entry: unknown, index) => snapshot(entry, `history[${index}]`))));

  const profile: SavedProfile = {
    platform,
    handle,
    url,
    savedAt,
    lastSeen: lastSeen < savedAt ? savedAt : lastSeen,
    tags: normaliseTags(tags as string[]),
    note,
    history,
  };
  if (typeof value.displayName === 'string' && value.displayName !== '') profile.displayName = value.displayName;
  if (value.quote !== undefined && value.quote !== null) profile.quote = quote(value.quote);
  return profile;
}

/** Oldest first, one snapshot per time (the first one wins). */
export function sortHistory(history: readonly SavedSnapshot[]): SavedSnapshot[] {
  const byTime = new Map<string, SavedSnapshot>();
  for (const entry of history) if (!byTime.has(entry.at)) byTime.set(entry.at, entry);
  return [...byTime.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * Checks one profile of the current schema. 'import' is strict about content (handle characters,
 * the platform's own https host); 'stored' only about shape, so data this extension wrote keeps loading.
 * Returns a copy with dates normalised to toISOString and tags normalised.
 */
export function checkProfile(value: unknown, strength: 'stored' | 'import'): ProfileCheck {
  try {
    return { ok: true, profile: parseProfile(value, strength === 'import') };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.reason };
    throw error;
  }
}

/**
 * One profile from two copies: every snapshot of both (by time, no duplicates), the earliest
 * savedAt, the latest lastSeen, the union of tags, and `a`'s note, names and quote unless empty.
 */
export function mergeProfile(a: SavedProfile, b: SavedProfile): SavedProfile {
  const merged: SavedProfile = {
    ...a,
    savedAt: a.savedAt <= b.savedAt ? a.savedAt : b.savedAt,
    lastSeen: a.lastSeen >= b.lastSeen ? a.lastSeen : b.lastSeen,
    tags: normaliseTags([...a.tags, ...b.tags]),
    note: a.note.trim() === '' ? b.note : a.note,
    history: thinHistory(sortHistory([...a.history, ...b.history])),
  };
  const displayName = a.displayName || b.displayName;
  if (displayName) merged.displayName = displayName;
  const price = a.quote ?? b.quote;
  if (price) merged.quote = price;
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Recently viewed profiles (saved or not), for the popup.

/** A profile the marketer looked at, saved or not. */
export interface RecentView {
  platform: Platform;
  handle: string;
  url: string;
  /** ISO 8601 time of the visit. */
  at: string;
  displayName?: string;
  tier?: Tier;
  followers?: CountReading;
  engagementPercent?: number;
}

/** How many recent views are kept, newest first. */
export const RECENT_LIMIT = 10;

/** The recent-view entry for a profile view. */
export function recentViewOf(view: ProfileView, at: string): RecentView {
  const { verdict } = view;
  const recent: RecentView = { platform: verdict.platform, handle: verdict.handle, url: canonicalProfileUrl(verdict.platform, verdict.handle), at };
  if (verdict.displayName) recent.displayName = clipText(verdict.displayName, LIMITS.displayName);
  if (verdict.tier) recent.tier = verdict.tier.tier;
  const followers = storableCount(verdict.followers);
  if (followers) recent.followers = followers;
  const percent = verdict.engagement.ok ? storablePercent(verdict.engagement.percent) : undefined;
  if (percent !== undefined) recent.engagementPercent = percent;
  return recent;
}

/** Newest first, one entry per profile (its latest), at most RECENT_LIMIT. */
export function mergeRecent(...lists: readonly (readonly RecentView[])[]): RecentView[] {
  const latest = new Map<string, RecentView>();
  for (const list of lists) {
    for (const view of list) {
      const key = profileKey(view.platform, view.handle);
      const known = latest.get(key);
      if (!known || view.at > known.at) latest.set(key, view);
    }
  }
  return [...latest.values()].sort((a, b) => (a.at > b.at ? -1 : a.at < b.at ? 1 : 0)).slice(0, RECENT_LIMIT);
}

/** True when `entry` repeats the newest recent view within VISIT_RESOLUTION_MS with the same numbers. */
export function isRepeatVisit(recent: readonly RecentView[], entry: RecentView): boolean {
  const first = recent[0];
  return (
    first !== undefined &&
    profileKey(first.platform, first.handle) === profileKey(entry.platform, entry.handle) &&
    Date.parse(entry.at) - Date.parse(first.at) < VISIT_RESOLUTION_MS &&
    sameData({ ...first, at: '' }, { ...entry, at: '' })
  );
}

/** Checks one stored recent view; undefined when it is not one. */
export function checkRecentView(value: unknown): RecentView | undefined {
  try {
    if (!isRecord(value)) return undefined;
    const platform = oneOf(value.platform, PLATFORMS, 'platform');
    if (typeof value.handle !== 'string' || value.handle === '' || value.handle.length > LIMITS.blueskyHandle) return undefined;
    const view: RecentView = {
      platform,
      handle: value.handle,
      url: profileUrl(value.url, platform, value.handle, false),
      at: isoDate(value.at, 'at'),
    };
    if (typeof value.displayName === 'string' && value.displayName !== '') view.displayName = value.displayName.slice(0, LIMITS.displayName);
    if (value.tier !== undefined) view.tier = oneOf(value.tier, TIERS, 'tier');
    if (value.followers !== undefined) view.followers = reading(value.followers, 'followers');
    if (typeof value.engagementPercent === 'number' && Number.isFinite(value.engagementPercent) && value.engagementPercent >= 0) {
      view.engagementPercent = value.engagementPercent;
    }
    return view;
  } catch (error) {
    if (error instanceof Invalid) return undefined;
    throw error;
  }
}

/** Deep equality of JSON-like data (what storage holds): same keys, same values, arrays in order. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameData(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let size = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    size++;
    if (!sameData(left[key], right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) size--;
  return size === 0;
}

/** A profile's current numbers, each from the latest snapshot that has it. */
export interface LatestFigures {
  followers?: CountReading;
  /** Stored with the follower count, under `scheme`. */
  tier?: Tier;
  scheme?: TierSchemeId;
  engagementPercent?: number;
  basis?: EngagementBasis;
  method?: EngagementMethod;
  sampleSize: number;
  benchmark: BenchmarkVerdict;
  /**
   * An 'above' verdict that is over the source's "high" threshold too: the badge and the popup
   * say "High" for it. Not stored: re-derived from the rated snapshot with the benchmarks it was
   * made with (false when those have changed since).
   */
  high: boolean;
}

/** Whether a snapshot's 'above' verdict is over its source's high threshold (see LatestFigures.high). */
function aboveHigh(platform: Platform, snapshot: SavedSnapshot | undefined): boolean {
  if (snapshot?.benchmark !== 'above' || snapshot.benchmarksVersion !== BENCHMARKS_VERSION) return false;
  const { engagementPercent, followers, basis, method } = snapshot;
  if (engagementPercent === undefined || !followers || !basis) return false;
  const result = compare(engagementPercent, platform, followers.value, basis, method ? { method } : {});
  return result.verdict === 'above' && result.aboveHighThreshold;
}

/** The latest follower count and the latest engagement rate of a profile (snapshots may hold one without the other). */
export function latestFigures(profile: SavedProfile): LatestFigures {
  const counted = latestWithFollowers(profile);
  let rated: SavedSnapshot | undefined;
  for (let index = profile.history.length - 1; index >= 0 && !rated; index--) {
    if (profile.history[index]!.engagementPercent !== undefined) rated = profile.history[index];
  }
  const figures: LatestFigures = { sampleSize: rated?.sampleSize ?? 0, benchmark: rated?.benchmark ?? 'none', high: aboveHigh(profile.platform, rated) };
  if (counted?.followers) figures.followers = counted.followers;
  if (counted?.tier) figures.tier = counted.tier;
  if (counted?.scheme) figures.scheme = counted.scheme;
  if (rated?.engagementPercent !== undefined) figures.engagementPercent = rated.engagementPercent;
  if (rated?.basis) figures.basis = rated.basis;
  if (rated?.method) figures.method = rated.method;
  return figures;
}
