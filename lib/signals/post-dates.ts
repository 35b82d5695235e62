import type { Platform } from '../platforms';
import type { PostCounts } from '../sites/types';

/*
 * When a post was published, read from what the page already shows: no request. Formulas from
 * /work/shared/research/signals.md ("Post dates without any request"). Every decoder returns
 * undefined rather than a date before the platform existed or after `now` (plus a day of clock
 * skew): an id that decodes outside that window is not the kind of id we think it is.
 */

/** A publication time: epoch milliseconds, and whether it is only approximate ("3 weeks ago"). */
export interface PostDate {
  at: number;
  approximate: boolean;
}

const DAY = 86_400_000;
/** Clocks disagree: a post may look up to a day "in the future" without being wrong. */
export const FUTURE_TOLERANCE_MS = DAY;

/**
 * Earliest plausible publication per platform (epoch ms). Instagram launched 2010-10-06; the X
 * snowflake epoch is 2010-11-04T01:42:54.657Z, and the ids before snowflakes were sequential
 * (about 3·10^10 at most, under 2^35): they decode to the epoch's first seconds, so a day past the
 * epoch refuses them;
 * Douyin, whose id scheme TikTok shares, launched 2016-09; YouTube's first video is 2005-04-23;
 * Bluesky's first network posts are from late 2022 (2022-01-01 leaves margin); Threads opened to
 * the public on 2023-07-05 (Meta's launch post; staff posted the day before: one day of margin).
 */
export const PLATFORM_START: Readonly<Record<Platform, number>> = {
  instagram: Date.UTC(2010, 9, 6),
  x: 1288834974657 + DAY,
  tiktok: Date.UTC(2016, 8, 1),
  youtube: Date.UTC(2005, 3, 23),
  bluesky: Date.UTC(2022, 0, 1),
  threads: Date.UTC(2023, 6, 5),
};

function plausible(at: number, platform: Platform, now: number, approximate: boolean): PostDate | undefined {
  if (!Number.isFinite(at) || !Number.isFinite(now)) return undefined;
  if (at < PLATFORM_START[platform] || at > now + FUTURE_TOLERANCE_MS) return undefined;
  return { at, approximate };
}

const DECIMAL_ID = /^[1-9][0-9]{0,19}$/;
const U64 = (1n << 64n) - 1n;

function decimalId(id: string): bigint | undefined {
  if (!DECIMAL_ID.test(id)) return undefined;
  const value = BigInt(id);
  return value <= U64 ? value : undefined;
}

/**
 * A TikTok video (or photo post) id's date: its top 32 bits are Unix seconds.
 * @example tiktokIdDate('7571863205253778710') // { at: Date.UTC(2025, 10, 12, 15, 36, 23), approximate: false }
 */
export function tiktokIdDate(id: string, now: number = Date.now()): PostDate | undefined {
  const value = decimalId(id);
  if (value === undefined) return undefined;
  return plausible(Number(value >> 32n) * 1000, 'tiktok', now, false);
}

/**
 * An X post id's date (snowflake): `(id >> 22) + 1288834974657` ms since the Unix epoch.
 * @example xIdDate('1987508451887784324') // { at: 2025-11-09T13:11:55.708Z, approximate: false }
 */
export function xIdDate(id: string, now: number = Date.now()): PostDate | undefined {
  const value = decimalId(id);
  if (value === undefined) return undefined;
  return plausible(Number((value >> 22n) + 1288834974657n), 'x', now, false);
}

/** base32-sortable, the atproto TID alphabet. */
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
/** 13 characters; the first carries the 64-bit value's leading 0 bit, so it is one of the first 16. */
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/**
 * A Bluesky record key's date when it is a TID: the 53 bits after the leading 0 bit are
 * microseconds since the Unix epoch (the last 10 bits are a clock id).
 * @example blueskyTidDate('3mddvy5bv6k27') // { at: 2026-01-26T18:50:47.802Z, approximate: false }
 */
