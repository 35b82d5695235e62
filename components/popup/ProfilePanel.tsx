import { useId } from 'react';
import { bandLabel, describeComparison, type BenchmarkResult } from '@/lib/benchmarks';
import type { CountReading } from '@/lib/count';
import type { ProfileView } from '@/lib/content-controller';
import { describeFormula, type EngagementSecondary } from '@/lib/engagement';
import { formatCount, formatInteger, formatPercent, formatRange } from '@/lib/format';
import { LIMITS, type SavedProfile } from '@/lib/shortlist';
import type { Platform } from '@/lib/sites/types';
import { describeTier, describeVerdict } from '@/lib/tiers';
import type { ProfileVerdict } from '@/lib/verdict';
import { PLATFORM_NAMES } from './platform-names';
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

const BASIS_WORDS = { followers: 'by followers', views: 'by views' } as const;

/** "48,150–48,249", or "48,150 or more" when the page wrote "48K+". */
export const countRange = formatRange;

function audience(platform: Platform): string {
  return platform === 'youtube' ? 'Subscribers' : 'Followers';
}

function postsWord(platform: Platform): string {
  return platform === 'tiktok' || platform === 'youtube' ? 'video' : 'post';
}

function Followers({ followers }: { followers: CountReading | undefined }) {
  if (!followers) return <>unknown</>;
  if (followers.exact) {
    return (
      <>
        <strong>{formatCount(followers)}</strong> <span className="mark">exact</span>
      </>
    );
  }
  return (
    <>
      <strong>
        {formatCount(followers)} ({countRange(followers)})
      </strong>{' '}
      <span className="mark mark-rounded">rounded by the page</span>
    </>
  );
}

function MicroMark({ tier }: { tier: NonNullable<ProfileVerdict['tier']> }) {
  if (tier.micro && !tier.borderline) return <span className="micro-mark">MICRO</span>;
  if (tier.possibleTiers.includes('micro')) return <span className="micro-mark micro-maybe">maybe MICRO</span>;
  return <span className="micro-mark micro-no">not micro</span>;
}

function TierSection({ verdict }: { verdict: ProfileVerdict }) {
  const { tier, followers, scheme } = verdict;
  const tierHeading = useId();
  return (
    <section className="block" aria-labelledby={tierHeading}>
      <h2 id={tierHeading}>Tier</h2>
      {tier ? (
        <>
          <p className="tier-row">
            <TierChip tier={tier.tier} text={tier.borderline ? describeVerdict(tier) : tier.label} />
            <MicroMark tier={tier} />
          </p>
          <p>{describeTier(tier.tier, scheme)}</p>
          {tier.borderline && followers && (
            <p className="warn" role="note">
              ⚠ Borderline: the page rounds the count, so the true count ({countRange(followers)}) could be{' '}
              {describeVerdict(tier)}.
            </p>
          )}
        </>
      ) : (
        <p className="warn">Tier unknown: the {audience(verdict.platform).toLowerCase()} count wasn’t read.</p>
      )}
      <p className="muted">Scheme: {scheme.name}</p>
    </section>
  );
}

function signedPoints(points: number): string {
  const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
  return `${sign}${Math.abs(points).toFixed(2)} points`;
}

