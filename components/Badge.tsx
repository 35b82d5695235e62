import { useId, useRef, type KeyboardEvent } from 'react';
import type { EngagementFormula } from '@/lib/engagement';
import { audienceLabel, countPosts, formatAudience, formatCount, formatInteger, formatPercent, formatRange, methodWord } from '@/lib/format';
import { noteText, plural, t, uiLanguage } from '@/lib/i18n';
import { MIN_SAMPLE_POSTS } from '@/lib/signals/rules';
import type { ProfileVerdict } from '@/lib/verdict';
import { Signals } from './Signals';
import { describeComparison } from './words/benchmarks';
import { describeFormula } from './words/engagement';
import { say } from './words/message';
import { describeTier, describeVerdict, schemeName, tierLabel } from './words/tiers';

export interface BadgeProps {
  verdict: ProfileVerdict;
  expanded: boolean;
  onToggle: () => void;
  saved: boolean;
  /** The last Save could not be stored (never shown as saved then). */
  saveFailed?: boolean;
  onSave: () => void;
  /** Matches the host page's background so the badge stays legible on dark themes. */
  theme: 'light' | 'dark';
}

/** The headline's basis in a few words, as the collapsed badge has room for. */
function basisWords(formula: EngagementFormula, platform: ProfileVerdict['platform']): string {
  if (formula === 'likes+comments+shares/views') return t('basisByViews');
  const youtube = platform === 'youtube';
  if (formula === 'views/followers' || formula === 'views/subscribers') {
    return t(youtube ? 'basisViewRateBySubscribers' : 'basisViewRateByFollowers');
  }
  return t(youtube ? 'basisBySubscribers' : 'basisByFollowers');
}

/** Short forms of describeComparison's words, so pill and card never disagree. */
function verdictWord(benchmark: Exclude<ProfileVerdict['benchmark'], { verdict: 'none' }>): string {
  if (benchmark.verdict === 'above') return t(benchmark.aboveHighThreshold ? 'badgeVerdictHigh' : 'badgeVerdictAbove');
  return t(benchmark.verdict === 'below' ? 'badgeVerdictBelow' : 'badgeVerdictTypical');
}

