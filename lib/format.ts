import type { CountReading } from './count';
import { plural, t, uiLanguage } from './i18n';
import { numberSource, type NumberKind } from './number-source';
import type { Platform } from './platforms';

/*
 * A presentation helper, kept in lib/ although it speaks the UI language: it is the one place that
 * writes numbers, dates and nouns the way the words around them do (lib/i18n.ts uiLanguage), for
 * badge, popup, dashboard and components/words/message.ts alike, and it shares the number port
 * (lib/number-source.ts) with the start-up code. Only the UI edge calls it: the modules that return
 * codes (the sites, metrics, settings, shortlist; eslint.config.js) pass numbers as values with the
 * style to write them in ({ number, as: 'integer' }).
 */

// Made on first use, never at load: the content script is evaluated on every page of five sites,
// and a renderer's first Intl.NumberFormat costs tens of milliseconds (bench/results.md).
// They follow the UI language (lib/i18n.ts, read at that first use too) and are made again if it
// changes (tests switch locales). Counts and rates come from the number port instead when it
// answers (lib/number-source.ts, `packed` below): then none of the number formats is made.
let madeFor: string | undefined;
let integerFormat: Intl.NumberFormat | undefined;
let compactFormat: Intl.NumberFormat | undefined;
let percentFormats: Record<number, Intl.NumberFormat> = {};
let decimalFormats: Record<number, Intl.NumberFormat> = {};
let dateFormat: Intl.DateTimeFormat | undefined;
let relativeFormat: Intl.RelativeTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;
let plainFormat: Intl.NumberFormat | undefined;
let plainPercentFormat: Intl.NumberFormat | undefined;
let typedFormat: Intl.NumberFormat | undefined;
let unitFormats: Record<string, Intl.NumberFormat> = {};
let bytesFormat: Intl.NumberFormat | undefined;
/** Signed changes ("+2.1%", Turkish "+%2,1"): not in the number port, whose kinds are unsigned. */
let signedFormats: Record<string, Intl.NumberFormat> = {};

/** The UI language, after dropping every format made for another one. */
function locale(): string {
  const language = uiLanguage();
  if (language !== madeFor) {
    madeFor = language;
    integerFormat = compactFormat = plainFormat = plainPercentFormat = typedFormat = bytesFormat = undefined;
    dateFormat = dateTimeFormat = relativeFormat = undefined;
    percentFormats = {};
    unitFormats = {};
    decimalFormats = {};
    signedFormats = {};
  }
  return language;
}

const integer = () => {
  const language = locale();
  return (integerFormat ??= new Intl.NumberFormat(language, { maximumFractionDigits: 0 }));
};
// Four significant digits: as precise as any site writes ("783.4K", "2.47M"), never more.
const compact = () => {
  const language = locale();
  return (compactFormat ??= new Intl.NumberFormat(language, { notation: 'compact', maximumSignificantDigits: 4 }));
};

/**
 * `value` as the number port writes `kind` in the UI language (the same text as the Intl format
 * for it), or undefined: no port installed, or it cannot (another language, a negative number).
 */
function packed(kind: NumberKind, value: number): string | undefined {
  return numberSource()?.format(locale(), kind, value);
}

/**
 * A count for the UI: exact counts in full, rounded ones as the page rounded them, marked "≈".
 * @example formatCount({ value: 48_200, exact: false, min: 48_150, max: 48_249 }) // "≈48.2K" (German: "≈48.200")
 */
export function formatCount(reading: CountReading | undefined): string {
  if (!reading) return t('unknown');
  const whole = () => packed('integer', reading.value) ?? integer().format(reading.value);
  if (reading.exact) return whole();
  // "10K+": a lower bound, not a rounded value.
  if (reading.max >= Number.MAX_SAFE_INTEGER) return t('countOrMore', whole());
  return `≈${packed('compact', reading.value) ?? compact().format(reading.value)}`;
}

/**
 * The true counts a rounded reading stands for.
 * @example formatRange({ value: 48_200, exact: false, min: 48_150, max: 48_249 }) // "48,150–48,249"
 * @example formatRange(reading of "10K+") // "10,000 or more"
 */
