import { checkedReading, type CountReading } from './count';
import type { MessageCode, MessageKey } from './i18n';
import { messageCode } from './message-code';
import type { Platform } from './platforms';
import type { PostCounts, ProfileSnapshot } from './sites/types';

/*
 * Engagement rate from what a profile page shows. Formulas and sample rules follow
 * /work/shared/research/metrics.md ("Engagement rate formulas in use"): per-post rates, then the
 * median (Modash, Untapper) or the mean (trendHERO, infludata) over the latest 30 posts.
 */

export type EngagementMethod = 'median' | 'mean';

export interface EngagementOptions {
  /** Median resists one viral post; mean keeps it (metrics.md). */
  method: EngagementMethod;
  /** How many qualifying posts to use, newest first. */
  sampleSize: number;
  /** Pinned posts are old favourites, not recent work: left out unless asked (Modash keeps them). */
  includePinned: boolean;
}

export const DEFAULT_ENGAGEMENT_OPTIONS: Readonly<EngagementOptions> = {
  method: 'median',
  sampleSize: 30,
  includePinned: false,
};

/** The headline formulas, as ids the UI and the benchmarks can match on. */
export const ENGAGEMENT_FORMULAS = [
  'likes+comments/followers',
  'views/followers',
  'likes+comments+shares/views',
  'views/subscribers',
  'replies+reposts+likes/followers',
] as const;
export type EngagementFormula = (typeof ENGAGEMENT_FORMULAS)[number];

/** What the rate is divided by. */
export type EngagementBasis = 'followers' | 'views';

type CountKey = 'likes' | 'comments' | 'shares' | 'views' | 'replies' | 'reposts';

interface FormulaSpec {
  basis: EngagementBasis;
  /** Summed per post; a missing count adds 0 (see `required`). */
  numerator: readonly CountKey[];
  /** Counts a post must show to be used. */
  required: readonly CountKey[];
  /** When true a post must show at least one numerator count. */
  requireAny: boolean;
  /** The formula in plain words: a message key, written by the UI's describeFormula. */
  words: MessageKey;
  /** The counts a post must show, for the "no qualifying post" message. */
  needs: MessageKey;
}

/*
 * Missing counts. Instagram: a post must show its likes; comments add when shown (comments can be
 * turned off). TikTok by views: a video must show likes and views (the page's embedded data carries
 * all four numbers or none); comments and shares add when shown. X and Bluesky: X's action-group
 * aria-label leaves out zero counts ("3 reposts, 40 likes"), so a missing reply/repost/like count
 * is 0 as long as the post shows at least one of them.
 */
const FORMULAS: Readonly<Record<EngagementFormula, FormulaSpec>> = {
  'likes+comments/followers': {
    basis: 'followers',
    numerator: ['likes', 'comments'],
    required: ['likes'],
    requireAny: false,
    words: 'formulaLikesCommentsFollowers',
    needs: 'needsLikes',
  },
  'views/followers': {
    basis: 'followers',
    numerator: ['views'],
    required: ['views'],
    requireAny: false,
    words: 'formulaViewsFollowers',
    needs: 'needsViews',
  },
  'likes+comments+shares/views': {
    basis: 'views',
    numerator: ['likes', 'comments', 'shares'],
    required: ['likes', 'views'],
    requireAny: false,
    words: 'formulaLikesCommentsSharesViews',
    needs: 'needsLikesViews',
  },
  'views/subscribers': {
    basis: 'followers',
    numerator: ['views'],
    required: ['views'],
    requireAny: false,
    words: 'formulaViewsSubscribers',
    needs: 'needsViews',
  },
  'replies+reposts+likes/followers': {
    basis: 'followers',
    numerator: ['replies', 'reposts', 'likes'],
    required: [],
    requireAny: true,
    words: 'formulaRepliesRepostsLikesFollowers',
    needs: 'needsXCounts',
  },
};

/** What each formula divides by. */
export function formulaBasis(formula: EngagementFormula): EngagementBasis {
  return FORMULAS[formula].basis;
}

/** The message key of a formula in plain words ("(likes + comments) ÷ followers"). */
export function formulaWords(formula: EngagementFormula): MessageKey {
  return FORMULAS[formula].words;
}

