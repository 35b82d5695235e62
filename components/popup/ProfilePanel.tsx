import { useEffect, useId, useRef } from 'react';
import type { BenchmarkResult } from '@/lib/benchmarks';
import type { CountReading } from '@/lib/count';
import type { ProfileView } from '@/lib/model';
import type { EngagementSecondary } from '@/lib/engagement';
import { audienceLabel, formatCount, formatDate, formatDecimal, formatInteger, formatPercent, formatRange, formatSignedDecimal, methodWord } from '@/lib/format';
import { noteText, t, type MessageKey } from '@/lib/i18n';
import { PLATFORM_NAMES, type Platform } from '@/lib/platforms';
import { LIMITS, type SavedProfile } from '@/lib/shortlist/schema';
import type { ProfileVerdict } from '@/lib/verdict';
import { Signals } from '../Signals';
import { bandLabel, describeComparison } from '../words/benchmarks';
import { describeFormula } from '../words/engagement';
import { say } from '../words/message';
import { describeTier, describeVerdict, schemeName, tierLabel } from '../words/tiers';
import { TagsEditor } from './TagsEditor';
import { TierChip } from './TierChip';

export interface ProfilePanelProps {
  view: ProfileView;
  /** The saved entry of this profile; undefined when it is not on the shortlist. */
  saved: SavedProfile | undefined;
  onSave: () => void;
  onRemove: () => void;
  onTagsChange: (tags: string[]) => void;
  onNoteChange: (note: string) => void;
  /** Tags used on other saved profiles, offered while typing. */
  knownTags?: readonly string[];
}

const BASIS_WORDS = { followers: 'basisByFollowers', views: 'basisByViews' } as const;

/** "48,150–48,249", or "48,150 or more" when the page wrote "48K+". */
export const countRange = formatRange;

function Followers({ followers }: { followers: CountReading | undefined }) {
  if (!followers) return <>{t('unknown')}</>;
  if (followers.exact) {
    return (
      <>
        <strong>{formatCount(followers)}</strong> <span className="mark">{t('exact')}</span>
      </>
    );
  }
  return (
    <>
      <strong>
        {formatCount(followers)} ({countRange(followers)})
      </strong>{' '}
      <span className="mark mark-rounded">{t('roundedByPage')}</span>
    </>
  );
}

function MicroMark({ tier }: { tier: NonNullable<ProfileVerdict['tier']> }) {
  if (tier.micro && !tier.borderline) return <span className="micro-mark">{t('badgeMicro')}</span>;
  if (tier.possibleTiers.includes('micro')) return <span className="micro-mark micro-maybe">{t('maybeMicro')}</span>;
  return <span className="micro-mark micro-no">{t('notMicro')}</span>;
}

function TierSection({ verdict }: { verdict: ProfileVerdict }) {
  const { tier, followers, scheme } = verdict;
  const tierHeading = useId();
  return (
    <section className="block" aria-labelledby={tierHeading}>
      <h2 id={tierHeading}>{t('labelTier')}</h2>
      {tier ? (
        <>
          <p className="tier-row">
            <TierChip tier={tier.tier} text={tier.borderline ? describeVerdict(tier) : tierLabel(tier.tier)} />
            <MicroMark tier={tier} />
          </p>
          <p>{describeTier(tier.tier, scheme)}</p>
          {tier.borderline && followers && (
            <p className="warn" role="note">
              ⚠ {t('borderlineWarning', countRange(followers), describeVerdict(tier))}
            </p>
          )}
        </>
      ) : (
        <p className="warn">{t(verdict.platform === 'youtube' ? 'tierUnknownSubscribers' : 'tierUnknownFollowers')}</p>
      )}
      <p className="muted">{t('schemeLabel', schemeName(scheme))}</p>
    </section>
  );
}

function signedPoints(points: number): string {
  return t('points', formatSignedDecimal(points, 2));
}

