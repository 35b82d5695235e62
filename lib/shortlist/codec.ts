import { BENCHMARK_VERDICTS, HISTORY_KEPT, LIMITS, type BenchmarkVerdict, type Quote, type SavedProfile, type SavedSnapshot } from './schema';
import { PAGE_SIGNAL_IDS, type SignalState, type SnapshotSignals } from './signals-summary';
import type { CountReading } from '../count';
import { PLATFORMS, type Platform } from '../platforms';
import { TIERS } from '../tiers';

/*
 * The compact text a saved profile is stored as (schema v3 and v4, ./layout.ts). Why text: Chromium
 * hands a stored string to the page as it is, while an object is rebuilt value by value on every
 * read. Measured (Chromium 156, loaded 2-core machine, storage.local.get(null) of 5 000 keys):
 * 2.65 MB of profile objects took 1.1–1.3 s; the same count of 400-byte strings 0.3–0.5 s, and
 * read time follows the bytes. v2's profile with 5 snapshots was ~1.5 KB of JSON; this is ~0.3 KB.
 *
 * Lossless: decodeProfile(encodeProfile(p)) has exactly p's fields and values (tested).
 *
 *   platform | handle | url | displayName | savedAt | lastSeen − savedAt | tags | note | snapshots [| quote]
 *
 * - numbers are integers in base 36; times are epoch milliseconds (savedAt) or differences
 *   (lastSeen from savedAt, each snapshot from the one before, the first from savedAt);
 * - url: "~rest" when it starts with the platform's usual address (URL_PREFIXES);
 * - texts escape % | ; , ~ ! as %XX, so they never contain a separator;
 * - tags are joined by ",", snapshots by ";", a snapshot's fields by "," (trailing empty ones dropped):
 *     Δat, followers, range ("" when exact with min = max = value, else "<exact 0|1>.<min>.<max>"),
 *     tier (index in TIERS), scheme (index in SCHEME_CODES), engagementPercent (decimal),
 *     basis (f|v), method (m|a: median|mean), sampleSize, benchmark (index in BENCHMARK_VERDICTS,
 *     "" for none), benchmarksVersion ("" the same as the snapshot before, "!" none),
 *     signals (v4, SnapshotSignals; "" none), its parts joined by ":":
 *       states (one letter per PAGE_SIGNAL_IDS: f fine, l look, u unknown), posts, newestPost
 *       (epoch ms), postsPerWeek (decimal), approximate ("1"), engagements, views, impressions
 *       (led by v|l: views|likes-proxy); a count is "<value>" when exact, else "<value>.<exact 0|1>.<min>.<max>";
 * - quote (v4, only when set): amount (decimal), "," currency label.
 */

/** Each platform's usual profile address, stored as "~". */
const URL_PREFIXES: Readonly<Record<Platform, string>> = {
  instagram: 'https://www.instagram.com/',
  tiktok: 'https://www.tiktok.com/@',
  youtube: 'https://www.youtube.com/',
  x: 'https://x.com/',
  bluesky: 'https://bsky.app/profile/',
  threads: 'https://www.threads.com/@',
};

const SCHEME_CODES = ['founding', 'five-tier', 'later-sprout', 'custom'] as const;
const BASIS_CODES = { followers: 'f', views: 'v' } as const;
const METHOD_CODES = { median: 'm', mean: 'a' } as const;

