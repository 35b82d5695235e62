import { followerGrowth, latestFigures, type BenchmarkVerdict, type SavedProfile } from './shortlist/schema';
import { PLATFORM_NAMES } from './platforms';
import { TIER_LABELS, tierOf, tierSchemeById, type TierScheme } from './tiers';

/*
 * CSV for spreadsheets. RFC 4180: records end with CRLF; a field containing a double quote,
 * comma, CR or LF is wrapped in double quotes and its quotes doubled. The export starts with a
 * UTF-8 byte order mark, without which Excel reads UTF-8 as the system code page and mangles
 * names like "Zoë" or "佐藤".
 */

/**
 * RFC 4180 text of the rows, each record ending in CRLF. Quotes only the fields that need it.
 * @example toCsv([['a', 'b,c'], ['say "hi"', '']]) // 'a,"b,c"\r\n"say ""hi""",\r\n'
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteField).join(',') + '\r\n').join('');
}

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Plain numbers, which a spreadsheet reads as numbers and never as formulas ("-3.5", "+2"). */
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A cell a spreadsheet will show as text, never run as a formula (CSV injection, OWASP): text
 * starting with = + - @ tab CR or LF gets a leading apostrophe. Plain numbers are left alone:
 * follower growth can be negative and "-3.5" is data, not a formula.
 * @example neutraliseCell('=HYPERLINK("http://evil")') // "'=HYPERLINK(\"http://evil\")"
 */
export function neutraliseCell(text: string): string {
  if (!/^[=+\-@\t\r\n]/.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
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
] as const;

function decimal(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(Number(value.toFixed(digits)));
}

export interface ShortlistCsvOptions {
  /** Tiers are derived from the latest follower count with this scheme; without one, the stored tiers. */
  scheme?: TierScheme;
}

/**
 * The shortlist as a CSV file's text: BOM, header, one row per profile in the order given.
 * Every text cell is neutralised against formula injection; names with markup stay literal text.
 */
export function shortlistToCsv(profiles: readonly SavedProfile[], options: ShortlistCsvOptions = {}): string {
  const rows: string[][] = [[...SHORTLIST_CSV_HEADER]];
  for (const profile of profiles) {
    const figures = latestFigures(profile);
    const followers = figures.followers;
    const tier = followers && options.scheme ? tierOf(followers.value, options.scheme) : figures.tier;
    const scheme = options.scheme ?? (figures.scheme ? tierSchemeById(figures.scheme) : undefined);
    const schemeName = options.scheme || figures.scheme !== 'custom' ? scheme?.shortName : 'Custom';
    rows.push([
      PLATFORM_NAMES[profile.platform],
      profile.handle,
      profile.displayName ?? '',
      profile.url,
      tier ? TIER_LABELS[tier] : '',
      tier ? (schemeName ?? '') : '',
      followers ? String(followers.value) : '',
      followers ? (followers.exact ? 'no' : 'yes') : '',
      decimal(figures.engagementPercent, 4),
      figures.basis ? `per ${figures.basis === 'views' ? 'view' : 'follower'}` : '',
      figures.engagementPercent === undefined ? '' : String(figures.sampleSize),
      figures.engagementPercent === undefined ? '' : figures.high ? 'High' : BENCHMARK_WORDS[figures.benchmark],
      decimal(followerGrowth(profile), 1),
      String(profile.history.length),
      profile.savedAt,
      profile.lastSeen,
      profile.tags.join('; '),
      profile.note,
    ]);
  }
  return `\uFEFF${toCsv(rows.map((row) => row.map(neutraliseCell)))}`;
}
