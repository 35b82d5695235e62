import { useId } from 'react';
import { countPosts, audienceNoun, formatDate, formatDecimal, formatInteger, formatPercent, formatPlain, formatPlainPercent } from '@/lib/format';
import { plural, t, type MessageKey } from '@/lib/i18n';
import { PLATFORM_NAMES, type Platform } from '@/lib/platforms';
import type { Activity, SignalsReport } from '@/lib/signals';
import { MASS_FOLLOWING, MIN_SAMPLE_POSTS, signalRule, type RuleId, type Signal, type SignalId, type UnknownReason } from '@/lib/signals/rules';
import type { Estimate, NoValueEstimate, ValueEstimate } from '@/lib/signals/value';
import { money } from './words/signals';

export interface SignalsProps {
  report: SignalsReport;
  /** The value estimate (valueEstimate); absent: no value part. */
  value?: ValueEstimate | NoValueEstimate;
  platform: Platform;
  /** Own posts the engagement rate was read on; below MIN_SAMPLE_POSTS the section says why signals are unknown. */
  sample?: number;
  /**
   * 2 in the popup (its sections are h2); absent in the badge's card, which has no headings (on a
   * third-party page any level could break the page's heading order): the titles are plain text.
   */
  headingLevel?: 2;
  /** The id of a title already shown above the section (the card's fold): then no title of its own. */
  labelledBy?: string;
}

type AnyId = SignalId | 'reach';

const NAMES: Record<AnyId, MessageKey> = {
  inactive: 'signalNameInactive',
  'low-engagement': 'signalNameLowEngagement',
  'comment-density': 'signalNameCommentDensity',
  'uniform-likes': 'signalNameUniformLikes',
  'viral-dependence': 'signalNameViralDependence',
  'views-likes': 'signalNameViewsLikes',
  'following-ratio': 'signalNameFollowingRatio',
  'growth-spike': 'signalNameGrowthSpike',
  reach: 'signalNameReach',
};

/** Every rule a signal checks, the first one being the one its minimum sample comes from (lib/signals). */
const RULES: Record<AnyId, readonly [RuleId, ...RuleId[]]> = {
  inactive: ['inactive'],
  'low-engagement': ['low-engagement'],
  'comment-density': ['comment-density-low', 'comment-density-high'],
  'uniform-likes': ['uniform-likes'],
  'viral-dependence': ['viral-dependence'],
  'views-likes': ['views-likes-high'],
  'following-ratio': ['mass-following'],
  'growth-spike': ['growth-rate', 'growth-round-jump', 'growth-falling-engagement'],
  reach: ['reach'],
};

const UNKNOWN: Record<Exclude<UnknownReason, 'too-few-posts'>, MessageKey> = {
  'likes-hidden': 'signalUnknownLikesHidden',
  'no-likes': 'signalUnknownNoLikes',
  'no-comments': 'signalUnknownNoComments',
  'no-dates': 'signalUnknownNoDates',
  'no-views': 'signalUnknownNoViews',
  'no-followers': 'signalUnknownNoFollowers',
  'no-following': 'signalUnknownNoFollowing',
  'no-history': 'signalUnknownNoHistory',
  'no-engagement': 'signalUnknownNoEngagement',
  'no-benchmark': 'signalUnknownNoBenchmark',
  'counts-rounded': 'signalUnknownCountsRounded',
};

/**
 * A ratio with two decimals ("0.08"), in the UI language; under 0.01, to its first significant
 * digit ("0.0006": 189 following of 312,418 followers is not "0.00").
 */
const ratio = (value: number): string => (value > 0 && value < 0.01 ? formatDecimal(value, Math.min(6, Math.ceil(-Math.log10(value)))) : formatDecimal(value, 2));
/** A fraction (0.05) as a percent ("5.00%"). */
const fraction = (value: number): string => formatPercent(value * 100);
/** A rule's threshold in words; every rule worded here has one (tests/lib/signals), else "unknown", never NaN. */
function threshold(id: RuleId, format: (value: number) => string = formatPlain): string {
  const value = signalRule(id).threshold;
  return value === undefined ? t('unknown') : format(value);
}

/** What was measured, in words. */
function measured(signal: Exclude<Signal<AnyId>, { state: 'unknown' }>, platform: Platform): string {
  const { value } = signal;
  switch (signal.id) {
    case 'inactive': {
      const days = Math.floor(value);
      if (days === 0) return t('signalValueInactiveToday');
      return plural('signalValueInactive', days, formatInteger(days));
    }
    case 'low-engagement':
      return formatPercent(value);
    case 'comment-density':
      return t('signalValueCommentDensity', formatDecimal(value, 1));
    case 'uniform-likes':
      return t('signalValueUniformLikes', ratio(value));
    case 'viral-dependence':
      return t('signalValueViralDependence', formatDecimal(value, 1));
    case 'views-likes':
      return t('signalValueViewsLikes', ratio(value));
    case 'following-ratio':
      return t('signalValueFollowingRatio', ratio(value));
    case 'growth-spike':
      if (signal.rule === 'growth-round-jump') return t('signalValueGrowthRoundJump', formatInteger(value));
      if (signal.rule === 'growth-falling-engagement') return t('signalValueGrowthFalling', fraction(value));
      return t('signalValueGrowthRate', fraction(value));
    case 'reach':
      return t('signalValueReach', fraction(value), audienceNoun(platform));
  }
}

