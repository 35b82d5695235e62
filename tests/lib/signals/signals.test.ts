import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountReading } from '@/lib/count';
import { engagementRate } from '@/lib/engagement';
import type { SavedSnapshot } from '@/lib/shortlist/schema';
import {
  activityOf,
  commentDensity,
  followingRatio,
  growthSpike,
  inactive,
  lowEngagement,
  MIN_SAMPLE_POSTS,
  ownPosts,
  reach,
  SIGNAL_IDS,
  SIGNAL_RULES,
  signalRule,
  signalsOf,
  uniformLikes,
  viewsLikes,
  viralDependence,
  type RuleId,
  type Signal,
} from '@/lib/signals';
import type { PostCounts } from '@/lib/sites/types';

const exact = (n: number): CountReading => ({ value: n, exact: true, min: n, max: n });
const rounded = (n: number, min: number, max: number): CountReading => ({ value: n, exact: false, min, max });
const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;

/** Posts with these likes (and comments / views where given), ids 1, 2, 3… */
function posts(likes: readonly number[], extra: (index: number) => Partial<PostCounts> = () => ({})): PostCounts[] {
  return likes.map((count, index) => ({ id: String(index + 1), likes: exact(count), ...extra(index) }));
}

/** `n` videos whose tiles show views and nothing else (TikTok's and YouTube's grids). */
function viewsOnly(n: number): PostCounts[] {
  return Array.from({ length: n }, (_, index) => ({ id: String(index + 1), views: exact(1000 * (index + 1)) }));
}

/** The state and the value or reason, for one-line expectations. */
function summary(signal: Signal<string>): string {
  return signal.state === 'unknown' ? `unknown:${signal.reason}` : `${signal.state}:${signal.rule}`;
}

const ALL_RULE_IDS: RuleId[] = [
  'inactive',
  'low-engagement',
  'comment-density-low',
  'comment-density-high',
  'uniform-likes',
  'viral-dependence',
  'views-likes-high',
  'reach',
  'mass-following',
  'growth-rate',
  'growth-round-jump',
  'growth-falling-engagement',
];

