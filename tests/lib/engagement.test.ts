import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountReading } from '@/lib/count';
import {
  DEFAULT_ENGAGEMENT_OPTIONS,
  engagementRate,
  formulaBasis,
  headlineFormula,
  type EngagementFailure,
  type EngagementOptions,
  type EngagementResult,
  type EngagementSuccess,
} from '@/lib/engagement';
import { PLATFORMS, type Platform } from '@/lib/platforms';
import type { MessageCode, NoteCode } from '@/lib/i18n';
import type { PostCounts, ProfileSnapshot } from '@/lib/sites/types';

const exact = (n: number): CountReading => ({ value: n, exact: true, min: n, max: n });
const rounded = (n: number, min: number, max: number): CountReading => ({ value: n, exact: false, min, max });

type Counts = Partial<Record<'likes' | 'comments' | 'shares' | 'views' | 'replies' | 'reposts', number>>;
type Flags = Pick<PostCounts, 'pinned' | 'notOwn' | 'live' | 'likesHidden'>;

let nextId = 0;
/** A post with exact counts. */
function post(counts: Counts, flags: Flags = {}): PostCounts {
  const result: PostCounts = { id: `p${nextId++}`, ...flags };
  for (const [key, value] of Object.entries(counts) as [keyof Counts, number][]) result[key] = exact(value);
  return result;
}

function profile(
  platform: Platform,
  followers: number | CountReading | undefined,
  posts: PostCounts[],
  extra: Partial<ProfileSnapshot> = {},
): ProfileSnapshot {
  return {
    platform,
    handle: 'creator',
    locale: 'en',
    followers: typeof followers === 'number' ? exact(followers) : followers,
    posts,
    notes: [],
    ...extra,
  };
}

function ok(result: EngagementResult): EngagementSuccess {
  if (!result.ok) throw new Error(`expected a rate, got ${result.reason}: ${result.message.key}`);
  return result;
}
function failed(result: EngagementResult): EngagementFailure {
  if (result.ok) throw new Error(`expected a failure, got ${result.percent}%`);
  return result;
}

const median: Partial<EngagementOptions> = { method: 'median' };
const mean: Partial<EngagementOptions> = { method: 'mean' };

describe('defaults', () => {
  it('median over 30 posts, pinned left out', () => {
    expect(DEFAULT_ENGAGEMENT_OPTIONS).toEqual({ method: 'median', sampleSize: 30, includePinned: false });
  });

  it.each([
    ['instagram', 'followers', 'likes+comments/followers'],
    ['instagram', 'views', undefined],
    ['tiktok', 'views', 'likes+comments+shares/views'],
    ['tiktok', 'followers', 'views/followers'],
    ['youtube', 'followers', 'views/subscribers'],
    ['youtube', 'views', undefined],
    ['x', 'followers', 'replies+reposts+likes/followers'],
    ['bluesky', 'followers', 'replies+reposts+likes/followers'],
    ['threads', 'followers', 'replies+reposts+likes/followers'],
    ['threads', 'views', undefined],
  ] as const)('headlineFormula(%s, %s) → %s', (platform, basis, formula) => {
    expect(headlineFormula(platform, basis)).toBe(formula);
    if (formula) expect(formulaBasis(formula)).toBe(basis);
  });
});

// Rates by hand. Instagram, 10,000 followers: (100+10) → 1.1%, (200+20) → 2.2%, (50+0) → 0.5%,
// and for an even sample (400+0) → 4%.
const igOdd = (): PostCounts[] => [
  post({ likes: 100, comments: 10 }),
  post({ likes: 200, comments: 20 }),
  post({ likes: 50, comments: 0 }),
];
const igEven = (): PostCounts[] => [...igOdd(), post({ likes: 400 })];

