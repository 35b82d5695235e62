import type { CountReading } from './count';
import {
  headlineFormula,
  type EngagementBasis,
  type EngagementFormula,
  type EngagementMethod,
  type EngagementResult,
} from './engagement';
import { PLATFORM_NAMES, type Platform } from './platforms';
import { MIN_SAMPLE_POSTS } from './signals/rules';
import type { ProfileSnapshot } from './sites/types';
import type { MessageCode, MessageKey } from './i18n';
import { messageCode } from './message-code';

/*
 * Published engagement benchmarks by creator size, from /work/shared/research/metrics.md
 * ("Benchmarks by tier"). Figures move year to year and vendor to vendor (Modash's own TikTok
 * bands moved about 6× between 2023 and 2025), so they are dated data with their source, and a
 * comparison is only made like with like: same platform, same formula, same statistic.
 */

/** Bump when any figure below changes; shown next to comparisons and stored with saved profiles. */
export const BENCHMARKS_VERSION = '2025-11';

export interface BenchmarkSource {
  name: string;
  url: string;
  /** Year of the figures: the stated data date, or the year the page was read when it gives none. */
  year: number;
  /** How the source computes its rate, in its own terms: a message key, put in words by the UI. */
  method: MessageKey;
}

/** A follower band with an "average" range; followers from minFollowers (inclusive) to maxFollowers (exclusive). */
export interface BenchmarkBand {
  minFollowers: number;
  /** Absent for the open top band ("over 1 million"). */
  maxFollowers?: number;
  /** The "average" range, in percent. */
  low: number;
  high: number;
  /** The source's "high" threshold: rates above it are high for the band (percent). */
  highThreshold?: number;
}

/** A single published figure for a follower band (no range given). */
export interface BenchmarkPoint {
  minFollowers: number;
  maxFollowers?: number;
  /** Percent; the statistic is the dataset's. */
  value: number;
  /** Where the source also gives the median beside a mean (percent). */
  median?: number;
}

interface DatasetBase {
  id: string;
  platform: Platform;
  source: BenchmarkSource;
  basis: EngagementBasis;
  statistic: 'median' | 'mean' | 'unspecified';
  /** Whose accounts were measured. */
  population: 'creators' | 'brands';
  /**
   * MicroScope's headline formula that measures the same thing, so compare() may use the dataset;
   * absent when none does.
   */
  comparableWith?: EngagementFormula;
  /** How the source's method differs from MicroScope's: a message, shown (through compare()) with every comparison. */
  caveat?: MessageKey;
  notes: readonly string[];
}

export interface BandDataset extends DatasetBase {
  kind: 'bands';
  bands: readonly BenchmarkBand[];
}

export interface PointDataset extends DatasetBase {
  kind: 'points';
  points: readonly BenchmarkPoint[];
}

export type BenchmarkDataset = BandDataset | PointDataset;

// Modash's seven follower columns: 1k-5k … "Over 1 million". A count on an edge belongs to the
// band it starts (1,000,000 is "over 1 million"), as with the tiers in lib/tiers.ts.
const MODASH_EDGES = [1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000] as const;

function modashBands(
  ranges: readonly (readonly [low: number, high: number])[],
  highThresholds?: readonly number[],
): BenchmarkBand[] {
  return ranges.map(([low, high], index) => {
    const band: BenchmarkBand = { minFollowers: MODASH_EDGES[index]!, low, high };
    const max = MODASH_EDGES[index + 1];
    if (max !== undefined) band.maxFollowers = max;
    const threshold = highThresholds?.[index];
    if (threshold !== undefined) band.highThreshold = threshold;
    return band;
  });
}