export function formatRange(reading: CountReading): string {
  if (!Number.isFinite(reading.max) || reading.max >= Number.MAX_SAFE_INTEGER) return t('countOrMore', formatInteger(reading.min));
  return `${formatInteger(reading.min)}–${formatInteger(reading.max)}`;
}

/** A plain integer with grouping, for averages and tooltips. */
export function formatInteger(value: number): string {
  const rounded = Math.round(value);
  return packed('integer', rounded) ?? integer().format(rounded);
}

/**
 * A rate in percent with two decimals, or more when small enough to round to zero, written the
 * UI language's way.
 * @example formatPercent(0.0346) // "0.035%" (German: "0,035 %")
 */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return t('unknown');
  // Two significant digits at least: X rates sit around 0.03% (Rival IQ).
  const digits = percent !== 0 && Math.abs(percent) < 0.1 ? 3 : 2;
  const text = packed(digits === 3 ? 'percent3' : 'percent2', percent);
  if (text !== undefined) return text;
  const language = locale();
  const format = (percentFormats[digits] ??= new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }));
  return format.format(percent / 100);
}

/**
 * A number with the UI language's decimal separator and exactly `digits` decimals.
 * @example formatDecimal(1.5, 2) // "1.50" (German: "1,50")
 */
export function formatDecimal(value: number, digits: number): string {
  const language = locale();
  const format = (decimalFormats[digits] ??= new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }));
  return format.format(value);
}

function signed(style: 'percent' | 'decimal', digits: number): Intl.NumberFormat {
  const language = locale();
  return (signedFormats[`${style}${digits}`] ??= new Intl.NumberFormat(language, {
    style,
    signDisplay: 'exceptZero',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }));
}

/**
 * A change in percent with its sign, `digits` decimals, the sign and "%" placed by the UI language
 * (Intl), never by a message around the number; no sign for what rounds to zero.
 * @example formatSignedPercent(2.14, 1) // "+2.1%" (German "+2,1 %", French "+2,1 %", Turkish "+%2,1")
 */
export function formatSignedPercent(percent: number, digits: number): string {
  if (!Number.isFinite(percent)) return t('unknown');
  return signed('percent', digits).format(percent / 100);
}

/**
 * A signed difference with `digits` decimals ("+0.42", German "+0,42"), for percentage points.
 * @example formatSignedDecimal(-0.5, 2) // "-0.50"
 */
export function formatSignedDecimal(value: number, digits: number): string {
  if (!Number.isFinite(value)) return t('unknown');
  return signed('decimal', digits).format(value);
}

/**
 * A size in storage, in megabytes (10^6 bytes, as storage quotas are stated) with one decimal:
 * for messages that weigh a size against a quota, which keep one unit ("2.0 MB … 0.0 MB is free",
 * where formatSize below would write "0 byte"). formatSize picks the unit, for a list of sizes.
 * @example formatBytes(10_485_760) // "10.5 MB" (German: "10,5 MB", French "10,5 Mo")
 */
export function formatBytes(bytes: number): string {
  const language = locale();
  // The unit as the language writes it (French "Mo"), by Intl like the number.
  bytesFormat ??= new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'megabyte',
    unitDisplay: 'short',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return bytesFormat.format(bytes / 1_000_000);
}

/**
 * A number as written in a source, up to three decimals, in the UI language's way.
 * @example formatPlain(3.38) // "3.38" (German: "3,38")
 */
export function formatPlain(value: number): string {
  const language = locale();
  plainFormat ??= new Intl.NumberFormat(language, { maximumFractionDigits: 3 });
  return plainFormat.format(value);
}

/**
 * A percentage as written in a source, up to three decimals.
 * @example formatPlainPercent(4.42) // "4.42%" (German: "4,42 %")
 */
export function formatPlainPercent(percent: number): string {
  const language = locale();
  plainPercentFormat ??= new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 3 });
  return plainPercentFormat.format(percent / 100);
}

/**
 * A number as typed, with every decimal it has and the UI language's separators; no rounding, no
 * compact form.
 * @example formatTyped(1500.5) // "1,500.5" (German: "1.500,5")
 */
