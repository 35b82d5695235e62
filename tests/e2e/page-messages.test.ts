import { afterAll, beforeAll, expect, it } from 'vitest';
import { settledBadge } from './badge';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { DEMO_PAGES, fixtureRoute } from './pages';
import { startReplayServer, type ReplayServer } from './server';

/*
 * The content script sends the page no message: a listener of the page's own scripts on `window`
 * hears nothing from MicroScope while the badge loads, settles and opens. (WXT by default
 * announces every content script start with window.postMessage, which tells each site that the
 * extension is installed; entrypoints/content/index.tsx turns that off.)
 */
let server: ReplayServer;
let browser: ExtensionBrowser;
const pages = DEMO_PAGES.filter((page, index, all) => all.findIndex((other) => other.platform === page.platform) === index);

beforeAll(async () => {
  server = await startReplayServer(pages.map(({ platform, name, url }) => fixtureRoute(platform, name, url)));
  browser = await launchWithExtension(server.hostResolverRules);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it.each(pages.map((page) => [page.platform, page.url] as const))('%s: the page hears no message from the extension (%s)', async (_platform, url) => {
  const page = await browser.newPage();
  // In the page's main world, before its HTML (CDP, so page scripts being off does not stop it).
  await page.addInitScript(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data) ?? String(event.data)));
  });
  await page.goto(url);
  await settledBadge(page);
  await page.locator('microscope-badge .ms-pill').click();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { heard?: string[] }).heard)).toEqual([]);
  await page.close();
});
