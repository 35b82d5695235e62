import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { chromiumPath, closeWelcomeTab } from '../tests/e2e/browser';

export { chromiumPath };

export interface BenchBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the same flags as the E2E harness (tests/e2e/browser.ts), with the
 * extension in `extensionDir` or, without one, with no extension at all: the baseline.
 */
export async function launch(hostResolverRules: string, extensionDir?: string): Promise<BenchBrowser> {
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'microscope-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : [],
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${hostResolverRules}, EXCLUDE localhost`,
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ],
  });
  const manifest = extensionDir ? (JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { background?: unknown }) : {};
  if (manifest.background) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
    // The install opens the welcome tab (lib/first-run.ts): closed, so no page of ours but the
    // measured ones is open, as before it existed.
    if (extensionDir && existsSync(join(extensionDir, 'welcome.html'))) await closeWelcomeTab(context, new URL(worker.url()).host, 30_000);
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension id of a browser launched with one. */
export function extensionId(browser: BenchBrowser): string | undefined {
  const worker = browser.context.serviceWorkers()[0];
  return worker ? new URL(worker.url()).host : undefined;
}

export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

/** Runs `tasks` with at most `limit` at once, each start `staggerMs` after the previous one. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number, staggerMs = 0): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let lastStart = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      const wait = lastStart + staggerMs - Date.now();
      lastStart = Math.max(Date.now(), lastStart + staggerMs);
      if (wait > 0) await sleep(wait);
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
