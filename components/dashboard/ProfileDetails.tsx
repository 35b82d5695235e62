import { useEffect, useId, useRef, useState } from 'react';
import { formatCount, formatDate, formatDateTime, formatDecimal, formatInteger, formatPercent } from '@/lib/format';
import { t } from '@/lib/i18n';
import { PLATFORM_NAMES } from '@/lib/platforms';
import { LIMITS, normaliseQuote, splitTags, type Quote, type SavedProfile } from '@/lib/shortlist/schema';
import { latestSignals } from '@/lib/shortlist/signals-summary';
import { MIN_SAMPLE_POSTS } from '@/lib/signals/rules';
import type { CostUnknown, Estimate } from '@/lib/signals/value';
import { tierLabel } from '../words/tiers';
import { BENCHMARK_WORDS, displayHandle, looksAt, type ShortlistRow } from './shortlist-rows';
import { looksTitle, money, rangeTitle, SIGNAL_NAMES } from '../words/signals';
import { Sparkline } from './Sparkline';

/** Why a cost is unknown, in words (lib/shortlist/signals-summary.ts says which). */
function costUnknownText(why: CostUnknown | undefined): string {
  if (why === 'no-posts') return t('costUnknownNoPosts');
  if (why === 'few-posts') return t('costUnknownFewPosts', formatInteger(MIN_SAMPLE_POSTS));
  if (why === 'few-views') return t('costUnknownFewViews', formatInteger(MIN_SAMPLE_POSTS));
  return t('unknown');
}

export interface ProfileDetailsProps {
  profile: SavedProfile;
  /** The profile's table row (toRow): its signals, value and costs. */
  row: ShortlistRow;
  /** "Now" for the inactive signal (ms). */
  now: number;
  /** The inactivity line in days (default lib/signals DEFAULT_INACTIVE_DAYS). */
  inactiveDays?: number;
  onSave(tags: string[], note: string): void;
  /** The price entered; undefined clears it (an empty amount). */
  onSaveQuote(quote: Quote | undefined): void;
  onClose(): void;
}

/** The decision signals of a saved profile: when they were read, activity, the looks, value, and the growth chart. */
function SignalsSection({ profile, row, now, inactiveDays, id }: Pick<ProfileDetailsProps, 'profile' | 'row' | 'now' | 'inactiveDays'> & { id: string }) {
  const latest = latestSignals(profile.history);
  const looks = looksAt(row, { now, inactiveDays });
  const newest = row.newestPost === undefined ? undefined : `${row.approximate ? '≈' : ''}${formatDate(row.newestPost)}`;
  const { value } = row;
  return (
    <section aria-labelledby={`${id}-signals`}>
      <h3 id={`${id}-signals`}>{t('signalsHeading')}</h3>
      <p className="muted">{latest ? t('signalsAsOf', formatDate(Date.parse(latest.at)), formatInteger(latest.signals.posts)) : t('signalsUnknownTitle')}</p>
      <p title={row.approximate ? t('datesApproximate') : undefined}>
        {newest === undefined
          ? t('activityUnknown')
          : row.postsPerWeek === undefined
            ? t('activityNewestOnly', newest)
            : t('activityLine', `${row.approximate ? '≈' : ''}${formatDecimal(row.postsPerWeek, 1)}`, newest)}
      </p>
      {looks.length > 0 ? (
        <ul className="signal-list" aria-label={looksTitle(looks)}>
          {looks.map((look) => (
            <li key={look} data-signal={look}>
              {t(SIGNAL_NAMES[look])}
            </li>
          ))}
        </ul>
      ) : (
        <p>{row.signalsKnown ? t('signalsNone') : t('unknown')}</p>
      )}
      <p title={value.ok ? rangeTitle(value, value.currency) : undefined}>
        {value.ok
          ? t(value.impressionsFrom === 'views' ? 'valueLine' : 'valueLineLikes', money(value.value, value.currency), money(value.cpm, value.currency))
          : t(value.reason === 'no-cpm' ? 'valueNoCpm' : value.reason === 'no-posts' ? 'valueNoPosts' : 'valueTooFew')}
      </p>
      {row.series.length > 1 && (
        <Sparkline
          values={row.series}
          marks={row.anomalies}
          width={280}
          height={64}
          label={t('growthChart', formatInteger(row.anomalies.length))}
          markTitle={t('growthJumpTitle')}
        />
      )}
    </section>
  );
}

