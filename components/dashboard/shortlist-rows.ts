import type { CountReading } from '@/lib/count';
import type { EngagementBasis } from '@/lib/engagement';
import { PLATFORMS, profileKey, type Platform } from '@/lib/platforms';
import { followerGrowth, latestFigures, type BenchmarkVerdict, type SavedProfile } from '@/lib/shortlist/schema';
import { tierRank, tierVerdict, type Tier, type TierScheme } from '@/lib/tiers';
import type { MessageKey } from '@/lib/i18n';

/*
 * The dashboard table's rows: everything a row shows or sorts by, computed once per profile and
 * scheme (cached by object identity: a profile that didn't change isn't recomputed), so sorting
 * and filtering 5 000 rows compare plain values.
 */

/** Message keys (public/_locales) of each benchmark verdict's words: pass them to t(). */
export const BENCHMARK_WORDS: Readonly<Record<BenchmarkVerdict, MessageKey>> = {
  below: 'verdictBelow',
  typical: 'verdictTypical',
  above: 'verdictAbove',
  none: 'noBenchmark',
};

/** The message key of a row's benchmark words: "High" where the badge and the popup say so. */
export function benchmarkWords(row: Pick<ShortlistRow, 'benchmark' | 'high'>): MessageKey {
  return row.high ? 'verdictHigh' : BENCHMARK_WORDS[row.benchmark];
}

export interface ShortlistRow {
  key: string;
  profile: SavedProfile;
  /** Under the current scheme, from the latest follower count; else the stored tier. */
  tier?: Tier;
  /** The rounded count could be in another tier. */
  borderline: boolean;
  followers?: CountReading;
  engagementPercent?: number;
  basis?: EngagementBasis;
  benchmark: BenchmarkVerdict;
  /** 'above' and over the source's high threshold: "High", as the badge and the popup say. */
  high: boolean;
  /** Percent since the first snapshot with a count. */
  growth?: number;
  /** Follower counts, oldest first, for the sparkline. */
  series: number[];
  lastSeen: number;
  /** Lower-case handle, name, note and tags for the text filter. */
  search: string;
}

const cache = new WeakMap<SavedProfile, { scheme: TierScheme; row: ShortlistRow }>();

/** The row of a profile under a tier scheme. */
export function toRow(profile: SavedProfile, scheme: TierScheme): ShortlistRow {
  const cached = cache.get(profile);
  if (cached && cached.scheme === scheme) return cached.row;
  const figures = latestFigures(profile);
  const verdict = figures.followers ? tierVerdict(figures.followers, scheme) : undefined;
  const series: number[] = [];
  for (const snapshot of profile.history) if (snapshot.followers) series.push(snapshot.followers.value);
  const row: ShortlistRow = {
    key: profileKey(profile.platform, profile.handle),
    profile,
    tier: verdict?.tier ?? figures.tier,
    borderline: verdict?.borderline ?? false,
    followers: figures.followers,
    engagementPercent: figures.engagementPercent,
    basis: figures.basis,
    benchmark: figures.engagementPercent === undefined ? 'none' : figures.benchmark,
    high: figures.engagementPercent !== undefined && figures.high,
    growth: followerGrowth(profile),
    series,
    lastSeen: Date.parse(profile.lastSeen),
    search: [profile.handle, profile.displayName ?? '', profile.note, ...profile.tags].join('\n').toLowerCase(),
  };
  cache.set(profile, { scheme, row });
  return row;
}

