import { t } from '@/lib/i18n';
import { PLATFORM_DOMAINS, PLATFORM_NAMES, type Platform } from '@/lib/platforms';
import { RecentList, type RecentItem } from './RecentList';

export interface UnsupportedSiteProps {
  /**
   * The tab's host when the browser told us (a site we have access to but don't read); undefined
   * when the tab's address is hidden from MicroScope (any site outside its host permissions).
   */
  host?: string;
  /** The platforms MicroScope reads, in UI order. */
  supported: readonly Platform[];
  recent: readonly RecentItem[];
  now: Date;
}

/** The tab is not on a site MicroScope reads. */
export function UnsupportedSite({ host, supported, recent, now }: UnsupportedSiteProps) {
  return (
    <>
      <section className="state">
        <p className="state-title" role="heading" aria-level={1}>
          {host ? t('unsupportedHost', host) : t('unsupportedPage')}
        </p>
        <p className="muted">{t('unsupportedWorksOn')}</p>
        <ul className="sites" aria-label={t('supportedSites')}>
          {supported.map((platform) => (
            <li key={platform}>
              {PLATFORM_NAMES[platform]} <span className="muted">({PLATFORM_DOMAINS[platform][0]})</span>
            </li>
          ))}
        </ul>
        {!host && (
          <p className="muted">{t('unsupportedNoAccess')}</p>
        )}
      </section>
      <RecentList recent={recent} now={now} />
    </>
  );
}