/** The verdict beside the profile name: one line collapsed, the numbers behind it expanded. */
export function Badge({ verdict, expanded, onToggle, saved, saveFailed = false, onSave, theme }: BadgeProps) {
  const cardId = useId();
  const pill = useRef<HTMLButtonElement>(null);
  // Closing from inside the card (Close, Escape) hands focus back to the pill, not to the page's top.
  const close = (): void => {
    onToggle();
    pill.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape' && expanded) {
      event.stopPropagation();
      close();
    }
  };
  const { tier, engagement, benchmark, followers } = verdict;
  const tierWord = tier ? (tier.borderline ? describeVerdict(tier) : tierLabel(tier.tier)) : undefined;
  // Signals turned off in the settings: the verdict carries none, so no mark and no section.
  const flags = verdict.signals?.flags.length ?? 0;

  return (
    <div className={`ms-root ms-${theme}`} data-state={verdict.state} lang={uiLanguage()} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={pill}
        className="ms-pill"
        aria-expanded={expanded}
        aria-controls={cardId}
        onClick={onToggle}
        title={t('badgeTitle')}
      >
        <span className="ms-logo" aria-hidden="true">
          µ
        </span>
        {verdict.state === 'loading' && !tier ? (
          <span className="ms-muted">{t('badgeReading')}</span>
        ) : (
          <>
            {tier ? (
              <span className="ms-tier" style={{ backgroundColor: tier.colour }}>
                {tier.micro && !tier.borderline ? t('badgeMicro') : tierWord}
                {tier.borderline ? ` · ${t('badgeBorderline')}` : ''}
              </span>
            ) : (
              <span className="ms-tier ms-tier-unknown">{t('tierUnknown')}</span>
            )}
            <span className="ms-figure">
              {followers
                ? formatAudience(verdict.platform, followers)
                : t(verdict.platform === 'youtube' ? 'subscribersUnknown' : 'followersUnknown')}
            </span>
            <span className="ms-figure">
              {engagement.ok ? (
                <>
                  <strong>{formatPercent(engagement.percent)}</strong> {basisWords(engagement.formula, verdict.platform)}
                  {engagement.sampleSize < MIN_SAMPLE_POSTS && <span className="ms-muted"> {t('badgeFewPosts', countPosts(verdict.platform, engagement.sampleSize))}</span>}
                </>
              ) : (
                t('engagementUnknown')
              )}
            </span>
            {benchmark.verdict !== 'none' && (
              <span className={`ms-verdict ms-verdict-${benchmark.verdict}`}>{verdictWord(benchmark)}</span>
            )}
            {flags > 0 && (
              <span className="ms-flag">
                <span aria-hidden="true">⚑ {flags}</span>
                <span className="visually-hidden">{plural('signalsToLook', flags, formatInteger(flags))}</span>
              </span>
            )}
          </>
        )}
      </button>

      {expanded && (
        <section id={cardId} className="ms-card" aria-label={t('badgeDetailsLabel', verdict.handle)}>
          <dl className="ms-rows">
            <dt>{audienceLabel(verdict.platform)}</dt>
            <dd>
              {formatCount(followers)}
              {followers && !followers.exact && (
                <span className="ms-note">
                  {' '}
                  {t('roundedByPageRange', formatRange(followers))}
                </span>
              )}
              {followers?.exact && <span className="ms-note"> {t('exact')}</span>}
            </dd>

            <dt>{t('labelTier')}</dt>
            <dd>
              {tier ? describeTier(tier.tier, verdict.scheme) : t('unknown')}
              {tier?.borderline && (
                <span className="ms-warn"> {t('badgeBorderlineWarning', describeVerdict(tier))}</span>
              )}
              <span className="ms-note"> {t('schemeLabel', schemeName(verdict.scheme))}</span>
            </dd>

            <dt>{t('labelEngagement')}</dt>
            <dd>
              {engagement.ok ? (
                <>
                  <strong>{formatPercent(engagement.percent)}</strong>
                  {engagement.approximate && <span className="ms-note"> {t('approximateRoundedCounts')}</span>}
                  <span className="ms-note ms-block">{describeFormula(engagement, verdict.platform)}</span>
                </>
              ) : (
                <span className="ms-warn">{say(engagement.message)}</span>
              )}
            </dd>

            <dt>{t('labelSample')}</dt>
            <dd>{engagement.ok ? `${countPosts(verdict.platform, engagement.sampleSize)} (${methodWord(engagement.method)})` : t('noPostsUsed')}</dd>

            <dt>{t('labelBenchmark')}</dt>
            <dd>{engagement.ok ? describeComparison(benchmark) : t('needsEngagementRate')}</dd>
          </dl>

          {verdict.notes.length > 0 && (
            <ul className="ms-notes" aria-label={t('notesLabel')}>
              {verdict.notes.map(noteText).map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}

          {saveFailed && !saved && (
            <p className="ms-notes ms-save-failed" role="alert">
              {t('badgeSaveFailed')}
            </p>
          )}

          <div className="ms-actions">
            <button type="button" className="ms-button ms-primary" onClick={onSave} disabled={saved}>
              {saved ? t('savedToShortlist') : t('saveToShortlist')}
            </button>
            <button type="button" className="ms-button" onClick={close}>
              {t('close')}
            </button>
          </div>

          {/* After the actions, folded: Save stays the next Tab stop after the pill, and the card
              stays short on the page; the popup shows the same section unfolded. */}
          {verdict.signals && (
            <details className="ms-signals">
              <summary id={`${cardId}-signals`}>
                {t('signalsSectionHeading')}
                {flags > 0 && ` · ${plural('signalsToLook', flags, formatInteger(flags))}`}
              </summary>
              <Signals
                report={verdict.signals}
                value={verdict.value}
                platform={verdict.platform}
                sample={engagement.ok ? engagement.sampleSize : undefined}
                labelledBy={`${cardId}-signals`}
              />
            </details>
          )}
        </section>
      )}
    </div>
  );
}