describe('headline formula per platform', () => {
  it.each<[string, () => ProfileSnapshot, Partial<EngagementOptions>, string, string, number, number]>([
    // title, snapshot, options, formula, basis, expected percent, sample size
    ['instagram, odd, median: median(1.1, 2.2, 0.5)', () => profile('instagram', 10_000, igOdd()), median, 'likes+comments/followers', 'followers', 1.1, 3],
    ['instagram, odd, mean: 3.8 / 3', () => profile('instagram', 10_000, igOdd()), mean, 'likes+comments/followers', 'followers', 3.8 / 3, 3],
    ['instagram, even, median: (1.1 + 2.2) / 2', () => profile('instagram', 10_000, igEven()), median, 'likes+comments/followers', 'followers', 1.65, 4],
    ['instagram, even, mean: 7.8 / 4', () => profile('instagram', 10_000, igEven()), mean, 'likes+comments/followers', 'followers', 1.95, 4],
    // TikTok view rate, 1,000 followers: 500 → 50%, 1,500 → 150%, 100 → 10%.
    [
      'tiktok views only, median: view rate 50',
      () => profile('tiktok', 1_000, [post({ views: 500 }), post({ views: 1_500 }), post({ views: 100 })]),
      median, 'views/followers', 'followers', 50, 3,
    ],
    [
      'tiktok views only, mean: view rate 210 / 3',
      () => profile('tiktok', 1_000, [post({ views: 500 }), post({ views: 1_500 }), post({ views: 100 })]),
      mean, 'views/followers', 'followers', 70, 3,
    ],
    // TikTok by views: (100+10+5)/1,000 → 11.5%, 100/2,000 (no comments or shares shown) → 5%,
    // (50+50+0)/500 → 20%.
    [
      'tiktok with likes, median: 11.5',
      () => profile('tiktok', 1_000, tiktokWithLikes()),
      median, 'likes+comments+shares/views', 'views', 11.5, 3,
    ],
    [
      'tiktok with likes, mean: 36.5 / 3',
      () => profile('tiktok', 1_000, tiktokWithLikes()),
      mean, 'likes+comments+shares/views', 'views', 36.5 / 3, 3,
    ],
    // YouTube, 2,000 subscribers: 1,000 → 50%, 3,000 → 150%, 400 → 20%.
    [
      'youtube, even, median: (50 + 150) / 2',
      () => profile('youtube', 2_000, [post({ views: 1_000 }), post({ views: 3_000 })]),
      median, 'views/subscribers', 'followers', 100, 2,
    ],
    [
      'youtube, odd, median: 50',
      () => profile('youtube', 2_000, [post({ views: 1_000 }), post({ views: 3_000 }), post({ views: 400 })]),
      median, 'views/subscribers', 'followers', 50, 3,
    ],
    [
      'youtube, odd, mean: 220 / 3',
      () => profile('youtube', 2_000, [post({ views: 1_000 }), post({ views: 3_000 }), post({ views: 400 })]),
      mean, 'views/subscribers', 'followers', 220 / 3, 3,
    ],
    // X, 500 followers: (1+2+7) → 2%, likes 20 only (X leaves zero counts out) → 4%, all 0 → 0%,
    // (5+10+15) → 6%.
    ['x, odd, median: 2', () => profile('x', 500, xPosts().slice(0, 3)), median, 'replies+reposts+likes/followers', 'followers', 2, 3],
    ['x, even, median: (2 + 4) / 2', () => profile('x', 500, xPosts()), median, 'replies+reposts+likes/followers', 'followers', 3, 4],
    ['x, even, mean: 12 / 4', () => profile('x', 500, xPosts()), mean, 'replies+reposts+likes/followers', 'followers', 3, 4],
    ['bluesky, odd, mean: 6 / 3', () => profile('bluesky', 500, xPosts().slice(0, 3)), mean, 'replies+reposts+likes/followers', 'followers', 2, 3],
  ])('%s', (_title, snapshot, options, formula, basis, percent, sampleSize) => {
    const result = ok(engagementRate(snapshot(), options));
    expect(result.formula).toBe(formula);
    expect(result.basis).toBe(basis);
    expect(result.method).toBe(options.method);
    expect(result.percent).toBeCloseTo(percent, 10);
    expect(result.sampleSize).toBe(sampleSize);
    expect(result.approximate).toBe(false);
    expect(result.range).toBeUndefined();
  });

  it('TikTok video without a like count is left out when others show likes', () => {
    const result = ok(engagementRate(profile('tiktok', 1_000, [...tiktokWithLikes(), post({ views: 9_000 })])));
    expect(result.formula).toBe('likes+comments+shares/views');
    expect(result.sampleSize).toBe(3);
    expect(result.excluded.incomplete).toBe(1);
  });

  it('TikTok: the formula follows the latest videos the sample is drawn from, not a video further down', () => {
    const viewsOnly = () => Array.from({ length: 30 }, () => post({ views: 1_000 }));
    // Likes on the 31st video only: the 30 latest show views alone, so the view rate.
    const later = ok(engagementRate(profile('tiktok', 500, [...viewsOnly(), ...tiktokWithLikes()])));
    expect(later.formula).toBe('views/followers');
    expect(later.sampleSize).toBe(30);
    // Likes among the latest: likes per view, the videos without likes left out.
    const latest = ok(engagementRate(profile('tiktok', 500, [...tiktokWithLikes(), ...viewsOnly()])));
    expect(latest.formula).toBe('likes+comments+shares/views');
    expect(latest.sampleSize).toBe(3);
    // The window is the sample size asked for.
    const wider = ok(engagementRate(profile('tiktok', 500, [...viewsOnly(), ...tiktokWithLikes()]), { sampleSize: 40 }));
    expect(wider.formula).toBe('likes+comments+shares/views');
  });

  it('TikTok video with 0 views is not a divisor', () => {
    const result = ok(engagementRate(profile('tiktok', 1_000, [...tiktokWithLikes(), post({ likes: 0, views: 0 })])));
    expect(result.sampleSize).toBe(3);
    expect(result.excluded.incomplete).toBe(1);
  });

  it('TikTok by views needs no follower count', () => {
    const result = ok(engagementRate(profile('tiktok', undefined, tiktokWithLikes())));
    expect(result.percent).toBeCloseTo(11.5, 10);
    expect(result.secondary.viewRatePercent).toBeUndefined();
  });

  it('Instagram post showing likes but no comment count adds 0 comments', () => {
    const result = ok(engagementRate(profile('instagram', 1_000, [post({ likes: 30 })])));
    expect(result.percent).toBeCloseTo(3, 10);
  });

  it('YouTube video with 0 views counts as a 0% video', () => {
    const result = ok(engagementRate(profile('youtube', 2_000, [post({ views: 0 }), post({ views: 400 })]), mean));
    expect(result.percent).toBeCloseTo(10, 10);
  });
});

