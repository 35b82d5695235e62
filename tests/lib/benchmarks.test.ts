import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_DATASETS,
  BENCHMARKS_VERSION,
  bandMessage,
  benchmarkDatasetById,
  compare,
  compareEngagement,
  type BenchmarkComparison,
  type BenchmarkResult,
} from '@/lib/benchmarks';
import type { CountReading } from '@/lib/count';
import type { MessageCode } from '@/lib/i18n';
import { engagementRate } from '@/lib/engagement';
import type { PostCounts, ProfileSnapshot } from '@/lib/sites/types';

const exact = (n: number): CountReading => ({ value: n, exact: true, min: n, max: n });
const rounded = (n: number, min: number, max: number): CountReading => ({ value: n, exact: false, min, max });

function compared(result: BenchmarkResult): BenchmarkComparison {
  if (result.verdict === 'none') throw new Error(`expected a comparison, got: ${JSON.stringify(result.reason)}`);
  return result;
}

describe('data', () => {
  it('is versioned', () => {
    expect(BENCHMARKS_VERSION).toMatch(/^\d{4}-\d{2}$/);
  });

  it.each(BENCHMARK_DATASETS.map((dataset) => [dataset.id, dataset] as const))(
    '%s names its source and has ordered, non-overlapping bands',
    (_id, dataset) => {
      expect(dataset.source.name).not.toBe('');
      expect(dataset.source.url).toMatch(/^https:\/\//);
      expect(dataset.source.year).toBeGreaterThanOrEqual(2018);
      expect(dataset.source.method).not.toBe('');
      const bands = dataset.kind === 'bands' ? dataset.bands : dataset.points;
      bands.forEach((band, index) => {
        if (band.maxFollowers !== undefined) expect(band.maxFollowers).toBeGreaterThan(band.minFollowers);
        const next = bands[index + 1];
        if (next) expect(next.minFollowers).toBeGreaterThanOrEqual(band.maxFollowers ?? Number.POSITIVE_INFINITY);
      });
      if (dataset.kind === 'bands') {
        for (const band of dataset.bands) {
          expect(band.low).toBeLessThanOrEqual(band.high);
          if (band.highThreshold !== undefined) expect(band.highThreshold).toBeGreaterThanOrEqual(band.high);
        }
      }
    },
  );

  it('holds the Modash bands of metrics.md', () => {
    const instagram = benchmarkDatasetById('modash-instagram');
    expect(instagram?.kind === 'bands' && instagram.bands[0]).toEqual({
      minFollowers: 1_000,
      maxFollowers: 5_000,
      low: 3.38,
      high: 4.42,
      highThreshold: 7.97,
    });
    expect(instagram?.kind === 'bands' && instagram.bands[6]).toEqual({
      minFollowers: 1_000_000,
      low: 1.02,
      high: 1.27,
      highThreshold: 2.6,
    });
    const tiktok = benchmarkDatasetById('modash-tiktok-2025-11');
    expect(tiktok?.kind === 'bands' && tiktok.bands.map((band) => [band.low, band.high])).toEqual([
      [12.06, 14.04],
      [10.5, 11.83],
      [8.38, 9.37],
      [7.22, 8.03],
      [6.66, 7.39],
      [6.19, 6.85],
      [6.2, 6.84],
    ]);
  });

  // The words ("10K–50K followers") are made by components/words/benchmarks.ts bandLabel.
  it.each([
    [{ minFollowers: 10_000, maxFollowers: 50_000 }, { key: 'bandBetween', args: [{ number: 10_000, as: 'followers' }, { number: 50_000, as: 'followers' }] }],
    [{ minFollowers: 1_000_000 }, { key: 'bandFrom', args: [{ number: 1_000_000, as: 'followers' }] }],
  ])('bandMessage(%o) → %o', (band, message) => {
    expect(bandMessage(band)).toEqual(message);
  });
});

describe('Instagram: median (likes + comments) ÷ followers against Modash', () => {
  it.each<[number, number, { minFollowers: number; maxFollowers?: number }, 'below' | 'typical' | 'above', boolean]>([
    // rate %, followers, band, verdict, above the "high" threshold
    [3.3799, 1_000, { minFollowers: 1_000, maxFollowers: 5_000 }, 'below', false],
    [3.38, 1_000, { minFollowers: 1_000, maxFollowers: 5_000 }, 'typical', false],
    [4.42, 4_999, { minFollowers: 1_000, maxFollowers: 5_000 }, 'typical', false],
    [4.4201, 4_999, { minFollowers: 1_000, maxFollowers: 5_000 }, 'above', false],
    [7.97, 2_000, { minFollowers: 1_000, maxFollowers: 5_000 }, 'above', false],
    [7.98, 2_000, { minFollowers: 1_000, maxFollowers: 5_000 }, 'above', true],
    [3.38, 5_000, { minFollowers: 5_000, maxFollowers: 10_000 }, 'above', false],
    [1.25, 9_999, { minFollowers: 5_000, maxFollowers: 10_000 }, 'typical', false],
    [1.0, 10_000, { minFollowers: 10_000, maxFollowers: 50_000 }, 'typical', false],
    [0.8, 49_999, { minFollowers: 10_000, maxFollowers: 50_000 }, 'below', false],
    [0.8, 50_000, { minFollowers: 50_000, maxFollowers: 100_000 }, 'typical', false],
    [0.87, 100_000, { minFollowers: 100_000, maxFollowers: 500_000 }, 'typical', false],
    [0.87, 999_999, { minFollowers: 500_000, maxFollowers: 1_000_000 }, 'below', false],
    [1.02, 1_000_000, { minFollowers: 1_000_000 }, 'typical', false],
    [0, 250_000_000, { minFollowers: 1_000_000 }, 'below', false],
  ])('%d%% at %d followers → %o: %s', (rate, followers, band, verdict, aboveHigh) => {
    const result = compared(compare(rate, 'instagram', followers, 'followers'));
    expect(result.band).toMatchObject(band);
    expect(result.verdict).toBe(verdict);
    expect(result.aboveHighThreshold).toBe(aboveHigh);
    expect(result.source.name).toBe('Modash Instagram engagement rate calculator');
    expect(result.source.url).toBe('https://www.modash.io/engagement-rate-calculator');
    expect(result.datasetId).toBe('modash-instagram');
    expect(result.version).toBe(BENCHMARKS_VERSION);
    expect(result.caveats).toEqual([]);
  });
});

describe('TikTok: (likes + comments + shares) ÷ views against Modash, November 2025', () => {
  it.each<[number, number, { minFollowers: number; maxFollowers?: number }, 'below' | 'typical' | 'above']>([
    [12.05, 1_000, { minFollowers: 1_000, maxFollowers: 5_000 }, 'below'],
    [12.06, 4_999, { minFollowers: 1_000, maxFollowers: 5_000 }, 'typical'],
    [14.05, 4_999, { minFollowers: 1_000, maxFollowers: 5_000 }, 'above'],
    [10.5, 5_000, { minFollowers: 5_000, maxFollowers: 10_000 }, 'typical'],
    [9.0, 10_000, { minFollowers: 10_000, maxFollowers: 50_000 }, 'typical'],
    [6.2, 1_000_000, { minFollowers: 1_000_000 }, 'typical'],
    [6.19, 1_000_000, { minFollowers: 1_000_000 }, 'below'],
  ])('%d%% at %d followers → %o: %s', (rate, followers, band, verdict) => {
    const result = compared(compare(rate, 'tiktok', followers, 'views'));
    expect(result.band).toMatchObject(band);
    expect(result.verdict).toBe(verdict);
    expect(result.source).toMatchObject({ year: 2025, url: 'https://www.modash.io/tiktok-engagement-rate-calculator' });
    expect(result.caveats).toEqual([{ key: 'benchmarkCaveatModashTiktok' }]);
  });

  it('flags a rate over the "high" line', () => {
    expect(compared(compare(18.52, 'tiktok', 3_000, 'views')).aboveHighThreshold).toBe(true);
    expect(compared(compare(18.51, 'tiktok', 3_000, 'views')).aboveHighThreshold).toBe(false);
  });
});

describe('refusals: only like with like', () => {
  // The words are checked in tests/components/words/benchmarks.test.ts.
  it.each<[string, Parameters<typeof compare>, MessageCode]>([
    ['TikTok view rate', [50, 'tiktok', 20_000, 'followers'], { key: 'benchmarkNoneTiktokViews' }],
    ['YouTube views per subscriber', [30, 'youtube', 20_000, 'followers'], { key: 'benchmarkNoneYoutubeViews' }],
    ['X', [1, 'x', 20_000, 'followers'], { key: 'benchmarkNoneX' }],
    ['Bluesky', [1, 'bluesky', 20_000, 'followers'], { key: 'benchmarkNoneBluesky' }],
    ['Threads', [1, 'threads', 20_000, 'followers'], { key: 'benchmarkNoneThreads' }],
    ['Instagram by views', [1, 'instagram', 20_000, 'views'], { key: 'benchmarkNoFormulaViews', args: ['Instagram'] }],
    ['YouTube by views', [1, 'youtube', 20_000, 'views'], { key: 'benchmarkNoFormulaViews', args: ['YouTube'] }],
    ['a mean rate against median bands', [1, 'instagram', 20_000, 'followers', { method: 'mean' }], { key: 'benchmarkNeedsMedian', args: ['Modash Instagram engagement rate calculator'] }],
    ['followers below 1K', [5, 'instagram', 999, 'followers'], { key: 'benchmarkBelowFirstBand', args: [{ number: 1_000, as: 'integer' }, { number: 999, as: 'integer' }] }],
    ['followers below 1K on TikTok', [5, 'tiktok', 0, 'views'], { key: 'benchmarkBelowFirstBand', args: [{ number: 1_000, as: 'integer' }, { number: 0, as: 'integer' }] }],
    ['unknown followers', [5, 'instagram', Number.NaN, 'followers'], { key: 'benchmarkFollowersUnknown' }],
    ['no rate', [Number.NaN, 'instagram', 20_000, 'followers'], { key: 'benchmarkNoRate' }],
    ['negative rate', [-1, 'instagram', 20_000, 'followers'], { key: 'benchmarkNoRate' }],
  ])('%s → none', (_title, args, reason) => {
    expect(compare(...args)).toEqual({ verdict: 'none', reason });
  });

  it('X with under 1K followers still says there is no X benchmark', () => {
    expect(compare(1, 'x', 500, 'followers')).toEqual({ verdict: 'none', reason: { key: 'benchmarkNoneX' } });
  });

  it('a median rate with an explicit formula compares as usual', () => {
    const result = compare(1, 'instagram', 20_000, 'followers', { method: 'median', formula: 'likes+comments/followers' });
    expect(result.verdict).toBe('typical');
  });
});

describe('compareEngagement', () => {
  const posts = (likes: number[]): PostCounts[] => likes.map((count, index) => ({ id: `p${index}`, likes: exact(count) }));
  const snapshot = (followers: CountReading | undefined, likes: number[]): ProfileSnapshot => ({
    platform: 'instagram',
    handle: 'h',
    locale: 'en',
    followers,
    posts: posts(likes),
    notes: [],
  });

  it('compares a computed rate with its own formula and method', () => {
    const profile = snapshot(exact(20_000), [200, 220, 180, 200, 200]);
    const result = compareEngagement(engagementRate(profile), profile);
    expect(result.verdict).toBe('typical'); // median 200 ÷ 20,000 = 1%
    expect(compared(result)).toMatchObject({ band: { minFollowers: 10_000, maxFollowers: 50_000 }, datasetId: 'modash-instagram' });
  });

  it.each([
    [1, 'none'],
    [4, 'none'],
    [5, 'typical'],
  ])('a rate from %i own posts: %s (no verdict below the minimum sample of 5)', (count, verdict) => {
    const profile = snapshot(exact(20_000), Array.from({ length: count }, () => 200));
    const result = compareEngagement(engagementRate(profile), profile);
    expect(result.verdict).toBe(verdict);
    if (result.verdict === 'none') {
      expect(result.reason).toEqual({ key: 'benchmarkFewPosts', args: [count, 5] });
    }
  });

  it('refuses a mean rate', () => {
    const profile = snapshot(exact(20_000), [200, 200, 200, 200, 200]);
    const result = compareEngagement(engagementRate(profile, { method: 'mean' }), profile);
    expect(result.verdict).toBe('none');
  });

  it('passes on why the rate is unknown', () => {
    const profile = snapshot(undefined, [200]);
    expect(compareEngagement(engagementRate(profile), profile)).toEqual({
      verdict: 'none',
      reason: { key: 'failFollowersNotFound' },
    });
  });

  it('notes a rounded follower count on a band edge', () => {
    const profile = snapshot(rounded(10_000, 9_500, 10_499), [100, 100, 100, 100, 100]);
    const result = compared(compareEngagement(engagementRate(profile), profile));
    expect(result.band).toMatchObject({ minFollowers: 10_000, maxFollowers: 50_000 });
    expect(result.caveats).toEqual([{ key: 'benchmarkRoundedCaveat', args: [bandMessage(result.band)] }]);
  });

  it('no note when the rounded count stays inside the band', () => {
    const profile = snapshot(rounded(20_000, 19_500, 20_499), [200, 200, 200, 200, 200]);
    expect(compared(compareEngagement(engagementRate(profile), profile)).caveats).toEqual([]);
  });
});
