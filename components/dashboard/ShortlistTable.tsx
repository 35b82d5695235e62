import { memo, useEffect, useRef } from 'react';
import { formatCount, formatDate, formatDateTime, formatDecimal, formatInteger, formatPercent, formatRelativeTime, formatSignedPercent } from '@/lib/format';
import { t, type MessageKey } from '@/lib/i18n';
import { PLATFORM_NAMES } from '@/lib/platforms';
import { Sparkline } from './Sparkline';
import { TierChip } from './TierChip';
import { looksTitle, money, rangeTitle } from '../words/signals';
import {
  benchmarkWords,
  displayHandle,
  looksAt,
  type ShortlistRow,
  type SortColumn,
  type SortState,
} from './shortlist-rows';

export interface ShortlistTableProps {
  /** The rows of this page, filtered and sorted. */
  rows: readonly ShortlistRow[];
  sort: SortState;
  onSort(column: SortColumn): void;
  selected: ReadonlySet<string>;
  onToggle(key: string): void;
  /** Every row the filters let through (all pages), for the select-all box. */
  matching: number;
  matchingSelected: number;
  onToggleAll(): void;
  onEdit(key: string): void;
  /** "Now" for relative dates and the inactive signal (ms). */
  now: number;
  /** The inactivity line in days (default lib/signals DEFAULT_INACTIVE_DAYS). */
  inactiveDays?: number;
}

const COLUMNS: readonly { column: SortColumn; label: MessageKey; numeric?: boolean }[] = [
  { column: 'platform', label: 'columnPlatform' },
  { column: 'handle', label: 'columnHandle' },
  { column: 'tier', label: 'labelTier' },
  { column: 'followers', label: 'columnFollowers', numeric: true },
  { column: 'engagement', label: 'labelEngagement', numeric: true },
  { column: 'benchmark', label: 'labelBenchmark' },
  { column: 'growth', label: 'columnGrowth' },
  { column: 'postsPerWeek', label: 'columnPostsPerWeek', numeric: true },
  { column: 'newestPost', label: 'columnNewestPost' },
  { column: 'signals', label: 'columnSignals', numeric: true },
  { column: 'value', label: 'columnValue', numeric: true },
  { column: 'costPerEngagement', label: 'columnCostPerEngagement', numeric: true },
  { column: 'tags', label: 'tags' },
  { column: 'lastSeen', label: 'columnLastSeen' },
];

/** "today", "yesterday", "3 days ago", then the date. */
export function lastSeenWords(time: number, now: number): string {
  if (!Number.isFinite(time)) return t('unknown');
  const days = Math.floor((now - time) / 86_400_000);
  if (days < 1 && new Date(time).getDate() === new Date(now).getDate()) return t('today');
  if (days < 2) return formatRelativeTime(-Math.max(days, 1), 'day');
  if (days < 30) return formatRelativeTime(-days, 'day');
  return formatDate(time);
}

function growthWords(growth: number | undefined): string {
  if (growth === undefined) return '–';
  // The sign and "%" where the language puts them ("+2.1%", Turkish "+%2,1"); nothing for a change that rounds to 0.
  return formatSignedPercent(growth, 1);
}

interface RowProps {
  row: ShortlistRow;
  selected: boolean;
  onToggle(key: string): void;
  onEdit(key: string): void;
  now: number;
  inactiveDays?: number;
}

const unknownCell = <span className="muted">–</span>;

/** The signals cell: how many are worth a look, their names on hover; "unknown" when nothing was stored. */
function SignalsCell({ row, now, inactiveDays }: Pick<RowProps, 'row' | 'now' | 'inactiveDays'>) {
  const looks = looksAt(row, { now, inactiveDays });
  if (looks.length === 0 && !row.signalsKnown) {
    return (
      <span className="muted" title={t('signalsUnknownTitle')}>
        {t('unknown')}
      </span>
    );
  }
  return (
    <span className={looks.length > 0 ? 'signals-look' : 'signals-fine'} title={looksTitle(looks)} data-flags={looks.join(' ')}>
      {formatInteger(looks.length)}
    </span>
  );
}

