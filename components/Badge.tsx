import { useId } from 'react';
import { describeComparison } from '@/lib/benchmarks';
import { describeFormula } from '@/lib/engagement';
import type { EngagementFormula } from '@/lib/engagement';
import { audienceNoun, countNoun, formatCount, formatPercent, formatRange, postNoun } from '@/lib/format';
import { describeTier, describeVerdict } from '@/lib/tiers';
import type { ProfileVerdict } from '@/lib/verdict';

export interface BadgeProps {
  verdict: ProfileVerdict;
  expanded: boolean;
  onToggle: () => void;
  saved: boolean;
  onSave: () => void;
  /** Matches the host page's background so the badge stays legible on dark themes. */
  theme: 'light' | 'dark';
}

/** The headline's basis in a few words, as the collapsed badge has room for. */
function basisWords(formula: EngagementFormula, platform: ProfileVerdict['platform']): string {
  if (formula === 'likes+comments+shares/views') return 'by views';
  const by = `by ${audienceNoun(platform)}`;
  return formula === 'views/followers' || formula === 'views/subscribers' ? `view rate ${by}` : by;
}

/** Short forms of describeComparison's words, so pill and card never disagree. */
function verdictWord(benchmark: Exclude<ProfileVerdict['benchmark'], { verdict: 'none' }>): string {
  if (benchmark.verdict === 'above') return benchmark.aboveHighThreshold ? 'high' : 'above average';
  return benchmark.verdict === 'below' ? 'below average' : 'typical';
}

/** The verdict beside the profile name: one line collapsed, the numbers behind it expanded. */
export function Badge({ verdict, expanded, onToggle, saved, onSave, theme }: BadgeProps) {
  const cardId = useId();
  const { tier, engagement, benchmark, followers } = verdict;
  const tierWord = tier ? (tier.borderline ? describeVerdict(tier) : tier.label) : undefined;

  return (
    <div className={`ms-root ms-${theme}`} data-state={verdict.state}>
      <button
        type="button"
        className="ms-pill"
        aria-expanded={expanded}
        aria-controls={cardId}
        onClick={onToggle}
        title="MicroScope: click for the numbers behind this verdict"
      >
        <span className="ms-logo" aria-hidden="true">
          µ
        </span>
        {verdict.state === 'loading' && !tier ? (
          <span className="ms-muted">Reading profile…</span>
        ) : (
          <>
            {tier ? (
              <span className="ms-tier" style={{ backgroundColor: tier.colour }}>
                {tier.micro && !tier.borderline ? 'MICRO' : tierWord}
                {tier.borderline ? ' · borderline' : ''}
              </span>
            ) : (
              <span className="ms-tier ms-tier-unknown">Tier unknown</span>
            )}
            <span className="ms-figure">
              {followers
                ? `${formatCount(followers)} ${audienceNoun(verdict.platform, followers.value)}`
                : `${audienceNoun(verdict.platform)} unknown`}
            </span>
            <span className="ms-figure">
              {engagement.ok ? (
                <>
                  <strong>{formatPercent(engagement.percent)}</strong> {basisWords(engagement.formula, verdict.platform)}
                </>
              ) : (
                'engagement unknown'
              )}
            </span>
            {benchmark.verdict !== 'none' && (
              <span className={`ms-verdict ms-verdict-${benchmark.verdict}`}>{verdictWord(benchmark)}</span>
            )}
          </>
        )}
      </button>

      {expanded && (
        <section id={cardId} className="ms-card" aria-label={`MicroScope details for @${verdict.handle}`}>
          <dl className="ms-rows">
            <dt className="ms-capitalise">{audienceNoun(verdict.platform)}</dt>
            <dd>
              {formatCount(followers)}
              {followers && !followers.exact && (
                <span className="ms-note">
                  {' '}
                  rounded by the page: {formatRange(followers)}
                </span>
              )}
              {followers?.exact && <span className="ms-note"> exact</span>}
            </dd>

            <dt>Tier</dt>
            <dd>
              {tier ? describeTier(tier.tier, verdict.scheme) : 'unknown'}
              {tier?.borderline && (
                <span className="ms-warn"> Borderline: the rounded count could be {describeVerdict(tier)}.</span>
              )}
              <span className="ms-note"> Scheme: {verdict.scheme.name}</span>
            </dd>

            <dt>Engagement</dt>
            <dd>
              {engagement.ok ? (
                <>
                  <strong>{formatPercent(engagement.percent)}</strong>
                  {engagement.approximate && <span className="ms-note"> approximate (rounded counts)</span>}
                  <span className="ms-note ms-block">{describeFormula(engagement, verdict.platform)}</span>
                </>
              ) : (
                <span className="ms-warn">{engagement.message}</span>
              )}
            </dd>

            <dt>Sample</dt>
            <dd>{engagement.ok ? `${countNoun(engagement.sampleSize, postNoun(verdict.platform, 1), postNoun(verdict.platform))} (${engagement.method})` : 'no posts used'}</dd>

            <dt>Benchmark</dt>
            <dd>{engagement.ok ? describeComparison(benchmark) : 'needs an engagement rate'}</dd>
          </dl>

          {verdict.notes.length > 0 && (
            <ul className="ms-notes" aria-label="What could not be read">
              {verdict.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}

          <div className="ms-actions">
            <button type="button" className="ms-button ms-primary" onClick={onSave} disabled={saved}>
              {saved ? 'Saved to shortlist ✓' : 'Save to shortlist'}
            </button>
            <button type="button" className="ms-button" onClick={onToggle}>
              Close
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
