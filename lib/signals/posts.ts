import { compare } from '../benchmarks';
import { checkedReading, type CountReading } from '../count';
import type { EngagementResult } from '../engagement';
import type { Platform } from '../platforms';
import type { PostCounts } from '../sites/types';
import { judge, unknown } from './judge';
import { MASS_FOLLOWING, SIGNAL_RULES, signalRule, type Signal, type SignalRule } from './rules';
import { coefficientOfVariation, mean, median } from './stats';

/*
 * Signals from a sample of own posts (the caller has left out pinned posts and others' reposts)
 * and the profile's counts. Rules and sources: ./rules.ts.
 */

type Key = 'likes' | 'comments' | 'shares' | 'views' | 'replies' | 'reposts';

/** A count fit to compute with; a hidden like count is unknown whatever the page put there. */
function count(post: PostCounts, key: Key): CountReading | undefined {
  if (key === 'likes' && post.likesHidden) return undefined;
  return checkedReading(post[key]);
}

/** Own posts whose likes are all hidden: unknown, not zero. */
const allHidden = (posts: readonly PostCounts[]): boolean => posts.length > 0 && posts.every((post) => post.likesHidden === true);

/**
 * Comments per 100 likes: the median of per-post ratios (one giveaway post with thousands of
 * comments moves it no more than any other post). Replies stand in for comments on X and Bluesky.
 * Posts with 0 likes or no comment count are left out.
 */
export function commentDensity(posts: readonly PostCounts[], rules: readonly SignalRule[] = SIGNAL_RULES): Signal<'comment-density'> {
  if (allHidden(posts)) return unknown('comment-density', 'likes-hidden');
  const ratios: number[] = [];
  let withLikes = 0;
  for (const post of posts) {
    const likes = count(post, 'likes');
    if (!likes || likes.value === 0) continue;
    withLikes++;
    const comments = count(post, 'comments') ?? count(post, 'replies');
    if (comments) ratios.push((comments.value / likes.value) * 100);
  }
  const minimum = signalRule('comment-density-low', rules).minSample;
  if (ratios.length < minimum) {
    if (withLikes >= minimum) return unknown('comment-density', 'no-comments');
    return unknown('comment-density', posts.length >= minimum && withLikes === 0 ? 'no-likes' : 'too-few-posts');
  }
  return judge('comment-density', median(ratios), ['comment-density-low', 'comment-density-high'], ratios.length, rules);
}

/**
 * Coefficient of variation (stdev ÷ mean) of like counts. Exact counts only: rounded ones ("1.2K"
 * on every post) look uniform because the page rounded them.
 */
export function uniformLikes(posts: readonly PostCounts[], rules: readonly SignalRule[] = SIGNAL_RULES): Signal<'uniform-likes'> {
  if (allHidden(posts)) return unknown('uniform-likes', 'likes-hidden');
  const minimum = signalRule('uniform-likes', rules).minSample;
  const shown = posts.map((post) => count(post, 'likes')).filter((likes): likes is CountReading => likes !== undefined);
  const exact = shown.filter((likes) => likes.exact).map((likes) => likes.value);
  if (exact.length < minimum) {
    return unknown('uniform-likes', shown.length >= minimum ? 'counts-rounded' : posts.length >= minimum && shown.length === 0 ? 'no-likes' : 'too-few-posts');
  }
  const spread = coefficientOfVariation(exact);
  if (spread === undefined) return unknown('uniform-likes', 'no-engagement');
  return judge('uniform-likes', spread, ['uniform-likes'], exact.length, rules);
}

/** Engagements a post shows: likes, comments, shares, replies, reposts (those shown). */
function engagements(post: PostCounts): number | undefined {
  const keys: readonly Key[] = ['likes', 'comments', 'shares', 'replies', 'reposts'];
  let total: number | undefined;
  for (const key of keys) {
    const reading = count(post, key);
    if (reading) total = (total ?? 0) + reading.value;
  }
  return total;
}

/** Mean ÷ median of engagements per post: how much a few posts carry the account. */
export function viralDependence(posts: readonly PostCounts[], rules: readonly SignalRule[] = SIGNAL_RULES): Signal<'viral-dependence'> {
  if (allHidden(posts)) return unknown('viral-dependence', 'likes-hidden');
  const totals = posts.map(engagements).filter((total): total is number => total !== undefined);
  const minimum = signalRule('viral-dependence', rules).minSample;
  // TikTok's and YouTube's grids show views only: enough posts, but no engagement to compare.
  if (totals.length < minimum) return unknown('viral-dependence', posts.length >= minimum && totals.length === 0 ? 'no-likes' : 'too-few-posts');
  const middle = median(totals);
  if (middle === 0) return unknown('viral-dependence', 'no-engagement');
  return judge('viral-dependence', mean(totals) / middle, ['viral-dependence'], totals.length, rules);
}

