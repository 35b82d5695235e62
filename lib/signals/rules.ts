/*
 * Decision signals: measurements from a profile page, each with a published rule of thumb.
 * Never "fake", never a score: a signal is fine, worth a look (the value and the rule it
 * crossed), or unknown (a reason code). Facts and sources: /work/shared/research/signals.md.
 * Thresholds are data, like lib/benchmarks.ts: editable, each with its source and date.
 */

/** The signals that can raise a flag; the badge's `data-flags` carries them in this order. */
export const SIGNAL_IDS = [
  'inactive',
  'low-engagement',
  'comment-density',
  'uniform-likes',
  'viral-dependence',
  'views-likes',
  'following-ratio',
  'growth-spike',
] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

/** Measurements shown beside the signals that never raise a flag. */
export type InfoId = 'reach';

/** Each threshold a signal checks; a signal may check several (too low, too high, …). */
export type RuleId =
  | 'inactive'
  | 'low-engagement'
  | 'comment-density-low'
  | 'comment-density-high'
  | 'uniform-likes'
  | 'viral-dependence'
  | 'views-likes-high'
  | 'reach'
  | 'mass-following'
  | 'growth-rate'
  | 'growth-round-jump'
  | 'growth-falling-engagement';

/** Why a signal could not be measured. */
export type UnknownReason =
  | 'too-few-posts'
  | 'likes-hidden'
  | 'no-likes'
  | 'no-comments'
  | 'no-dates'
  | 'no-views'
  | 'no-followers'
  | 'no-following'
  | 'no-history'
  | 'no-engagement'
  | 'no-benchmark'
  | 'counts-rounded';

/** A measured value and the rule checked: the one crossed when 'look', the main one when 'fine'. */
export interface SignalMeasured<Id extends string = SignalId> {
  id: Id;
  state: 'fine' | 'look';
  /** Finite, in the unit of the rule (days, ratio, comments per 100 likes…). */
  value: number;
  rule: RuleId;
  /** Posts (or snapshot intervals) measured. */
  sample: number;
}

export interface SignalUnknown<Id extends string = SignalId> {
  id: Id;
  state: 'unknown';
  reason: UnknownReason;
}

export type Signal<Id extends string = SignalId> = SignalMeasured<Id> | SignalUnknown<Id>;

/** One row of SIGNAL_RULES. */
export interface SignalRule {
  id: RuleId;
  signal: SignalId | InfoId;
  /** 'below': look when value < threshold; 'above': look when value > threshold; 'none': informational. */
  direction: 'below' | 'above' | 'none';
  /** In the signal's unit; absent when it comes from elsewhere (the benchmark band). */
  threshold?: number;
  /** Smallest sample (own posts, or dated snapshots for growth) the rule is read on. */
  minSample: number;
  /** Where the rule comes from. */
  source: string;
  /** Date of the source: as stated, else when it was read (YYYY-MM). */
  sourceDate: string;
  /** What the source does not say, where MicroScope had to choose. */
  note?: string;
}

/**
 * Below this many own posts an engagement rate gets no benchmark verdict and post signals are
 * unknown('too-few-posts'): the median of fewer posts is one post's luck (trendHERO's 5-post example).
 */
export const MIN_SAMPLE_POSTS = 5;

/** Default for the activity signal: no own post for this many days is worth a look. */
export const DEFAULT_INACTIVE_DAYS = 30;

// Pages of shared/research/signals.md are undated: 2026-12 is when they were read.
const READ = '2026-12';