export function blueskyTidDate(rkey: string, now: number = Date.now()): PostDate | undefined {
  if (!TID.test(rkey)) return undefined;
  let value = 0n;
  for (const char of rkey) value = (value << 5n) | BigInt(TID_ALPHABET.indexOf(char));
  // Whole milliseconds: a Date has no finer grain.
  return plausible(Math.floor(Number(value >> 10n) / 1000), 'bluesky', now, false);
}

/** Instagram's shortcode alphabet: base64url, the media id's digits in base 64. */
const SHORTCODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SHORTCODE = /^[A-Za-z0-9_-]{1,11}$/;
/** Milliseconds since this epoch fill the top 41 bits of a Meta media id (Instagram Engineering, "Sharding & IDs at Instagram", 2012). */
const META_ID_EPOCH = 1314220021721n;

/**
 * A Threads post code's date: the code is the media id in base 64 (DR0Wsy0EhCP is the `pk`
 * 3779745822511599759 of its post in threads/profile.rendered.html), and the id's bits above the
 * 23 of shard and sequence are milliseconds since META_ID_EPOCH. The id is made when the post is
 * created, which may precede its publication: six of the page's seven codes decode to within a
 * second of their `taken_at`, one (a carousel) to 8.4 minutes before it. So approximate. A fallback
 * only: the page's own `<time datetime>` is read first.
 * @example threadsCodeDate('DR0Wsy0EhCP') // { at: 2025-12-03T22:27:15.905Z, approximate: true }
 */
export function threadsCodeDate(code: string, now: number = Date.now()): PostDate | undefined {
  if (!SHORTCODE.test(code)) return undefined;
  let value = 0n;
  for (const char of code) value = (value << 6n) | BigInt(SHORTCODE_ALPHABET.indexOf(char));
  if (value > U64) return undefined;
  return plausible(Number((value >> 23n) + META_ID_EPOCH), 'threads', now, true);
}

/**
 * An Instagram post's `taken_at` (Unix seconds, from the page's embedded JSON) as a date.
 * @example instagramTakenAt(1707000000) // { at: 1707000000000, approximate: false }
 */
export function instagramTakenAt(seconds: number, now: number = Date.now()): PostDate | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  return plausible(Math.round(seconds * 1000), 'instagram', now, false);
}

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const UNIT_MS: Readonly<Record<Unit, number>> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: DAY,
  week: 7 * DAY,
  // Calendar averages: the page's own figure is rounded down to whole units anyway.
  month: 30.436875 * DAY,
  year: 365.2425 * DAY,
};

interface RelativePattern {
  /** Group 1: the number; group 2: the unit word. */
  pattern: RegExp;
  units: readonly (readonly [RegExp, Unit])[];
}

/*
 * YouTube's "published" texts per page language, as YouTube writes them ("Streamed 3 weeks ago",
 * "vor 3 Wochen", "hace 3 semanas", "há 3 semanas", "il y a 3 semaines", "3 settimane fa",
 * "3 週間前"). Only the number and the unit are read; prefixes like "Streamed" are ignored.
 */
