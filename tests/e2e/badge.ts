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
  'data-last-post',
  'data-posts-per-week',
  'data-flags',
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

/**
 * Clicks the badge's pill as a user does: a real (trusted) mouse click inside the host's box, at
 * the pill's start. The badge's shadow root is closed, so no selector reaches inside it.
 */
export async function clickPill(page: Page): Promise<void> {
  const box = await page.locator('microscope-badge').boundingBox();
  if (!box) throw new Error('no badge to click');
  await page.mouse.click(box.x + 12, box.y + box.height / 2);
}

/** Opens the card and presses "Save to shortlist" from the keyboard, as a user can: Tab from the pill, Enter. */
export async function saveWithKeyboard(page: Page): Promise<void> {
  await clickPill(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

/**
 * For tests that read or audit what the badge draws (its words, its card, axe): the badge's closed
 * shadow root, handed by the DevTools protocol (which sees closed roots, as DevTools' Elements panel
 * does) to the page's main world and to Playwright's utility world as `host.shadowRoot`, so that
 * selectors like `microscope-badge .ms-pill` and axe's shadow-DOM support work on it.
 *
 * A test driver's power, not the page's: the extension exposes nothing. Call it after the badge
 * settled, again after the badge was mounted anew (a navigation), and never in a test that plays
 * the hostile page (tests/e2e/privacy.test.ts). Clicks stay real input (Playwright's click is a
 * trusted mouse event at the element's position). Returns how many badge roots it revealed.
 */
export async function revealBadge(page: Page): Promise<number> {
  // Playwright makes its utility world on first use: make sure it exists before looking for it.
  await page.locator('microscope-badge').count();
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { isDefault?: boolean; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const found: { host: number; shadow: number }[] = [];
    const walk = (node: CdpNode): void => {
      if (node.nodeName.toLowerCase() === 'microscope-badge' && node.shadowRoots?.[0]) {
        found.push({ host: node.backendNodeId, shadow: node.shadowRoots[0].backendNodeId });
      }
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const worlds = contexts.filter(
      (context) => context.auxData?.frameId === frameTree.frame.id && (context.auxData?.isDefault || context.name.startsWith('__playwright_utility_world')),
    );
    for (const { host, shadow } of found) {
      for (const world of worlds) {
        const [hostObject, shadowObject] = await Promise.all(
          [host, shadow].map((backendNodeId) => cdp.send('DOM.resolveNode', { backendNodeId, executionContextId: world.id })),
        );
        await cdp.send('Runtime.callFunctionOn', {
          objectId: hostObject!.object.objectId!,
          functionDeclaration: 'function (root) { Object.defineProperty(this, "shadowRoot", { configurable: true, get: () => root }); }',
          arguments: [{ objectId: shadowObject!.object.objectId! }],
        });
      }
    }
    return found.length;
  } finally {
    await cdp.detach();
  }
}

/**
 * Clicks the pill (clickPill) and waits until the card hangs below it (32 px down, inside the badge
 * host). False when it did not open within `timeout`. The closed shadow root lets no selector in:
 * the test is what the page's hit testing finds there.
 */
export async function openCard(page: Page, timeout = 3_000): Promise<boolean> {
  await clickPill(page);
  return page
    .waitForFunction(
      () => {
        const box = document.querySelector('microscope-badge')?.getBoundingClientRect();
        return box !== undefined && document.elementFromPoint(box.left + 20, box.top + 60)?.localName === 'microscope-badge';
      },
      undefined,
      { timeout },
    )
    .then(
      () => true,
      () => false,
    );
}

/**
 * Unfolds the open card's Signals section as a keyboard user does: from the focused pill, Tab passes
 * Save and Close (components/Badge.tsx) to the section's summary, and Enter opens it. Real key
 * presses: the closed shadow root lets no selector in.
 */
export async function unfoldSignals(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}