/** The rule in words, with the thresholds of lib/signals/rules.ts (and the user's inactivity days). */
function ruleWords(id: AnyId, inactiveDays: number): string {
  switch (id) {
    case 'inactive':
      return plural('signalRuleInactive', inactiveDays, formatInteger(inactiveDays));
    case 'low-engagement':
      return t('signalRuleLowEngagement');
    case 'comment-density':
      return t('signalRuleCommentDensity', threshold('comment-density-low'), threshold('comment-density-high'));
    case 'uniform-likes':
      return t('signalRuleUniformLikes', threshold('uniform-likes'));
    case 'viral-dependence':
      return t('signalRuleViralDependence', threshold('viral-dependence'));
    case 'views-likes':
      return t('signalRuleViewsLikes', threshold('views-likes-high'));
    case 'following-ratio':
      return t('signalRuleFollowingRatio', threshold('mass-following'), formatInteger(MASS_FOLLOWING));
    case 'growth-spike':
      return t('signalRuleGrowthSpike', threshold('growth-rate', (value) => formatPlainPercent(value * 100)));
    case 'reach':
      return t('signalRuleReach');
  }
}

function unknownWords(id: AnyId, reason: UnknownReason): string {
  if (reason === 'too-few-posts') return t('signalUnknownTooFewPosts', formatInteger(Math.max(1, signalRule(RULES[id][0]).minSample)));
  return t(UNKNOWN[reason]);
}

/** One part of a rule's source: a URL with its remark, or text without a link. */
interface SourcePart {
  url?: string;
  text: string;
}

/**
 * A rule's source, "https://… (what it says); /3192822; writefulcopy.com …", in parts: a part
 * that is only a path ("/3192822") is a sibling of the URL before it.
 */
function sourceParts(source: string): SourcePart[] {
  let previous: string | undefined;
  return source.split('; ').map((raw) => {
    const part = raw.trim();
    const match = /^(https:\/\/\S+?|\/\S+?)(?:\s+(.*))?$/.exec(part);
    if (!match || (match[1]!.startsWith('/') && !previous)) return { text: part };
    const url = match[1]!.startsWith('/') ? previous!.replace(/\/[^/]*$/, '') + match[1]! : match[1]!;
    previous = url;
    return { url, text: match[2] ?? '' };
  });
}