function escape(text: string): string {
  return text.replace(/[%|;,~!]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function unescape(text: string): string {
  return text.includes('%') ? text.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

const INTEGER = /^-?[0-9a-z]+$/;

/** A base-36 integer; NaN when the text is not one (validation then refuses it). */
function int(text: string): number {
  return INTEGER.test(text) ? Number.parseInt(text, 36) : Number.NaN;
}

const STATE_CODES: Readonly<Record<SignalState, string>> = { fine: 'f', look: 'l', unknown: 'u' };
const STATE_OF: Readonly<Record<string, SignalState>> = { f: 'fine', l: 'look', u: 'unknown' };

function encodeCount(reading: CountReading | undefined): string {
  if (!reading) return '';
  const { value, exact, min, max } = reading;
  return exact && min === value && max === value ? value.toString(36) : `${value.toString(36)}.${exact ? 1 : 0}.${min.toString(36)}.${max.toString(36)}`;
}

/** A count as encodeCount writes it, raw (validation checks it); undefined for "". */
function decodeCount(text: string): Record<string, unknown> | undefined {
  if (text === '') return undefined;
  const [value = '', exact, min = '', max = ''] = text.split('.');
  const count = int(value);
  if (exact === undefined) return { value: count, exact: true, min: count, max: count };
  return { value: count, exact: exact === '1' ? true : exact === '0' ? false : exact, min: int(min), max: int(max) };
}

/** encodeCount's text as a count, only when it is one checkProfile accepts as it is. */
function readCount(text: string): CountReading | undefined | false {
  if (text === '') return undefined;
  const [value = '', exact, minText = '', maxText = '', more] = text.split('.');
  const count = int(value);
  if (!SAFE_COUNT(count) || more !== undefined) return false;
  if (exact === undefined) return { value: count, exact: true, min: count, max: count };
  const min = int(minText);
  const max = int(maxText);
  if ((exact !== '0' && exact !== '1') || !SAFE_COUNT(min) || !SAFE_COUNT(max) || min > count || max < count) return false;
  return { value: count, exact: exact === '1', min, max };
}

function encodeSignals(signals: SnapshotSignals | undefined): string {
  if (!signals) return '';
  const parts = [
    PAGE_SIGNAL_IDS.map((id) => STATE_CODES[signals.states[id]]).join(''),
    signals.posts.toString(36),
    signals.newestPost === undefined ? '' : Date.parse(signals.newestPost).toString(36),
    signals.postsPerWeek === undefined ? '' : String(signals.postsPerWeek),
    signals.approximate ? '1' : '',
    encodeCount(signals.engagements),
    encodeCount(signals.views),
    signals.impressions && signals.impressionsFrom ? `${signals.impressionsFrom === 'views' ? 'v' : 'l'}${encodeCount(signals.impressions)}` : '',
  ];
  let end = parts.length;
  while (end > 2 && parts[end - 1] === '') end--;
  return parts.slice(0, end).join(':');
}

/** The signals part, raw, for validation (the full path). */
function decodeSignals(text: string): Record<string, unknown> {
  const [states = '', posts = '', newest = '', perWeek = '', approximate = '', engagements = '', views = '', impressions = ''] = text.split(':');
  const decoded: Record<string, unknown> = {
    states: Object.fromEntries(PAGE_SIGNAL_IDS.map((id, index) => [id, STATE_OF[states[index] ?? ''] ?? states[index]])),
    posts: int(posts),
  };
  if (newest !== '') decoded.newestPost = isoOf(int(newest));
  if (perWeek !== '') decoded.postsPerWeek = Number(perWeek);
  if (approximate !== '') decoded.approximate = approximate === '1' ? true : approximate;
  if (engagements !== '') decoded.engagements = decodeCount(engagements);
  if (views !== '') decoded.views = decodeCount(views);
  if (impressions !== '') {
    decoded.impressionsFrom = impressions[0] === 'v' ? 'views' : impressions[0] === 'l' ? 'likes-proxy' : impressions[0];
    decoded.impressions = decodeCount(impressions.slice(1));
  }
  return decoded;
}

/** The signals part as stored, only when checkProfile would accept it as it is; false otherwise. */
function readSignals(text: string): SnapshotSignals | false {
  const [states = '', postsText = '', newest = '', perWeek = '', approximate = '', engagementsText = '', viewsText = '', impressionsText = '', more] = text.split(':');
  if (more !== undefined || states.length !== PAGE_SIGNAL_IDS.length) return false;
  const stateOf = {} as SnapshotSignals['states'];
  for (let index = 0; index < PAGE_SIGNAL_IDS.length; index++) {
    const state = STATE_OF[states[index]!];
    if (state === undefined) return false;
    stateOf[PAGE_SIGNAL_IDS[index]!] = state;
  }
  const posts = int(postsText);
  if (!SAFE_COUNT(posts) || posts > LIMITS.sampleSize) return false;
  const signals: SnapshotSignals = { states: stateOf, posts };
  if (newest !== '') {
    const time = int(newest);
    if (!(time >= TIME_MIN && time <= TIME_LIMIT)) return false;
    signals.newestPost = isoTime(time);
  }
  if (perWeek !== '') {
    const value = Number(perWeek);
    if (!Number.isFinite(value) || value < 0 || value > LIMITS.postsPerWeek) return false;
    signals.postsPerWeek = value;
  }
  if (approximate !== '') {
    if (approximate !== '1') return false;
    signals.approximate = true;
  }
  const engagements = readCount(engagementsText);
  const views = readCount(viewsText);
  if (engagements === false || views === false) return false;
  if (engagements) signals.engagements = engagements;
  if (views) signals.views = views;
  if (impressionsText !== '') {
    const from = impressionsText[0] === 'v' ? 'views' : impressionsText[0] === 'l' ? 'likes-proxy' : undefined;
    const impressions = readCount(impressionsText.slice(1));
    if (!from || !impressions) return false;
    signals.impressions = impressions;
    signals.impressionsFrom = from;
  }
  return signals;
}

function encodeQuote(quote: Quote): string {
  return quote.currency === '' ? String(quote.amount) : `${String(quote.amount)},${escape(quote.currency)}`;
}

function decodeQuote(text: string): Record<string, unknown> {
  const [amount = '', currency = ''] = text.split(',');
  return { amount: amount === '' ? amount : Number(amount), currency: unescape(currency) };
}

/** The quote part as stored, only when normaliseQuote would leave it as it is; false otherwise. */
function readQuote(text: string): Quote | false {
  const [amountText = '', currencyText = '', more] = text.split(',');
  const amount = Number(amountText);
  const currency = unescape(currencyText);
  if (more !== undefined || amountText === '' || !Number.isFinite(amount) || amount < 0 || amount > LIMITS.quoteAmount || Math.round(amount * 100) / 100 !== amount) return false;
  if (currency.length > LIMITS.currency || currency !== currency.replace(/\s+/g, ' ').trim()) return false;
  return { amount, currency };
}

function encodeSnapshot(snapshot: SavedSnapshot, previousAt: number, previousVersion: string | undefined): string {
  const { followers } = snapshot;
  const fields: string[] = [
    (Date.parse(snapshot.at) - previousAt).toString(36),
    followers ? followers.value.toString(36) : '',
    !followers || (followers.exact && followers.min === followers.value && followers.max === followers.value)
      ? ''
      : `${followers.exact ? 1 : 0}.${followers.min.toString(36)}.${followers.max.toString(36)}`,
    snapshot.tier === undefined ? '' : TIERS.indexOf(snapshot.tier).toString(36),
    snapshot.scheme === undefined ? '' : SCHEME_CODES.indexOf(snapshot.scheme).toString(36),
    snapshot.engagementPercent === undefined ? '' : String(snapshot.engagementPercent),
    snapshot.basis === undefined ? '' : BASIS_CODES[snapshot.basis],
    snapshot.method === undefined ? '' : METHOD_CODES[snapshot.method],
    snapshot.sampleSize === 0 ? '' : snapshot.sampleSize.toString(36),
    snapshot.benchmark === 'none' ? '' : BENCHMARK_VERDICTS.indexOf(snapshot.benchmark).toString(36),
    snapshot.benchmarksVersion === previousVersion ? '' : snapshot.benchmarksVersion === undefined ? '!' : escape(snapshot.benchmarksVersion),
    encodeSignals(snapshot.signals),
  ];
  let end = fields.length;
  while (end > 1 && fields[end - 1] === '') end--;
  return fields.slice(0, end).join(',');
}

/**
 * A checked profile as stored text (schema v4; a profile without v4's fields is the same text as v3).
 * @example encodeProfile(maya) // '0|maya|~maya/||mhfq2k00|0|||0,4mo,,2,0,2.5,f,m,c,1,2025-11'
 */
export function encodeProfile(profile: SavedProfile): string {
  const savedAt = Date.parse(profile.savedAt);
  const prefix = URL_PREFIXES[profile.platform];
  let previousAt = savedAt;
  let previousVersion: string | undefined;
  const snapshots = profile.history.map((snapshot) => {
    const text = encodeSnapshot(snapshot, previousAt, previousVersion);
    previousAt = Date.parse(snapshot.at);
    previousVersion = snapshot.benchmarksVersion;
    return text;
  });
  const parts = [
    PLATFORMS.indexOf(profile.platform).toString(36),
    escape(profile.handle),
    profile.url.startsWith(prefix) ? `~${escape(profile.url.slice(prefix.length))}` : escape(profile.url),
    escape(profile.displayName ?? ''),
    savedAt.toString(36),
    (Date.parse(profile.lastSeen) - savedAt).toString(36),
    profile.tags.map(escape).join(','),
    escape(profile.note),
    snapshots.join(';'),
  ];
  if (profile.quote) parts.push(encodeQuote(profile.quote));
  return parts.join('|');
}

function isoOf(time: number): string | number {
  // An impossible time stays a number, which validation refuses with its reason.
  return Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : time;
}

function decodeSnapshot(text: string, previousAt: number, previousVersion: string | undefined): { snapshot: Record<string, unknown>; at: number; version: string | undefined } {
  const [delta = '', value = '', range = '', tier = '', scheme = '', percent = '', basis = '', method = '', sample = '', benchmark = '', version = '', signals = ''] = text.split(',');
  const at = previousAt + int(delta);
  const snapshot: Record<string, unknown> = { at: isoOf(at), sampleSize: sample === '' ? 0 : int(sample) };
  snapshot.benchmark = benchmark === '' ? 'none' : (BENCHMARK_VERDICTS[int(benchmark)] ?? benchmark);
  if (value !== '') {
    const count = int(value);
    if (range === '') snapshot.followers = { value: count, exact: true, min: count, max: count };
    else {
      const [exact, min = '', max = ''] = range.split('.');
      snapshot.followers = { value: count, exact: exact === '1' ? true : exact === '0' ? false : exact, min: int(min), max: int(max) };
    }
  }
  if (tier !== '') snapshot.tier = TIERS[int(tier)] ?? tier;
  if (scheme !== '') snapshot.scheme = SCHEME_CODES[int(scheme)] ?? scheme;
  if (percent !== '') snapshot.engagementPercent = Number(percent);
  if (basis !== '') snapshot.basis = basis === 'f' ? 'followers' : basis === 'v' ? 'views' : basis;
  if (method !== '') snapshot.method = method === 'm' ? 'median' : method === 'a' ? 'mean' : method;
  const benchmarksVersion = version === '' ? previousVersion : version === '!' ? undefined : unescape(version);
  if (benchmarksVersion !== undefined) snapshot.benchmarksVersion = benchmarksVersion;
  if (signals !== '') snapshot.signals = decodeSignals(signals);
  return { snapshot, at, version: benchmarksVersion };
}

/**
 * The profile stored text stands for, to be checked (checkProfile) like any stored profile;
 * undefined when the text is not a stored profile at all.
 */
export function decodeProfile(text: string): Record<string, unknown> | undefined {
  const parts = text.split('|');
  if (parts.length !== 9 && parts.length !== 10) return undefined;
  const [platformCode, handle, url, displayName, savedAtText, lastSeenText, tags, note, history, quote] = parts as [string, string, string, string, string, string, string, string, string, string?];
  const platform = PLATFORMS[int(platformCode)];
  if (platform === undefined) return undefined;
  const savedAt = int(savedAtText);
  const profile: Record<string, unknown> = {
    platform,
    handle: unescape(handle),
    url: url.startsWith('~') ? URL_PREFIXES[platform] + unescape(url.slice(1)) : unescape(url),
    savedAt: isoOf(savedAt),
    lastSeen: isoOf(savedAt + int(lastSeenText)),
    tags: tags === '' ? [] : tags.split(',').map(unescape),
    note: unescape(note),
  };
  if (displayName !== '') profile.displayName = unescape(displayName);
  if (quote !== undefined) profile.quote = decodeQuote(quote);
  let previousAt = savedAt;
  let previousVersion: string | undefined;
  profile.history =
    history === ''
      ? []
      : history.split(';').map((entry) => {
          const decoded = decodeSnapshot(entry, previousAt, previousVersion);
          previousAt = decoded.at;
          previousVersion = decoded.version;
          return decoded.snapshot;
        });
  return profile;
}

// ---------------------------------------------------------------------------------------------
// The fast path: reading 5 000 profiles when the dashboard opens.

const SAFE_COUNT = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;
const DAY_MS = 86_400_000;
/** "2025-11-01T" by day number: snapshots of 5 000 profiles fall on few days. */
const dayPrefixes = new Map<number, string>();

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Date#toISOString of a time in milliseconds, without a Date per call (30 000 of them when the
 * dashboard opens: the largest cost of reading after the storage call itself, in a CPU profile).
 * @example isoTime(0) // '1970-01-01T00:00:00.000Z'
 */
export function isoTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, -13);
    dayPrefixes.set(day, prefix);
  }
  const rest = ms - day * DAY_MS;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}.${pad(rest % 1000, 3)}Z`;
}
const MARKUP = /[\s<>"'`]/;
/** Years 1970–9999: isoTime's range (toISOString writes other years differently); older or later take the full path. */
const TIME_MIN = 0;
const TIME_LIMIT = 253_402_300_799_999;

