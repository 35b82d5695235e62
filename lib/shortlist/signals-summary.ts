import { checkedReading, type CountReading } from '../count';
import type { ProfileView } from '../model';
import type { Platform } from '../platforms';
import { activityOf, DEFAULT_INACTIVE_DAYS, growthSpike, ownPosts, ROUND_JUMPS, SIGNAL_IDS, signalRule, signalsOf, type Signal, type SignalId } from '../signals';
import { costsOf, DEFAULT_CPMS, engagementsOf, valueEstimate, type CostUnknown, type Estimate, type QuoteCosts } from '../signals/value';
import { MIN_SAMPLE_POSTS } from '../signals/rules';
import { median } from '../signals/stats';

/*
 * What a saved snapshot keeps of the decision signals (issue 16), and what the dashboard derives
 * from it. A snapshot does not keep the posts (twelve posts' counts and dates would triple a
 * profile's stored text, lib/shortlist/codec.ts): it keeps this summary, computed from the view
 * when the profile is saved or visited. The signals that depend on "now" or on the history
 * (inactive, growth-spike) are not stored: the dashboard derives them, with its own threshold.
 * Everything here is pure and returns codes; the words are made in components/dashboard.
 */

/** Signals read from the page's posts and counts: stored per snapshot, in this order. */
export const PAGE_SIGNAL_IDS = ['low-engagement', 'comment-density', 'uniform-likes', 'viral-dependence', 'views-likes', 'following-ratio'] as const;
export type PageSignalId = (typeof PAGE_SIGNAL_IDS)[number];
export type SignalState = Signal['state'];
export const SIGNAL_STATES: readonly SignalState[] = ['fine', 'look', 'unknown'];

/** A snapshot's summary of the signals (schema v4: SavedSnapshot.signals). */
export interface SnapshotSignals {
  /** The state of each page signal when the snapshot was taken. */
  states: Record<PageSignalId, SignalState>;
  /** Own posts the summary was read on (pinned posts and others' reposts left out). */
  posts: number;
  /** ISO 8601 time of the newest own post, when a post was dated. */
  newestPost?: string;
  /** Posts per week over the dated own posts (activityOf), to 2 decimals; absent under two dated posts. */
  postsPerWeek?: number;
  /** Some date was only approximate (YouTube's "3 weeks ago"). */
  approximate?: boolean;
  /** Median engagements per post (likes, comments, shares, replies, reposts shown): quoteCosts' divisor. */
  engagements?: CountReading;
  /** Median views per post. */
  views?: CountReading;
  /** Median impressions per post as valueEstimate counts them (views, or likes × 10), with what stood for them. */
  impressions?: CountReading;
  impressionsFrom?: 'views' | 'likes-proxy';
}

/** A median of counts as a storable count: the median of two middle values may end in .5, rounded to the nearest. */
function medianReading(readings: readonly CountReading[]): CountReading | undefined {
  if (readings.length === 0) return undefined;
  const value = Math.round(median(readings.map((reading) => reading.value)));
  const min = Math.min(value, Math.floor(median(readings.map((reading) => reading.min))));
  const max = Math.max(value, Math.ceil(median(readings.map((reading) => reading.max))));
  return { value, exact: readings.every((reading) => reading.exact) && min === max, min, max };
}

function estimateReading(estimate: Estimate): CountReading {
  const value = Math.round(estimate.value);
  if (!estimate.range) return { value, exact: true, min: value, max: value };
  return { value, exact: false, min: Math.min(value, Math.floor(estimate.range.low)), max: Math.max(value, Math.ceil(estimate.range.high)) };
}

/**
 * The summary a snapshot of `view` keeps, read at `at` (ISO); undefined when the page showed no
 * own post yet (then nothing is known, and nothing is stored as if it were).
 */