export const BENCHMARK_DATASETS: readonly BenchmarkDataset[] = [
  {
    id: 'modash-instagram',
    kind: 'bands',
    platform: 'instagram',
    source: {
      name: 'Modash Instagram engagement rate calculator',
      url: 'https://www.modash.io/engagement-rate-calculator',
      year: 2025,
      method: 'benchmarkMethodModashInstagram',
    },
    basis: 'followers',
    statistic: 'median',
    population: 'creators',
    comparableWith: 'likes+comments/followers',
    // "Average" and "High" rows of the calculator's table (72M+ profiles).
    bands: modashBands(
      [
        [3.38, 4.42],
        [1.25, 1.62],
        [0.84, 1.11],
        [0.75, 1.01],
        [0.87, 1.14],
        [0.88, 1.13],
        [1.02, 1.27],
      ],
      [7.97, 3.54, 2.61, 2.47, 2.63, 2.46, 2.6],
    ),
    notes: ['The page is undated: year is when it was read.', 'Modash keeps pinned posts in its sample.'],
  },
  {
    id: 'modash-tiktok-2025-11',
    kind: 'bands',
    platform: 'tiktok',
    source: {
      name: 'Modash TikTok engagement rate calculator',
      url: 'https://www.modash.io/tiktok-engagement-rate-calculator',
      year: 2025,
      method: 'benchmarkMethodModashTiktok',
    },
    basis: 'views',
    statistic: 'median',
    population: 'creators',
    comparableWith: 'likes+comments+shares/views',
    // "Average" and "High" rows, "Data collected from modash.io. November, 2025".
    bands: modashBands(
      [
        [12.06, 14.04],
        [10.5, 11.83],
        [8.38, 9.37],
        [7.22, 8.03],
        [6.66, 7.39],
        [6.19, 6.85],
        [6.2, 6.84],
      ],
      [18.51, 14.59, 11.38, 10.45, 9.56, 8.12, 8.69],
    ),
    caveat: 'benchmarkCaveatModashTiktok',
    notes: ["Modash's TikTok bands moved about 6× between 2023 and 2025."],
  },
  {
    id: 'modash-youtube',
    kind: 'bands',
    platform: 'youtube',
    source: {
      name: 'Modash YouTube engagement rate calculator',
      url: 'https://www.modash.io/youtube-engagement-rate-calculator',
      year: 2025,
      method: 'benchmarkMethodModashYoutube',
    },
    basis: 'views',
    statistic: 'median',
    population: 'creators',
    // Engagements per view; MicroScope's YouTube headline is views per subscriber.
    bands: modashBands([
      [1.47, 2.02],
      [0.59, 0.82],
      [0.36, 0.51],
      [0.23, 0.33],
      [0.19, 0.27],
      [0.16, 0.24],
      [0.13, 0.18],
    ]),
    notes: ['The page is undated: year is when it was read.'],
  },
  {
    id: 'hypeauditor-instagram-2018',
    kind: 'points',
    platform: 'instagram',
    source: {
      name: 'HypeAuditor Instagram engagement rate benchmark (March 2018, ~37,000 accounts)',
      url: 'https://hypeauditor.com/blog/what-is-instagram-engagement-rate-and-how-to-calculate-it/',
      year: 2018,
      method: 'benchmarkMethodMean90Days',
    },
    basis: 'followers',
    statistic: 'mean',
    population: 'creators',
    // Tiers 6…1 of the source's table; metrics.md lists the 1K+ ones.
    points: [
      { minFollowers: 0, maxFollowers: 1_000, value: 10.58, median: 16.99 },
      { minFollowers: 1_000, maxFollowers: 5_000, value: 4.26, median: 6.45 },
      { minFollowers: 5_000, maxFollowers: 20_000, value: 2.28, median: 3.76 },
      { minFollowers: 20_000, maxFollowers: 100_000, value: 1.62, median: 2.63 },
      { minFollowers: 100_000, maxFollowers: 1_000_000, value: 1.55, median: 2.57 },
      { minFollowers: 1_000_000, value: 1.54, median: 2.56 },
    ],
    notes: ['Single figures, not ranges, and from 2018: shown for context, not used for verdicts.'],
  },
  {
    id: 'hypeauditor-instagram-2026',
    kind: 'points',
    platform: 'instagram',
    source: {
      name: 'HypeAuditor State of Influencer Marketing 2026 (via eMarketer)',
      url: 'https://www.emarketer.com/content/smaller-creators-deliver-efficiency-roi-pressure-mounts',
      year: 2026,
      method: 'benchmarkMethodHypeAuditor',
    },
    basis: 'followers',
    statistic: 'unspecified',
    population: 'creators',
    points: [
      { minFollowers: 1_000, maxFollowers: 10_000, value: 1.78 },
      { minFollowers: 10_000, maxFollowers: 50_000, value: 0.54 },
      { minFollowers: 1_000_000, value: 0.33 },
    ],
    notes: ["HypeAuditor's ER formula is its own: not like-for-like with (likes + comments) ÷ followers."],
  },
  {
    id: 'imh-tiktok',
    kind: 'points',
    platform: 'tiktok',
    source: {
      name: 'Influencer Marketing Hub, quoted by Pentos',
      url: 'https://pentos.co/free-tools/user-engagement-rate',
      year: 2025,
      method: 'benchmarkMethodPerFollower',
    },
    basis: 'followers',
    statistic: 'unspecified',
    population: 'creators',
    points: [
      { minFollowers: 0, maxFollowers: 10_000, value: 9.38 },
      { minFollowers: 10_000, maxFollowers: 100_000, value: 8.43 },
      { minFollowers: 100_000, maxFollowers: 500_000, value: 7.23 },
      { minFollowers: 500_000, maxFollowers: 1_000_000, value: 4.88 },
      { minFollowers: 1_000_000, maxFollowers: 5_000_000, value: 4.99 },
    ],
    notes: [
      'Second-hand and undated: year is when the quoting page was read.',
      "Engagements per follower, not views per follower: not like-for-like with TikTok's view rate.",
    ],
  },
  {
    id: 'rivaliq-x-brands-2023',
    kind: 'points',
    platform: 'x',
    source: {
      name: 'Rival IQ Social Media Industry Benchmark Report 2023',
      url: 'https://www.rivaliq.com/blog/social-media-industry-benchmark-report/',
      year: 2023,
      method: 'benchmarkMethodRivalIq',
    },
    basis: 'followers',
    statistic: 'median',
    population: 'brands',
    points: [{ minFollowers: 0, value: 0.035 }],
    notes: ['Brand accounts across all sizes: not a creator-tier benchmark.'],
  },
];

