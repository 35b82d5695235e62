import type { Platform } from '../platforms';
import type { PostCounts } from '../sites/types';
import { judge, unknown } from './judge';
import { DEFAULT_INACTIVE_DAYS, SIGNAL_RULES, signalRule, type Signal, type SignalRule } from './rules';
import { postDate } from './post-dates';

const DAY = 86_400_000;

/** How active the creator is, from the dates of their own posts. */
export interface Activity {
  /** Posts with a known date. */
  dated: number;
  /** Epoch ms of the newest own post. */
  newestAt: number;
  /** Days from the newest own post to `now` (≥ 0). */
  daysSinceNewest: number;
  /**
   * (n − 1) × 7 ÷ days between the oldest and the newest dated post; spans under a day count as
   * a day. Absent with fewer than two dated posts.
   */
  postsPerWeek?: number;
  /** Some date was only approximate (YouTube's "3 weeks ago"). */
  approximate: boolean;
}

/** Activity over own posts (dated by postedAt or by id, see postDate), or undefined when none is dated. */
export function activityOf(posts: readonly PostCounts[], platform: Platform, now: number): Activity | undefined {
  const dates = posts.map((post) => postDate(post, platform, now)).filter((date) => date !== undefined);
  if (dates.length === 0 || !Number.isFinite(now)) return undefined;
  const times = dates.map((date) => date.at);
  const newestAt = Math.max(...times);
  const oldestAt = Math.min(...times);
  const activity: Activity = {
    dated: dates.length,
    newestAt,
    daysSinceNewest: Math.max(0, (now - newestAt) / DAY),
    approximate: dates.some((date) => date.approximate),
  };
  if (dates.length >= 2) activity.postsPerWeek = ((dates.length - 1) * 7) / Math.max(1, (newestAt - oldestAt) / DAY);
  return activity;
}

/**
 * 'look' when the newest own post is older than `inactiveDays` (default 30): value is days since it.
 * @example inactive(posts, 'tiktok', Date.now(), 60)
 */
export function inactive(
  posts: readonly PostCounts[],
  platform: Platform,
  now: number,
  inactiveDays: number = DEFAULT_INACTIVE_DAYS,
  rules: readonly SignalRule[] = SIGNAL_RULES,
): Signal<'inactive'> {
  const activity = activityOf(posts, platform, now);
  if (!activity) return unknown('inactive', posts.length === 0 ? 'too-few-posts' : 'no-dates');
  const days = Number.isFinite(inactiveDays) && inactiveDays > 0 ? inactiveDays : DEFAULT_INACTIVE_DAYS;
  const rule = { ...signalRule('inactive', rules), threshold: days };
  return judge('inactive', activity.daysSinceNewest, ['inactive'], activity.dated, [rule]);
}
