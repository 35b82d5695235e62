import { compareEngagement, type BenchmarkResult } from './benchmarks';
import { checkedReading, type CountReading } from './count';
import { engagementRate, formulaBasis, type EngagementResult } from './engagement';
import type { Platform } from './platforms';
import { schemeOf, signalOptions, type Settings } from './settings';
import type { SavedSnapshot } from './shortlist/schema';
import { ownPosts, signalsOf, type SignalId, type SignalsReport } from './signals';
import { valueEstimate, type NoValueEstimate, type ValueEstimate } from './signals/value';
import type { ProfileSnapshot } from './sites/types';
import type { NoteCode } from './i18n';
import { TIER_COLOURS, TIER_GLYPHS, tierVerdict, type Tier, type TierScheme, type TierVerdict } from './tiers';

/**
 * loading: still reading the page; ok: tier and engagement known; partial: the tier is known but
 * not the engagement; unknown: the follower count could not be read.
 */
export type VerdictState = 'loading' | 'ok' | 'partial' | 'unknown';

/** Everything badge, popup and dashboard show about one profile, derived from one snapshot. */
export interface ProfileVerdict {
  platform: Platform;
  handle: string;
  displayName?: string;
  state: VerdictState;
  followers?: CountReading;
  scheme: TierScheme;
  tier?: TierVerdict & { glyph: string; colour: string; micro: boolean };
  engagement: EngagementResult;
  benchmark: BenchmarkResult;
  /** Reasons for whatever is missing, as codes: the UI makes the words (lib/i18n noteText). */
  notes: NoteCode[];
  /**
   * Decision signals on the profile's own posts (lib/signals signalsOf), activity included; absent
   * when the marketer turned signals off (settings.signals, signalOptions).
   */
  signals?: SignalsReport;
  /** What a post is worth (valueEstimate with signalOptions' CPM and currency); absent with `signals`. */
  value?: ValueEstimate | NoValueEstimate;
}

/** What buildVerdict needs beyond the page and the settings. */
export interface VerdictOptions {
  /** Epoch ms the activity is measured at (days since the newest post, inactivity). Default: Date.now(). */
  now?: number;
  /**
   * A saved profile's snapshots, for the growth signal. Absent: growth is unknown ('no-history').
   * The user's own data: whatever it flags never goes onto the page (badgeAttributes leaves it out).
   */
  history?: readonly SavedSnapshot[];
}

/**
 * Turns what the page showed into the verdict. `phase` 'reading' keeps a missing follower count
 * "loading"; once 'settled' it becomes "unknown" with the adapter's reason.
 */
export function buildVerdict(
  snapshot: ProfileSnapshot,
  settings: Settings,
  phase: 'reading' | 'settled',
  options: VerdictOptions = {},
): ProfileVerdict {
  const scheme = schemeOf(settings);
  const engagement = engagementRate(snapshot, {
    method: settings.engagementMethod,
    sampleSize: settings.sampleSize,
    includePinned: settings.includePinned,
  });
  const benchmark = compareEngagement(engagement, snapshot);
  // Never a negative, fractional or astronomical count on screen: such a reading is unknown.
  const followers = checkedReading(snapshot.followers);
  const tier = followers ? decorate(tierVerdict(followers, scheme)) : undefined;
  // What the page did not show; why engagement is unknown is engagement.message, shown beside it.
  const notes =
    snapshot.followers && !followers ? [...snapshot.notes, { key: 'noteFollowersUnusable' } as const] : snapshot.notes;

  let state: VerdictState;
  if (!followers) state = phase === 'reading' ? 'loading' : 'unknown';
  else if (engagement.ok) state = 'ok';
  // Posts often render after the header: keep "loading" until they had their chance.
  else state = phase === 'reading' && engagement.reason === 'no-qualifying-post' ? 'loading' : 'partial';

  return {
    platform: snapshot.platform,
    handle: snapshot.handle,
    displayName: snapshot.displayName,
    state,
    followers,
    scheme,
    tier,
    engagement,
    benchmark,
    notes,
    ...signalsPart(snapshot, settings, followers, engagement, options),
  };
}

/** The signals and the value estimate, unless the marketer turned signals off. */
function signalsPart(
  snapshot: ProfileSnapshot,
  settings: Settings,
  followers: CountReading | undefined,
  engagement: EngagementResult,
  options: VerdictOptions,
): Pick<ProfileVerdict, 'signals' | 'value'> {
  const chosen = signalOptions(settings, snapshot.platform);
  if (!chosen) return {};
  // The newest own posts, as many as the engagement sample takes: pinned posts and others'
  // reposts stay out whatever includePinned says (issue 16).
  const posts = ownPosts(snapshot.posts).slice(0, Math.max(1, settings.sampleSize));
  return {
    signals: signalsOf({
      platform: snapshot.platform,
      posts,
      followers,
      following: snapshot.following,
      engagement,
      history: options.history,
      now: options.now ?? Date.now(),
      inactiveDays: chosen.inactiveDays,
    }),
    value: valueEstimate(posts, snapshot.platform, { cpm: chosen.cpm, currency: chosen.currency }),
  };
}

function decorate(verdict: TierVerdict): NonNullable<ProfileVerdict['tier']> {
  const tier: Tier = verdict.tier;
  return {
    ...verdict,
    glyph: TIER_GLYPHS[tier],
    colour: TIER_COLOURS[tier],
    micro: tier === 'micro',
  };
}

/**
 * The badge host's data attributes: a contract that tests and users' automation rely on.
 * Values follow the verdict; attributes without a value are left out.
 */
export function badgeAttributes(verdict: ProfileVerdict): Record<string, string | undefined> {
  const { engagement, followers, tier } = verdict;
  const activity = verdict.signals?.activity;
  return {
    'data-platform': verdict.platform,
    'data-handle': verdict.handle,
    'data-followers': followers ? String(followers.value) : undefined,
    'data-followers-exact': followers ? String(followers.exact) : undefined,
    'data-tier': tier?.tier,
    'data-micro': tier ? String(tier.micro) : undefined,
    'data-engagement': engagement.ok ? engagement.percent.toFixed(4) : undefined,
    // The basis of the formula in use, known even while the rate is not.
    'data-basis': engagement.ok ? engagement.basis : formulaBasis(engagement.formula),
    'data-sample': engagement.ok ? String(engagement.sampleSize) : '0',
    'data-state': verdict.state,
    // UTC day of the newest own post in the sample (approximate on YouTube: "3 weeks ago").
    'data-last-post': activity ? utcDay(activity.newestAt) : undefined,
    'data-posts-per-week': activity?.postsPerWeek !== undefined ? activity.postsPerWeek.toFixed(2) : undefined,
    // Signals computed from the page only: growth-spike reads the user's saved history, which the
    // page must not learn from the host element (STYLE.md, "The page is not on our side").
    'data-flags': verdict.signals?.flags.filter((id) => !USERS_OWN_DATA_SIGNALS.has(id)).join(' '),
  };
}

/** Signals computed from the user's own data (the shortlist's history): never on the host element. */
const USERS_OWN_DATA_SIGNALS: ReadonlySet<SignalId> = new Set<SignalId>(['growth-spike']);

/** "2025-11-28" for an epoch ms; undefined for a time no Date can hold. */
function utcDay(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString().slice(0, 10) : undefined;
}