const RELATIVE: Readonly<Record<string, RelativePattern>> = {
  en: {
    pattern: /(\d+)\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b/iu,
    units: [[/^second/i, 'second'], [/^minute/i, 'minute'], [/^hour/i, 'hour'], [/^day/i, 'day'], [/^week/i, 'week'], [/^month/i, 'month'], [/^year/i, 'year']],
  },
  de: {
    pattern: /\bvor\s+(\d+)\s+(Sekunden?|Minuten?|Stunden?|Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)(?![\p{L}])/iu,
    units: [[/^sek/i, 'second'], [/^min/i, 'minute'], [/^stu/i, 'hour'], [/^tag/i, 'day'], [/^woc/i, 'week'], [/^mon/i, 'month'], [/^jah/i, 'year']],
  },
  es: {
    pattern: /\bhace\s+(\d+)\s+(segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?)(?![\p{L}])/iu,
    units: [[/^seg/i, 'second'], [/^min/i, 'minute'], [/^hor/i, 'hour'], [/^d/i, 'day'], [/^sem/i, 'week'], [/^mes/i, 'month'], [/^añ/i, 'year']],
  },
  pt: {
    pattern: /(?:^|[^\p{L}])há\s+(\d+)\s+(segundos?|minutos?|horas?|dias?|semanas?|m[eê]s|meses|anos?)(?![\p{L}])/iu,
    units: [[/^seg/i, 'second'], [/^min/i, 'minute'], [/^hor/i, 'hour'], [/^dia/i, 'day'], [/^sem/i, 'week'], [/^m[eê]s/i, 'month'], [/^ano/i, 'year']],
  },
  fr: {
    pattern: /\bil y a\s+(\d+)\s+(secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)(?![\p{L}])/iu,
    units: [[/^sec/i, 'second'], [/^min/i, 'minute'], [/^heu/i, 'hour'], [/^jou/i, 'day'], [/^sem/i, 'week'], [/^moi/i, 'month'], [/^an/i, 'year']],
  },
  it: {
    pattern: /(\d+)\s+(second[oi]|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa\b/iu,
    units: [[/^sec/i, 'second'], [/^min/i, 'minute'], [/^or/i, 'hour'], [/^gio/i, 'day'], [/^set/i, 'week'], [/^mes/i, 'month'], [/^ann/i, 'year']],
  },
  ja: {
    pattern: /(\d+)\s*(秒|分|時間|日|週間|か月|ヶ月|カ月|年)前/u,
    units: [[/^秒/, 'second'], [/^分/, 'minute'], [/^時間/, 'hour'], [/^日/, 'day'], [/^週間/, 'week'], [/^[かヶカ]月/, 'month'], [/^年/, 'year']],
  },
};

/** Longer than any text YouTube writes there: a bound before any regex runs on page text. */
const MAX_RELATIVE_TEXT = 120;

/**
 * A YouTube tile's relative age ("3 weeks ago", in the page's language) as an approximate date,
 * counted back from `now`; undefined for a text or language it does not know.
 * @example youtubeRelativeDate('vor 3 Wochen', 'de-DE', now) // { at: now − 21 days, approximate: true }
 */
export function youtubeRelativeDate(text: string, locale: string, now: number): PostDate | undefined {
  const age = youtubeRelativeAge(text, locale);
  return age === undefined ? undefined : plausible(now - age, 'youtube', now, true);
}

/**
 * How long ago (ms) a YouTube relative text ("3 weeks ago", in the page's language) says, or
 * undefined for a text or language it does not know: how adapters tell the age among a tile's texts.
 * @example youtubeRelativeAge('hace 2 días', 'es-ES') // 172800000
 */
export function youtubeRelativeAge(text: string, locale: string): number | undefined {
  if (typeof text !== 'string' || typeof locale !== 'string' || text.length > MAX_RELATIVE_TEXT) return undefined;
  const language = (locale.split(/[-_]/)[0] ?? '').toLowerCase();
  // Own keys only: a page whose <html lang> is "constructor" must not reach Object.prototype.
  const table = Object.prototype.hasOwnProperty.call(RELATIVE, language) ? RELATIVE[language] : undefined;
  const match = table?.pattern.exec(text.normalize('NFC'));
  if (!table || !match) return undefined;
  const count = Number(match[1]);
  const unit = table.units.find(([word]) => word.test(match[2]!))?.[1];
  if (unit === undefined || !Number.isSafeInteger(count)) return undefined;
  return count * UNIT_MS[unit];
}

/**
 * A post's date: what the adapter stored in `postedAt`, else what its id says (TikTok, X,
 * Bluesky and Threads ids are dates; Instagram shortcodes and YouTube video ids are not).
 */
export function postDate(post: PostCounts, platform: Platform, now: number = Date.now()): PostDate | undefined {
  if (post.postedAt !== undefined) return plausible(post.postedAt, platform, now, post.postedAtApprox === true);
  switch (platform) {
    case 'tiktok':
      return tiktokIdDate(post.id, now);
    case 'x':
      return xIdDate(post.id, now);
    case 'bluesky':
      return blueskyTidDate(post.id, now);
    case 'threads':
      return threadsCodeDate(post.id, now);
    default:
      return undefined;
  }
}