/** The quoted price's editor and what it buys. */
function QuoteSection({ profile, row, onSaveQuote, id }: Pick<ProfileDetailsProps, 'profile' | 'row' | 'onSaveQuote'> & { id: string }) {
  const [amount, setAmount] = useState(profile.quote ? String(profile.quote.amount) : '');
  const [currency, setCurrency] = useState(profile.quote?.currency ?? '');
  const typed = amount.trim() === '' ? undefined : normaliseQuote({ amount: Number(amount), currency });
  const invalid = amount.trim() !== '' && typed === undefined;
  const dirty = typed === undefined ? profile.quote !== undefined : typed.amount !== profile.quote?.amount || typed.currency !== profile.quote.currency;
  const costs = row.costs;
  const cost = (estimate: Estimate | undefined, unknownWords: string): { text: string; title?: string } =>
    estimate ? { text: money(estimate.value, costs!.currency), title: rangeTitle(estimate, costs!.currency) } : { text: unknownWords };
  return (
    <section aria-labelledby={`${id}-quote`}>
      <h3 id={`${id}-quote`}>{t('quoteHeading')}</h3>
      <form
        className="quote-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalid) onSaveQuote(typed);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-amount`}>{t('quoteAmount')}</label>
          <input
            id={`${id}-amount`}
            type="number"
            inputMode="decimal"
            min={0}
            max={LIMITS.quoteAmount}
            step="any"
            value={amount}
            aria-invalid={invalid || undefined}
            aria-describedby={`${id}-quote-help`}
            onChange={(event) => setAmount(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-currency`}>{t('quoteCurrency')}</label>
          <input id={`${id}-currency`} value={currency} maxLength={LIMITS.currency} size={8} onChange={(event) => setCurrency(event.target.value)} aria-describedby={`${id}-quote-help`} />
        </div>
        <button type="submit" className="button" disabled={!dirty || invalid}>
          {t('saveQuote')}
        </button>
        <span id={`${id}-quote-help`} className="help">
          {t('quoteHelp', formatInteger(LIMITS.currency))}
        </span>
      </form>
      {costs && (
        <dl className="costs">
          {(
            [
              ['costPerEngagement', cost(costs.perEngagement, costUnknownText(costs.unknown?.perEngagement))],
              ['costPerThousandViews', cost(costs.perThousandViews, costUnknownText(costs.unknown?.perThousandViews))],
              ['costPerThousandFollowers', cost(costs.perThousandFollowers, t('unknown'))],
            ] as const
          ).map(([label, shown]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd title={shown.title}>{shown.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

const SHOWN = 50;

/**
 * Tags and note of one saved profile, its quoted price and what it buys, its decision signals and
 * its dated history. Saves on "Save", not per keystroke.
 */
export function ProfileDetails({ profile, row, now, inactiveDays, onSave, onSaveQuote, onClose }: ProfileDetailsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [tags, setTags] = useState(profile.tags.join(', '));
  const [note, setNote] = useState(profile.note);
  const handle = displayHandle(profile);
  const history = [...profile.history].reverse();

  useEffect(() => {
    heading.current?.focus();
  }, [profile.platform, profile.handle]);

  const dirty = tags !== profile.tags.join(', ') || note !== profile.note;
  const save = (): void => {
    onSave(
      splitTags(tags).map((tag) => tag.trim()).filter(Boolean),
      note,
    );
  };

  return (
    <aside
      className="details"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="details-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {handle}
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p className="muted">
        {PLATFORM_NAMES[profile.platform]}
        {profile.displayName ? ` · ${profile.displayName}` : ''} · {t('savedOnLower', formatDate(Date.parse(profile.savedAt)))}
      </p>
      <form
        className="details-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-tags`}>{t('tags')}</label>
          <input id={`${id}-tags`} value={tags} onChange={(event) => setTags(event.target.value)} aria-describedby={`${id}-tags-help`} />
          <span id={`${id}-tags-help`} className="help">
            {t('tagsHelp', formatInteger(LIMITS.tags), formatInteger(LIMITS.tag))}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('note')}</label>
          <textarea id={`${id}-note`} rows={4} maxLength={LIMITS.note} value={note} onChange={(event) => setNote(event.target.value)} aria-describedby={`${id}-note-help`} />
          <span id={`${id}-note-help`} className="help">
            {t('characterCount', formatInteger(note.length), formatInteger(LIMITS.note))}
          </span>
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={!dirty}>
            {t('saveTagsAndNote')}
          </button>
        </div>
      </form>

      <QuoteSection profile={profile} row={row} onSaveQuote={onSaveQuote} id={id} />
      <SignalsSection profile={profile} row={row} now={now} inactiveDays={inactiveDays} id={id} />

      <h3 id={`${id}-history`}>{t('history')}</h3>
      <p className="muted">{t('historyHint')}</p>
      {/* It scrolls sideways in the narrow panel: focusable, so the keyboard can scroll it too. */}
      <div className="history-wrap" role="region" aria-labelledby={`${id}-history`} tabIndex={0}>
        <table className="history">
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('columnFollowers')}</th>
              <th scope="col">{t('labelTier')}</th>
              <th scope="col">{t('labelEngagement')}</th>
              <th scope="col">{t('labelBenchmark')}</th>
            </tr>
          </thead>
          <tbody>
            {history.slice(0, SHOWN).map((snapshot) => (
              <tr key={snapshot.at}>
                <td>
                  <time dateTime={snapshot.at} title={formatDateTime(Date.parse(snapshot.at))}>
                    {formatDate(Date.parse(snapshot.at))}
                  </time>
                </td>
                <td>{snapshot.followers ? formatCount(snapshot.followers) : '–'}</td>
                <td>{snapshot.tier ? tierLabel(snapshot.tier) : '–'}</td>
                <td>{snapshot.engagementPercent === undefined ? '–' : formatPercent(snapshot.engagementPercent)}</td>
                <td>{snapshot.engagementPercent === undefined ? '–' : t(BENCHMARK_WORDS[snapshot.benchmark])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.length > SHOWN && <p className="muted">{t('historyMore', formatInteger(history.length - SHOWN))}</p>}
    </aside>
  );
}
