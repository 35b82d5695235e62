import { useId } from 'react';
import type { ProfileVerdict } from '@/lib/verdict';
import { PLATFORM_NAMES } from './platform-names';

/** failed: the clipboard refused; unavailable: the page didn't answer with a report. */
export type CopyStatus = 'idle' | 'copying' | 'copied' | 'failed' | 'unavailable';

export interface UnreadableProps {
  verdict: ProfileVerdict;
  onCopyDiagnostics: () => void;
  copyStatus: CopyStatus;
  /** The report, shown to copy by hand when the clipboard refused it. */
  fallbackText?: string;
}

const STATUS_WORDS: Record<CopyStatus, string> = {
  idle: '',
  copying: 'Copying…',
  copied: 'Copied. Paste it into a bug report.',
  failed: 'Couldn’t copy the diagnostics.',
  unavailable: 'The page didn’t answer: reload the tab and try again.',
};

/** The counts couldn't be read (verdict state 'unknown'): say so, say why, and help report it. */
export function Unreadable({ verdict, onCopyDiagnostics, copyStatus, fallbackText }: UnreadableProps) {
  const fallbackId = useId();
  const audience = verdict.platform === 'youtube' ? 'subscriber' : 'follower';
  return (
    <section className="state unreadable">
      <p className="platform">{PLATFORM_NAMES[verdict.platform]}</p>
      <h1>@{verdict.handle}</h1>
      <p className="state-title">MicroScope couldn’t read this profile’s counts.</p>
      <p className="muted">
        Without the {audience} count there is no tier and no engagement rate. The site may have changed its page, or
        the profile may be private or unavailable.
      </p>
      {verdict.notes.length > 0 && (
        <ul className="notes" aria-label="What could not be read">
          {verdict.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <p className="muted">
        “Copy diagnostics” copies an outline of the page’s structure (element and attribute names only: no text, no
        links, no names) for a bug report.
      </p>
      <p className="shortlist-row">
        <button type="button" className="button primary" onClick={onCopyDiagnostics} disabled={copyStatus === 'copying'}>
          Copy diagnostics
        </button>
        <span role="status" className={copyStatus === 'failed' || copyStatus === 'unavailable' ? 'warn' : 'muted'}>
          {STATUS_WORDS[copyStatus]}
        </span>
      </p>
      {fallbackText !== undefined && (
        <div className="fallback">
          <label htmlFor={fallbackId}>Select all and copy (Ctrl+C / ⌘C):</label>
          <textarea id={fallbackId} readOnly rows={6} value={fallbackText} onFocus={(event) => event.target.select()} />
        </div>
      )}
    </section>
  );
}