describe('SIGNAL_RULES', () => {
  it('has exactly one row per rule id', () => {
    expect(SIGNAL_RULES.map((rule) => rule.id).sort()).toEqual([...ALL_RULE_IDS].sort());
  });

  it.each(SIGNAL_RULES.map((rule) => [rule.id, rule] as const))('%s names a source, a date and a sample', (_id, rule) => {
    expect(rule.source).toMatch(/https:\/\//);
    expect(rule.sourceDate).toMatch(/^\d{4}-\d{2}$/);
    expect(rule.minSample).toBeGreaterThanOrEqual(0);
    if (rule.direction !== 'none' && rule.id !== 'low-engagement' && rule.id !== 'growth-round-jump') {
      expect(rule.threshold).toBeDefined();
    }
  });

  it('MIN_SAMPLE_POSTS is about five posts', () => {
    expect(MIN_SAMPLE_POSTS).toBe(5);
  });
});

describe('comment-density: median of per-post comments per 100 likes (buzzguru 2–5; HypeAuditor 2541185)', () => {
  it.each([
    ['3 per 100 likes on every post: healthy (buzzguru)', posts([100, 200, 300, 400, 500], (i) => ({ comments: exact(3 * (i + 1)) })), 'fine:comment-density-low', 3],
    ['1 per 100: below 2, bought likes? (buzzguru "far below")', posts([100, 200, 300, 400, 500], (i) => ({ comments: exact(i + 1) })), 'look:comment-density-low', 1],
    ['12 per 100: above 5, pods or giveaways (HypeAuditor comment authenticity)', posts([100, 100, 100, 100, 100], () => ({ comments: exact(12) })), 'look:comment-density-high', 12],
    ['one giveaway post does not move the median', posts([100, 100, 100, 100, 100], (i) => ({ comments: exact(i === 0 ? 900 : 3) })), 'fine:comment-density-low', 3],
    ['X replies stand in for comments', posts([100, 100, 100, 100, 100], () => ({ replies: exact(4) })), 'fine:comment-density-low', 4],
  ])('%s', (_title, sample, expected, value) => {
    const signal = commentDensity(sample);
    expect(summary(signal)).toBe(expected);
    expect(signal.state !== 'unknown' && signal.value).toBe(value);
  });

  it.each([
    ['four posts', posts([100, 100, 100, 100], () => ({ comments: exact(3) })), 'unknown:too-few-posts'],
    ['likes hidden on every post', posts([5, 5, 5, 5, 5], () => ({ likesHidden: true, comments: exact(3) })), 'unknown:likes-hidden'],
    ['comments never shown', posts([100, 100, 100, 100, 100]), 'unknown:no-comments'],
    ['likes never shown', [1, 2, 3, 4, 5].map((i) => ({ id: String(i), comments: exact(3) })), 'unknown:no-likes'],
  ])('%s → %s', (_title, sample, expected) => {
    expect(summary(commentDensity(sample))).toBe(expected);
  });
});

describe('uniform-likes: coefficient of variation of exact likes, ≥ 8 posts (Traackr 3102716; writefulcopy)', () => {
  it.each([
    ['1000 ± 1 on 8 posts: near-uniform, look (Traackr)', posts([1000, 1001, 999, 1000, 1001, 999, 1000, 1000]), 'look:uniform-likes'],
    ['an uneven real audience (Traackr)', posts([120, 800, 300, 90, 2000, 450, 60, 310]), 'fine:uniform-likes'],
    ['seven posts', posts([1000, 1000, 1000, 1000, 1000, 1000, 1000]), 'unknown:too-few-posts'],
    ['eight rounded "1.2K": rounding makes anything look uniform', Array.from({ length: 8 }, (_, i) => ({ id: String(i), likes: rounded(1200, 1150, 1249) })), 'unknown:counts-rounded'],
    ['likes hidden', posts([3, 3, 3, 3, 3, 3, 3, 3], () => ({ likesHidden: true })), 'unknown:likes-hidden'],
    ['all zero', posts([0, 0, 0, 0, 0, 0, 0, 0]), 'unknown:no-engagement'],
  ])('%s → %s', (_title, sample, expected) => {
    expect(summary(uniformLikes(sample))).toBe(expected);
  });
});

describe('viral-dependence: mean ÷ median engagements, ≥ 5 posts (trendHERO)', () => {
  it.each([
    ["trendHERO's own example 100, 200, 200, 300, 1000: 1.8", [100, 200, 200, 300, 1000], 'fine:viral-dependence', 1.8],
    ['one post carries the account: 100 ×4 + 5000 → 10.8', [100, 100, 100, 100, 5000], 'look:viral-dependence', 10.8],
    ['even posts: 1', [200, 200, 200, 200, 200], 'fine:viral-dependence', 1],
  ])('%s', (_title, likes, expected, value) => {
    const signal = viralDependence(posts(likes));
    expect(summary(signal)).toBe(expected);
    expect(signal.state !== 'unknown' && signal.value).toBeCloseTo(value, 10);
  });

  it.each([
    ['four posts', posts([1, 2, 3, 4]), 'unknown:too-few-posts'],
    ['median 0', posts([0, 0, 0, 5, 9]), 'unknown:no-engagement'],
    // TikTok's and YouTube's grids: twelve videos with their views, no like or comment counts.
    ['12 videos showing views only: the page shows no likes, not too few posts', viewsOnly(12), 'unknown:no-likes'],
    ['3 videos showing views only: too few posts', viewsOnly(3), 'unknown:too-few-posts'],
  ])('%s → %s', (_title, sample, expected) => {
    expect(summary(viralDependence(sample))).toBe(expected);
  });
});

describe('views-likes: median likes ÷ median views (Modash TikTok calculator, Nov 2025)', () => {
  it.each([
    ['8 likes per 100 views: within Modash TikTok bands', posts([80, 80, 80, 80, 80], () => ({ views: exact(1000) })), 'fine:views-likes-high'],
    ['more likes than views: unexplainable', posts([1500, 1500, 1500, 1500, 1500], () => ({ views: exact(1000) })), 'look:views-likes-high'],
    ['no views shown', posts([80, 80, 80, 80, 80]), 'unknown:no-views'],
    ['three videos', posts([80, 80, 80], () => ({ views: exact(1000) })), 'unknown:too-few-posts'],
    ['0 views everywhere', posts([0, 0, 0, 0, 0], () => ({ views: exact(0) })), 'unknown:no-views'],
    ['12 videos showing views only: the page shows no likes', viewsOnly(12), 'unknown:no-likes'],
    ['3 videos showing views only', viewsOnly(3), 'unknown:too-few-posts'],
  ])('%s → %s', (_title, sample, expected) => {
    expect(summary(viewsLikes(sample))).toBe(expected);
  });
});

describe('reach: median views ÷ followers, informational (NoxScore)', () => {
  it('is a ratio, never a flag', () => {
    const signal = reach(posts([1, 1, 1, 1, 1], (i) => ({ views: exact(1000 * (i + 1)) })), exact(10_000));
    expect(signal).toEqual({ id: 'reach', state: 'fine', value: 0.3, rule: 'reach', sample: 5 });
  });

  it.each([
    ['no follower count', posts([1, 1, 1, 1, 1], () => ({ views: exact(9) })), undefined, 'unknown:no-followers'],
    ['0 followers', posts([1, 1, 1, 1, 1], () => ({ views: exact(9) })), exact(0), 'unknown:no-followers'],
    ['no views', posts([1, 1, 1, 1, 1]), exact(100), 'unknown:no-views'],
  ])('%s → %s', (_title, sample, followers, expected) => {
    expect(summary(reach(sample, followers))).toBe(expected);
  });
});

describe('following-ratio: following ÷ followers (HypeAuditor 2771120: mass following > 1,500)', () => {
  it.each([
    ['follows 7,500, followed by 3,000: mass following (HypeAuditor)', exact(7_500), exact(3_000), 'look:mass-following', 2.5],
    ['follows 406 of 3,893 (X fixture counts)', exact(406), exact(3_893), 'fine:mass-following', 406 / 3_893],
    ['follows 300, followed by 150: small, not mass (under 1,500)', exact(300), exact(150), 'fine:mass-following', 2],
    ['follows 2,000 of 500,000', exact(2_000), exact(500_000), 'fine:mass-following', 0.004],
  ])('%s', (_title, following, followers, expected, value) => {
    const signal = followingRatio(following, followers);
    expect(summary(signal)).toBe(expected);
    expect(signal.state !== 'unknown' && signal.value).toBeCloseTo(value, 10);
  });

  it.each([
    ['YouTube shows no following', undefined, exact(100), 'unknown:no-following'],
    ['no followers', exact(10), undefined, 'unknown:no-followers'],
    ['0 followers', exact(10), exact(0), 'unknown:no-followers'],
  ])('%s → %s', (_title, following, followers, expected) => {
    expect(summary(followingRatio(following, followers))).toBe(expected);
  });
});

describe('low-engagement: the rate against the benchmark band (Modash calculator via lib/benchmarks.ts)', () => {
  const instagram = (likes: number, count: number, followers: number) => {
    const snapshot = {
      platform: 'instagram' as const,
      handle: 'someone',
      locale: 'en',
      followers: exact(followers),
      posts: posts(Array.from({ length: count }, () => likes)),
      notes: [],
    };
    return lowEngagement(engagementRate(snapshot), 'instagram', snapshot.followers);
  };

  it.each([
    ['0.5 % at 20K: below Modash 10K–50K 0.84–1.11 %', 100, 6, 20_000, 'look:low-engagement'],
    ['1 % at 20K: typical (Modash)', 200, 6, 20_000, 'fine:low-engagement'],
    ['3 % at 20K: above is not low (Modash)', 600, 6, 20_000, 'fine:low-engagement'],
    ['four posts: no verdict under MIN_SAMPLE_POSTS', 100, 4, 20_000, 'unknown:too-few-posts'],
    ['500 followers: under the first Modash band', 5, 6, 500, 'unknown:no-benchmark'],
  ])('%s → %s', (_title, likes, count, followers, expected) => {
    expect(summary(instagram(likes, count, followers))).toBe(expected);
  });

  it('hidden likes are unknown, not low', () => {
    const snapshot = {
      platform: 'instagram' as const,
      handle: 'someone',
      locale: 'en',
      followers: exact(20_000),
      posts: posts([3, 3, 3, 3, 3], () => ({ likesHidden: true })),
      notes: [],
    };
    expect(summary(lowEngagement(engagementRate(snapshot), 'instagram', snapshot.followers))).toBe('unknown:likes-hidden');
  });
});

describe('inactive: days since the newest own post (NoxScore frequency; default 30 days)', () => {
  // TikTok ids encode their date: top 32 bits are Unix seconds.
  const tiktokAt = (at: number, index = 0): PostCounts => ({ id: ((BigInt(Math.floor(at / 1000)) << 32n) | BigInt(index)).toString() });

  it.each([
    ['newest 3 days ago', [NOW - 3 * DAY, NOW - 10 * DAY], 30, 'fine:inactive', 3],
    ['newest 45 days ago, default 30', [NOW - 45 * DAY, NOW - 60 * DAY], 30, 'look:inactive', 45],
    ['newest 45 days ago, threshold set to 60', [NOW - 45 * DAY], 60, 'fine:inactive', 45],
  ])('%s', (_title, dates, days, expected, value) => {
    const signal = inactive(dates.map((at, i) => tiktokAt(at, i)), 'tiktok', NOW, days);
    expect(summary(signal)).toBe(expected);
    expect(signal.state !== 'unknown' && signal.value).toBeCloseTo(value, 10);
  });

  it.each([
    ['no posts', [] as PostCounts[], 'tiktok', 'unknown:too-few-posts'],
    ['Instagram shortcodes without taken_at', [{ id: 'C3xYz' }], 'instagram', 'unknown:no-dates'],
  ] as const)('%s → %s', (_title, sample, platform, expected) => {
    expect(summary(inactive(sample, platform, NOW))).toBe(expected);
  });

  it('posts per week = (n − 1) × 7 ÷ days between oldest and newest', () => {
    const sample = [0, 2, 4, 6, 8, 10, 12, 14].map((ago, i) => tiktokAt(NOW - ago * DAY, i));
    expect(activityOf(sample, 'tiktok', NOW)).toEqual({
      dated: 8,
      newestAt: NOW,
      daysSinceNewest: 0,
      postsPerWeek: 3.5,
      approximate: false,
    });
  });

  it('carries YouTube\'s approximate dates as approximate', () => {
    const sample = [{ id: 'a', postedAt: NOW - 7 * DAY, postedAtApprox: true }];
    expect(activityOf(sample, 'youtube', NOW)).toEqual({ dated: 1, newestAt: NOW - 7 * DAY, daysSinceNewest: 7, approximate: true });
  });
});

describe('growth-spike: follower jumps between saved snapshots (popularpays 2959087, 2959095)', () => {
  const snap = (day: number, followers: CountReading | undefined, engagementPercent?: number): SavedSnapshot => ({
    at: new Date(NOW + day * DAY).toISOString(),
    followers,
    sampleSize: 10,
    benchmark: 'none',
    ...(engagementPercent === undefined ? {} : { engagementPercent, basis: 'followers' as const, method: 'median' as const }),
  });

  it.each([
    ['steady 1 % a month', [snap(0, exact(10_000)), snap(30, exact(10_100)), snap(60, exact(10_203))], 'fine:growth-rate'],
    ['+40 % in a day (popularpays: spikes)', [snap(0, exact(10_000)), snap(1, exact(14_013))], 'look:growth-rate'],
    ['exactly +5,000 over a month (popularpays 2959095)', [snap(0, exact(20_123)), snap(30, exact(25_123))], 'look:growth-round-jump'],
    ['+5K between rounded counts is only rounding', [snap(0, rounded(20_000, 19_950, 20_049)), snap(30, rounded(25_000, 24_950, 25_049))], 'fine:growth-rate'],
    ['spike while engagement fell (popularpays 2959087)', [snap(0, exact(10_000), 3), snap(2, exact(16_007), 1.2)], 'look:growth-falling-engagement'],
    ['spike while engagement rose: a spike only', [snap(0, exact(10_000), 3), snap(2, exact(16_007), 3.5)], 'look:growth-rate'],
    ['"12K" → "13K" is not a 8 % daily spike: only what the rounding guarantees', [snap(0, rounded(12_000, 11_500, 12_499)), snap(1, rounded(13_000, 12_500, 13_499))], 'fine:growth-rate'],
    ['one snapshot', [snap(0, exact(10_000))], 'unknown:no-history'],
    ['snapshots without followers', [snap(0, undefined), snap(1, undefined)], 'unknown:no-history'],
  ])('%s → %s', (_title, history, expected) => {
    expect(summary(growthSpike(history))).toBe(expected);
  });

  it('reads snapshots in time order whatever the stored order', () => {
    const history = [snap(1, exact(14_013)), snap(0, exact(10_000))];
    expect(summary(growthSpike(history))).toBe('look:growth-rate');
  });
});

describe('signalsOf', () => {
  const tiktokAt = (at: number, index: number): string => ((BigInt(Math.floor(at / 1000)) << 32n) | BigInt(index)).toString();

  it('runs every signal in SIGNAL_IDS order and flags the ones worth a look', () => {
    const sample = [10, 10, 10, 10, 10, 10, 10, 10].map((likes, i) => ({
      id: tiktokAt(NOW - (40 + i) * DAY, i),
      likes: exact(likes),
      views: exact(100),
    }));
    const report = signalsOf({ platform: 'tiktok', posts: sample, followers: exact(1_000), following: exact(5_000), now: NOW });
    expect(report.signals.map((signal) => signal.id)).toEqual([...SIGNAL_IDS]);
    // 10 likes per 100 views at 1,000 followers: under Modash's TikTok 1K–5K band (12.06–14.04 %).
    expect(report.flags).toEqual(['inactive', 'low-engagement', 'uniform-likes', 'following-ratio']);
    expect(summary(report.reach)).toBe('fine:reach');
    expect(report.activity?.daysSinceNewest).toBe(40);
  });

  it('ownPosts leaves out pinned, others\' and live posts, and duplicates', () => {
    const list: PostCounts[] = [{ id: 'a', pinned: true }, { id: 'b' }, { id: 'b' }, { id: 'c', notOwn: true }, { id: 'd', live: true }, { id: 'e' }];
    expect(ownPosts(list).map((post) => post.id)).toEqual(['b', 'e']);
  });
});

// Arbitrary counts: exact or rounded, sometimes absent, sometimes hidden.
const reading = fc.oneof(
  fc.nat({ max: 10_000_000 }).map(exact),
  fc.tuple(fc.nat({ max: 10_000_000 }), fc.nat({ max: 1_000_000 })).map(([value, spread]) => rounded(value, Math.max(0, value - spread), value + spread)),
);
const post = fc.record(
  {
    likes: reading,
    comments: reading,
    shares: reading,
    views: reading,
    replies: reading,
    reposts: reading,
    likesHidden: fc.boolean(),
    postedAt: fc.integer({ min: Date.UTC(2005, 0, 1), max: NOW + 10 * DAY }),
    postedAtApprox: fc.boolean(),
  },
  { requiredKeys: [] },
);
const postList = (max: number) => fc.array(post, { maxLength: max }).map((list) => list.map((p, i) => ({ ...p, id: String(i) })));
const snapshot = fc.record(
  {
    at: fc.integer({ min: Date.UTC(2020, 0, 1), max: NOW }).map((ms) => new Date(ms).toISOString()),
    followers: reading,
    engagementPercent: fc.double({ min: 0, max: 100, noNaN: true }),
    basis: fc.constantFrom('followers' as const, 'views' as const),
    method: fc.constantFrom('median' as const, 'mean' as const),
  },
  { requiredKeys: ['at'] },
).map((s): SavedSnapshot => ({ ...s, sampleSize: 10, benchmark: 'none' }));

describe('properties', () => {
  const measuredOnPosts: readonly [string, (list: PostCounts[]) => Signal<string>, RuleId][] = [
    ['comment-density', commentDensity, 'comment-density-low'],
    ['uniform-likes', uniformLikes, 'uniform-likes'],
    ['viral-dependence', viralDependence, 'viral-dependence'],
    ['views-likes', viewsLikes, 'views-likes-high'],
  ];

  it.each(measuredOnPosts)('%s is unknown below its minimum sample', (_id, signalOf, ruleId) => {
    const minimum = signalRule(ruleId).minSample;
    fc.assert(
      fc.property(postList(minimum - 1), (list) => {
        expect(signalOf(list).state).toBe('unknown');
      }),
    );
  });

  it('reach and low-engagement are unknown below their minimum sample', () => {
    fc.assert(
      fc.property(postList(MIN_SAMPLE_POSTS - 1), fc.option(reading, { nil: undefined }), (list, followers) => {
        expect(reach(list, followers).state).toBe('unknown');
        const engagement = engagementRate({ platform: 'instagram', handle: 'h', locale: 'en', followers, posts: list, notes: [] });
        expect(lowEngagement(engagement, 'instagram', followers).state).toBe('unknown');
      }),
    );
  });

  it('inactive is unknown without a dated post; growth-spike below two dated counts', () => {
    expect(inactive([], 'tiktok', NOW).state).toBe('unknown');
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 1 }), (history) => {
        expect(growthSpike(history)).toEqual({ id: 'growth-spike', state: 'unknown', reason: 'no-history' });
      }),
    );
  });

  it('no signal ever carries NaN or Infinity, and flags follow SIGNAL_IDS order', () => {
    fc.assert(
      fc.property(
        postList(40),
        fc.option(reading, { nil: undefined }),
        fc.option(reading, { nil: undefined }),
        fc.array(snapshot, { maxLength: 6 }),
        fc.constantFrom('instagram' as const, 'tiktok' as const, 'youtube' as const, 'x' as const, 'bluesky' as const, 'threads' as const),
        (list, followers, following, history, platform) => {
          const engagement = engagementRate({ platform, handle: 'h', locale: 'en', followers, following, posts: list, notes: [] });
          const report = signalsOf({ platform, posts: list, followers, following, engagement, history, now: NOW });
          for (const signal of [...report.signals, report.reach]) {
            if (signal.state !== 'unknown') expect(Number.isFinite(signal.value)).toBe(true);
          }
          if (report.activity) {
            for (const value of Object.values(report.activity)) {
              if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
            }
          }
          const order = report.flags.map((id) => SIGNAL_IDS.indexOf(id));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          expect(report.flags).toEqual(report.signals.filter((signal) => signal.state === 'look').map((signal) => signal.id));
        },
      ),
      { numRuns: 200 },
    );
  });
});