/**
 * The headline formula engagementRate uses for a platform and basis, or undefined when it never
 * measures that platform on that basis (Instagram by views, YouTube by views, X by views…).
 */
export function headlineFormula(platform: Platform, basis: EngagementBasis): EngagementFormula | undefined {
  switch (platform) {
    case 'instagram':
      return basis === 'followers' ? 'likes+comments/followers' : undefined;
    case 'tiktok':
      return basis === 'views' ? 'likes+comments+shares/views' : 'views/followers';
    case 'youtube':
      return basis === 'followers' ? 'views/subscribers' : undefined;
    case 'x':
    case 'bluesky':
    case 'threads':
      return basis === 'followers' ? 'replies+reposts+likes/followers' : undefined;
  }
}

/** Posts left out of the sample, by reason (each post counted once, under the first reason that applies). */
export interface ExcludedPosts {
  pinned: number;
  notOwn: number;
  /** Live streams and upcoming premieres. */
  live: number;
  /** The author hid the like count: unknown, not zero. */
  likesHidden: number;
  /** Missing a count the formula needs (or a video with 0 views as the divisor). */
  incomplete: number;
}

/** Figures around the headline; each present only when the data allows. */
export interface EngagementSecondary {
  /** The rate by the other method too (percent). */
  meanPercent?: number;
  medianPercent?: number;
  /** Mean − median, in percentage points. A large gap flags pods or a viral post (Untapper, metrics.md). */
  meanMedianGap?: number;
  /** Per post, over the posts of the sample that show the count. */
  averageLikes?: number;
  averageComments?: number;
  averageShares?: number;
  averageViews?: number;
  averageReplies?: number;
  averageReposts?: number;
  /** TikTok lifetime likes ("heartCount") per follower: a ratio, not a percent. */
  likesPerFollower?: number;
  /** TikTok when the headline is by views: views ÷ followers by the same method (percent). */
  viewRatePercent?: number;
}

export type EngagementFailureReason = 'followers-unknown' | 'no-qualifying-post' | 'likes-hidden' | 'views-unknown';

export interface EngagementSuccess {
  ok: true;
  /** Finite, ≥ 0. */
  percent: number;
  basis: EngagementBasis;
  method: EngagementMethod;
  formula: EngagementFormula;
  /** Posts used. */
  sampleSize: number;
  excluded: ExcludedPosts;
  /** Some count used (or the follower count) was rounded by the page. */
  approximate: boolean;
  /**
   * When approximate: the rate's bounds given the rounding (from each count's min and max). Absent
   * when a rounded divisor could be 0.
   */
  range?: { low: number; high: number };
  secondary: EngagementSecondary;
}

export interface EngagementFailure {
  ok: false;
  reason: EngagementFailureReason;
  /** Why, for the UI to put in words (components/words/message.ts). */
  message: MessageCode;
  /** The formula that would have been used. */
  formula: EngagementFormula;
  secondary: EngagementSecondary;
}

export type EngagementResult = EngagementSuccess | EngagementFailure;

/** A reading we can compute with: finite, non-negative value; min/max repaired around it. */
function usable(reading: CountReading | undefined): CountReading | undefined {
  return checkedReading(reading);
}

function countOf(post: PostCounts, key: CountKey): CountReading | undefined {
  // A hidden like count is unknown whatever number the page put in its place.
  if (key === 'likes' && post.likesHidden) return undefined;
  return usable(post[key]);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function aggregate(values: readonly number[], method: EngagementMethod): number {
  return method === 'median' ? median(values) : mean(values);
}

function normaliseOptions(options: Partial<EngagementOptions> | undefined): EngagementOptions {
  const merged = { ...DEFAULT_ENGAGEMENT_OPTIONS, ...options };
  const size = Number.isFinite(merged.sampleSize)
    ? Math.max(1, Math.floor(merged.sampleSize))
    : DEFAULT_ENGAGEMENT_OPTIONS.sampleSize;
  return {
    method: merged.method === 'mean' ? 'mean' : 'median',
    sampleSize: size,
    includePinned: merged.includePinned === true,
  };
}

/**
 * First post per id, in page order: an adapter may see the same tile twice while the grid re-renders.
 * Lazy, so a walk that stops once the sample is full costs the same on a profile scrolled to 5 000
 * posts as on one with 40 (bench/results.md, "batch@5000 ÷ batch@100").
 */
function* unique(posts: readonly PostCounts[]): Generator<PostCounts> {
  const seen = new Set<string>();
  for (const post of posts) {
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    yield post;
  }
}

/** The first `count` items, walking no further. */
function take<T>(items: Iterable<T>, count: number): T[] {
  const taken: T[] = [];
  if (count <= 0) return taken;
  for (const item of items) {
    taken.push(item);
    if (taken.length >= count) break;
  }
  return taken;
}

function some<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) if (test(item)) return true;
  return false;
}

