import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountReading } from '@/lib/count';
import { DEFAULT_CPMS, IMPRESSIONS_PER_LIKE, quoteCosts, valueEstimate } from '@/lib/signals/value';
import type { PostCounts } from '@/lib/sites/types';

const exact = (n: number): CountReading => ({ value: n, exact: true, min: n, max: n });
const rounded = (n: number, min: number, max: number): CountReading => ({ value: n, exact: false, min, max });
const videos = (views: readonly CountReading[]): PostCounts[] => views.map((reading, i) => ({ id: String(i), views: reading }));

describe('defaults', () => {
  it.each([
    ['instagram', 10],
    ['tiktok', 5],
    ['youtube', 20],
  ] as const)('%s CPM $%d per 1,000 views (MightyScout EMV)', (platform, cpm) => {
    expect(DEFAULT_CPMS[platform]).toEqual({ perThousand: cpm, source: 'https://mightyscout.com/blog/earned-media-value-rebuilt' });
  });

  it.each(['x', 'bluesky', 'threads'] as const)('%s has no published CPM: no estimate unless the user sets one', (platform) => {
    expect(valueEstimate(videos([1, 2, 3, 4, 5].map(exact)), platform)).toEqual({ ok: false, reason: 'no-cpm' });
    expect(valueEstimate(videos([1, 2, 3, 4, 5].map(exact)), platform, { cpm: 4 }).ok).toBe(true);
  });
});

describe('valueEstimate', () => {
  it('100K median views at $20 CPM = $2,000 a post (influencerfee.com, ampfluence)', () => {
    const estimate = valueEstimate(videos([50_000, 80_000, 100_000, 120_000, 400_000].map(exact)), 'youtube');
    expect(estimate).toEqual({
      ok: true,
      currency: 'USD',
      cpm: 20,
      impressions: 'views',
      sample: 5,
      impressionsPerPost: { value: 100_000 },
      postPrice: { value: 2_000 },
      // (50 + 80 + 100 + 120 + 400) K views × $20 ÷ 1,000
      earnedMediaValue: { value: 15_000 },
    });
  });

  it('likes × 10 stand in for impressions where views are not shown (Lefty 2428604)', () => {
    const posts = [100, 200, 300, 400, 500].map((likes, i) => ({ id: String(i), likes: exact(likes) }));
    const estimate = valueEstimate(posts, 'instagram', { currency: 'EUR' });
    expect(estimate.ok && estimate.impressions).toBe('likes-proxy');
    expect(estimate.ok && estimate.currency).toBe('EUR');
    expect(estimate.ok && estimate.impressionsPerPost.value).toBe(300 * IMPRESSIONS_PER_LIKE);
    expect(estimate.ok && estimate.postPrice.value).toBe(30);
  });

  it("rounded views give a range from each count's min and max", () => {
    const estimate = valueEstimate(videos(Array.from({ length: 5 }, () => rounded(192_100, 192_050, 192_149))), 'tiktok');
    expect(estimate.ok && estimate.postPrice.value).toBeCloseTo(960.5, 9);
    expect(estimate.ok && estimate.postPrice.range?.low).toBeCloseTo(960.25, 9);
    expect(estimate.ok && estimate.postPrice.range?.high).toBeCloseTo(960.745, 9);
  });

  it.each([
    ['four videos', videos([1, 2, 3, 4].map(exact)), 'too-few-posts'],
    ['likes hidden, no views', [1, 2, 3, 4, 5].map((i) => ({ id: String(i), likes: exact(3), likesHidden: true })), 'likes-hidden'],
    ['neither views nor likes', [1, 2, 3, 4, 5].map((i) => ({ id: String(i), comments: exact(3) })), 'no-views'],
  ])('%s → %s', (_title, posts, reason) => {
    expect(valueEstimate(posts, 'instagram')).toEqual({ ok: false, reason });
  });

  it('a nonsense CPM is no CPM', () => {
    expect(valueEstimate(videos([1, 2, 3, 4, 5].map(exact)), 'youtube', { cpm: Number.NaN })).toEqual({ ok: false, reason: 'no-cpm' });
    expect(valueEstimate(videos([1, 2, 3, 4, 5].map(exact)), 'youtube', { cpm: -1 })).toEqual({ ok: false, reason: 'no-cpm' });
  });
});

