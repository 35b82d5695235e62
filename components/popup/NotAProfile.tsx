import type { Platform } from '@/lib/sites/types';
import { PLATFORM_NAMES } from './platform-names';
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
        <p className="state-title">This {PLATFORM_NAMES[platform]} page isn’t a profile.</p>
        <p className="muted">Open a creator’s profile to see their tier and engagement rate.</p>
      </section>
      <RecentList recent={recent} now={now} />
    </>
  );
}