export function signalsSummaryOf(view: ProfileView, at: string): SnapshotSignals | undefined {
  const { platform } = view.verdict;
  const posts = ownPosts(view.snapshot.posts);
  if (posts.length === 0) return undefined;
  const now = Date.parse(at);
  const report = signalsOf({
    platform,
    posts,
    followers: view.verdict.followers,
    following: checkedReading(view.snapshot.following),
    engagement: view.verdict.engagement,
    now,
  });
  const states = {} as Record<PageSignalId, SignalState>;
  for (const id of PAGE_SIGNAL_IDS) states[id] = report.signals.find((signal) => signal.id === id)?.state ?? 'unknown';
  const summary: SnapshotSignals = { states, posts: posts.length };
  const activity = activityOf(posts, platform, now);
  if (activity && Number.isFinite(activity.newestAt) && Math.abs(activity.newestAt) <= 8.64e15) {
    summary.newestPost = new Date(activity.newestAt).toISOString();
    if (activity.postsPerWeek !== undefined && Number.isFinite(activity.postsPerWeek)) summary.postsPerWeek = Math.round(activity.postsPerWeek * 100) / 100;
    if (activity.approximate) summary.approximate = true;
  }
  // The cost divisors, kept only where quoteCosts would use them (MIN_SAMPLE_POSTS posts show the count).
  const sampled = (readings: CountReading[]) => (readings.length >= MIN_SAMPLE_POSTS ? medianReading(readings) : undefined);
  const engagements = sampled(posts.map(engagementsOf).filter((reading) => reading !== undefined));
  if (engagements) summary.engagements = engagements;
  const views = sampled(posts.map((post) => checkedReading(post.views)).filter((reading) => reading !== undefined));
  if (views) summary.views = views;
  // CPM 1 only to learn the impressions: the price is made with the user's CPM when shown.
  const value = valueEstimate(posts, platform, { cpm: 1 });
  if (value.ok) {
    summary.impressions = estimateReading(value.impressionsPerPost);
    summary.impressionsFrom = value.impressions;
  }
  return summary;
}

/** Two summaries say the same about activity and states (a visit that changes neither adds no snapshot). */
export function sameSignals(a: SnapshotSignals | undefined, b: SnapshotSignals): boolean {
  if (!a) return false;
  return a.newestPost === b.newestPost && PAGE_SIGNAL_IDS.every((id) => a.states[id] === b.states[id]);
}

// ---------------------------------------------------------------------------------------------
// What the dashboard derives from a saved profile.

/** The history a growth check reads: what growthSpike takes (a saved profile's, oldest first, one snapshot per time). */
type History = Parameters<typeof growthSpike>[0];

/** Options the dashboard passes: settings that are not wired yet keep lib/signals' defaults. */
export interface DerivedOptions {
  /** Days without an own post before `inactive` is worth a look (default DEFAULT_INACTIVE_DAYS). */
  inactiveDays?: number;
  /** CPM per platform, per 1,000 impressions (default DEFAULT_CPMS; none for X and Bluesky). */
  cpms?: Partial<Record<Platform, number>>;
  /** The label of the CPMs' currency (default 'USD', the defaults' own). */
  currency?: string;
}

/** The latest snapshot's summary, if any snapshot has one, and the time of that snapshot. */
export function latestSignals(history: History): { at: string; signals: SnapshotSignals } | undefined {
  for (let index = history.length - 1; index >= 0; index--) {
    const snapshot = history[index]!;
    if (snapshot.signals) return { at: snapshot.at, signals: snapshot.signals };
  }
  return undefined;
}

/** growthScan's answer: the marks, and how many intervals between dated counts were measured. */
interface GrowthScan {
  marks: number[];
  intervals: number;
}

const scans = new WeakMap<History, GrowthScan>();

/**
 * growthSpike (lib/signals/growth.ts) on each interval between consecutive follower counts alone,
 * in one pass: the same rules per interval, without sorting and parsing the history once per
 * interval (the dashboard reads 5 000 profiles of 20 snapshots). An interval is marked when that
 * function would say 'look' for those two snapshots (tested against it); the history's own
 * growthSpike is 'look' exactly when some interval is marked.
 */
