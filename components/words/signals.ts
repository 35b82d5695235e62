import { formatDecimal, formatInteger } from '@/lib/format';
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

/**
 * An amount with the currency label as typed, in the order and spacing of the language's moneyAmount
 * message ("USD 1,500.00"; German "1.500,00 USD", Dutch "USD 1.500,00"); the label is never converted or
 * guessed. 'cents' always writes two decimals (a table's column lines up); 'auto' whole units from 100
 * on and cents below (the popup: "USD 2,000", "USD 30.00"). The one money writer of badge, popup and dashboard.
 */
export function money(value: number, currency: string, precision: 'cents' | 'auto' = 'cents'): string {
  const amount = precision === 'auto' && value >= 100 ? formatInteger(value) : formatDecimal(value, 2);
  // An empty label leaves the amount alone, without the message's space.
  return currency.trim() === '' ? amount : t('moneyAmount', currency, amount);
}

/** The range of an estimate from rounded counts, for a tooltip; undefined when the counts were exact. */
export function rangeTitle(estimate: Estimate | undefined, currency: string): string | undefined {
  return estimate?.range ? t('costRange', money(estimate.range.low, currency), money(estimate.range.high, currency)) : undefined;
}
