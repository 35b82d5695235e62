import { followerGrowth, latestFigures, type BenchmarkVerdict, type SavedProfile } from './shortlist/schema';
import { profileDecision, type DerivedOptions } from './shortlist/signals-summary';
import { PLATFORM_NAMES } from './platforms';
import { TIER_LABELS, tierOf, tierSchemeById, type TierScheme } from './tiers';

/*
 * CSV for spreadsheets. RFC 4180: records end with CRLF, every field is wrapped in double quotes
 * and its quotes doubled. The export starts with a UTF-8 byte order mark, without which Excel
 * reads UTF-8 as the system code page and mangles names like "Zoë" or "佐藤".
 *
 * CSV injection (OWASP, https://owasp.org/www-community/attacks/CSV_Injection): a cell that a
 * spreadsheet reads as starting with = + - @ (or a tab, CR, LF or NUL before them) is run as a
 * formula. Names, tags and notes come from strangers' profiles and from paste, so every text cell
 * goes through neutraliseCell. Where a cell starts is not only where our fields start: Excel set
 * to German, Spanish or Portuguese splits on ";", and a lenient reader splits a record at a line
 * break that is not inside a quoted field, so text after a ";", tab, CR or LF inside a field starts
 * a cell too. Numbers we compute ourselves (counts, percentages, negative growth) are written by
 * numberCell, which only ever writes a plain decimal, and are never given an apostrophe.
 */

/**
 * RFC 4180 text of the rows, each record ending in CRLF, every field quoted. Writes the cells as
 * they are: make them with neutraliseCell (text) or numberCell (numbers) first.
 * @example toCsv([['a', 'b,c'], ['say "hi"', '']]) // '"a","b,c"\r\n"say ""hi""",""\r\n'
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteField).join(',') + '\r\n').join('');
}

function quoteField(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}

/**
 * Characters that start a formula: ASCII, and their full-width forms (U+FF1D ＝, U+FF0B ＋, U+FF0D －,
 * U+FF20 ＠), which Japanese and Chinese input methods type and issue 13 reports getting through.
 */
const FORMULA_START = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
/** What a spreadsheet may skip before the first character it reads: whitespace (tab, CR and LF among it), NUL, quotes. */
const SKIPPED = '\\s\\u0000"';
/** A value a spreadsheet could run: a formula character after what it may skip, or a control character first. */
const RUNS_AT_START = new RegExp(`^(?:[${SKIPPED}]*[${FORMULA_START}]|[\\t\\r\\n\\u0000])`, 'u');
/** A formula character that starts a cell after a ";" (Excel's separator in de, es, pt), a tab or a line break inside the text. */
const RUNS_INSIDE = new RegExp(`([;\\t\\r\\n][${SKIPPED}]*)(?=[${FORMULA_START}])`, 'gu');

/**
 * A text cell a spreadsheet shows as text and never runs as a formula (CSV injection, OWASP): a
 * value starting with = + - @ ＝ ＋ － ＠ (after any whitespace), or with a tab, CR, LF or NUL,
 * gets a leading apostrophe; a formula character that would start a cell after a ";", tab or line
 * break inside the text gets one in front of it. Always for text, even text that looks like a
 * number: numbers are written by numberCell.
 * @example neutraliseCell('=HYPERLINK("http://evil")') // "'=HYPERLINK(\"http://evil\")"
 * @example neutraliseCell('Mara;=1+1') // "Mara;'=1+1"
 */
export function neutraliseCell(text: string): string {
  const inside = text.replace(RUNS_INSIDE, "$1'");
  return RUNS_AT_START.test(inside) ? `'${inside}` : inside;
}

/** The only numbers numberCell writes: optional minus, digits, optional fraction. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A number cell: the value as a plain decimal ("8400", "-3.2"), rounded to `digits` places when
 * given; empty for a missing or non-finite value, or anything that would not read as a plain
 * number (an exponent). Never neutralised: a spreadsheet reads "-3.2" as a number, not a formula.
 * @example numberCell(-3.24, 1) // "-3.2"
 */
export function numberCell(value: number | undefined, digits?: number): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  const text = String(digits === undefined ? value : Number(value.toFixed(digits)));
  return PLAIN_NUMBER.test(text) ? text : '';
}