/** The figures around the headline, each only when the data allows. */
function SecondaryFigures({ secondary, platform }: { secondary: EngagementSecondary; platform: Platform }) {
  const post = postsWord(platform);
  const rows: [label: string, value: string, hint?: string][] = [];
  if (secondary.medianPercent !== undefined && secondary.meanPercent !== undefined) {
    rows.push(['Median · mean', `${formatPercent(secondary.medianPercent)} · ${formatPercent(secondary.meanPercent)}`]);
  }
  if (secondary.meanMedianGap !== undefined) {
    rows.push([
      'Mean − median',
      signedPoints(secondary.meanMedianGap),
      'A large gap means a few posts (a viral one, or engagement pods) pull the mean away from the typical post.',
    ]);
  }
  const averages: [keyof EngagementSecondary, string][] = [
    ['averageLikes', 'likes'],
    ['averageComments', 'comments'],
    ['averageShares', 'shares'],
    ['averageViews', 'views'],
    ['averageReplies', 'replies'],
    ['averageReposts', 'reposts'],
  ];
  for (const [key, noun] of averages) {
    const value = secondary[key];
    if (value !== undefined) rows.push([`Average ${noun}`, `${formatInteger(value)} per ${post}`]);
  }
  if (secondary.viewRatePercent !== undefined) {
    rows.push(['Views ÷ followers', formatPercent(secondary.viewRatePercent)]);
  }
  if (secondary.likesPerFollower !== undefined) {
    rows.push([
      'Lifetime likes',
      `${secondary.likesPerFollower.toFixed(secondary.likesPerFollower < 10 ? 2 : 1)} per follower`,
      "TikTok's total likes over the account's life, divided by followers: a ratio, not a percent.",
    ]);
  }
  if (rows.length === 0) return null;
  // Folded: the headline and formula come first; a native <details> is keyboard-operable as is.
  return (
    <details className="more">
      <summary>More figures</summary>
      <dl className="figures secondary" aria-label="More figures">
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
      <h2 id={engagementHeading}>Engagement</h2>
      {engagement.ok ? (
        <>
          <p className="headline">
            <strong className="rate">
              {engagement.approximate ? '≈' : ''}
              {formatPercent(engagement.percent)}
            </strong>{' '}
            {BASIS_WORDS[engagement.basis]} <span className="muted">({engagement.method})</span>
            {engagement.approximate && <span className="mark mark-rounded">approximate</span>}
          </p>
          {engagement.range && (
            <p className="muted">
              Between {formatPercent(engagement.range.low)} and {formatPercent(engagement.range.high)} given the
              rounding.
            </p>
          )}
          <p className="formula">
            <span className="visually-hidden">Formula: </span>
            {describeFormula(engagement, platform)}
          </p>
        </>
      ) : state === 'loading' ? (
        <p className="muted">Waiting for the posts to load…</p>
      ) : (
        <p className="warn">{engagement.message}</p>
      )}
      <SecondaryFigures secondary={engagement.secondary} platform={platform} />
    </section>
  );
}

function BenchmarkSection({ benchmark, rateKnown }: { benchmark: BenchmarkResult; rateKnown: boolean }) {
  const benchmarkHeading = useId();
  return (
    <section className="block" aria-labelledby={benchmarkHeading}>
      <h2 id={benchmarkHeading}>Benchmark</h2>
      {benchmark.verdict === 'none' ? (
        // Without a rate the reason is the engagement message, already shown above.
        <p className="muted">{rateKnown ? benchmark.reason : 'No engagement rate to compare.'}</p>
      ) : (
        <>
          <p className={`benchmark benchmark-${benchmark.verdict}`}>{describeComparison(benchmark)}</p>
          <p className="muted">
            Band {bandLabel(benchmark.band)}; source:{' '}
            <a href={benchmark.source.url} target="_blank" rel="noreferrer">
              {benchmark.source.name}
            </a>{' '}
            ({benchmark.source.year}, {benchmark.source.method}). Figures {benchmark.version}.
          </p>
          {benchmark.caveats.length > 0 && (
            <ul className="caveats" aria-label="Caveats">
              {benchmark.caveats.map((caveat) => (
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
  return (
    <section className="block shortlist" aria-labelledby={shortlistHeading}>
      <h2 id={shortlistHeading}>Shortlist</h2>
      {saved ? (
        <>
          <p className="shortlist-row">
            <span className="muted">Saved {new Date(saved.savedAt).toLocaleDateString('en-US', { dateStyle: 'medium' })}</span>
            <button type="button" className="button" onClick={onRemove}>
              Remove from shortlist
            </button>
          </p>
          <TagsEditor tags={saved.tags} onChange={onTagsChange} suggestions={knownTags} />
          <div className="note">
            <label htmlFor={noteId}>Note</label>
            <textarea
              id={noteId}
              rows={3}
              maxLength={LIMITS.note}
              value={saved.note}
              placeholder="Rates, contact, what to pitch…"
              onChange={(event) => onNoteChange(event.target.value)}
            />
          </div>
        </>
      ) : (
        <p className="shortlist-row">
          <button type="button" className="button primary" onClick={onSave}>
            Save to shortlist
          </button>
          <span className="muted">Save to add tags and a note.</span>
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
  const notes = engagement.ok ? verdict.notes : verdict.notes.filter((note) => note !== engagement.message);
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
          Still reading the page: the figures may change.
        </p>
      )}

      <dl className="figures">
        <div className="figure">
          <dt>{audience(platform)}</dt>
          <dd>
            <Followers followers={followers} />
          </dd>
        </div>
      </dl>

      <TierSection verdict={verdict} />
      <EngagementSection verdict={verdict} />
      <BenchmarkSection benchmark={verdict.benchmark} rateKnown={engagement.ok} />

      {notes.length > 0 && (
        <section className="block" aria-labelledby={notesHeading}>
          <h2 id={notesHeading}>Notes</h2>
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