export function benchmarkDatasetById(id: string): BenchmarkDataset | undefined {
  return BENCHMARK_DATASETS.find((dataset) => dataset.id === id);
}

export type ComparisonVerdict = 'below' | 'typical' | 'above';

export interface BenchmarkComparison {
  /** below: under the band's average range; typical: within it (edges included); above: over it. */
  verdict: ComparisonVerdict;
  /** Above the source's "high" threshold too (false when the source gives none). */
  aboveHighThreshold: boolean;
  band: BenchmarkBand;
  source: BenchmarkSource;
  datasetId: string;
  version: string;
  /** A difference of method worth a footnote, or a follower count on a band edge. */
  caveats: MessageCode[];
}

export interface NoComparison {
  verdict: 'none';
  /** Why no benchmark applies, for the UI to put in words (components/words/message.ts). */
  reason: MessageCode;
}

export type BenchmarkResult = BenchmarkComparison | NoComparison;

export interface CompareOptions {
  /** The headline formula; defaults to the one engagementRate uses for the platform and basis. */
  formula?: EngagementFormula;
  /** The statistic of the rate; when given it must match the dataset's (mean rates aren't compared with medians). */
  method?: EngagementMethod;
}

/** Why a formula has nothing like-for-like to compare with. Only stated facts (metrics.md). */
// Why a formula has no benchmark on a platform: message keys, returned by compare() for the UI to write.
const NO_BENCHMARK: Readonly<Partial<Record<EngagementFormula, Partial<Record<Platform, MessageKey>>>>> = {
  'views/followers': {
    tiktok: 'benchmarkNoneTiktokViews',
  },
  'views/subscribers': {
    youtube: 'benchmarkNoneYoutubeViews',
  },
  'replies+reposts+likes/followers': {
    x: 'benchmarkNoneX',
    bluesky: 'benchmarkNoneBluesky',
    threads: 'benchmarkNoneThreads',
  },
};

function bandFor(bands: readonly BenchmarkBand[], followers: number): BenchmarkBand | undefined {
  return bands.find(
    (band) => followers >= band.minFollowers && (band.maxFollowers === undefined || followers < band.maxFollowers),
  );
}

/** A band's follower range as a message. @example bandMessage(band) // words: "10K–50K followers" */
export function bandMessage(band: Pick<BenchmarkBand, 'minFollowers' | 'maxFollowers'>): MessageCode {
  const from = { number: band.minFollowers, as: 'followers' } as const;
  return band.maxFollowers === undefined
    ? messageCode('bandFrom', from)
    : messageCode('bandBetween', from, { number: band.maxFollowers, as: 'followers' });
}

