import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectErrors, readBadge, settledBadge } from './badge';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { fixtureRoute } from './pages';
import { startReplayServer, type ReplayServer } from './server';

// Its own browser: after a reload the extension is a new instance, unlike every other test wants.
const URL = 'https://www.instagram.com/ana.tidepool/';
let server: ReplayServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startReplayServer([fixtureRoute('instagram', 'profile-exact', URL)]);
  browser = await launchWithExtension(server.hostResolverRules);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('tears down quietly when the extension is reloaded ("context invalidated")', async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(URL);
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
