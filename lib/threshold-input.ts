import { parseCountDetailed } from './count';
import { uiLanguage } from './i18n';
import type { AmbiguousThreshold } from './tiers';

/*
 * A tier threshold as the user types it in the settings, read in the UI language by the same parser
 * that reads counts on pages (lib/count.ts): German "10.000" is ten thousand, Japanese "1万" too.
 */

/**
 * Digits with the separators a count is written with; a space groups only before three digits
 * ("10 000", not "10 20"). Then at most one unit word ("K", "Mio.", "tys.", "rb", "万").
 */
const NUMBER_SHAPE = /^\p{Nd}+(?:(?:[.,'’]|\s(?=\p{Nd}{3}(?!\p{Nd})))\p{Nd}+)*(?:\s*\p{L}[\p{L}.]*)?$/u;
const UNIT = /\p{L}/u;

/**
 * A follower count as typed, in the UI language: "10000", "10,000" and "1.5M" in English, "10.000"
 * and "1,5 Mio." in German, "1万" in Japanese, "10 rb" in Indonesian, "10K" in every language.
 * Empty is undefined (the threshold is missing). Text that is no number comes back as typed, for
 * checkTierBounds to refuse. A number this language cannot read as one whole count ("10.000" in
 * English: ten, or ten thousand? "10,000" in German; "12.5") is refused as ambiguous: never misread.
 * @example readThreshold('10.000', 'de') // 10000
 * @example readThreshold('10.000', 'en') // { ambiguous: '10.000' }
 */
export function readThreshold(text: string, locale: string = uiLanguage()): number | string | undefined | AmbiguousThreshold {
  const typed = text.trim();
  if (typed === '') return undefined;
  if (!NUMBER_SHAPE.test(typed)) return text;
  const reading = parseCountDetailed(typed, locale);
  if (!reading) return { ambiguous: typed };
  // A unit the parser did not read ("10 abc") leaves the reading exact: that is no count.
  if (UNIT.test(typed) && reading.exact) return text;
  return reading.value;
}