export const SORT_COLUMNS = ['platform', 'handle', 'tier', 'followers', 'engagement', 'benchmark', 'growth', 'tags', 'lastSeen'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

/** How the table is sorted when the dashboard opens: last seen, newest first. */
export const DEFAULT_SORT: SortState = { column: 'lastSeen', direction: 'descending' };
export { PAGE_SIZE } from '@/lib/shortlist/first-page';

/** Numbers and dates sort largest first on the first click; words A to Z. */
export const FIRST_DIRECTION: Readonly<Record<SortColumn, SortDirection>> = {
  platform: 'ascending',
  handle: 'ascending',
  tier: 'descending',
  followers: 'descending',
  engagement: 'descending',
  benchmark: 'descending',
  growth: 'descending',
  tags: 'ascending',
  lastSeen: 'descending',
};

const BENCHMARK_ORDER: Readonly<Record<BenchmarkVerdict, number | undefined>> = { below: 0, typical: 1, above: 2, none: undefined };
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortValue(row: ShortlistRow, column: SortColumn): number | string | undefined {
  switch (column) {
    case 'platform':
      return PLATFORMS.indexOf(row.profile.platform);
    case 'handle':
      return row.profile.handle;
    case 'tier':
      return row.tier === undefined ? undefined : tierRank(row.tier);
    case 'followers':
      return row.followers?.value;
    case 'engagement':
      return row.engagementPercent;
    case 'benchmark':
      return row.high ? 3 : BENCHMARK_ORDER[row.benchmark];
    case 'growth':
      return row.growth;
    case 'tags':
      return row.profile.tags.length > 0 ? row.profile.tags.join(', ') : undefined;
    case 'lastSeen':
      return Number.isFinite(row.lastSeen) ? row.lastSeen : undefined;
  }
}

/** Sorted copy; rows without a value go last either way, ties by handle. */
export function sortRows(rows: readonly ShortlistRow[], sort: SortState): ShortlistRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.column) }));
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
    } else if (a.value !== b.value) {
      const order =
        typeof a.value === 'string' || typeof b.value === 'string' ? collator.compare(String(a.value), String(b.value)) : a.value < b.value ? -1 : 1;
      if (order !== 0) return order * sign;
    }
    // Then by handle, then by key: one order whatever order the rows came in (the first page the
    // dashboard stores, lib/shortlist/first-page.ts, must be the full table's first page).
    return collator.compare(a.row.profile.handle, b.row.profile.handle) || (a.row.key < b.row.key ? -1 : a.row.key > b.row.key ? 1 : 0);
  });
  return keyed.map((entry) => entry.row);
}

export interface RowFilter {
  platform: Platform | 'all';
  tier: Tier | 'all';
  /** A tag (any case), or '' for every tag. */
  tag: string;
  text: string;
}

export const NO_FILTER: RowFilter = { platform: 'all', tier: 'all', tag: '', text: '' };

/** The rows the filter lets through, in their order. */
export function filterRows(rows: readonly ShortlistRow[], filter: RowFilter): ShortlistRow[] {
  const text = filter.text.trim().toLowerCase();
  const tag = filter.tag === '' ? undefined : filter.tag.toLowerCase();
  if (filter.platform === 'all' && filter.tier === 'all' && tag === undefined && text === '') return [...rows];
  return rows.filter(
    (row) =>
      (filter.platform === 'all' || row.profile.platform === filter.platform) &&
      (filter.tier === 'all' || row.tier === filter.tier) &&
      (tag === undefined || row.profile.tags.some((candidate) => candidate.toLowerCase() === tag)) &&
      (text === '' || row.search.includes(text)),
  );
}

/** Every tag in use, A to Z, one spelling each. */
export function tagsOf(profiles: readonly SavedProfile[]): string[] {
  const tags = new Map<string, string>();
  for (const profile of profiles) for (const tag of profile.tags) if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
  return [...tags.values()].sort(collator.compare);
}

/** "@maya"; Bluesky DIDs and YouTube channel ids have no "@". */
export function displayHandle(profile: Pick<SavedProfile, 'platform' | 'handle'>): string {
  if (profile.handle.startsWith('did:')) return profile.handle;
  if (profile.platform === 'youtube' && /^UC[A-Za-z0-9_-]{22}$/.test(profile.handle)) return profile.handle;
  return `@${profile.handle}`;
}
