import type { CountReading } from '../count';
import { engagementRate, type EngagementResult } from '../engagement';
import type { Platform } from '../platforms';
import type { SavedSnapshot } from '../shortlist/schema';
import type { PostCounts } from '../sites/types';
import { activityOf, inactive, type Activity } from './activity';
import { growthSpike } from './growth';
import { commentDensity, followingRatio, lowEngagement, reach, uniformLikes, viewsLikes, viralDependence } from './posts';
import { DEFAULT_INACTIVE_DAYS, SIGNAL_IDS, SIGNAL_RULES, type Signal, type SignalId, type SignalRule } from './rules';

export * from './rules';
export { activityOf, inactive, type Activity } from './activity';
export { growthSpike } from './growth';
export { commentDensity, followingRatio, lowEngagement, reach, uniformLikes, viewsLikes, viralDependence } from './posts';
export * from './post-dates';

/** What signalsOf reads: one profile's own posts and counts, and its saved history if any. */
export interface SignalsInput {
  platform: Platform;
  /** Own posts, newest first; pinned posts and others' reposts already left out (see ownPosts). */
  posts: readonly PostCounts[];
  followers?: CountReading;
  following?: CountReading;
  /** engagementRate's result for the profile (with the user's settings); default: engagementRate of these posts. */
  engagement?: EngagementResult;
  /** A saved profile's snapshots (lib/shortlist/schema.ts SavedProfile.history). */
  history?: readonly SavedSnapshot[];
  /** Epoch ms the activity is measured at. */
  now: number;
  /** No own post for longer than this is worth a look (default DEFAULT_INACTIVE_DAYS). */
  inactiveDays?: number;
  /** An edited SIGNAL_RULES; rules missing from it keep their default. */
  rules?: readonly SignalRule[];
}

/** Every signal (in SIGNAL_IDS order), the informational ones, and the ids worth a look. */
export interface SignalsReport {
  signals: Signal[];
  reach: Signal<'reach'>;
  activity?: Activity;
  /** Ids of the signals in state 'look', in SIGNAL_IDS order: the badge's `data-flags`. */
  flags: SignalId[];
  /** The inactivity threshold the report was judged with (days): the rule the card states. */
  inactiveDays: number;
}

/** The posts signals are read on: each id once, without pinned, others', live or upcoming posts. */
export function ownPosts(posts: readonly PostCounts[]): PostCounts[] {
  const seen = new Set<string>();
  return posts.filter((post) => {
    if (seen.has(post.id) || post.pinned || post.notOwn || post.live) return false;
    seen.add(post.id);
    return true;
  });
}

/** Runs every signal on one profile. */
export function signalsOf(input: SignalsInput): SignalsReport {
  const rules = input.rules ?? SIGNAL_RULES;
  const { posts, platform } = input;
  const engagement =
    input.engagement ?? engagementRate({ platform, handle: '', locale: '', followers: input.followers, posts: [...posts], notes: [] });
  const byId: Record<SignalId, Signal> = {
    inactive: inactive(posts, platform, input.now, input.inactiveDays, rules),
    'low-engagement': lowEngagement(engagement, platform, input.followers, rules),
    'comment-density': commentDensity(posts, rules),
    'uniform-likes': uniformLikes(posts, rules),
    'viral-dependence': viralDependence(posts, rules),
    'views-likes': viewsLikes(posts, rules),
    'following-ratio': followingRatio(input.following, input.followers, rules),
    'growth-spike': input.history ? growthSpike(input.history, rules) : { id: 'growth-spike', state: 'unknown', reason: 'no-history' },
  };
  const signals = SIGNAL_IDS.map((id) => byId[id]);
  const report: SignalsReport = {
    signals,
    reach: reach(posts, input.followers, rules),
    flags: signals.filter((signal) => signal.state === 'look').map((signal) => signal.id),
    // inactive() falls back the same way for a threshold that is not a positive number.
    inactiveDays:
      input.inactiveDays !== undefined && Number.isFinite(input.inactiveDays) && input.inactiveDays > 0 ? input.inactiveDays : DEFAULT_INACTIVE_DAYS,
  };
  const activity = activityOf(posts, platform, input.now);
  if (activity) report.activity = activity;
  return report;
}
