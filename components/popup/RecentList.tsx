import { formatAudience, formatPercent, formatRelativeTime } from '@/lib/format';
import { t } from '@/lib/i18n';
import { PLATFORM_NAMES } from '@/lib/platforms';
import type { RecentView } from '@/lib/shortlist/schema';
import { TierChip } from './TierChip';

/** One profile the user looked at, as lib/shortlist/schema.ts keeps it for the recent list. */
export type RecentItem = RecentView;

export interface RecentListProps {
  recent: readonly RecentItem[];
  /** For "5 min ago"; injectable for tests. */
  now: Date;
  /** Most items shown. */
  limit?: number;
}

/** "5 minutes ago", "yesterday", "3 weeks ago". */
export function timeAgo(iso: string, now: Date): string {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return '';
  const seconds = Math.round((then - now.getTime()) / 1000);
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 7],
    ['week', 4.35],
    ['month', 12],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(Math.round(value)) < size) return unit === 'second' ? t('justNow') : formatRelativeTime(Math.round(value), unit);
    value /= size;
  }
  return formatRelativeTime(Math.round(value), 'year');
}

/** Stored URLs are only followed when they are web pages. */
function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The last profiles viewed, newest first, each a link that opens the profile in a new tab. */
export function RecentList({ recent, now, limit = 8 }: RecentListProps) {
  if (recent.length === 0) {
    return (
      <section className="block recent" aria-label={t('recentTitle')}>
        <h2>{t('recentTitle')}</h2>
        <p className="muted">{t('recentEmpty')}</p>
      </section>
    );
  }
  return (
    <section className="block recent" aria-label={t('recentTitle')}>
      <h2>{t('recentTitle')}</h2>
      <ul className="recent-list">
        {recent.slice(0, limit).map((item) => {
          const href = safeUrl(item.url);
          const name = `@${item.handle}`;
          return (
            <li key={`${item.platform}:${item.handle}`} className="recent-item">
              <div className="recent-name">
                {href ? (
                  <a href={href} target="_blank" rel="noreferrer">
                    {name}
                  </a>
                ) : (
                  <span>{name}</span>
                )}
                <span className="muted">
                  {item.displayName ? ` · ${item.displayName}` : ''} · {PLATFORM_NAMES[item.platform]}
                </span>
              </div>
              <div className="recent-figures">
                {item.tier && <TierChip tier={item.tier} />}
                <span>
                  {item.followers
                    ? formatAudience(item.platform, item.followers)
                    : t(item.platform === 'youtube' ? 'subscribersUnknown' : 'followersUnknown')}
                </span>
                <span>{item.engagementPercent !== undefined ? formatPercent(item.engagementPercent) : t('erUnknown')}</span>
                <span className="muted">{timeAgo(item.at, now)}</span>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
