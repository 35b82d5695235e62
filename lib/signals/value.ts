import { checkedReading, type CountReading } from '../count';
import type { Platform } from '../platforms';
import type { PostCounts } from '../sites/types';
import { MIN_SAMPLE_POSTS } from './rules';
import { median } from './stats';

/*
 * What a post is worth, from published formulas (/work/shared/research/signals.md, "Value"):
 * price = expected impressions ÷ 1,000 × CPM (influencerfee.com; academy.ampfluence.com), with
 * views as impressions, or likes × 10 where a page shows no views (Lefty, help.lefty.io/en/articles/2428604).
 * Rates are editable; the currency is a label, never converted.
 */

/** A CPM (price per 1,000 impressions) and where it comes from. */
export interface Cpm {
  perThousand: number;
  source: string;
}

/**
 * Default CPMs (per 1,000 views): MightyScout's EMV rates (mightyscout.com/blog/earned-media-value-rebuilt).
 * No published creator CPM for X, Bluesky or Threads was found: none is invented; the user may set one.
 */
export const DEFAULT_CPMS: Readonly<Partial<Record<Platform, Cpm>>> = {
  instagram: { perThousand: 10, source: 'https://mightyscout.com/blog/earned-media-value-rebuilt' },
  tiktok: { perThousand: 5, source: 'https://mightyscout.com/blog/earned-media-value-rebuilt' },
  youtube: { perThousand: 20, source: 'https://mightyscout.com/blog/earned-media-value-rebuilt' },
};

/** Impressions per like where views are not shown (Lefty: impressions ≈ likes × 10). */
export const IMPRESSIONS_PER_LIKE = 10;

/** A figure from possibly rounded counts; `range` when some count was rounded and its bounds are known. */
export interface Estimate {
  value: number;
  range?: { low: number; high: number };
}

export interface ValueEstimate {
  ok: true;
  /** A label only ("USD"): nothing is converted. */
  currency: string;
  cpm: number;
  /** What stood in for impressions. */
  impressions: 'views' | 'likes-proxy';
  /** Posts measured. */
  sample: number;
  /** Median impressions per post. */
  impressionsPerPost: Estimate;
  /** impressionsPerPost ÷ 1,000 × CPM. */
  postPrice: Estimate;
  /** Earned media value of the posts measured: their impressions ÷ 1,000 × CPM, summed. */
  earnedMediaValue: Estimate;
}

export interface NoValueEstimate {
  ok: false;
  reason: 'no-cpm' | 'too-few-posts' | 'likes-hidden' | 'no-views';
}

/** Options for valueEstimate: a CPM replacing the platform default, and the currency label. */
export interface ValueOptions {
  cpm?: number;
  currency?: string;
}

const range = (values: readonly CountReading[]): Estimate & { min: number; max: number } => {
  const estimate: Estimate & { min: number; max: number } = {
    value: median(values.map((reading) => reading.value)),
    min: median(values.map((reading) => reading.min)),
    max: median(values.map((reading) => reading.max)),
  };
  return estimate;
};

function scaled(value: number, min: number, max: number, exact: boolean, factor: number): Estimate {
  const estimate: Estimate = { value: value * factor };
  if (!exact) estimate.range = { low: min * factor, high: max * factor };
  return estimate;
}

/**
 * Price of a post and earned media value of the sample, from views (else likes × 10) and a CPM.
 * Median and sum are monotone, so the counts' min and max bound the figures.
 * @example valueEstimate(posts, 'youtube') // 100K median views at $20 → postPrice { value: 2000 }
 */
export function valueEstimate(posts: readonly PostCounts[], platform: Platform, options: ValueOptions = {}): ValueEstimate | NoValueEstimate {
  const cpm = options.cpm ?? DEFAULT_CPMS[platform]?.perThousand;
  if (cpm === undefined || !Number.isFinite(cpm) || cpm < 0) return { ok: false, reason: 'no-cpm' };
  const views = posts.map((post) => checkedReading(post.views)).filter((reading) => reading !== undefined);
  let impressions: 'views' | 'likes-proxy' = 'views';
  let readings = views;
  if (readings.length < MIN_SAMPLE_POSTS) {
    const likes = posts
      .filter((post) => !post.likesHidden)
      .map((post) => checkedReading(post.likes))
      .filter((reading) => reading !== undefined);
    if (likes.length >= MIN_SAMPLE_POSTS) {
      impressions = 'likes-proxy';
      readings = likes.map((reading) => ({
        value: reading.value * IMPRESSIONS_PER_LIKE,
        exact: reading.exact,
        min: reading.min * IMPRESSIONS_PER_LIKE,
        max: reading.max * IMPRESSIONS_PER_LIKE,
      }));
    } else {
      if (posts.length >= MIN_SAMPLE_POSTS && posts.every((post) => post.likesHidden)) return { ok: false, reason: 'likes-hidden' };
      return { ok: false, reason: posts.length >= MIN_SAMPLE_POSTS ? 'no-views' : 'too-few-posts' };
    }
  }
  const exact = readings.every((reading) => reading.exact);
  const perPost = range(readings);
  const sum = (key: 'value' | 'min' | 'max'): number => readings.reduce((total, reading) => total + reading[key], 0);
  return {
    ok: true,
    currency: options.currency ?? 'USD',
    cpm,
    impressions,
    sample: readings.length,
    impressionsPerPost: scaled(perPost.value, perPost.min, perPost.max, exact, 1),
    postPrice: scaled(perPost.value, perPost.min, perPost.max, exact, cpm / 1000),
    earnedMediaValue: scaled(sum('value'), sum('min'), sum('max'), exact, cpm / 1000),
  };
}

