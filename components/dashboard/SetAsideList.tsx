import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { formatDateTime, formatInteger, formatSize } from '@/lib/format';
import { t } from '@/lib/i18n';
import { deleteSetAside, listSetAside, SET_ASIDE_LIMITS, setAsideFile, setAsideUsage, watchSetAside, type SetAsideCopy } from '@/lib/set-aside';
import { RECENT_KEY, SETTINGS_KEY, SHORTLIST_KEY } from '@/lib/storage-keys';
import { ConfirmPrompt } from './ConfirmPrompt';
import { downloadText } from './download';

/*
 * The data set aside (lib/set-aside.ts) on the settings page: each copy with when, where from,
 * why and how big, to download as JSON or delete (after a confirmation); and, once the copies
 * reach their cap, that no new copy is kept (MicroScope then leaves unreadable data where it is)
 * until the person deletes some. Shown only when there is a copy. On the settings
 * page, not under the shortlist: listing the copies reads all of storage.local, which the
 * shortlist's first render must not wait for.
 */

/** Where a copy came from, in words where we know the key. */
function fromWords(from: string): string {
  if (from === SETTINGS_KEY) return t('settings');
  if (from === SHORTLIST_KEY) return t('shortlist');
  if (from === RECENT_KEY) return t('setAsideFromRecent');
  return from;
}

function when(at: string): string {
  const time = Date.parse(at);
  return Number.isFinite(time) ? formatDateTime(time) : at;
}

export interface SetAsideListProps {
  /** Newest first. */
  copies: readonly SetAsideCopy[];
  onDownload(copy: SetAsideCopy): void;
  onDelete(key: string): void;
  /** Why the last deletion failed, if it did. */
  error?: string;
}

/** The set-aside copies as a table with Download and Delete, saying when they are full. Nothing when there is none. */
export function SetAsideList({ copies, onDownload, onDelete, error }: SetAsideListProps) {
  const id = useId();
  const [confirming, setConfirming] = useState<string | undefined>();
  const opener = useRef<HTMLButtonElement | null>(null);
  if (copies.length === 0) return null;
  const usage = setAsideUsage(copies);
  const asked = copies.find((copy) => copy.key === confirming);
  const cancel = (): void => {
    setConfirming(undefined);
    opener.current?.focus();
  };

  return (
    <section className="set-aside" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('setAsideTitle')}</h2>
      <p className="help">{t('setAsideIntro', formatInteger(SET_ASIDE_LIMITS.copies), formatSize(SET_ASIDE_LIMITS.bytes))}</p>

      {usage.full && (
        <p className="notice notice-warn" role="status">
          {t('setAsideFull', formatInteger(usage.count), formatInteger(SET_ASIDE_LIMITS.copies), formatSize(usage.bytes), formatSize(SET_ASIDE_LIMITS.bytes))}
        </p>
      )}

      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}

      {asked && (
        <ConfirmPrompt
          level={3}
          title={t('setAsideDeleteTitle', when(asked.at))}
          text={t('setAsideDeleteText')}
          confirm={t('setAsideDeleteConfirm')}
          onConfirm={() => {
            onDelete(asked.key);
            setConfirming(undefined);
          }}
          onCancel={cancel}
        />
      )}

      <table className="refused">
        <thead>
          <tr>
            <th scope="col">{t('setAsideWhen')}</th>
            <th scope="col">{t('setAsideFrom')}</th>
            <th scope="col">{t('setAsideReason')}</th>
            <th scope="col">{t('setAsideSize')}</th>
            <th scope="col">{t('setAsideActions')}</th>
          </tr>
        </thead>
        <tbody>
          {copies.map((copy) => (
            <tr key={copy.key}>
              <td>{when(copy.at)}</td>
              <td>
                {fromWords(copy.from)}
                {copy.area && <span className="help"> ({copy.area})</span>}
              </td>
              <td>{copy.reason}</td>
              <td>{formatSize(copy.size)}</td>
              <td>
                <div className="actions">
                  <button type="button" className="button" aria-label={t('setAsideDownloadLabel', when(copy.at))} onClick={() => onDownload(copy)}>
                    {t('setAsideDownload')}
                  </button>
                  <button
                    type="button"
                    className="button button-danger"
                    aria-label={t('setAsideDeleteLabel', when(copy.at))}
                    onClick={(event) => {
                      opener.current = event.currentTarget;
                      setConfirming(copy.key);
                    }}
                  >
                    {t('setAsideDelete')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export interface SetAsideSectionProps {
  /** Saves a file (tests pass their own). */
  download?: (name: string, text: string, type: string) => void;
}

/** SetAsideList over lib/set-aside.ts: reads the copies, follows their changes, downloads and deletes. */
export function SetAsideSection({ download = downloadText }: SetAsideSectionProps) {
  const [copies, setCopies] = useState<SetAsideCopy[]>([]);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    const load = (): void => {
      listSetAside().then(
        (read) => {
          if (live) setCopies(read.copies);
        },
        (failure: unknown) => console.warn('[MicroScope] could not list the data set aside', failure),
      );
    };
    const stop = watchSetAside(load);
    load();
    return () => {
      live = false;
      stop();
    };
  }, []);

  const onDownload = useCallback(
    (copy: SetAsideCopy) => {
      const file = setAsideFile(copy);
      download(file.name, file.text, 'application/json');
    },
    [download],
  );
  const onDelete = useCallback((key: string) => {
    setError(undefined);
    deleteSetAside(key).catch((failure: unknown) => setError(t('setAsideDeleteFailed', failure instanceof Error ? failure.message : String(failure))));
  }, []);

  return <SetAsideList copies={copies} onDownload={onDownload} onDelete={onDelete} error={error} />;
}