function tiktokWithLikes(): PostCounts[] {
  return [
    post({ views: 1_000, likes: 100, comments: 10, shares: 5 }),
    post({ views: 2_000, likes: 100 }),
    post({ views: 500, likes: 50, comments: 50, shares: 0 }),
  ];
}

function xPosts(): PostCounts[] {
  return [
    post({ replies: 1, reposts: 2, likes: 7 }),
    post({ likes: 20 }),
    post({ replies: 0, reposts: 0, likes: 0 }),
    post({ replies: 5, reposts: 10, likes: 15 }),
  ];
}

describe('sample', () => {
  // A pinned viral post on top, then the three posts of igOdd.
  const withPinned = (): ProfileSnapshot =>
    profile('instagram', 10_000, [post({ likes: 5_000, comments: 500 }, { pinned: true }), ...igOdd()]);

  it('leaves pinned posts out by default', () => {
    const result = ok(engagementRate(withPinned()));
    expect(result.percent).toBeCloseTo(1.1, 10);
    expect(result.sampleSize).toBe(3);
    expect(result.excluded).toEqual({ pinned: 1, notOwn: 0, live: 0, likesHidden: 0, incomplete: 0 });
  });

  it('includes pinned posts when asked: median(55, 1.1, 2.2, 0.5) = 1.65', () => {
    const result = ok(engagementRate(withPinned(), { includePinned: true }));
    expect(result.percent).toBeCloseTo(1.65, 10);
    expect(result.sampleSize).toBe(4);
    expect(result.excluded.pinned).toBe(0);
  });

  it.each<[string, Flags]>([
    ['notOwn', { notOwn: true }],
    ['live', { live: true }],
  ])('leaves %s posts out', (reason, flags) => {
    const snapshot = profile('youtube', 2_000, [post({ views: 100_000 }, flags), post({ views: 1_000 })]);
    const result = ok(engagementRate(snapshot));
    expect(result.percent).toBeCloseTo(50, 10);
    expect(result.sampleSize).toBe(1);
    expect(result.excluded[reason as 'notOwn' | 'live']).toBe(1);
  });

  it('a pinned repost counts once, as pinned', () => {
    const snapshot = profile('x', 500, [post({ likes: 500 }, { pinned: true, notOwn: true }), ...xPosts()]);
    expect(ok(engagementRate(snapshot)).excluded).toMatchObject({ pinned: 1, notOwn: 0 });
    expect(ok(engagementRate(snapshot, { includePinned: true })).excluded).toMatchObject({ pinned: 0, notOwn: 1 });
  });

  it('uses the first 30 of 40 qualifying posts (rates 1% … 40%)', () => {
    const posts = Array.from({ length: 40 }, (_, index) => post({ likes: (index + 1) * 10 }));
    const snapshot = profile('instagram', 1_000, posts);
    const result = ok(engagementRate(snapshot));
    expect(result.sampleSize).toBe(30);
    expect(result.percent).toBeCloseTo(15.5, 10);
    expect(ok(engagementRate(snapshot, { sampleSize: 12 })).percent).toBeCloseTo(6.5, 10);
    expect(ok(engagementRate(snapshot, { sampleSize: 100 })).sampleSize).toBe(40);
  });

  it('counts exclusions only among the posts scanned before the sample filled', () => {
    const posts = [
      post({ likes: 10 }, { pinned: true }),
      ...Array.from({ length: 30 }, () => post({ likes: 10 })),
      post({ likes: 10 }, { pinned: true }),
    ];
    expect(ok(engagementRate(profile('instagram', 1_000, posts))).excluded.pinned).toBe(1);
  });

  it.each([
    [0, 1],
    [-3, 1],
    [2.7, 2],
    [Number.NaN, 30],
  ])('sampleSize %d is read as %d', (sampleSize, used) => {
    const posts = Array.from({ length: 40 }, () => post({ likes: 10 }));
    expect(ok(engagementRate(profile('instagram', 1_000, posts), { sampleSize })).sampleSize).toBe(used);
  });

  it('reads a post seen twice (same id) once', () => {
    const first = post({ likes: 100 });
    const result = ok(engagementRate(profile('instagram', 1_000, [first, { ...first }, post({ likes: 300 })]), mean));
    expect(result.sampleSize).toBe(2);
    expect(result.percent).toBeCloseTo(20, 10);
  });
});

