import type { Page } from 'playwright-core';

export type BadgeContract = Record<string, string | null>;

/** The badge host's data-* attributes: the contract tests read (Chromium here, Firefox in firefox.ts). */
export const CONTRACT = [
  'data-platform',
  'data-handle',
  'data-followers',
  'data-followers-exact',
  'data-tier',
  'data-micro',
  'data-engagement',
  'data-basis',
  'data-sample',
  'data-state',
] as const;

/** The badge host's contract attributes, or null when no badge is on the page. */
export async function readBadge(page: Page): Promise<BadgeContract | null> {
  return page.evaluate((names) => {
    const hosts = document.querySelectorAll('microscope-badge');
    if (hosts.length === 0) return null;
    if (hosts.length > 1) return { error: `${hosts.length} badges` } as Record<string, string | null>;
    const host = hosts[0] as Element;
    return Object.fromEntries(names.map((name) => [name, host.getAttribute(name)]));
  }, CONTRACT as unknown as string[]);
}

/** Waits until the badge exists and is no longer loading, then returns its attributes. */
export async function settledBadge(page: Page, timeout = 15_000): Promise<BadgeContract> {
  await page.waitForFunction(
    () => {
      const host = document.querySelector('microscope-badge');
      const state = host?.getAttribute('data-state');
      return state !== undefined && state !== null && state !== 'loading';
    },
    undefined,
    { timeout, polling: 50 },
  );
  const badge = await readBadge(page);
  if (!badge) throw new Error('badge vanished');
  return badge;
}

/** Every console error and page error while the page is open: the extension must cause none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}