/**
 * The profile stored text stands for, when the text is exactly what encodeProfile writes for a
 * profile checkProfile accepts as it is (usual address, snapshots in order, no more than
 * HISTORY_KEPT, every value in range); undefined for anything else, which then takes the full
 * path (decodeProfile, then checkProfile, with its reasons). Same result as that path, without
 * parsing URLs or re-reading dates (tests/lib/profile-codec.test.ts).
 */
export function readProfileText(text: string): SavedProfile | undefined {
  const parts = text.split('|');
  if (parts.length !== 9 && parts.length !== 10) return undefined;
  const [platformCode, handleText, url, displayName, savedAtText, lastSeenText, tagsText, noteText, history, quoteText] = parts as [string, string, string, string, string, string, string, string, string, string?];
  const platform = PLATFORMS[int(platformCode)];
  if (platform === undefined || history === '') return undefined;
  // The usual address is a link by construction; any other is checked as checkProfile does (an http(s) link).
  const link = url.startsWith('~') ? URL_PREFIXES[platform] + unescape(url.slice(1)) : unescape(url);
  if (link.length > LIMITS.url || (!url.startsWith('~') && (!/^https?:\/\//i.test(link) || !URL.canParse(link)))) return undefined;
  const handle = unescape(handleText);
  if (handle === '' || handle.trim() === '' || handle.length > (platform === 'bluesky' ? LIMITS.blueskyHandle : LIMITS.handle) || MARKUP.test(handle)) return undefined;
  const savedAt = int(savedAtText);
  const lastSeen = savedAt + int(lastSeenText);
  if (!(savedAt >= TIME_MIN && lastSeen >= savedAt && lastSeen <= TIME_LIMIT)) return undefined;
  const tags = tagsText === '' ? [] : tagsText.split(',').map(unescape);
  if (tags.length > LIMITS.tags) return undefined;
  const folded = new Set<string>();
  for (const tag of tags) {
    // Normalised tags only (normaliseTags' output): trimmed, single spaces, unique ignoring case.
    if (tag === '' || tag.length > LIMITS.tag || tag !== tag.replace(/\s+/g, ' ').trim() || folded.has(tag.toLowerCase())) return undefined;
    folded.add(tag.toLowerCase());
  }
  const note = unescape(noteText);
  const name = unescape(displayName);
  if (note.length > LIMITS.note || name.length > LIMITS.displayName) return undefined;

  const entries = history.split(';');
  if (entries.length > HISTORY_KEPT) return undefined;
  const snapshots: SavedSnapshot[] = [];
  let previousAt = savedAt;
  let previousVersion: string | undefined;
  for (let index = 0; index < entries.length; index++) {
    const [delta = '', value = '', range = '', tier = '', scheme = '', percent = '', basis = '', method = '', sample = '', benchmark = '', version = '', signalsText = '', extra] = entries[index]!.split(',');
    if (extra !== undefined) return undefined;
    const step = int(delta);
    // Oldest first, one per time: sortHistory would change nothing.
    if (!(index === 0 ? Number.isSafeInteger(step) : step > 0)) return undefined;
    const at = previousAt + step;
    if (!(at >= TIME_MIN && at <= TIME_LIMIT)) return undefined;
    const sampleSize = sample === '' ? 0 : int(sample);
    if (!SAFE_COUNT(sampleSize) || sampleSize > LIMITS.sampleSize) return undefined;
    const verdict: BenchmarkVerdict | undefined = benchmark === '' ? 'none' : BENCHMARK_VERDICTS[int(benchmark)];
    if (verdict === undefined || verdict === 'none' && benchmark !== '') return undefined;
    const snapshot: SavedSnapshot = { at: isoTime(at), sampleSize, benchmark: verdict };
    if (value !== '') {
      const count = int(value);
      if (!SAFE_COUNT(count)) return undefined;
      if (range === '') snapshot.followers = { value: count, exact: true, min: count, max: count };
      else {
        const [exact, minText = '', maxText = '', more] = range.split('.');
        const min = int(minText);
        const max = int(maxText);
        if ((exact !== '0' && exact !== '1') || more !== undefined || !SAFE_COUNT(min) || !SAFE_COUNT(max) || min > count || max < count) return undefined;
        snapshot.followers = { value: count, exact: exact === '1', min, max };
      }
    } else if (range !== '') return undefined;
    if (tier !== '') {
      const code = TIERS[int(tier)];
      if (code === undefined) return undefined;
      snapshot.tier = code;
    }
    if (scheme !== '') {
      const code = SCHEME_CODES[int(scheme)];
      if (code === undefined) return undefined;
      snapshot.scheme = code;
    }
    if (percent !== '') {
      const rate = Number(percent);
      if (!Number.isFinite(rate) || rate < 0) return undefined;
      snapshot.engagementPercent = rate;
    }
    if (basis !== '') {
      if (basis !== 'f' && basis !== 'v') return undefined;
      snapshot.basis = basis === 'f' ? 'followers' : 'views';
    }
    if (method !== '') {
      if (method !== 'm' && method !== 'a') return undefined;
      snapshot.method = method === 'm' ? 'median' : 'mean';
    }
    const benchmarksVersion = version === '' ? previousVersion : version === '!' ? undefined : unescape(version);
    if (benchmarksVersion !== undefined) {
      if (benchmarksVersion.length > 40) return undefined;
      snapshot.benchmarksVersion = benchmarksVersion;
    }
    if (signalsText !== '') {
      const signals = readSignals(signalsText);
      if (!signals) return undefined;
      snapshot.signals = signals;
    }
    snapshots.push(snapshot);
    previousAt = at;
    previousVersion = benchmarksVersion;
  }
  const profile: SavedProfile = {
    platform,
    handle,
    url: link,
    savedAt: isoTime(savedAt),
    lastSeen: isoTime(lastSeen),
    tags,
    note,
    history: snapshots,
  };
  if (name !== '') profile.displayName = name;
  if (quoteText !== undefined) {
    const quote = readQuote(quoteText);
    if (!quote) return undefined;
    profile.quote = quote;
  }
  return profile;
}