const BENCHMARK_WORDS: Readonly<Record<BenchmarkVerdict, string>> = {
  below: 'Below average',
  typical: 'Typical',
  above: 'Above average',
  none: 'No benchmark',
};

export const SHORTLIST_CSV_HEADER = [
  'Platform',
  'Handle',
  'Name',
  'Profile URL',
  'Tier',
  'Tier scheme',
  'Followers',
  'Followers rounded',
  'Engagement %',
  'Engagement basis',
  'Posts in sample',
  'Benchmark',
  'Follower growth %',
  'Snapshots',
  'First saved',
  'Last seen',
  'Tags',
  'Note',
  // Issue 16: decision signals. Empty cells are unknown (an old snapshot, no dated post), never zero.
  'Posts per week',
  'Newest post',
  'Post dates approximate',
  'Signals worth a look',
  'Signal ids worth a look',
  'Estimated post value',
  'Value currency',
  'Quoted price',
  'Quote currency',
  'Cost per engagement',
  'Cost per 1,000 views',
  'Cost per 1,000 followers',
] as const;

export interface ShortlistCsvOptions extends DerivedOptions {
  /** Tiers are derived from the latest follower count with this scheme; without one, the stored tiers. */
  scheme?: TierScheme;
  /** "Now" for the inactive signal (ms; default Date.now()). */
  now?: number;
}

/**
 * The shortlist as a CSV file's text: BOM, header, one row per profile in the order given.
 * Every text cell is neutralised against formula injection (each tag on its own, before the tags
 * are joined); numbers are plain decimals. Names with markup stay literal text.
 */
export function shortlistToCsv(profiles: readonly SavedProfile[], options: ShortlistCsvOptions = {}): string {
  const text = neutraliseCell;
  const rows: string[][] = [SHORTLIST_CSV_HEADER.map(text)];
  const now = options.now ?? Date.now();
  for (const profile of profiles) {
    const figures = latestFigures(profile);
    const decision = profileDecision(profile, figures.followers, now, options);
    const { costs, value } = decision;
    const followers = figures.followers;
    const rated = figures.engagementPercent !== undefined;
    const tier = followers && options.scheme ? tierOf(followers.value, options.scheme) : figures.tier;
    const scheme = options.scheme ?? (figures.scheme ? tierSchemeById(figures.scheme) : undefined);
    const schemeName = options.scheme || figures.scheme !== 'custom' ? scheme?.shortName : 'Custom';
    rows.push([
      text(PLATFORM_NAMES[profile.platform]),
      text(profile.handle),
      text(profile.displayName ?? ''),
      text(profile.url),
      text(tier ? TIER_LABELS[tier] : ''),
      text(tier ? (schemeName ?? '') : ''),
      numberCell(followers?.value),
      text(followers ? (followers.exact ? 'no' : 'yes') : ''),
      numberCell(figures.engagementPercent, 4),
      text(figures.basis ? `per ${figures.basis === 'views' ? 'view' : 'follower'}` : ''),
      rated ? numberCell(figures.sampleSize) : '',
      text(rated ? (figures.high ? 'High' : BENCHMARK_WORDS[figures.benchmark]) : ''),
      numberCell(followerGrowth(profile), 1),
      numberCell(profile.history.length),
      text(profile.savedAt),
      text(profile.lastSeen),
      text(profile.tags.map(text).join('; ')),
      text(profile.note),
      numberCell(decision.postsPerWeek, 2),
      text(decision.newestPost?.slice(0, 10) ?? ''),
      text(decision.newestPost ? (decision.approximate ? 'yes' : 'no') : ''),
      decision.known || decision.looks.length > 0 ? numberCell(decision.looks.length) : '',
      text(decision.looks.join(' ')),
      value.ok ? numberCell(value.value, 2) : '',
      text(value.ok ? value.currency : ''),
      numberCell(profile.quote?.amount, 2),
      text(profile.quote?.currency ?? ''),
      numberCell(costs?.perEngagement?.value, 4),
      numberCell(costs?.perThousandViews?.value, 2),
      numberCell(costs?.perThousandFollowers?.value, 2),
    ]);
  }
  return `\uFEFF${toCsv(rows)}`;
}
