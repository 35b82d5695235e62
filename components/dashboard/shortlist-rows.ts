import type { CountReading } from '@/lib/count';
import type { EngagementBasis } from '@/lib/engagement';
import { PLATFORMS, profileKey, type Platform } from '@/lib/platforms';
import { followerGrowth, latestFigures, type BenchmarkVerdict, type SavedProfile } from '@/lib/shortlist/schema';
import { tierRank, tierVerdict, type Tier, type TierScheme } from '@/lib/tiers';
import type { MessageKey } from '@/lib/i18n';
import { growthAnomalies, inactiveState, profileDecision, type DerivedOptions, type StoredValue } from '@/lib/shortlist/signals-summary';
import type { QuoteCosts } from '@/lib/signals/value';
import type { SignalId } from '@/lib/signals';

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
  /** Indexes in `series` of counts that jumped from the one before (growthAnomalies). */
  anomalies: number[];
  /** From the latest signals summary (issue 16); absent when unknown. */
  postsPerWeek?: number;
  /** Epoch ms of the newest own post; absent when unknown. */
  newestPost?: number;
  /** Some post date was approximate (YouTube's "3 weeks ago"). */
  approximate: boolean;
  /** Signals worth a look but `inactive` (which depends on now: see looksAt). */
  looks: SignalId[];
  /** Some page signal was measured: "none worth a look" can be said. */
  signalsKnown: boolean;
  /** The estimated price of a post. */
  value: StoredValue;
  /** What the quoted price buys; absent without a quote. */
  costs?: QuoteCosts;
  lastSeen: number;
  /** Lower-case handle, name, note and tags for the text filter. */
  search: string;
}

const cache = new WeakMap<SavedProfile, { scheme: TierScheme; options: DerivedOptions | undefined; row: ShortlistRow }>();

/** The row of a profile under a tier scheme (and the signals' CPMs and currency: pass the same object to reuse rows). */
export function toRow(profile: SavedProfile, scheme: TierScheme, options?: DerivedOptions): ShortlistRow {
  const cached = cache.get(profile);
  if (cached && cached.scheme === scheme && cached.options === options) return cached.row;
  const figures = latestFigures(profile);
  const verdict = figures.followers ? tierVerdict(figures.followers, scheme) : undefined;
  const series: number[] = [];
  const seriesAt = new Map<number, number>();
  profile.history.forEach((snapshot, index) => {
    if (!snapshot.followers) return;
    seriesAt.set(index, series.length);
    series.push(snapshot.followers.value);
  });
  // Without a "now": everything but `inactive`, which looksAt adds at the time of showing.
  const decision = profileDecision(profile, figures.followers, Number.NaN, options);
  const newestPost = decision.newestPost === undefined ? undefined : Date.parse(decision.newestPost);
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
    anomalies: growthAnomalies(profile.history).map((index) => seriesAt.get(index)!),
    approximate: decision.approximate,
    looks: decision.looks,
    signalsKnown: decision.known || newestPost !== undefined,
    value: decision.value,
    lastSeen: Date.parse(profile.lastSeen),
    search: [profile.handle, profile.displayName ?? '', profile.note, ...profile.tags].join('\n').toLowerCase(),
  };
  if (decision.postsPerWeek !== undefined) row.postsPerWeek = decision.postsPerWeek;
  if (newestPost !== undefined && Number.isFinite(newestPost)) row.newestPost = newestPost;
  if (decision.costs) row.costs = decision.costs;
  cache.set(profile, { scheme, options, row });
  return row;
}

/** What "now" the signals are judged at, and the inactivity line (default lib/signals DEFAULT_INACTIVE_DAYS). */
export interface SignalsClock {
  now: number;
  inactiveDays?: number;
}

/** The row's signals worth a look at `now`, in SIGNAL_IDS order (inactive first). */
export function looksAt(row: Pick<ShortlistRow, 'looks' | 'newestPost'>, clock: SignalsClock): SignalId[] {
  const newest = row.newestPost === undefined ? undefined : new Date(row.newestPost).toISOString();
  return inactiveState(newest, clock.now, clock.inactiveDays) === 'look' ? ['inactive', ...row.looks] : row.looks;
}