function every<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) if (!test(item)) return false;
  return true;
}

function qualifies(post: PostCounts, spec: FormulaSpec): boolean {
  if (!spec.required.every((key) => countOf(post, key) !== undefined)) return false;
  if (spec.requireAny && !spec.numerator.some((key) => countOf(post, key) !== undefined)) return false;
  // A video with 0 views can't be a divisor.
  if (spec.basis === 'views' && (countOf(post, 'views')?.value ?? 0) === 0) return false;
  return true;
}

function chooseFormula(platform: Platform, posts: Iterable<PostCounts>): EngagementFormula {
  switch (platform) {
    case 'instagram':
      return 'likes+comments/followers';
    case 'tiktok':
      // Likes per view when any of the latest videos shows its likes (the page's embedded data,
      // which holds the newest ones); else the view rate.
      return some(posts, (post) => qualifies(post, FORMULAS['likes+comments+shares/views']))
        ? 'likes+comments+shares/views'
        : 'views/followers';
    case 'youtube':
      return 'views/subscribers';
    case 'x':
    case 'bluesky':
    case 'threads':
      return 'replies+reposts+likes/followers';
  }
}

const AVERAGE_FIELDS = {
  likes: 'averageLikes',
  comments: 'averageComments',
  shares: 'averageShares',
  views: 'averageViews',
  replies: 'averageReplies',
  reposts: 'averageReposts',
} as const satisfies Record<CountKey, keyof EngagementSecondary>;

function averages(posts: readonly PostCounts[]): EngagementSecondary {
  const result: EngagementSecondary = {};
  for (const key of Object.keys(AVERAGE_FIELDS) as CountKey[]) {
    const values = posts.flatMap((post) => {
      const count = countOf(post, key);
      return count ? [count.value] : [];
    });
    if (values.length > 0) result[AVERAGE_FIELDS[key]] = mean(values);
  }
  return result;
}

function likesPerFollower(snapshot: ProfileSnapshot, followers: CountReading | undefined): EngagementSecondary {
  const totalLikes = usable(snapshot.totalLikes);
  return totalLikes && followers && followers.value > 0 ? { likesPerFollower: totalLikes.value / followers.value } : {};
}


/**
 * Engagement rate of a profile from its snapshot: per-post rates over the latest qualifying posts,
 * then their median or mean. Never NaN: when it can't be computed the result says why.
 * @example engagementRate(snapshot, { method: 'mean' }).ok && result.percent // 3.2
 */
