import type { Platform } from '@/lib/sites/types';
import { PLATFORM_NAMES } from './platform-names';

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
      <p className="state-title">
        {handle ? `Reading @${handle}’s profile${platform ? ` on ${PLATFORM_NAMES[platform]}` : ''}…` : 'Loading…'}
      </p>
      {handle && <p className="muted">The numbers appear as soon as the page shows them.</p>}
    </section>
  );
}