/** Median likes ÷ median views over the posts that show both. */
export function viewsLikes(posts: readonly PostCounts[], rules: readonly SignalRule[] = SIGNAL_RULES): Signal<'views-likes'> {
  if (allHidden(posts)) return unknown('views-likes', 'likes-hidden');
  const pairs = posts.flatMap((post) => {
    const likes = count(post, 'likes');
    const views = count(post, 'views');
    return likes && views ? [{ likes: likes.value, views: views.value }] : [];
  });
  const minimum = signalRule('views-likes-high', rules).minSample;
  if (pairs.length < minimum) {
    const withViews = posts.filter((post) => count(post, 'views')).length;
    const withLikes = posts.filter((post) => count(post, 'likes')).length;
    if (posts.length >= minimum && withViews === 0) return unknown('views-likes', 'no-views');
    return unknown('views-likes', posts.length >= minimum && withLikes === 0 ? 'no-likes' : 'too-few-posts');
  }
  const views = median(pairs.map((pair) => pair.views));
  if (views === 0) return unknown('views-likes', 'no-views');
  return judge('views-likes', median(pairs.map((pair) => pair.likes)) / views, ['views-likes-high'], pairs.length, rules);
}

/** Median views ÷ followers (a ratio, not a percent). Informational: always 'fine' when known. */
export function reach(
  posts: readonly PostCounts[],
  followers: CountReading | undefined,
  rules: readonly SignalRule[] = SIGNAL_RULES,
): Signal<'reach'> {
  const audience = checkedReading(followers);
  if (!audience || audience.value === 0) return unknown('reach', 'no-followers');
  const views = posts.map((post) => count(post, 'views')?.value).filter((value): value is number => value !== undefined);
  if (views.length === 0) return unknown('reach', posts.length >= signalRule('reach', rules).minSample ? 'no-views' : 'too-few-posts');
  return judge('reach', median(views) / audience.value, ['reach'], views.length, rules);
}

/** Following ÷ followers; 'look' only past the ratio rule while following more than MASS_FOLLOWING. */
export function followingRatio(
  following: CountReading | undefined,
  followers: CountReading | undefined,
  rules: readonly SignalRule[] = SIGNAL_RULES,
): Signal<'following-ratio'> {
  const follows = checkedReading(following);
  const audience = checkedReading(followers);
  if (!follows) return unknown('following-ratio', 'no-following');
  if (!audience || audience.value === 0) return unknown('following-ratio', 'no-followers');
  const ratio = follows.value / audience.value;
  const signal = judge('following-ratio', ratio, ['mass-following'], 0, rules);
  // A creator who follows 200 people and has 150 followers is a small account, not a mass follower.
  if (signal.state === 'look' && follows.value <= MASS_FOLLOWING) return { ...signal, state: 'fine' };
  return signal;
}

/**
 * The engagement rate against the benchmark band for the tier (lib/benchmarks.ts compare, like
 * with like): 'look' when its verdict is 'below'. No verdict under MIN_SAMPLE_POSTS posts.
 */
export function lowEngagement(
  engagement: EngagementResult | undefined,
  platform: Platform,
  followers: CountReading | undefined,
  rules: readonly SignalRule[] = SIGNAL_RULES,
): Signal<'low-engagement'> {
  if (!engagement) return unknown('low-engagement', 'too-few-posts');
  if (!engagement.ok) {
    const reasons = {
      'likes-hidden': 'likes-hidden',
      'views-unknown': 'no-views',
      'followers-unknown': 'no-followers',
      'no-qualifying-post': 'too-few-posts',
    } as const;
    return unknown('low-engagement', reasons[engagement.reason]);
  }
  const minimum = signalRule('low-engagement', rules).minSample;
  if (engagement.sampleSize < minimum) return unknown('low-engagement', 'too-few-posts');
  const audience = checkedReading(followers);
  if (!audience) return unknown('low-engagement', 'no-followers');
  const comparison = compare(engagement.percent, platform, audience.value, engagement.basis, {
    formula: engagement.formula,
    method: engagement.method,
  });
  if (comparison.verdict === 'none') return unknown('low-engagement', 'no-benchmark');
  return {
    id: 'low-engagement',
    state: comparison.verdict === 'below' ? 'look' : 'fine',
    value: engagement.percent,
    rule: 'low-engagement',
    sample: engagement.sampleSize,
  };
}
