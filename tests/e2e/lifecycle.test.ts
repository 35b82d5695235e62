import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectErrors, readBadge, settledBadge } from './badge';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { expectedBadge } from './expected';
import { fixturePath, fixtureRoute, fixtureUrl } from './pages';
import { startReplayServer, type ReplayServer } from './server';

// Its own browser: after a reload the extension is a new instance, unlike every other test wants.
// In this harness (--load-extension, headless) chrome.runtime.reload() leaves no extension behind:
// no service worker starts again and a new tab gets no badge, with this design as with the loader
// before it (measured 2026-12-06). So only the old instance's quiet end is checked here; the new
// instance's injection into open profiles (background.ts, onInstalled) is covered by
// tests/lib/injector.test.ts's `ensure`.
const PROFILE = fixtureUrl('instagram', 'profile-exact');
/** The same profile page served where the URL is not a profile. */
const LOOKALIKE = 'https://www.instagram.com/explore/';
let server: ReplayServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startReplayServer([fixtureRoute('instagram', 'profile-exact', PROFILE), fixtureRoute('instagram', 'profile-exact', LOOKALIKE)]);
  browser = await launchWithExtension(server.hostResolverRules);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('injects nothing into a page that is not a profile, and the content script once an SPA navigation makes it one', async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  // No script of ours in the page's extension world either: no symbol of ours there.
  await page.goto(LOOKALIKE);
  await page.waitForTimeout(1500);
  expect(await readBadge(page), 'a profile-like page under /explore/').toBeNull();
  const tabs = await browser.serviceWorker().evaluate(async (url) => (await chrome.tabs.query({ url })).map((tab) => tab.id!), LOOKALIKE);
  expect(tabs).toHaveLength(1);
  const ran = await browser.serviceWorker().evaluate(
    async (tabId) =>
      (await chrome.scripting.executeScript({ target: { tabId }, func: () => Object.getOwnPropertySymbols(globalThis).map(String) }))[0]?.result,
    tabs[0]!,
  );
  expect(ran, 'nothing of MicroScope in the extension world of that tab').toEqual([]);
  // pushState: tabs.onUpdated tells the background, which injects the content script.
  await page.evaluate((path) => history.pushState({}, '', path), new URL(PROFILE).pathname);
  const badge = await settledBadge(page);
  const want = expectedBadge(fixturePath('instagram', 'profile-exact'), PROFILE);
  expect(badge).toMatchObject({ 'data-handle': want['data-handle'], 'data-followers': want['data-followers'], 'data-followers-exact': 'true' });
  expect(await page.evaluate(() => document.querySelectorAll('microscope-badge').length)).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});

// Last: the reload takes the extension away for the rest of this browser.
it('tears down quietly when the extension is reloaded ("context invalidated")', async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(PROFILE);
  await settledBadge(page);
  await browser.serviceWorker().evaluate(() => chrome.runtime.reload());
  await expect.poll(() => readBadge(page), { timeout: 10_000 }).toBeNull();
  // The page goes on changing; the orphaned script must neither react nor complain.
  await page.evaluate(() => {
    for (let index = 0; index < 20; index++) document.querySelector('main')?.append(document.createElement('div'));
    history.pushState({}, '', '/kofi.bakes/');
  });
  await page.waitForTimeout(1500);
  expect(await readBadge(page)).toBeNull();
  expect(errors).toEqual([]);
});
