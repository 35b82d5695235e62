import { compareEngagement, type BenchmarkResult } from './benchmarks';
import { checkedReading, type CountReading } from './count';
import { engagementRate, formulaBasis, type EngagementResult } from './engagement';
import type { Platform } from './platforms';
import { schemeOf, type Settings } from './settings';
import type { ProfileSnapshot } from './sites/types';
import type { NoteCode } from './i18n';
import type { SignalsReport } from './signals';
import type { NoValueEstimate, ValueEstimate } from './signals/value';
import { TIER_COLOURS, TIER_GLYPHS, tierLabel, tierVerdict, type Tier, type TierScheme, type TierVerdict } from './tiers';

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
  tier?: TierVerdict & { label: string; glyph: string; colour: string; micro: boolean };
  engagement: EngagementResult;
  benchmark: BenchmarkResult;
  /** Reasons for whatever is missing, as codes: the UI makes the words (lib/i18n noteText). */
  notes: NoteCode[];
  /** Decision signals (issue 16, lib/signals signalsOf); absent when not computed or turned off (signalOptions). */
  signals?: SignalsReport;
  /** What a post is worth (valueEstimate with signalOptions' CPM and currency); absent with `signals`. */
  value?: ValueEstimate | NoValueEstimate;
}

/**
 * Turns what the page showed into the verdict. `phase` 'reading' keeps a missing follower count
 * "loading"; once 'settled' it becomes "unknown" with the adapter's reason.
 */
export function buildVerdict(snapshot: ProfileSnapshot, settings: Settings, phase: 'reading' | 'settled'): ProfileVerdict {
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
  };
}

function decorate(verdict: TierVerdict): NonNullable<ProfileVerdict['tier']> {
  const tier: Tier = verdict.tier;
  return {
    ...verdict,
    label: tierLabel(tier),
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
  };
}
