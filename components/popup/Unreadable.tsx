import { useId } from 'react';
import { noteText, t, type MessageKey } from '@/lib/i18n';
import { PLATFORM_NAMES } from '@/lib/platforms';
import type { ProfileVerdict } from '@/lib/verdict';

/** failed: the clipboard refused; unavailable: the page didn't answer with a report. */
export type CopyStatus = 'idle' | 'copying' | 'copied' | 'failed' | 'unavailable';

export interface UnreadableProps {
  verdict: ProfileVerdict;
  onCopyDiagnostics: () => void;
  copyStatus: CopyStatus;
  /** The report, shown to copy by hand when the clipboard refused it. */
  fallbackText?: string;
}

const STATUS_WORDS: Record<Exclude<CopyStatus, 'idle'>, MessageKey> = {
  copying: 'copyStatusCopying',
  copied: 'copyStatusCopied',
  failed: 'copyStatusFailed',
  unavailable: 'copyStatusUnavailable',
};

/** The counts couldn't be read (verdict state 'unknown'): say so, say why, and help report it. */
export function Unreadable({ verdict, onCopyDiagnostics, copyStatus, fallbackText }: UnreadableProps) {
  const fallbackId = useId();
  return (
    <section className="state unreadable">
      <p className="platform">{PLATFORM_NAMES[verdict.platform]}</p>
      <h1>@{verdict.handle}</h1>
      <p className="state-title">{t('unreadableTitle')}</p>
      <p className="muted">{t(verdict.platform === 'youtube' ? 'unreadableExplanationSubscribers' : 'unreadableExplanationFollowers')}</p>
      {verdict.notes.length > 0 && (
        <ul className="notes" aria-label={t('notesLabel')}>
          {verdict.notes.map(noteText).map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <p className="muted">{t('diagnosticsExplanation')}</p>
      <p className="shortlist-row">
        <button type="button" className="button button-primary" onClick={onCopyDiagnostics} disabled={copyStatus === 'copying'}>
          {t('copyDiagnostics')}
        </button>
        <span role="status" className={copyStatus === 'failed' || copyStatus === 'unavailable' ? 'warn' : 'muted'}>
          {copyStatus === 'idle' ? '' : t(STATUS_WORDS[copyStatus])}
        </span>
      </p>
      {fallbackText !== undefined && (
        <div className="fallback">
          <label htmlFor={fallbackId}>{t('copyByHand')}</label>
          <textarea id={fallbackId} readOnly rows={6} value={fallbackText} onFocus={(event) => event.target.select()} />
        </div>
      )}
    </section>
  );
}