function growthScan(history: History): GrowthScan {
  const known = scans.get(history);
  if (known) return known;
  const spikeLine = signalRule('growth-rate').threshold ?? Number.POSITIVE_INFINITY;
  const fallingLine = signalRule('growth-falling-engagement').threshold ?? spikeLine;
  const marks: number[] = [];
  let intervals = 0;
  // The count before, in scalars (no object per snapshot).
  let counted = false;
  let beforeAt = 0;
  let beforeValue = 0;
  let beforeMax = 0;
  let beforeExact = false;
  let beforePercent: number | undefined;
  let beforeBasis: string | undefined;
  let beforeMethod: string | undefined;
  for (let index = 0; index < history.length; index++) {
    const snapshot = history[index]!;
    const followers = snapshot.followers;
    // checkedReading's rules, without making a reading per snapshot (100 000 of them for 5 000 profiles).
    if (!followers || !Number.isSafeInteger(followers.value) || followers.value < 0) continue;
    const { value } = followers;
    const min = Number.isSafeInteger(followers.min) && followers.min >= 0 ? Math.min(followers.min, value) : value;
    const max = Number.isSafeInteger(followers.max) ? Math.max(followers.max, value) : value;
    const at = Date.parse(snapshot.at);
    if (!Number.isFinite(at)) continue;
    const percent = typeof snapshot.engagementPercent === 'number' && Number.isFinite(snapshot.engagementPercent) ? snapshot.engagementPercent : undefined;
    const exact = followers.exact === true && min === max;
    if (counted) {
      intervals++;
      const days = Math.max(1, (at - beforeAt) / 86_400_000);
      const rate = (min - beforeMax) / Math.max(1, beforeMax) / days;
      const falling =
        rate > fallingLine &&
        beforePercent !== undefined &&
        percent !== undefined &&
        beforeBasis === snapshot.basis &&
        beforeMethod === snapshot.method &&
        percent < beforePercent;
      const round = beforeExact && exact && ROUND_JUMPS.includes(value - beforeValue);
      if (falling || round || rate > spikeLine) marks.push(index);
    }
    counted = true;
    beforeAt = at;
    beforeValue = value;
    beforeMax = max;
    beforeExact = exact;
    beforePercent = percent;
    beforeBasis = snapshot.basis;
    beforeMethod = snapshot.method;
  }
  const scan = { marks, intervals };
  scans.set(history, scan);
  return scan;
}

/** Indexes of snapshots whose follower count jumped from the one before (growthScan), for the growth chart's marks. */
export function growthAnomalies(history: History): number[] {
  return growthScan(history).marks;
}

/** growth-spike's state for a history: growthSpike(history).state, from growthScan. */
function growthState(history: History): SignalState {
  const { marks, intervals } = growthScan(history);
  if (marks.length > 0) return 'look';
  return intervals + 1 >= signalRule('growth-rate').minSample && intervals > 0 ? 'fine' : 'unknown';
}

/** `inactive` from a stored newest post: 'look' past `days`, unknown without a dated post. */
export function inactiveState(newestPost: string | undefined, now: number, days: number = DEFAULT_INACTIVE_DAYS): SignalState {
  const time = newestPost === undefined ? Number.NaN : Date.parse(newestPost);
  if (!Number.isFinite(time) || !Number.isFinite(now)) return 'unknown';
  const line = Number.isFinite(days) && days > 0 ? days : DEFAULT_INACTIVE_DAYS;
  return Math.max(0, now - time) / 86_400_000 > line ? 'look' : 'fine';
}

/** Every signal's state for a saved profile at `now`: stored page signals, inactive from the newest post, growth from the history. */
export function signalStates(history: History, now: number, inactiveDays?: number): Partial<Record<SignalId, SignalState>> {
  const latest = latestSignals(history)?.signals;
  const states: Partial<Record<SignalId, SignalState>> = { 'growth-spike': growthState(history) };
  states.inactive = inactiveState(latest?.newestPost, now, inactiveDays);
  if (latest) for (const id of PAGE_SIGNAL_IDS) states[id] = latest.states[id];
  return states;
}

/** The estimated price of a post: median impressions ÷ 1,000 × CPM, with a range where counts were rounded. */
export type StoredValue =
  | { ok: true; value: number; range?: { low: number; high: number }; cpm: number; currency: string; impressionsFrom: 'views' | 'likes-proxy' }
  | { ok: false; reason: 'no-cpm' | 'no-posts' | 'too-few-posts' };

