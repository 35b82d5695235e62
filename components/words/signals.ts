import { formatDecimal } from '@/lib/format';
import { listInWords, t, type MessageKey } from '@/lib/i18n';
import type { SignalId } from '@/lib/signals';
import type { Estimate } from '@/lib/signals/value';

/** Message keys of each signal's name, as the dashboard shows it. */
export const SIGNAL_NAMES: Readonly<Record<SignalId, MessageKey>> = {
  inactive: 'shortlistSignalInactive',
  'low-engagement': 'shortlistSignalLowEngagement',
  'comment-density': 'shortlistSignalCommentDensity',
  'uniform-likes': 'shortlistSignalUniformLikes',
  'viral-dependence': 'shortlistSignalViralDependence',
  'views-likes': 'shortlistSignalViewsLikes',
  'following-ratio': 'shortlistSignalFollowingRatio',
  'growth-spike': 'shortlistSignalGrowthSpike',
};

/** "Worth a look: No recent post and Likes too uniform". */
export function looksTitle(looks: readonly SignalId[]): string {
  return looks.length === 0 ? t('signalsNone') : t('signalsLookTitle', listInWords(looks.map((id) => t(SIGNAL_NAMES[id])), 'conjunction'));
}

/** An amount and its currency label as typed: "1,500.00 EUR"; the label is never converted or guessed. */
export function money(value: number, currency: string): string {
  return `${formatDecimal(value, 2)} ${currency}`.trim();
}

/** The range of an estimate from rounded counts, for a tooltip; undefined when the counts were exact. */
export function rangeTitle(estimate: Estimate | undefined, currency: string): string | undefined {
  return estimate?.range ? t('costRange', money(estimate.range.low, currency), money(estimate.range.high, currency)) : undefined;
}