/**
 * Places an engagement rate (percent) against the published band for the profile's size, like
 * with like only; otherwise says why not.
 * @example compare(1.0, 'instagram', 20_000, 'followers') // { verdict: 'typical', band: 10K–50K, source: Modash… }
 */
export function compare(
  rate: number,
  platform: Platform,
  followers: number,
  basis: EngagementBasis,
  options: CompareOptions = {},
): BenchmarkResult {
  if (!Number.isFinite(rate) || rate < 0) return { verdict: 'none', reason: messageCode('benchmarkNoRate') };

  const formula = options.formula ?? headlineFormula(platform, basis);
  if (formula === undefined) {
    return {
      verdict: 'none',
      reason: messageCode(basis === 'views' ? 'benchmarkNoFormulaViews' : 'benchmarkNoFormulaFollowers', PLATFORM_NAMES[platform]),
    };
  }
  const dataset = BENCHMARK_DATASETS.find(
    (candidate): candidate is BandDataset =>
      candidate.kind === 'bands' &&
      candidate.platform === platform &&
      candidate.basis === basis &&
      candidate.comparableWith === formula,
  );
  if (!dataset) {
    const noBenchmark = NO_BENCHMARK[formula]?.[platform];
    return {
      verdict: 'none',
      reason:
        noBenchmark === undefined ? messageCode('benchmarkNoDataset', PLATFORM_NAMES[platform]) : messageCode(noBenchmark),
    };
  }
  if (options.method !== undefined && dataset.statistic !== options.method) {
    return {
      verdict: 'none',
      reason: messageCode(dataset.statistic === 'median' ? 'benchmarkNeedsMedian' : 'benchmarkNeedsMean', dataset.source.name),
    };
  }
  if (!Number.isFinite(followers) || followers < 0) {
    return { verdict: 'none', reason: messageCode('benchmarkFollowersUnknown') };
  }
  const band = bandFor(dataset.bands, followers);
  if (!band) {
    const first = Math.min(...dataset.bands.map((candidate) => candidate.minFollowers));
    return {
      verdict: 'none',
      reason:
        followers < first
          ? messageCode('benchmarkBelowFirstBand', { number: first, as: 'integer' }, { number: followers, as: 'integer' })
          : messageCode('benchmarkNoBand'),
    };
  }

  const verdict: ComparisonVerdict = rate < band.low ? 'below' : rate > band.high ? 'above' : 'typical';
  return {
    verdict,
    aboveHighThreshold: band.highThreshold !== undefined && rate > band.highThreshold,
    band,
    source: dataset.source,
    datasetId: dataset.id,
    version: BENCHMARKS_VERSION,
    caveats: dataset.caveat === undefined ? [] : [messageCode(dataset.caveat)],
  };
}

/**
 * compare() for an engagementRate result and its snapshot: uses the result's formula and method,
 * and adds a caveat when a rounded follower count could fall in a neighbouring band.
 */
export function compareEngagement(result: EngagementResult, snapshot: ProfileSnapshot): BenchmarkResult {
  if (!result.ok) return { verdict: 'none', reason: result.message };
  // A rate from a post or two says little about an audience (a single hovered tile was once
  // "above average"): no verdict below the signals' minimum sample (lib/signals/rules.ts).
  if (result.sampleSize < MIN_SAMPLE_POSTS) return { verdict: 'none', reason: messageCode('benchmarkFewPosts', result.sampleSize, MIN_SAMPLE_POSTS) };
  const followers: CountReading | undefined = snapshot.followers;
  const count = followers?.value ?? Number.NaN;
  const comparison = compare(result.percent, snapshot.platform, count, result.basis, {
    formula: result.formula,
    method: result.method,
  });
  if (comparison.verdict === 'none' || !followers || followers.exact) return comparison;
  const { minFollowers, maxFollowers } = comparison.band;
  if (followers.min < minFollowers || (maxFollowers !== undefined && followers.max >= maxFollowers)) {
    return {
      ...comparison,
      caveats: [
        ...comparison.caveats,
        messageCode('benchmarkRoundedCaveat', bandMessage(comparison.band)),
      ],
    };
  }
  return comparison;
}
