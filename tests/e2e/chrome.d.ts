import type { Browser } from '@wxt-dev/browser';

declare global {
  /** `chrome` inside the extension's service worker, where the E2E tests evaluate code. */
  const chrome: typeof Browser;
}