export function engagementRate(
  snapshot: ProfileSnapshot,
  options?: Partial<EngagementOptions>,
): EngagementResult {
  const { method, sampleSize, includePinned } = normaliseOptions(options);
  const followers = usable(snapshot.followers);

  const excluded: ExcludedPosts = { pinned: 0, notOwn: 0, live: 0, likesHidden: 0, incomplete: 0 };
  // The creator's own recent posts, before any count is checked. Walked lazily (and only as far as
  // needed) instead of filtered up front: work per call follows the sample, not the page.
  function* candidates(): Generator<PostCounts> {
    for (const post of unique(snapshot.posts)) {
      if (post.pinned && !includePinned) continue;
      if (!post.notOwn && !post.live) yield post;
    }
  }
  // Chosen from the latest posts the sample is drawn from, not the whole page: on TikTok a grid
  // whose videos show views only was walked to its end on every read (bench/README.md).
  const formula = chooseFormula(snapshot.platform, take(candidates(), sampleSize));
  const spec = FORMULAS[formula];

  // Page order, newest first; stop counting exclusions once the sample is full, so "left out"
  // only names posts among the latest ones.
  const sample: PostCounts[] = [];
  for (const post of unique(snapshot.posts)) {
    if (sample.length >= sampleSize) break;
    if (post.pinned && !includePinned) excluded.pinned++;
    else if (post.notOwn) excluded.notOwn++;
    else if (post.live) excluded.live++;
    else if (post.likesHidden && spec.numerator.includes('likes')) excluded.likesHidden++;
    else if (!qualifies(post, spec)) excluded.incomplete++;
    else sample.push(post);
  }

  const fail = (reason: EngagementFailureReason, message: MessageCode): EngagementFailure => ({
    ok: false,
    reason,
    message,
    formula,
    secondary: { ...averages(take(candidates(), sampleSize)), ...likesPerFollower(snapshot, followers) },
  });

  const youtube = snapshot.platform === 'youtube';
  if (spec.basis === 'followers') {
    if (!followers) {
      return fail('followers-unknown', messageCode(youtube ? 'failSubscribersNotFound' : 'failFollowersNotFound'));
    }
    if (followers.value === 0) {
      return fail('followers-unknown', messageCode(youtube ? 'failNoSubscribers' : 'failNoFollowers'));
    }
  }

  // An empty sample means the walk above saw every post: the whole-list checks below cost no more.
  if (sample.length === 0) {
    // What the platform calls its posts: TikTok and YouTube show videos.
    const posts = { plural: platformVideos(snapshot.platform) ? 'videoNoun' : 'postNoun', count: 2 } as const;
    if (snapshot.posts.length === 0) {
      return fail('no-qualifying-post', messageCode('failNoPosts', posts));
    }
    if (take(candidates(), 1).length === 0) {
      return fail('no-qualifying-post', messageCode('failNoOwnPosts', posts));
    }
    if (every(candidates(), (post) => post.likesHidden === true) && spec.numerator.includes('likes')) {
      return fail('likes-hidden', messageCode('failLikesHidden'));
    }
    if (spec.required.includes('views')) {
      return fail('views-unknown', messageCode('failNoViews', posts));
    }
    return fail('no-qualifying-post', messageCode('failNoneShows', posts, { key: spec.needs }));
  }

  const rates: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  let approximate = spec.basis === 'followers' && !followers!.exact;
  let rangeKnown = true;
  for (const post of sample) {
    let numerator = 0;
    let numeratorMin = 0;
    let numeratorMax = 0;
    for (const key of spec.numerator) {
      const count = countOf(post, key);
      if (!count) continue;
      numerator += count.value;
      numeratorMin += count.min;
      numeratorMax += count.max;
      if (!count.exact) approximate = true;
    }
    // qualifies() guarantees followers (checked above) or views > 0.
    const divisor = spec.basis === 'views' ? countOf(post, 'views')! : followers!;
    if (!divisor.exact) approximate = true;
    rates.push((numerator / divisor.value) * 100);
    lows.push((numeratorMin / divisor.max) * 100);
    if (divisor.min > 0) highs.push((numeratorMax / divisor.min) * 100);
    else rangeKnown = false;
  }

  const meanPercent = mean(rates);
  const medianPercent = median(rates);
  const secondary: EngagementSecondary = {
    meanPercent,
    medianPercent,
    meanMedianGap: meanPercent - medianPercent,
    ...averages(sample),
    ...likesPerFollower(snapshot, followers),
  };
  if (formula === 'likes+comments+shares/views' && followers && followers.value > 0) {
    const viewRates = sample.map((post) => (countOf(post, 'views')!.value / followers.value) * 100);
    secondary.viewRatePercent = aggregate(viewRates, method);
  }

  const result: EngagementSuccess = {
    ok: true,
    percent: method === 'median' ? medianPercent : meanPercent,
    basis: spec.basis,
    method,
    formula,
    sampleSize: sample.length,
    excluded,
    approximate,
    secondary,
  };
  // Median and mean are monotone in every input, so aggregating the per-post bounds bounds the rate.
  if (approximate && rangeKnown) result.range = { low: aggregate(lows, method), high: aggregate(highs, method) };
  return result;
}

/** TikTok and YouTube show videos; the others, posts. */
export const platformVideos = (platform: Platform): boolean => platform === 'tiktok' || platform === 'youtube';