describe('quoteCosts', () => {
  const posts: PostCounts[] = [10, 20, 30, 40, 50].map((k, i) => ({
    id: String(i),
    likes: exact(k * 90),
    comments: exact(k * 10),
    views: exact(k * 1000),
  }));

  it('cost per engagement, per 1,000 views and per 1,000 followers', () => {
    expect(quoteCosts(600, posts, exact(200_000))).toEqual({
      currency: 'USD',
      // median engagements 3,000 per post
      perEngagement: { value: 0.2 },
      // median views 30,000
      perThousandViews: { value: 20 },
      perThousandFollowers: { value: 3 },
    });
  });

  it('a rounded follower count gives a range (the larger count is the lower cost)', () => {
    expect(quoteCosts(100, [], rounded(100_000, 50_000, 200_000)).perThousandFollowers).toEqual({
      value: 1,
      range: { low: 0.5, high: 2 },
    });
  });

  it('below the minimum sample (5 posts showing the count, as valueEstimate) no cost per engagement or per view; per follower still', () => {
    const four = posts.slice(0, 4);
    expect(quoteCosts(600, four, exact(200_000))).toEqual({ currency: 'USD', perThousandFollowers: { value: 3 } });
    // Five posts, views on four of them: engagement known, views not.
    const fewViews = posts.map((post, i) => (i === 0 ? { ...post, views: undefined } : post));
    expect(Object.keys(quoteCosts(600, fewViews, exact(200_000))).sort()).toEqual(['currency', 'perEngagement', 'perThousandFollowers']);
  });

  it('leaves out what it cannot divide by', () => {
    expect(quoteCosts(100, [], undefined, 'GBP')).toEqual({ currency: 'GBP' });
    expect(quoteCosts(100, videos([exact(0)]), exact(0))).toEqual({ currency: 'USD' });
    expect(quoteCosts(Number.NaN, posts, exact(1))).toEqual({ currency: 'USD' });
  });

  it('never yields NaN or Infinity (property)', () => {
    const reading = fc.oneof(
      fc.nat({ max: 1e9 }).map(exact),
      fc.tuple(fc.nat({ max: 1e9 }), fc.nat({ max: 1e6 })).map(([v, s]) => rounded(v, Math.max(0, v - s), v + s)),
    );
    const post = fc.record({ likes: reading, comments: reading, views: reading, likesHidden: fc.boolean() }, { requiredKeys: [] });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.array(post, { maxLength: 12 }),
        fc.option(reading, { nil: undefined }),
        fc.constantFrom('instagram' as const, 'tiktok' as const, 'youtube' as const),
        (price, list, followers, platform) => {
          const withIds = list.map((p, i) => ({ ...p, id: String(i) }));
          const figures = [quoteCosts(price, withIds, followers), valueEstimate(withIds, platform)];
          JSON.stringify(figures, (_key, value: unknown) => {
            if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
            return value;
          });
          // A range always holds its value.
          for (const figure of figures) {
            JSON.stringify(figure, (_key, value: unknown) => {
              const estimate = value as { value?: number; range?: { low: number; high: number } } | null;
              if (estimate && typeof estimate === 'object' && estimate.range && typeof estimate.value === 'number') {
                expect(estimate.range.low).toBeLessThanOrEqual(estimate.value * (1 + 1e-9) + 1e-9);
                expect(estimate.range.high).toBeGreaterThanOrEqual(estimate.value * (1 - 1e-9) - 1e-9);
              }
              return value;
            });
          }
        },
      ),
    );
  });
});
