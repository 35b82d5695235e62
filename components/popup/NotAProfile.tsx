import { t } from '@/lib/i18n';
import { PLATFORM_NAMES, type Platform } from '@/lib/platforms';
import { RecentList, type RecentItem } from './RecentList';

export interface NotAProfileProps {
  /** The supported site the tab is on. */
  platform: Platform;
  recent: readonly RecentItem[];
  now: Date;
}

/** On a supported site, but not on a profile (feed, search, a single post). */
export function NotAProfile({ platform, recent, now }: NotAProfileProps) {
  return (
    <>
      <section className="state">
        <p className="state-title" role="heading" aria-level={1}>{t('notAProfileTitle', PLATFORM_NAMES[platform])}</p>
        <p className="muted">{t('notAProfileHint')}</p>
      </section>
      <RecentList recent={recent} now={now} />
    </>
  );
}
