import { useCallback, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { formatInteger } from '@/lib/format';
import { plural, t } from '@/lib/i18n';
import type { SavedProfile } from '@/lib/shortlist/schema';
import type { ImportReport } from '@/lib/shortlist/store';
import type { Quote } from '@/lib/shortlist/schema';
import type { DerivedOptions } from '@/lib/shortlist/signals-summary';
import { schemeTiers, type TierScheme } from '@/lib/tiers';
import { ConfirmPrompt } from './ConfirmPrompt';
import { EmptyState } from './EmptyState';
import { ImportReportView } from './ImportReportView';
import { ProfileDetails } from './ProfileDetails';
import { ShortlistFilters } from './ShortlistFilters';
import { ShortlistTable } from './ShortlistTable';
import {
  DEFAULT_SORT,
  filterRows,
  FIRST_DIRECTION,
  NO_FILTER,
  PAGE_SIZE,
  sortRows,
  tagsOf,
  toRow,
  type RowFilter,
  type SortColumn,
  type SortState,
} from './shortlist-rows';

export interface ShortlistViewProps {
  profiles: Record<string, SavedProfile>;
  scheme: TierScheme;
  /** "Now" for relative dates (ms). */
  now: number;
  onRemove(keys: string[]): void;
  onSaveDetails(key: string, tags: string[], note: string): void;
  /** A quoted price entered in the details; undefined clears it. */
  onSaveQuote(key: string, quote: Quote | undefined): void;
  /**
   * The signals' settings: inactivity line, CPMs, currency (defaults: lib/signals'). Keep the
   * object's identity while they do not change: rows are cached by it.
   */
  signalOptions?: DerivedOptions;
  /** The profiles to export, in the table's order. */
  onExportCsv(profiles: SavedProfile[]): void;
  onExportBackup(): void;
  onImportFile(file: File): void;
  importResult?: { report: ImportReport; fileName: string };
  onDismissImport(): void;
  /** Rows per page. */
  pageSize?: number;
  /**
   * Set while the whole shortlist is still being read: `profiles` is then its first page only
   * (lib/shortlist/layout.ts FirstPage) and this is how many profiles there are. The page shows, but
   * nothing on it can be used until the rest is there (sorting, filtering or selecting a page
   * of rows would act on the wrong set).
   */
  loadingTotal?: number;
}

const count = formatInteger;
const profilesWord = (value: number): string => plural('profileCount', value, count(value));

/** The shortlist page: filters, actions, the table one page at a time, and a profile's details. */
export function ShortlistView(props: ShortlistViewProps) {
  const { profiles, scheme, now, onRemove, onSaveDetails, onSaveQuote, onExportCsv, onExportBackup, onImportFile, importResult, onDismissImport, signalOptions } = props;
  const pageSize = props.pageSize ?? PAGE_SIZE;
  const loading = props.loadingTotal !== undefined;
  const id = useId();
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  /** After a removal the button that opened the prompt is disabled: focus goes to the counts, which say what is left. */
  const counts = useRef<HTMLParagraphElement>(null);
  /** Cancel (button or Escape) puts focus back on the button that opened the prompt. */
  const cancelRemoval = (): void => {
    setConfirming(false);
    removeButton.current?.focus();
  };
  // Typing in the search box stays responsive while 5 000 rows are filtered behind it.
  const deferredFilter = useDeferredValue(filter);

  const list = useMemo(() => Object.values(profiles), [profiles]);
  const inactiveDays = signalOptions?.inactiveDays;
  const clock = useMemo(() => ({ now, inactiveDays }), [now, inactiveDays]);
  const rows = useMemo(() => list.map((profile) => toRow(profile, scheme, signalOptions)), [list, scheme, signalOptions]);
  const sorted = useMemo(() => sortRows(rows, sort, clock), [rows, sort, clock]);
  const matching = useMemo(() => filterRows(sorted, deferredFilter, clock), [sorted, deferredFilter, clock]);
  const tags = useMemo(() => tagsOf(list), [list]);
  const tiers = useMemo(() => schemeTiers(scheme), [scheme]);

  // Only profiles that still exist and still match count as selected.
  const chosen = useMemo(() => matching.filter((row) => selected.has(row.key)), [matching, selected]);
  const total = props.loadingTotal ?? list.length;
  const pages = Math.max(1, Math.ceil((loading ? total : matching.length) / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = useMemo(() => matching.slice(current * pageSize, (current + 1) * pageSize), [matching, current, pageSize]);

  const changeFilter = useCallback((next: RowFilter) => {
    setFilter(next);
    setSelected(new Set());
    setPage(0);
    setConfirming(false);
  }, []);
  const changeSort = useCallback((column: SortColumn) => {
    setSort((previous) =>
      previous.column === column
        ? { column, direction: previous.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: FIRST_DIRECTION[column] },
    );
    setPage(0);
  }, []);
  const toggle = useCallback((key: string) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  const toggleAll = useCallback(() => {
    setSelected(chosen.length === matching.length ? new Set() : new Set(matching.map((row) => row.key)));
  }, [chosen.length, matching]);
  /** The control that opened the details panel: focus goes back to it when the panel closes. */
  const opener = useRef<Element | null>(null);
  const edit = useCallback((key: string) => {
    opener.current = document.activeElement;
    setEditing(key);
  }, []);
  const closeDetails = useCallback(() => {
    setEditing(undefined);
    if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
  }, []);

  const filtered = !loading && matching.length !== total;
  const exportRows = chosen.length > 0 ? chosen : matching;
  const exportLabel =
    chosen.length > 0
      ? plural('exportSelected', chosen.length, count(chosen.length))
      : filtered
        ? t('exportShown', count(matching.length))
        : t('exportAll', count(total));
  const editingProfile = editing === undefined ? undefined : profiles[editing];

  return (
    <div className={`shortlist-view${editingProfile ? ' with-details' : ''}${loading ? ' loading-rest' : ''}`} inert={loading} aria-busy={loading || undefined}>
      <div className="shortlist-main">
        {importResult && <ImportReportView report={importResult.report} fileName={importResult.fileName} onDismiss={onDismissImport} />}

        {total > 0 && <ShortlistFilters filter={filter} onChange={changeFilter} tags={tags} tiers={tiers} inactiveDays={inactiveDays} />}

        <div className="toolbar">
          <p ref={counts} className="counts" aria-live="polite" tabIndex={-1}>
            {total === 0
              ? t('noSavedProfiles')
              : filtered
                ? t('profilesMatch', profilesWord(matching.length), count(total))
                : profilesWord(total)}
            {loading && ` · ${t('loading')}`}
            {chosen.length > 0 && ` · ${plural('countSelected', chosen.length, count(chosen.length))}`}
          </p>
          <div className="toolbar-actions">
            {total > 0 && (
              <>
                <button type="button" className="button button-primary" onClick={() => onExportCsv(exportRows.map((row) => row.profile))} disabled={exportRows.length === 0}>
                  {exportLabel}
                </button>
                <button type="button" className="button" onClick={onExportBackup}>
                  {t('downloadBackup')}
                </button>
              </>
            )}
            <label className="button" htmlFor={`${id}-import`}>
              {t('importBackup')}
            </label>
            <input
              id={`${id}-import`}
              className="visually-hidden file-input"
              type="file"
              accept="application/json,.json"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) onImportFile(file);
                // The same file can be chosen again after fixing it.
                event.target.value = '';
              }}
            />
            {total > 0 && (
              <button ref={removeButton} type="button" className="button button-danger" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
                {chosen.length > 0 ? plural('removeCountSelected', chosen.length, count(chosen.length)) : t('removeSelected')}
              </button>
            )}
          </div>
        </div>

        {confirming && chosen.length > 0 && (
          <ConfirmPrompt
            level={2}
            title={t('removeConfirmTitle', profilesWord(chosen.length))}
            text={t('removeConfirmText')}
            confirm={t('removeProfiles', profilesWord(chosen.length))}
            onConfirm={() => {
              onRemove(chosen.map((row) => row.key));
              setSelected(new Set());
              setConfirming(false);
              if (editing !== undefined && chosen.some((row) => row.key === editing)) setEditing(undefined);
              counts.current?.focus();
            }}
            onCancel={cancelRemoval}
          />
        )}

        {total === 0 ? (
          <EmptyState />
        ) : matching.length === 0 ? (
          <div className="no-match">
            <p>{t('noMatch')}</p>
            <button type="button" className="button" onClick={() => changeFilter(NO_FILTER)}>
              {t('clearFilters')}
            </button>
          </div>
        ) : (
          <>
            <ShortlistTable
              rows={shown}
              sort={sort}
              onSort={changeSort}
              selected={selected}
              onToggle={toggle}
              matching={matching.length}
              matchingSelected={chosen.length}
              onToggleAll={toggleAll}
              onEdit={edit}
              now={now}
              inactiveDays={inactiveDays}
            />
            {pages > 1 && (
              <nav className="pager" aria-label={t('pages')}>
                <button type="button" className="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
                  {t('previousPage')}
                </button>
                <span>
                  {t('pageRange', `${count(current * pageSize + 1)}–${count(Math.min((current + 1) * pageSize, loading ? total : matching.length))}`, count(loading ? total : matching.length))}
                </span>
                <button type="button" className="button" disabled={current === pages - 1} onClick={() => setPage(current + 1)}>
                  {t('nextPage')}
                </button>
              </nav>
            )}
          </>
        )}
      </div>

      {editingProfile && editing !== undefined && (
        <ProfileDetails
          key={editing}
          profile={editingProfile}
          row={toRow(editingProfile, scheme, signalOptions)}
          now={now}
          inactiveDays={inactiveDays}
          onSave={(nextTags, note) => onSaveDetails(editing, nextTags, note)}
          onSaveQuote={(quote) => onSaveQuote(editing, quote)}
          onClose={closeDetails}
        />
      )}
    </div>
  );
}