/** What a quoted price buys: each figure present only when its divisor is known and above 0. */
export interface QuoteCosts {
  currency: string;
  /** price ÷ median engagements per post (likes, comments, shares, replies, reposts shown). */
  perEngagement?: Estimate;
  /** price ÷ median views × 1,000. */
  perThousandViews?: Estimate;
  /** price ÷ followers × 1,000. */
  perThousandFollowers?: Estimate;
  /** Why a cost per engagement or per view is missing, where it is known (a saved profile's summary). */
  unknown?: { perEngagement?: CostUnknown; perThousandViews?: CostUnknown };
}

/** No posts were read; fewer than MIN_SAMPLE_POSTS were; or fewer than that showed their views. */
export type CostUnknown = 'no-posts' | 'few-posts' | 'few-views';

/** price ÷ a divisor read from counts: the range swaps bounds (a larger divisor is a lower cost). */
function per(price: number, divisor: { value: number; min: number; max: number; exact: boolean } | undefined, factor: number): Estimate | undefined {
  if (!divisor || !(divisor.value > 0)) return undefined;
  const estimate: Estimate = { value: (price / divisor.value) * factor };
  if (!divisor.exact && divisor.min > 0) estimate.range = { low: (price / divisor.max) * factor, high: (price / divisor.min) * factor };
  return estimate;
}

/** Engagements a post shows (likes, comments, shares, replies, reposts; a hidden like count left out), summed as readings. */
export function engagementsOf(post: PostCounts): CountReading | undefined {
  const keys = ['likes', 'comments', 'shares', 'replies', 'reposts'] as const;
  let total: CountReading | undefined;
  for (const key of keys) {
    if (key === 'likes' && post.likesHidden) continue;
    const reading = checkedReading(post[key]);
    if (!reading) continue;
    total = total
      ? { value: total.value + reading.value, min: total.min + reading.min, max: total.max + reading.max, exact: total.exact && reading.exact }
      : reading;
  }
  return total;
}

/**
 * Cost per engagement, per 1,000 views and per 1,000 followers of a quoted price. The first two
 * need MIN_SAMPLE_POSTS posts showing the count, as valueEstimate does: a price divided by one
 * post's likes says more about that post than about the creator.
 * @example quoteCosts(500, posts, followers) // { perEngagement: { value: 0.5 }, … }
 */
export function quoteCosts(price: number, posts: readonly PostCounts[], followers: CountReading | undefined, currency = 'USD'): QuoteCosts {
  const aggregate = (readings: readonly CountReading[]) =>
    readings.length < MIN_SAMPLE_POSTS ? undefined : { ...range(readings), exact: readings.every((reading) => reading.exact) };
  const engagements = aggregate(posts.map(engagementsOf).filter((reading) => reading !== undefined));
  const views = aggregate(posts.map((post) => checkedReading(post.views)).filter((reading) => reading !== undefined));
  return costsOf(price, { engagements, views, followers: checkedReading(followers) }, currency);
}

/** What each figure of QuoteCosts divides the price by: medians per post, and followers. */
export interface CostDivisors {
  engagements?: CountReading | undefined;
  views?: CountReading | undefined;
  followers?: CountReading | undefined;
}

/** quoteCosts from divisors already measured (a saved profile's stored medians). */
export function costsOf(price: number, divisors: CostDivisors, currency: string): QuoteCosts {
  const costs: QuoteCosts = { currency };
  if (!Number.isFinite(price) || price < 0) return costs;
  const perEngagement = per(price, divisors.engagements, 1);
  const perThousandViews = per(price, divisors.views, 1000);
  const perThousandFollowers = per(price, divisors.followers, 1000);
  if (perEngagement) costs.perEngagement = perEngagement;
  if (perThousandViews) costs.perThousandViews = perThousandViews;
  if (perThousandFollowers) costs.perThousandFollowers = perThousandFollowers;
  return costs;
}