describe('hidden likes', () => {
  it('every post hides likes → unknown, not zero', () => {
    const posts = [post({ comments: 4 }, { likesHidden: true }), post({ comments: 6 }, { likesHidden: true })];
    const result = failed(engagementRate(profile('instagram', 1_000, posts)));
    expect(result.reason).toBe('likes-hidden');
    expect(result.message).toEqual({ key: 'failLikesHidden' });
    expect(result.secondary.averageComments).toBe(5);
    expect(result.secondary.averageLikes).toBeUndefined();
  });

  it('some posts hide likes → the others are used', () => {
    const posts = [post({ likes: 999, comments: 1 }, { likesHidden: true }), post({ likes: 20, comments: 0 })];
    const result = ok(engagementRate(profile('instagram', 1_000, posts)));
    expect(result.percent).toBeCloseTo(2, 10);
    expect(result.excluded.likesHidden).toBe(1);
    expect(result.secondary.averageLikes).toBe(20);
  });

  it('a hidden like count does not matter to a views formula', () => {
    const result = ok(engagementRate(profile('youtube', 1_000, [post({ views: 100 }, { likesHidden: true })])));
    expect(result.percent).toBeCloseTo(10, 10);
  });
});

// The words of each message: tests/components/words/engagement.test.ts.
describe('failures', () => {
  it.each<[string, ProfileSnapshot, string, MessageCode]>([
    [
      'instagram without follower count',
      profile('instagram', undefined, igOdd()),
      'followers-unknown',
      { key: 'failFollowersNotFound' },
    ],
    [
      'instagram with 0 followers',
      profile('instagram', 0, igOdd()),
      'followers-unknown',
      { key: 'failNoFollowers' },
    ],
    [
      'youtube without subscriber count',
      profile('youtube', undefined, [post({ views: 10 })]),
      'followers-unknown',
      { key: 'failSubscribersNotFound' },
    ],
    [
      'tiktok views only, no follower count',
      profile('tiktok', undefined, [post({ views: 10 })]),
      'followers-unknown',
      { key: 'failFollowersNotFound' },
    ],
    ['no posts', profile('instagram', 1_000, []), 'no-qualifying-post', { key: 'failNoPosts', args: [{ plural: 'postNoun', count: 2 }] }],
    [
      'only pinned, reposts and live',
      profile('x', 1_000, [
        post({ likes: 1 }, { pinned: true }),
        post({ likes: 1 }, { notOwn: true }),
        post({ likes: 1 }, { live: true }),
      ]),
      'no-qualifying-post',
      { key: 'failNoOwnPosts', args: [{ plural: 'postNoun', count: 2 }] },
    ],
    [
      'instagram posts without like counts',
      profile('instagram', 1_000, [post({ comments: 3 }), post({})]),
      'no-qualifying-post',
      { key: 'failNoneShows', args: [{ plural: 'postNoun', count: 2 }, { key: 'needsLikes' }] },
    ],
    [
      'x posts without counts',
      profile('x', 1_000, [post({ views: 3 })]),
      'no-qualifying-post',
      { key: 'failNoneShows', args: [{ plural: 'postNoun', count: 2 }, { key: 'needsXCounts' }] },
    ],
    [
      'youtube videos without views',
      profile('youtube', 1_000, [post({}), post({})]),
      'views-unknown',
      { key: 'failNoViews', args: [{ plural: 'videoNoun', count: 2 }] },
    ],
    [
      'tiktok videos without views',
      profile('tiktok', 1_000, [post({})]),
      'views-unknown',
      { key: 'failNoViews', args: [{ plural: 'videoNoun', count: 2 }] },
    ],
  ])('%s', (_title, snapshot, reason, message) => {
    const result = failed(engagementRate(snapshot));
    expect(result.reason).toBe(reason);
    expect(result.message).toEqual(message);
  });

  it('keeps what it can in secondary figures', () => {
    const snapshot = profile('tiktok', undefined, [post({ views: 100 }), post({ views: 300 })], {
      totalLikes: exact(5_000),
    });
    const result = failed(engagementRate(snapshot));
    expect(result.secondary).toEqual({ averageViews: 200 });
  });
});

