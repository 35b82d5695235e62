import type { CountReading } from './count';
import type { Platform } from './sites/types';

// Made on first use, never at load: the content script is evaluated on every page of five sites,
// and a renderer's first Intl.NumberFormat costs tens of milliseconds (bench/results.md).
let integerFormat: Intl.NumberFormat | undefined;
let compactFormat: Intl.NumberFormat | undefined;
const integer = () => (integerFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }));
// Four significant digits: as precise as any site writes ("783.4K", "2.47M"), never more.
const compact = () =>
  (compactFormat ??= new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 4 }));

/**
 * A count for the UI: exact counts in full, rounded ones as the page rounded them, marked "≈".
 * @example formatCount({ value: 48_200, exact: false, min: 48_150, max: 48_249 }) // "≈48.2K"
 */
export function formatCount(reading: CountReading | undefined): string {
  if (!reading) return 'unknown';
  if (reading.exact) return integer().format(reading.value);
  // "10K+": a lower bound, not a rounded value.
  if (reading.max >= Number.MAX_SAFE_INTEGER) return `${integer().format(reading.value)} or more`;
  return `≈${compact().format(reading.value)}`;
}

/**
 * The true counts a rounded reading stands for.
 * @example formatRange({ value: 48_200, exact: false, min: 48_150, max: 48_249 }) // "48,150–48,249"
 * @example formatRange(reading of "10K+") // "10,000 or more"
 */
export function formatRange(reading: CountReading): string {
  if (!Number.isFinite(reading.max) || reading.max >= Number.MAX_SAFE_INTEGER) return `${formatInteger(reading.min)} or more`;
  return `${formatInteger(reading.min)}–${formatInteger(reading.max)}`;
}

/** A plain integer with grouping, for averages and tooltips. */
export function formatInteger(value: number): string {
  return integer().format(Math.round(value));
}

/**
 * A rate in percent with two decimals, or more when small enough to round to zero.
 * @example formatPercent(0.0346) // "0.035%"
 */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return 'unknown';
  // Two significant digits at least: X rates sit around 0.03% (Rival IQ).
  const digits = percent !== 0 && Math.abs(percent) < 0.1 ? 3 : 2;
  return `${percent.toFixed(digits)}%`;
}

/** What the platform calls the people who follow an account. */
export function audienceNoun(platform: Platform, count = 2): string {
  const noun = platform === 'youtube' ? 'subscriber' : 'follower';
  return count === 1 ? noun : `${noun}s`;
}

/** What the platform calls a post: TikTok and YouTube show videos. */
export function postNoun(platform: Platform, count = 2): string {
  const noun = platform === 'tiktok' || platform === 'youtube' ? 'video' : 'post';
  return count === 1 ? noun : `${noun}s`;
}

/** "1 post", "24 posts". */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatInteger(count)} ${count === 1 ? singular : plural}`;
}
