import { afterAll, beforeAll, expect, it } from 'vitest';
import { settledBadge } from './badge';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { DEMO_PAGES, fixtureRoute } from './pages';
import { startReplayServer, type ReplayServer } from './server';

/*
 * MicroScope makes no network request of its own: on a profile of every platform, with the badge
 * read, expanded and saved, the only requests are the page's own document (and the browser's
 * favicon). Fixture images are data: URLs and page scripts are off, so anything else would be ours.
 *
 * And it sends the page no message: a listener of the page's own scripts on `window` hears
 * nothing from MicroScope while the badge loads, settles and opens. (WXT by default announces
 * every content script start with window.postMessage, which tells each site that the extension
 * is installed; entrypoints/content/index.tsx turns that off.)
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

it.each(pages.map((page) => [page.platform, page.url] as const))('%s: no request but the page itself (%s)', async (_platform, url) => {
  const seen: string[] = [];
  const record = (request: { url(): string }) => seen.push(request.url());
  browser.context.on('request', record);
  const before = server.requests.length;
  const page = await browser.newPage();
  await page.goto(url);
  await settledBadge(page);
  await page.locator('microscope-badge .ms-pill').click();
  await page.locator('microscope-badge button', { hasText: 'Save to shortlist' }).click();
  await page.waitForTimeout(1500);
  const { pathname } = new URL(url);
  const external = seen.filter((address) => !address.startsWith('chrome-extension://') && !address.startsWith('data:'));
  expect(external.every((address) => new URL(address).pathname === pathname || address.endsWith('/favicon.ico')), external.join('\n')).toBe(true);
  expect(server.requests.slice(before).filter((line) => !line.endsWith(' /favicon.ico'))).toEqual([`${new URL(url).host} ${pathname}`]);
  browser.context.off('request', record);
  await page.close();
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