describe('approximate', () => {
  it('a rounded follower count makes the rate approximate, with bounds', () => {
    const snapshot = profile('instagram', rounded(10_000, 9_500, 10_499), [post({ likes: 100 })]);
    const result = ok(engagementRate(snapshot));
    expect(result.approximate).toBe(true);
    expect(result.percent).toBeCloseTo(1, 10);
    expect(result.range?.low).toBeCloseTo(100 / 104.99, 10);
    expect(result.range?.high).toBeCloseTo(100 / 95, 10);
  });

  it('a rounded count in a used post makes it approximate', () => {
    const rough: PostCounts = { id: 'r', likes: rounded(1_200, 1_150, 1_249), comments: exact(0) };
    const result = ok(engagementRate(profile('instagram', 100_000, [rough])));
    expect(result.approximate).toBe(true);
    expect(result.range?.low).toBeCloseTo(1.15, 10);
    expect(result.range?.high).toBeCloseTo(1.249, 10);
  });

  it('a rounded count in a post left out does not', () => {
    const rough: PostCounts = { id: 'r', likes: rounded(1_200, 1_150, 1_249), pinned: true };
    expect(ok(engagementRate(profile('instagram', 100_000, [rough, post({ likes: 5 })]))).approximate).toBe(false);
  });

  it('rounded views as the divisor give bounds from both ends', () => {
    const video: PostCounts = { id: 'v', likes: exact(100), views: rounded(1_000, 950, 1_049) };
    const result = ok(engagementRate(profile('tiktok', undefined, [video])));
    expect(result.approximate).toBe(true);
    expect(result.range?.low).toBeCloseTo(10_000 / 1_049, 10);
    expect(result.range?.high).toBeCloseTo(10_000 / 950, 10);
  });

  it('no bounds when a rounded divisor could be 0', () => {
    const snapshot = profile('youtube', rounded(1, 0, 1), [post({ views: 10 })]);
    const result = ok(engagementRate(snapshot));
    expect(result.approximate).toBe(true);
    expect(result.range).toBeUndefined();
  });
});