export function storedValue(platform: Platform, latest: SnapshotSignals | undefined, options: DerivedOptions = {}): StoredValue {
  const cpm = options.cpms?.[platform] ?? DEFAULT_CPMS[platform]?.perThousand;
  if (cpm === undefined || !Number.isFinite(cpm) || cpm < 0) return { ok: false, reason: 'no-cpm' };
  if (!latest) return { ok: false, reason: 'no-posts' };
  const { impressions } = latest;
  if (!impressions || !latest.impressionsFrom) return { ok: false, reason: 'too-few-posts' };
  const value: StoredValue = { ok: true, value: (impressions.value / 1000) * cpm, cpm, currency: options.currency ?? 'USD', impressionsFrom: latest.impressionsFrom };
  if (!impressions.exact) value.range = { low: (impressions.min / 1000) * cpm, high: (impressions.max / 1000) * cpm };
  return value;
}

/**
 * What a quoted price buys, from a snapshot's stored medians: the divisors quoteCosts
 * (lib/signals/value.ts) measures over the posts themselves, up to the median's rounding to a whole
 * count (tested). Summaries stored before the minimum sample was asked for may hold medians of
 * fewer posts: those give no cost per engagement or per view.
 */
export function storedQuoteCosts(amount: number, currency: string, latest: SnapshotSignals | undefined, followers: CountReading | undefined): QuoteCosts {
  const sampled = latest !== undefined && latest.posts >= MIN_SAMPLE_POSTS;
  const costs = costsOf(amount, { engagements: sampled ? latest.engagements : undefined, views: sampled ? latest.views : undefined, followers: checkedReading(followers) }, currency);
  const why: CostUnknown = !latest ? 'no-posts' : sampled ? 'few-views' : 'few-posts';
  const unknown: NonNullable<QuoteCosts['unknown']> = {};
  if (!costs.perEngagement && why !== 'few-views') unknown.perEngagement = why;
  if (!costs.perThousandViews) unknown.perThousandViews = why;
  if (Object.keys(unknown).length > 0 && Number.isFinite(amount) && amount >= 0) costs.unknown = unknown;
  return costs;
}

/** Everything the dashboard and the CSV show of a saved profile's signals, at `now`. */
export interface ProfileDecision {
  /** The latest summary, and when it was read. */
  latest?: { at: string; signals: SnapshotSignals };
  postsPerWeek?: number;
  newestPost?: string;
  approximate: boolean;
  /** Ids of the signals worth a look, in SIGNAL_IDS order. */
  looks: SignalId[];
  /**
   * Whether "none worth a look" can be said: a stored summary measured some signal (fine or look).
   * Without one (an old snapshot, too few posts) no look is "unknown", never zero; a growth spike
   * found in the history still counts.
   */
  known: boolean;
  value: StoredValue;
  /** Present when a price is quoted. */
  costs?: QuoteCosts;
}

/** A saved profile's activity, signals, value and costs, from its history and quote. */
export function profileDecision(
  profile: { platform: Platform; history: History; quote?: { amount: number; currency: string } },
  followers: CountReading | undefined,
  now: number,
  options: DerivedOptions = {},
): ProfileDecision {
  const latest = latestSignals(profile.history);
  const states = signalStates(profile.history, now, options.inactiveDays);
  const decision: ProfileDecision = {
    approximate: latest?.signals.approximate === true,
    looks: SIGNAL_IDS.filter((id) => states[id] === 'look'),
    known: latest !== undefined && (states.inactive !== 'unknown' || PAGE_SIGNAL_IDS.some((id) => states[id] !== 'unknown')),
    value: storedValue(profile.platform, latest?.signals, options),
  };
  if (latest) decision.latest = latest;
  if (latest?.signals.postsPerWeek !== undefined) decision.postsPerWeek = latest.signals.postsPerWeek;
  if (latest?.signals.newestPost !== undefined) decision.newestPost = latest.signals.newestPost;
  if (profile.quote) decision.costs = storedQuoteCosts(profile.quote.amount, profile.quote.currency, latest?.signals, followers);
  return decision;
}