/** The figures around the headline, each only when the data allows. */
function SecondaryFigures({ secondary, platform }: { secondary: EngagementSecondary; platform: Platform }) {
  const videos = platform === 'tiktok' || platform === 'youtube';
  const rows: [label: string, value: string, hint?: string][] = [];
  if (secondary.medianPercent !== undefined && secondary.meanPercent !== undefined) {
    rows.push([t('figureMedianMean'), `${formatPercent(secondary.medianPercent)} · ${formatPercent(secondary.meanPercent)}`]);
  }
  if (secondary.meanMedianGap !== undefined) {
    rows.push([
      t('figureMeanMinusMedian'),
      signedPoints(secondary.meanMedianGap),
      t('figureMeanMinusMedianHint'),
    ]);
  }
  const averages: [keyof EngagementSecondary, MessageKey][] = [
    ['averageLikes', 'figureAverageLikes'],
    ['averageComments', 'figureAverageComments'],
    ['averageShares', 'figureAverageShares'],
    ['averageViews', 'figureAverageViews'],
    ['averageReplies', 'figureAverageReplies'],
    ['averageReposts', 'figureAverageReposts'],
  ];
  for (const [key, label] of averages) {
    const value = secondary[key];
    if (value !== undefined) rows.push([t(label), t(videos ? 'perVideo' : 'perPost', formatInteger(value))]);
  }
  if (secondary.viewRatePercent !== undefined) {
    rows.push([t('figureViewsPerFollowers'), formatPercent(secondary.viewRatePercent)]);
  }
  if (secondary.likesPerFollower !== undefined) {
    rows.push([
      t('figureLifetimeLikes'),
      t('perFollower', formatDecimal(secondary.likesPerFollower, secondary.likesPerFollower < 10 ? 2 : 1)),
      t('figureLifetimeLikesHint'),
    ]);
  }
  if (rows.length === 0) return null;
  // Folded: the headline and formula come first; a native <details> is keyboard-operable as is.
  return (
    <details className="more">
      <summary>{t('moreFigures')}</summary>
      <dl className="figures secondary" aria-label={t('moreFigures')}>
        {rows.map(([label, value, hint]) => (
          <div key={label} className="figure">
            <dt>{label}</dt>
            <dd>
              {value}
              {hint && <span className="hint">{hint}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function EngagementSection({ verdict }: { verdict: ProfileVerdict }) {
  const { engagement, platform, state } = verdict;
  const engagementHeading = useId();
  return (
    <section className="block" aria-labelledby={engagementHeading}>
      <h2 id={engagementHeading}>{t('labelEngagement')}</h2>
      {engagement.ok ? (
        <>
          <p className="headline">
            <strong className="rate">
              {engagement.approximate ? '≈' : ''}
              {formatPercent(engagement.percent)}
            </strong>{' '}
            {t(BASIS_WORDS[engagement.basis])} <span className="muted">({methodWord(engagement.method)})</span>
            {engagement.approximate && <span className="mark mark-rounded">{t('approximate')}</span>}
          </p>
          {engagement.range && (
            <p className="muted">
              {t('rateRange', formatPercent(engagement.range.low), formatPercent(engagement.range.high))}
            </p>
          )}
          <p className="formula">
            <span className="visually-hidden">{t('formulaLabel')} </span>
            {describeFormula(engagement, platform)}
          </p>
        </>
      ) : state === 'loading' ? (
        <p className="muted">{t('waitingForPosts')}</p>
      ) : (
        <p className="warn">{say(engagement.message)}</p>
      )}
      <SecondaryFigures secondary={engagement.secondary} platform={platform} />
    </section>
  );
}

function BenchmarkSection({ benchmark, rateKnown }: { benchmark: BenchmarkResult; rateKnown: boolean }) {
  const benchmarkHeading = useId();
  return (
    <section className="block" aria-labelledby={benchmarkHeading}>
      <h2 id={benchmarkHeading}>{t('labelBenchmark')}</h2>
      {benchmark.verdict === 'none' ? (
        // Without a rate the reason is the engagement message, already shown above.
        <p className="muted">{rateKnown ? say(benchmark.reason) : t('benchmarkNoRate')}</p>
      ) : (
        <>
          <p className={`benchmark benchmark-${benchmark.verdict}`}>{describeComparison(benchmark)}</p>
          <p className="muted">
            {t('benchmarkBand', bandLabel(benchmark.band))}{' '}
            <a href={benchmark.source.url} target="_blank" rel="noreferrer">
              {benchmark.source.name}
            </a>{' '}
            ({benchmark.source.year}, {t(benchmark.source.method)}). {t('benchmarkFigures', benchmark.version)}
          </p>
          {benchmark.caveats.length > 0 && (
            <ul className="caveats" aria-label={t('caveats')}>
              {benchmark.caveats.map(say).map((caveat) => (
                <li key={caveat}>{caveat}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function ShortlistSection(props: ProfilePanelProps) {
  const { saved, onSave, onRemove, onTagsChange, onNoteChange, knownTags } = props;
  const noteId = useId();
  const shortlistHeading = useId();
  // Save and Remove replace each other: the one that appears takes the keyboard focus the clicked
  // one had, instead of leaving it on the page's body.
  const toggleButton = useRef<HTMLButtonElement>(null);
  const handOver = useRef(false);
  const isSaved = saved !== undefined;
  useEffect(() => {
    if (!handOver.current) return;
    handOver.current = false;
    toggleButton.current?.focus();
  }, [isSaved]);
  const toggle = (action: () => void) => () => {
    handOver.current = true;
    action();
  };
  return (
    <section className="block shortlist" aria-labelledby={shortlistHeading}>
      <h2 id={shortlistHeading}>{t('shortlist')}</h2>
      {saved ? (
        <>
          <p className="shortlist-row">
            <span className="muted">{t('savedOn', formatDate(saved.savedAt))}</span>
            <button type="button" className="button" ref={toggleButton} onClick={toggle(onRemove)}>
              {t('removeFromShortlist')}
            </button>
          </p>
          <TagsEditor tags={saved.tags} onChange={onTagsChange} suggestions={knownTags} />
          <div className="note">
            <label htmlFor={noteId}>{t('note')}</label>
            <textarea
              id={noteId}
              rows={3}
              maxLength={LIMITS.note}
              value={saved.note}
              placeholder={t('notePlaceholder')}
              onChange={(event) => onNoteChange(event.target.value)}
            />
          </div>
        </>
      ) : (
        <p className="shortlist-row">
          <button type="button" className="button button-primary" ref={toggleButton} onClick={toggle(onSave)}>
            {t('saveToShortlist')}
          </button>
          <span className="muted">{t('saveHint')}</span>
        </p>
      )}
    </section>
  );
}

/** Everything known about the profile in the tab: numbers, how they were worked out, and the shortlist. */
export function ProfilePanel(props: ProfilePanelProps) {
  const { verdict } = props.view;
  const { followers, platform, engagement } = verdict;
  // buildVerdict repeats the engagement message among the notes: it is shown under Engagement.
  const words = verdict.notes.map(noteText);
  const notes = engagement.ok ? words : words.filter((note) => note !== say(engagement.message));
  const profileHeading = useId();
  const notesHeading = useId();
  return (
    <article className="profile" aria-labelledby={profileHeading} data-state={verdict.state}>
      <header className="profile-head">
        <p className="platform">{PLATFORM_NAMES[platform]}</p>
        <h1 id={profileHeading}>@{verdict.handle}</h1>
        {verdict.displayName && <p className="display-name">{verdict.displayName}</p>}
      </header>

      {verdict.state === 'loading' && (
        <p className="status" role="status">
          {t('stillReading')}
        </p>
      )}

      <dl className="figures">
        <div className="figure">
          <dt>{audienceLabel(platform)}</dt>
          <dd>
            <Followers followers={followers} />
          </dd>
        </div>
      </dl>

      <TierSection verdict={verdict} />
      <EngagementSection verdict={verdict} />
      <BenchmarkSection benchmark={verdict.benchmark} rateKnown={engagement.ok} />
      {/* Absent when the settings turn signals off (lib/settings.ts signalOptions). */}
      {verdict.signals && (
        <Signals
          report={verdict.signals}
          value={verdict.value}
          platform={platform}
          sample={engagement.ok ? engagement.sampleSize : undefined}
          headingLevel={2}
        />
      )}

      {notes.length > 0 && (
        <section className="block" aria-labelledby={notesHeading}>
          <h2 id={notesHeading}>{t('notes')}</h2>
          <ul className="notes">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}

      <ShortlistSection {...props} />
    </article>
  );
}