describe('secondary figures', () => {
  it('instagram: both methods, their gap, and averages per post', () => {
    const result = ok(engagementRate(profile('instagram', 10_000, igEven())));
    expect(result.secondary.medianPercent).toBeCloseTo(1.65, 10);
    expect(result.secondary.meanPercent).toBeCloseTo(1.95, 10);
    expect(result.secondary.meanMedianGap).toBeCloseTo(0.3, 10);
    expect(result.secondary.averageLikes).toBe(187.5); // (100 + 200 + 50 + 400) / 4
    expect(result.secondary.averageComments).toBe(10); // (10 + 20 + 0) / 3 posts showing comments
  });

  it('tiktok: lifetime likes per follower, view rate, averages', () => {
    const snapshot = profile('tiktok', 1_000, tiktokWithLikes(), { totalLikes: exact(50_000) });
    const result = ok(engagementRate(snapshot));
    expect(result.secondary.likesPerFollower).toBe(50);
    // views ÷ followers: 100%, 200%, 50% → median 100%.
    expect(result.secondary.viewRatePercent).toBeCloseTo(100, 10);
    expect(ok(engagementRate(snapshot, mean)).secondary.viewRatePercent).toBeCloseTo(350 / 3, 10);
    expect(result.secondary.averageViews).toBeCloseTo(3_500 / 3, 10);
    expect(result.secondary.averageShares).toBe(2.5);
  });

  it('x: average replies, reposts and likes', () => {
    const result = ok(engagementRate(profile('x', 500, xPosts())));
    expect(result.secondary).toMatchObject({ averageReplies: 2, averageReposts: 4, averageLikes: 10.5 });
  });
});

describe('never NaN or Infinity', () => {
  const reading = fc.oneof(
    fc.constant(undefined),
    fc.nat(10_000_000).map(exact),
    fc
      .tuple(fc.nat(10_000_000), fc.nat(1_000), fc.nat(1_000))
      .map(([value, below, above]) => rounded(value, Math.max(0, value - below), value + above)),
    fc.constantFrom<CountReading>(
      { value: Number.NaN, exact: true, min: Number.NaN, max: Number.NaN },
      { value: -1, exact: true, min: -1, max: -1 },
      { value: Number.POSITIVE_INFINITY, exact: false, min: 0, max: Number.POSITIVE_INFINITY },
    ),
  );
  const postArbitrary = fc.record(
    {
      id: fc.string({ maxLength: 3 }),
      likes: reading,
      comments: reading,
      shares: reading,
      views: reading,
      replies: reading,
      reposts: reading,
      likesHidden: fc.boolean(),
      pinned: fc.boolean(),
      notOwn: fc.boolean(),
      live: fc.boolean(),
    },
    { requiredKeys: ['id'] },
  );
  const snapshot = fc.record({
    platform: fc.constantFrom<Platform>(...PLATFORMS),
    handle: fc.constant('h'),
    locale: fc.constant('en'),
    followers: reading,
    totalLikes: reading,
    posts: fc.array(postArbitrary, { maxLength: 40 }),
    notes: fc.constant<NoteCode[]>([]),
  });

  it('percent, range and secondary figures are finite and ≥ 0 (the gap may be negative)', () => {
    fc.assert(
      fc.property(snapshot, fc.constantFrom<'median' | 'mean'>('median', 'mean'), fc.boolean(), (input, method, includePinned) => {
        const result = engagementRate(input, { method, includePinned });
        const figures = Object.entries(result.secondary);
        for (const [key, value] of figures) {
          expect(Number.isFinite(value), key).toBe(true);
          if (key !== 'meanMedianGap') expect(value, key).toBeGreaterThanOrEqual(0);
        }
        if (!result.ok) {
          expect(result.message.key).toMatch(/^fail/);
          return;
        }
        expect(Number.isFinite(result.percent)).toBe(true);
        expect(result.percent).toBeGreaterThanOrEqual(0);
        expect(result.sampleSize).toBeGreaterThan(0);
        expect(result.sampleSize).toBeLessThanOrEqual(30);
        if (result.range) {
          expect(result.range.low).toBeLessThanOrEqual(result.percent + 1e-9);
          expect(result.range.high).toBeGreaterThanOrEqual(result.percent - 1e-9);
        }
      }),
    );
  });
});