/** One profile. Memoised: selecting or editing one row re-renders that row only. */
const Row = memo(function Row({ row, selected, onToggle, onEdit, now, inactiveDays }: RowProps) {
  const { profile } = row;
  const handle = displayHandle(profile);
  const safeUrl = /^https?:\/\//i.test(profile.url) ? profile.url : undefined;
  const snapshots = row.series.length;
  const perEngagement = row.costs?.perEngagement;
  return (
    <tr aria-selected={selected} className={selected ? 'selected' : undefined}>
      <td className="col-select">
        <input type="checkbox" checked={selected} onChange={() => onToggle(row.key)} aria-label={t('selectProfile', handle)} />
      </td>
      <td className="col-platform">{PLATFORM_NAMES[profile.platform]}</td>
      <th scope="row" className="col-handle">
        {safeUrl ? (
          <a href={safeUrl} target="_blank" rel="noopener noreferrer">
            {handle}
          </a>
        ) : (
          handle
        )}
        {/* Shortened with an ellipsis past 240 px: the whole name on hover. */}
        {profile.displayName && (
          <span className="display-name" title={profile.displayName}>
            {profile.displayName}
          </span>
        )}
      </th>
      <td className="col-tier">
        <TierChip tier={row.tier} borderline={row.borderline} />
      </td>
      <td className="col-number">{row.followers ? formatCount(row.followers) : '–'}</td>
      <td className="col-number">
        {row.engagementPercent === undefined ? (
          '–'
        ) : (
          <>
            {formatPercent(row.engagementPercent)}
            {row.basis && <span className="basis">{t(row.basis === 'views' ? 'basisPerView' : 'basisPerFollower')}</span>}
          </>
        )}
      </td>
      <td className={`col-benchmark benchmark-${row.benchmark}`}>{row.engagementPercent === undefined ? '–' : t(benchmarkWords(row))}</td>
      <td className="col-growth">
        <span
          className={row.growth === undefined ? 'muted' : row.growth >= 0 ? 'growth-up' : 'growth-down'}
          title={snapshots > 1 ? t('growthSince', formatInteger(snapshots), formatDate(Date.parse(profile.savedAt))) : t('growthOneCount')}
        >
          {growthWords(row.growth)}
        </span>
        <Sparkline values={row.series} marks={row.anomalies} markTitle={t('growthJumpTitle')} />
      </td>
      <td className="col-number" title={row.approximate ? t('datesApproximate') : undefined}>
        {row.postsPerWeek === undefined ? unknownCell : `${row.approximate ? '≈' : ''}${formatDecimal(row.postsPerWeek, 1)}`}
      </td>
      <td className="col-seen">
        {row.newestPost === undefined ? (
          unknownCell
        ) : (
          <time dateTime={new Date(row.newestPost).toISOString()} title={row.approximate ? t('datesApproximate') : formatDateTime(row.newestPost)}>
            {`${row.approximate ? '≈' : ''}${formatDate(row.newestPost)}`}
          </time>
        )}
      </td>
      <td className="col-number">
        <SignalsCell row={row} now={now} inactiveDays={inactiveDays} />
      </td>
      <td className="col-number" title={row.value.ok ? rangeTitle(row.value, row.value.currency) : undefined}>
        {row.value.ok ? money(row.value.value, row.value.currency) : unknownCell}
      </td>
      <td className="col-number" title={perEngagement ? rangeTitle(perEngagement, row.costs!.currency) : undefined}>
        {perEngagement ? money(perEngagement.value, row.costs!.currency) : unknownCell}
      </td>
      <td className="col-tags">
        {profile.tags.length === 0 ? (
          <span className="muted">–</span>
        ) : (
          <ul className="tag-list" aria-label={t('tags')}>
            {profile.tags.map((tag) => (
              <li key={tag} className="tag-chip">
                {tag}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="col-seen">
        <time dateTime={profile.lastSeen} title={Number.isFinite(row.lastSeen) ? formatDateTime(row.lastSeen) : undefined}>
          {lastSeenWords(row.lastSeen, now)}
        </time>
      </td>
      <td className="col-actions">
        <button type="button" className="button-link" onClick={() => onEdit(row.key)} aria-label={t('detailsFor', handle)}>
          {t('details')}
        </button>
      </td>
    </tr>
  );
});

/** The saved profiles: one page of the filtered, sorted rows, with sortable headers and selection. */
export function ShortlistTable({ rows, sort, onSort, selected, onToggle, matching, matchingSelected, onToggleAll, onEdit, now, inactiveDays }: ShortlistTableProps) {
  const all = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (all.current) all.current.indeterminate = matchingSelected > 0 && matchingSelected < matching;
  }, [matching, matchingSelected]);
  const sortKey = COLUMNS.find((entry) => entry.column === sort.column)?.label;
  const sortedBy = sortKey ? t(sortKey) : '';

  return (
    <div className="table-wrap">
      <table className="shortlist">
        <caption className="visually-hidden">
          {t(sort.direction === 'ascending' ? 'tableCaptionAscending' : 'tableCaptionDescending', sortedBy)}
        </caption>
        <thead>
          <tr>
            <td className="col-select">
              <input
                ref={all}
                type="checkbox"
                checked={matching > 0 && matchingSelected === matching}
                onChange={onToggleAll}
                disabled={matching === 0}
                aria-label={t('selectAllMatching', formatInteger(matching))}
              />
            </td>
            {COLUMNS.map(({ column, label, numeric }) => {
              const active = sort.column === column;
              return (
                <th key={column} scope="col" aria-sort={active ? sort.direction : 'none'} className={numeric ? 'col-number' : column === 'handle' ? 'col-handle' : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(column)}>
                    {t(label)}
                    <span className="sort-mark" aria-hidden="true">
                      {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
            <td className="col-actions">
              <span className="visually-hidden">{t('actions')}</span>
            </td>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.key} row={row} selected={selected.has(row.key)} onToggle={onToggle} onEdit={onEdit} now={now} inactiveDays={inactiveDays} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