/** Every threshold the signals use, with its source. */
export const SIGNAL_RULES: readonly SignalRule[] = [
  {
    id: 'inactive',
    signal: 'inactive',
    direction: 'above',
    threshold: DEFAULT_INACTIVE_DAYS,
    minSample: 1,
    source: 'https://www.noxinfluencer.com/ (NoxScore methodology: 3–5 uploads a week over 3 months)',
    sourceDate: READ,
    note: 'Days since the newest own post. NoxScore rates frequency; the 30-day line is MicroScope\'s default, a setting.',
  },
  {
    id: 'low-engagement',
    signal: 'low-engagement',
    direction: 'below',
    minSample: MIN_SAMPLE_POSTS,
    source: 'https://www.modash.io/engagement-rate-calculator (the band for the tier, via lib/benchmarks.ts); spendvet.com fake-follower checker',
    sourceDate: '2025-11',
    note: 'Threshold: the low edge of the benchmark band compare() picks; the bands carry their own dates (BENCHMARKS_VERSION).',
  },
  {
    id: 'comment-density-low',
    signal: 'comment-density',
    direction: 'below',
    threshold: 2,
    minSample: MIN_SAMPLE_POSTS,
    source: 'https://help.buzzguru.com/ (Instagram metrics: 2–5 comments per 100 likes); https://help.hypeauditor.com/en/articles/2541185',
    sourceDate: READ,
    note: 'Sources say "far below" without a number: the healthy band\'s edge is used.',
  },
  {
    id: 'comment-density-high',
    signal: 'comment-density',
    direction: 'above',
    threshold: 5,
    minSample: MIN_SAMPLE_POSTS,
    source: 'https://help.buzzguru.com/ (Instagram metrics: 2–5 comments per 100 likes); https://help.hypeauditor.com/en/articles/2541185',
    sourceDate: READ,
    note: 'Comment pods and giveaways; "far above" has no number: the healthy band\'s edge is used.',
  },
  {
    id: 'uniform-likes',
    signal: 'uniform-likes',
    direction: 'below',
    threshold: 0.1,
    minSample: 8,
    source: 'https://help.traackr.com/en/articles/3102716; writefulcopy.com "five ways to spot fake influencers"',
    sourceDate: READ,
    note: 'Coefficient of variation (stdev ÷ mean) of exact like counts. No source gives a number: 0.1 is MicroScope\'s choice.',
  },
  {
    id: 'viral-dependence',
    signal: 'viral-dependence',
    direction: 'above',
    threshold: 2,
    minSample: MIN_SAMPLE_POSTS,
    source: 'https://help.trendhero.io/ (analytics: mean 360 vs median 200 over 100, 200, 200, 300, 1000)',
    sourceDate: READ,
    note: 'Mean ÷ median engagements per post. No source gives a line: 2 (the mean twice the median) is MicroScope\'s choice.',
  },
  {
    id: 'views-likes-high',
    signal: 'views-likes',
    direction: 'above',
    threshold: 1,
    minSample: MIN_SAMPLE_POSTS,
    source: 'https://www.modash.io/tiktok-engagement-rate-calculator (engagements ÷ views); "unexplainable views-to-likes ratio" red flag',
    sourceDate: '2025-11',
    note: 'Median likes ÷ median views. More likes than views is the unexplainable case; no source gives a low line.',
  },
  {
    id: 'reach',
    signal: 'reach',
    direction: 'none',
    minSample: MIN_SAMPLE_POSTS,
    source: 'https://www.noxinfluencer.com/ (NoxScore weights views ÷ subscribers 35 %)',
    sourceDate: READ,
    note: 'Median views ÷ followers; informational, never a flag.',
  },
  {
    id: 'mass-following',
    signal: 'following-ratio',
    direction: 'above',
    threshold: 1,
    minSample: 0,
    source: 'https://help.hypeauditor.com/en/articles/2771120 (mass followers: following > 1,500); /3192822',
    sourceDate: READ,
    note: 'Following ÷ followers above 1 while following more than MASS_FOLLOWING accounts. HypeAuditor applies 1,500 to audience accounts; applied here to the creator.',
  },
  {
    id: 'growth-rate',
    signal: 'growth-spike',
    direction: 'above',
    threshold: 0.05,
    minSample: 2,
    source: 'https://support.popularpays.com/en/articles/2959087; HypeAuditor followers graph',
    sourceDate: READ,
    note: 'Follower gain per day as a fraction of the earlier count (intervals under a day count as a day). 5 % a day is MicroScope\'s choice.',
  },
  {
    id: 'growth-round-jump',
    signal: 'growth-spike',
    direction: 'above',
    minSample: 2,
    source: 'https://support.popularpays.com/en/articles/2959095 (jumps of exactly 1K/5K suggest purchase)',
    sourceDate: READ,
    note: 'A gain of exactly one of ROUND_JUMPS between two exact counts.',
  },
  {
    id: 'growth-falling-engagement',
    signal: 'growth-spike',
    direction: 'above',
    threshold: 0.05,
    minSample: 2,
    source: 'https://support.popularpays.com/en/articles/2959087 (a spike with falling engagement is the red flag)',
    sourceDate: READ,
    note: 'A gain over the growth-rate line while the engagement rate (same basis and method) fell.',
  },
];

/** Following above this many accounts is "mass following" (HypeAuditor, help article 2771120). */
export const MASS_FOLLOWING = 1_500;

/** Follower gains that look like a bought package (popularpays 2959095: "exactly 1K/5K"). */
export const ROUND_JUMPS: readonly number[] = [1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 25_000, 50_000, 100_000];

/** The row for a rule from an edited table, else from SIGNAL_RULES (which has every RuleId: tested). */
export function signalRule(id: RuleId, rules: readonly SignalRule[] = SIGNAL_RULES): SignalRule {
  return rules.find((candidate) => candidate.id === id) ?? SIGNAL_RULES.find((candidate) => candidate.id === id)!;
}
