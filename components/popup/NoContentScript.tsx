import { t } from '@/lib/i18n';
import { PLATFORM_NAMES, type Platform } from '@/lib/platforms';

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
      <p className="state-title" role="heading" aria-level={1}>{t('noScriptTitle')}</p>
      <p className="muted">{t('noScriptExplanation', PLATFORM_NAMES[platform])}</p>
      <p>
        <button type="button" className="button button-primary" onClick={onReload} disabled={reloading}>
          {reloading ? t('reloading') : t('reloadTab')}
        </button>
      </p>
      {reloading && (
        <p className="muted" role="status">
          {t('waitingForPage')}
        </p>
      )}
    </section>
  );
}
