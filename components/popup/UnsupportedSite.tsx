import type { Platform } from '@/lib/sites/types';
import { PLATFORM_HOSTS, PLATFORM_NAMES } from './platform-names';
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
        <p className="state-title">
          {host ? `MicroScope doesn’t read ${host}.` : 'MicroScope doesn’t work on this page.'}
        </p>
        <p className="muted">It shows tier and engagement on creator profiles on:</p>
        <ul className="sites" aria-label="Supported sites">
          {supported.map((platform) => (
            <li key={platform}>
              {PLATFORM_NAMES[platform]} <span className="muted">({PLATFORM_HOSTS[platform]})</span>
            </li>
          ))}
        </ul>
        {!host && (
          <p className="muted">
            On one of these sites already? Your browser may not have given MicroScope access to it: allow the
            extension on the site from the browser’s extensions menu.
          </p>
        )}
      </section>
      <RecentList recent={recent} now={now} />
    </>
  );
}