export function formatTyped(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const language = locale();
  typedFormat ??= new Intl.NumberFormat(language, { maximumFractionDigits: 20 });
  return typedFormat.format(value);
}

/**
 * A size in the UI language's short units: bytes, kilobytes or megabytes (10^3, 10^6), one decimal.
 * @example formatSize(1_200_000) // "1.2 MB" (German: "1,2 MB")
 */
export function formatSize(size: number): string {
  const [value, unit] = size >= 1e6 ? [size / 1e6, 'megabyte'] : size >= 1e3 ? [size / 1e3, 'kilobyte'] : [size, 'byte'];
  const language = locale();
  const format = (unitFormats[unit] ??= new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }));
  return format.format(value);
}

/**
 * A follower count for labels: whole thousands and millions abbreviated ("10K", "1.5M" in English),
 * others in full ("1,234").
 */
export function formatFollowers(count: number): string {
  if (Number.isInteger(count) && count >= 1_000 && count % 10 === 0 && (count < 1_000_000 || count % 10_000 === 0)) {
    return packed('compact', count) ?? compact().format(count);
  }
  return Number.isFinite(count) ? (packed('integer', count) ?? integer().format(count)) : String(count);
}

/**
 * A day in the UI language's medium style.
 * @example formatDate('2026-03-14T09:00:00Z') // "Mar 14, 2026" (German: "14.03.2026")
 */
export function formatDate(date: Date | string | number): string {
  const language = locale();
  dateFormat ??= new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  return dateFormat.format(new Date(date));
}

/**
 * A day and time in the UI language's medium and short styles.
 * @example formatDateTime('2026-03-14T09:05:00Z') // "Mar 14, 2026, 9:05 AM" (German: "14.03.2026, 09:05")
 */
export function formatDateTime(date: Date | string | number): string {
  const language = locale();
  dateTimeFormat ??= new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimeFormat.format(new Date(date));
}

/**
 * A time relative to now in the UI language, "yesterday" rather than "1 day ago".
 * @example formatRelativeTime(-5, 'minute') // "5 minutes ago" (German: "vor 5 Minuten")
 */
export function formatRelativeTime(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  const language = locale();
  relativeFormat ??= new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return relativeFormat.format(value, unit);
}

/**
 * What the platform calls the people who follow an account, for `count` of them (beside a number, or
 * inside a sentence). Not a label: with a dummy count the noun takes that count's case, and Polish
 * "2" is genitive ("obserwujących"); a label is audienceLabel.
 */
export function audienceNoun(platform: Platform, count = 2): string {
  return platform === 'youtube' ? plural('subscriberNoun', count) : plural('followerNoun', count);
}

/**
 * A count read from the page with the platform's word for its audience, in the order and form of the
 * language's followerCount/subscriberCount message: "≈12.5K followers", Japanese "フォロワー≈1.2万人",
 * Korean "팔로워 ≈1.2만명" (the count written by formatCount, the noun chosen by the count's value).
 */
export function formatAudience(platform: Platform, reading: CountReading): string {
  return plural(platform === 'youtube' ? 'subscriberCount' : 'followerCount', reading.value, formatCount(reading));
}

/** The label of the audience row: "Followers", "Subscribers"; Polish "Obserwujący", in the nominative. */
export function audienceLabel(platform: Platform): string {
  return t(platform === 'youtube' ? 'labelSubscribers' : 'labelFollowers');
}

/** "1 post", "24 posts", "1.204 Beiträge". */
export function countPosts(platform: Platform, count: number): string {
  const key = platform === 'tiktok' || platform === 'youtube' ? 'videoCount' : 'postCount';
  return plural(key, count, formatInteger(count));
}

/** "1 follower", "12,345 subscribers": an exact number with the platform's word for its audience. */
export function countAudience(platform: Platform, count: number): string {
  return plural(platform === 'youtube' ? 'subscriberCount' : 'followerCount', count, formatInteger(count));
}

/** "median" or "mean" in the UI language. */
export function methodWord(method: 'median' | 'mean'): string {
  return t(method === 'median' ? 'methodMedian' : 'methodMean');
}
