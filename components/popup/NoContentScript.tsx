import type { Platform } from '@/lib/sites/types';
import { PLATFORM_NAMES } from './platform-names';

export interface NoContentScriptProps {
  platform: Platform;
  onReload: () => void;
  /** The tab is reloading at the user's request. */
  reloading: boolean;
}

/** On a supported site, but MicroScope's page script isn't there (the tab was open before install or update). */
export function NoContentScript({ platform, onReload, reloading }: NoContentScriptProps) {
  return (
    <section className="state">
      <p className="state-title">Reload this tab to use MicroScope here.</p>
      <p className="muted">
        This {PLATFORM_NAMES[platform]} tab was opened before MicroScope was installed or updated, so it can’t read
        the page yet.
      </p>
      <p>
        <button type="button" className="button primary" onClick={onReload} disabled={reloading}>
          {reloading ? 'Reloading…' : 'Reload tab'}
        </button>
      </p>
      {reloading && (
        <p className="muted" role="status">
          Waiting for the page…
        </p>
      )}
    </section>
  );
}
