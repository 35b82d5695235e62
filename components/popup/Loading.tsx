import { t } from '@/lib/i18n';
import { PLATFORM_NAMES, type Platform } from '@/lib/platforms';

export interface LoadingProps {
  /** What is being read, when known. */
  handle?: string;
  platform?: Platform;
}

/** Waiting for the page (or the extension's storage): a live status, so screen readers hear the change. */
export function Loading({ handle, platform }: LoadingProps) {
  return (
    <section className="state" role="status" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <p className="state-title" role="heading" aria-level={1}>
        {handle
          ? platform
            ? t('loadingProfileOn', handle, PLATFORM_NAMES[platform])
            : t('loadingProfile', handle)
          : t('loading')}
      </p>
      {handle && <p className="muted">{t('loadingHint')}</p>}
    </section>
  );
}