function Sources({ id }: { id: AnyId }) {
  // Each URL once: the growth rules share an article.
  const seen = new Set<string>();
  const rules = RULES[id]
    .map((ruleId) => signalRule(ruleId))
    .map((rule) => ({ rule, parts: sourceParts(rule.source).filter((part) => !part.url || (!seen.has(part.url) && seen.add(part.url))) }))
    .filter(({ parts }) => parts.some((part) => part.url));
  return (
    <details className="sig-source">
      <summary>
        {t('signalSource')}
        <span className="visually-hidden"> ({t(NAMES[id])})</span>
      </summary>
      <ul>
        {rules.map(({ rule, parts }) => (
          <li key={rule.id}>
            {parts.map((part, index) => (
              <span key={part.url ?? part.text}>
                {index > 0 ? '; ' : ''}
                {part.url && (
                  // The badge sits in a closed shadow root on a third-party page: a plain link to a new tab, without opener or referrer.
                  <a href={part.url} target="_blank" rel="noopener noreferrer">
                    {part.url.replace(/^https:\/\//, '').replace(/\/$/, '')}
                    <span className="visually-hidden"> {t('opensInNewTab')}</span>
                  </a>
                )}
                {part.url && part.text ? ' ' : ''}
                {part.text}
              </span>
            ))}{' '}
            ({rule.sourceDate})
          </li>
        ))}
      </ul>
    </details>
  );
}

const STATE_WORDS = { fine: 'signalStateFine', look: 'signalStateLook', unknown: 'signalStateUnknown' } as const;
const STATE_MARKS = { fine: '✓', look: '⚑', unknown: '?', info: 'i' } as const;

function SignalLine({ signal, platform, inactiveDays }: { signal: Signal<AnyId>; platform: Platform; inactiveDays: number }) {
  const info = signal.id === 'reach' && signal.state !== 'unknown';
  const kind = info ? 'info' : signal.state;
  return (
    <li className={`sig-item sig-${kind}`} data-signal={signal.id} data-state={signal.state}>
      <span className="sig-state">
        <span aria-hidden="true">{STATE_MARKS[kind]} </span>
        {info ? t('signalStateInfo') : t(STATE_WORDS[signal.state])}
      </span>{' '}
      <span className="sig-name">{t(NAMES[signal.id])}</span>
      {': '}
      <span className="sig-value">{signal.state === 'unknown' ? unknownWords(signal.id, signal.reason) : measured(signal, platform)}</span>
{' '}
      <span className="sig-rule">{ruleWords(signal.id, inactiveDays)}</span>{' '}
      <Sources id={signal.id} />
    </li>
  );
}

/** "Posts ~0.5 a week, newest Nov 12, 2026", approximate where the page's dates are. */
function activityWords(activity: Activity | undefined): string {
  if (!activity) return t('activityLineUnknown');
  const date = formatDate(activity.newestAt);
  if (activity.postsPerWeek === undefined) return t(activity.approximate ? 'activityNewestApprox' : 'activityNewest', date);
  const perWeek = activity.postsPerWeek;
  const rate = perWeek >= 10 ? formatInteger(perWeek) : formatDecimal(perWeek, 1);
  return t(activity.approximate ? 'activityPerWeekApprox' : 'activityPerWeek', rate, date);
}

function estimateWords(estimate: Estimate, format: (value: number) => string): string {
  if (!estimate.range) return format(estimate.value);
  const [value, low, high] = [format(estimate.value), format(estimate.range.low), format(estimate.range.high)];
  // Rounded counts whose range vanishes in the shown precision: "USD 626", not "USD 626 (USD 626 to USD 626)".
  return low === high ? value : t('valueRange', value, low, high);
}

const NO_VALUE: Record<NoValueEstimate['reason'], MessageKey> = {
  'no-cpm': 'valueEstimateNoCpm',
  'too-few-posts': 'valueTooFewPosts',
  'likes-hidden': 'valueLikesHidden',
  'no-views': 'valueNoViews',
};

function ValuePart({ value, platform, headingLevel }: { value: ValueEstimate | NoValueEstimate; platform: Platform; headingLevel?: 2 }) {
  const Heading = headingLevel === 2 ? 'h3' : 'p';
  if (!value.ok) {
    const words =
      value.reason === 'no-cpm'
        ? t('valueEstimateNoCpm', PLATFORM_NAMES[platform])
        : t(NO_VALUE[value.reason], formatInteger(MIN_SAMPLE_POSTS));
    return (
      <div className="sig-value-estimate">
        <Heading className="sig-subheading">{t('valueHeading')}</Heading>
        <p className="sig-muted">{words}</p>
      </div>
    );
  }
  const amount = (number: number): string => money(number, value.currency, 'auto');
  const formula = t(
    value.impressions === 'views' ? 'valueFormulaViews' : 'valueFormulaLikes',
    // Inside the formula a range would nest parentheses: "≈" says the count was rounded.
    `${value.impressionsPerPost.range ? '≈' : ''}${formatInteger(value.impressionsPerPost.value)}`,
    amount(value.cpm),
  );
  return (
    <div className="sig-value-estimate">
      <Heading className="sig-subheading">{t('valueHeading')}</Heading>
      <p>{t('valuePrice', estimateWords(value.postPrice, amount))}</p>
      <p>{t('valueEarned', countPosts(platform, value.sample), estimateWords(value.earnedMediaValue, amount))}</p>
      <p className="sig-muted">{formula}</p>
    </div>
  );
}

/**
 * The decision signals of one profile: one line per signal (state, value, rule, source on demand),
 * the activity line and the value estimate. Never a score and never "fake": a signal is fine, worth
 * a look, or unknown with its reason.
 */
export function Signals({ report, value, platform, sample, headingLevel, labelledBy }: SignalsProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'p';
  const few = sample !== undefined && sample < MIN_SAMPLE_POSTS;
  return (
    <section className="sig" aria-labelledby={labelledBy ?? headingId}>
      {!labelledBy && (
        <Heading id={headingId} className="sig-heading">
          {t('signalsSectionHeading')}
        </Heading>
      )}
      <p className="sig-muted">{t('signalsIntro')}</p>
      {few && <p className="sig-few">{t('signalsFewPosts', countPosts(platform, sample), formatInteger(MIN_SAMPLE_POSTS))}</p>}
      <p className="sig-activity">{activityWords(report.activity)}</p>
      <ul className="sig-list">
        {[...report.signals, report.reach].map((signal) => (
          <SignalLine key={signal.id} signal={signal} platform={platform} inactiveDays={report.inactiveDays} />
        ))}
      </ul>
      {value && <ValuePart value={value} platform={platform} headingLevel={headingLevel} />}
    </section>
  );
}