/** How many signals are worth a look, or undefined when that is unknown (no summary stored, and none found). */
export function lookCount(row: Pick<ShortlistRow, 'looks' | 'newestPost' | 'signalsKnown'>, clock: SignalsClock): number | undefined {
  const looks = looksAt(row, clock);
  return looks.length === 0 && !row.signalsKnown ? undefined : looks.length;
}

/** Whether the newest own post is within the inactivity line of `now` (unknown: not active). */
export function activeAt(row: Pick<ShortlistRow, 'newestPost'>, clock: SignalsClock): boolean {
  const newest = row.newestPost === undefined ? undefined : new Date(row.newestPost).toISOString();
  return inactiveState(newest, clock.now, clock.inactiveDays) === 'fine';
}

export const SORT_COLUMNS = [
  'platform',
  'handle',
  'tier',
  'followers',
  'engagement',
  'benchmark',
  'growth',
  'postsPerWeek',
  'newestPost',
  'signals',
  'value',
  'costPerEngagement',
  'tags',
  'lastSeen',
] as const;
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
  postsPerWeek: 'descending',
  newestPost: 'descending',
  signals: 'descending',
  value: 'descending',
  // The cheapest first.
  costPerEngagement: 'ascending',
  tags: 'ascending',
  lastSeen: 'descending',
};

const BENCHMARK_ORDER: Readonly<Record<BenchmarkVerdict, number | undefined>> = { below: 0, typical: 1, above: 2, none: undefined };
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortValue(row: ShortlistRow, column: SortColumn, clock: SignalsClock): number | string | undefined {
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
    case 'postsPerWeek':
      return row.postsPerWeek;
    case 'newestPost':
      return row.newestPost;
    case 'signals':
      return lookCount(row, clock);
    case 'value':
      return row.value.ok ? row.value.value : undefined;
    case 'costPerEngagement':
      return row.costs?.perEngagement?.value;
    case 'tags':
      return row.profile.tags.length > 0 ? row.profile.tags.join(', ') : undefined;
    case 'lastSeen':
      return Number.isFinite(row.lastSeen) ? row.lastSeen : undefined;
  }
}

/** Sorted copy; rows without a value go last either way, ties by handle. `clock`: for the signals column. */
export function sortRows(rows: readonly ShortlistRow[], sort: SortState, clock: SignalsClock = { now: Date.now() }): ShortlistRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.column, clock) }));
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
  /** Only profiles with an own post within the inactivity line (unknown dates: left out). */
  active: boolean;
  /** Only profiles known to have no signal worth a look (unknown: left out). */
  noLooks: boolean;
}

export const NO_FILTER: RowFilter = { platform: 'all', tier: 'all', tag: '', text: '', active: false, noLooks: false };

/** Whether any filter is set. */
export function filtering(filter: RowFilter): boolean {
  return filter.platform !== 'all' || filter.tier !== 'all' || filter.tag !== '' || filter.text.trim() !== '' || filter.active || filter.noLooks;
}

/** The rows the filter lets through, in their order. `clock`: for "active" and "no signals worth a look". */
export function filterRows(rows: readonly ShortlistRow[], filter: RowFilter, clock: SignalsClock = { now: Date.now() }): ShortlistRow[] {
  const text = filter.text.trim().toLowerCase();
  const tag = filter.tag === '' ? undefined : filter.tag.toLowerCase();
  if (!filtering(filter)) return [...rows];
  return rows.filter(
    (row) =>
      (filter.platform === 'all' || row.profile.platform === filter.platform) &&
      (filter.tier === 'all' || row.tier === filter.tier) &&
      (tag === undefined || row.profile.tags.some((candidate) => candidate.toLowerCase() === tag)) &&
      (text === '' || row.search.includes(text)) &&
      (!filter.active || activeAt(row, clock)) &&
      (!filter.noLooks || lookCount(row, clock) === 0),
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
