import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTLE_TIMEOUT_MS } from '@/lib/content-controller';
import { PROFILE_PREFIX } from '@/lib/storage-keys';
import { fixture } from '../fixtures';
import { CONTRACT, clickPill, readBadge, saveWithKeyboard, settledBadge } from './badge';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { HOSTILE_ARGS, hostileAttack, hostileListen, hostileReport } from './hostile';
import { expectedPageDataBadge, PAGE_DATA_URL, pageDataRoutes } from './page-data';
import { DEMO_PAGES, fixturePath, fixtureRoute, fixtureUrl } from './pages';
import { startReplayServer, type ReplayServer } from './server';

/*
 * MicroScope makes no network request of its own: on a profile of every platform, with the badge
 * read, expanded and saved, the only requests are the page's own document (and the browser's
 * favicon). Fixture images are data: URLs and page scripts are off, so anything else would be ours.
 *
 * And the page cannot reach it (issue 14): a script of the page's own, run in its main world from
 * before the HTML (an init script, as the site's first script would) hears no event, message or
 * performance mark of MicroScope's, finds the badge's shadow root closed, cannot switch it off with
 * WXT's events under the extension's (public) id, and pressing everything it can reach — the badge
 * host included — saves nothing. All against the production build (tests/e2e/global-setup.ts).
 */
let server: ReplayServer;
let browser: ExtensionBrowser;
/** Threads until the demo shows it too (then the demo's page comes first and this one is a duplicate left out). */
const THREADS = { platform: 'threads' as const, name: 'profile', url: fixtureUrl('threads', 'profile') };
const pages = [...DEMO_PAGES, THREADS].filter((page, index, all) => all.findIndex((other) => other.platform === page.platform) === index);
/** A second profile for the SPA navigation of the hostile-page case: not saved by the other cases. */
const KOFI = fixture('instagram', 'profile-rounded');
const NOOR = fixture('instagram', 'profile-hidden-likes');

beforeAll(async () => {
  server = await startReplayServer([...[...pages, KOFI, NOOR].map(({ platform, name, url }) => fixtureRoute(platform, name, url)), ...pageDataRoutes()]);
  browser = await launchWithExtension(server.hostResolverRules);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything in the extension's storage.local, read in its service worker. */
const storedLocal = (): Promise<Record<string, unknown>> => browser.serviceWorker().evaluate(() => chrome.storage.local.get(null));

it.each(pages.map((page) => [page.platform, page.url] as const))('%s: no request but the page itself (%s)', async (_platform, url) => {
  const seen: string[] = [];
  const record = (request: { url(): string }) => seen.push(request.url());
  browser.context.on('request', record);
  const before = server.requests.length;
  const page = await browser.newPage();
  await page.goto(url);
  await settledBadge(page);
  // Open the card and save, with real input: the badge takes no other.
  await saveWithKeyboard(page);
  await page.waitForTimeout(1500);
  const { pathname } = new URL(url);
  const external = seen.filter((address) => !address.startsWith('chrome-extension://') && !address.startsWith('data:'));
  expect(external.every((address) => new URL(address).pathname === pathname || address.endsWith('/favicon.ico')), external.join('\n')).toBe(true);
  expect(server.requests.slice(before).filter((line) => !line.endsWith(' /favicon.ico'))).toEqual([`${new URL(url).host} ${pathname}`]);
  browser.context.off('request', record);
  await page.close();
});

/** Opens `url` with the hostile page's listeners in place from the start. */
async function hostilePage(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(hostileListen, HOSTILE_ARGS(browser.extensionId));
  await page.goto(url);
  return page;
}

/** What the page heard and sees: nothing of MicroScope's but the badge's contract attributes. */
async function expectNothingReached(page: Page): Promise<void> {
  const report = await page.evaluate(hostileReport);
  expect(report.types, 'the page listened for the platform events and WXT names').toBeGreaterThan(100);
  expect(report.heard, 'events or messages named after the extension, MicroScope or WXT').toEqual([]);
  expect(report.marks, 'performance marks and measures').toEqual([]);
  expect(report.shadowRootNull, 'the badge host exists and its shadow root is closed').toBe(true);
  // The contract (what the page shows and lib/ computes) and the host's inline position: no saved
  // state, tags or notes.
  expect(report.hostAttributes.filter((name) => !(CONTRACT as readonly string[]).includes(name) && name !== 'style')).toEqual([]);
  expect(report.hostAttributes.join(' ')).not.toMatch(/saved|shortlist|tag|note/i);
}

describe('a hostile page', () => {
  it.each(pages.map((page) => [page.platform, page.url] as const))(
    '%s: cannot hear, read, switch off or press MicroScope (%s)',
    async (_platform, url) => {
      const page = await hostilePage(url);
      await settledBadge(page);
      // Let the badge's own writes happen first (the recent list, the settle re-read, the locale cache).
      await page.waitForTimeout(SETTLE_TIMEOUT_MS + 1000);
      const badge = await readBadge(page);
      const stored = await storedLocal();
      expect(await page.evaluate(hostileAttack, HOSTILE_ARGS(browser.extensionId))).toEqual({ hosts: 1, shadowRoots: 0 });
      await page.waitForTimeout(1500);
      expect(await storedLocal(), 'nothing written to storage').toEqual(stored);
      // Still there, still the same: the forged "newer script started" did not stop it.
      expect(await readBadge(page)).toEqual(badge);
      await expectNothingReached(page);
      // Nor can it load or probe for a file of ours: none is web-accessible (lib/injector.ts).
      const probe = await page.evaluate(async (id) => {
        const found: string[] = [];
        for (const file of ['content-main.js', 'manifest.json', 'popup.html', 'background.js']) {
          try {
            await fetch(`chrome-extension://${id}/${file}`);
            found.push(file);
          } catch {
            // refused: not web-accessible
          }
        }
        return found;
      }, browser.extensionId);
      expect(probe, 'files of the extension the page could load').toEqual([]);
      await page.close();
    },
  );

  it('still follows an SPA navigation after the attack, and a real user can still save', async () => {
    const page = await hostilePage(NOOR.url);
    await settledBadge(page);
    await page.evaluate(hostileAttack, HOSTILE_ARGS(browser.extensionId));
    await page.evaluate(
      ({ markup, path }) => {
        const incoming = new DOMParser().parseFromString(markup, 'text/html');
        history.pushState({}, '', path);
        document.body.replaceWith(incoming.body);
      },
      { markup: readFileSync(fixturePath(KOFI.platform, KOFI.name), 'utf8'), path: new URL(KOFI.url).pathname },
    );
    await expect.poll(async () => (await readBadge(page))?.['data-handle'], { timeout: 15_000 }).toBe('kofi.bakes');
    const badge = await settledBadge(page);
    await page.evaluate(hostileAttack, HOSTILE_ARGS(browser.extensionId));
    await page.waitForTimeout(500);
    const saved = (stored: Record<string, unknown>) => Object.keys(stored).filter((key) => key.includes('kofi.bakes'));
    expect(saved(await storedLocal()), 'the page could not save').toEqual([]);
    // The same buttons work for trusted input: the pill by mouse, Save by keyboard (Tab, Enter).
    await saveWithKeyboard(page);
    await expect.poll(async () => saved(await storedLocal()).length, { timeout: 5_000 }).toBeGreaterThan(0);
    // Saved: the host carries no trace of it.
    await page.keyboard.press('Escape');
    expect(await readBadge(page)).toEqual(badge);
    await expectNothingReached(page);
    await page.close();
  });

  it('opens the card from a trusted click only (a synthetic one on the host does nothing)', async () => {
    const page = await hostilePage(pages[0]!.url);
    await settledBadge(page);
    const height = async () => (await page.locator('microscope-badge').boundingBox())?.height ?? 0;
    const hit = (y: number) =>
      page.evaluate((offset) => {
        const box = document.querySelector('microscope-badge')!.getBoundingClientRect();
        return document.elementFromPoint(box.left + 20, box.top + offset)?.localName ?? null;
      }, y);
    expect(await height()).toBeGreaterThan(0);
    // The card hangs below the pill (absolute, 32 px down): closed, that spot is the page's.
    expect(await hit(60)).not.toBe('microscope-badge');
    await page.evaluate(hostileAttack, HOSTILE_ARGS(browser.extensionId));
    expect(await hit(60)).not.toBe('microscope-badge');
    await clickPill(page);
    await expect.poll(() => hit(60)).toBe('microscope-badge');
    await page.close();
  });
});

/*
 * Instagram's posts channel (lib/sites/instagram/channel.ts): two events of neutral names on
 * `document`, between the observer in the page's world and the content script. The page hears
 * them and can send them too: it learns the numbers it received itself, and can feed numbers, as
 * it can render them; nothing else. Its own script here loads the posts after load (as Instagram's).
 */
describe("a hostile page on Instagram's posts channel", () => {
  it('can feed numbers and nothing else, and hears only its own numbers', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.addInitScript(() => {
      const heard: { type: string; detail: unknown }[] = [];
      (window as unknown as { heardOnChannel: unknown }).heardOnChannel = heard;
      for (const type of ['posts-data:ask', 'posts-data:tell']) {
        document.addEventListener(type, (event) => heard.push({ type, detail: (event as CustomEvent).detail }), { capture: true });
      }
    });
    const before = server.requests.length;
    await page.goto(PAGE_DATA_URL);
    const expected = expectedPageDataBadge();
    await expect.poll(async () => (await readBadge(page))?.['data-engagement'], { timeout: 10_000 }).toBe(expected['data-engagement']);
    // No request but the page's own: its document and its one posts query.
    const { host, pathname } = new URL(PAGE_DATA_URL);
    expect(server.requests.slice(before).filter((line) => !line.endsWith(' /favicon.ico'))).toEqual([`${host} ${pathname}`, `${host} /graphql/query`]);

    // What the page heard: the content script's question (no detail), and the page's own posts.
    const heard = await page.evaluate(() => (window as unknown as { heardOnChannel: { type: string; detail: unknown }[] }).heardOnChannel);
    expect(heard.filter((item) => item.type === 'posts-data:ask')).toEqual([{ type: 'posts-data:ask', detail: null }]);
    const told = heard.filter((item) => item.type === 'posts-data:tell');
    expect(told.length).toBeGreaterThan(0);
    const keys = new Set(told.flatMap((item) => (JSON.parse(item.detail as string) as object[]).flatMap((post) => Object.keys(post))));
    expect([...keys].every((key) => ['code', 'from', 'owner', 'ownerId', 'likes', 'comments', 'plays', 'takenAt', 'pinned', 'likesHidden', 'reel'].includes(key)), [...keys].join()).toBe(true);

    // The page forges: junk of every kind, questions, then numbers of its own for the profile's posts.
    await page.evaluate(() => {
      const tell = (detail: unknown) => document.dispatchEvent(new CustomEvent('posts-data:tell', { detail }));
      tell({ code: 'DMk1Pst0003', from: 'timeline', owner: 'mara.kiln', likes: 1 });
      tell('x'.repeat(5_000_000));
      tell('{"not":"a list"');
      tell(JSON.stringify([{ code: '<img src=x onerror=alert(1)>', from: 'timeline', owner: 'mara.kiln', likes: 1 }, { code: 'DMk1Pst0004', from: 'timeline', owner: 'mara.kiln', likes: -5, comments: 'NaN' }]));
      for (let i = 0; i < 50; i++) document.dispatchEvent(new CustomEvent('posts-data:ask', { detail: 'save mara.kiln' }));
      const forged = ['DMk1Pst0003', 'DMk1Pst0004', 'DMk1Pst0005', 'DMk1Pst0008', 'DMk1Pst0009', 'DMk1Pst0010', 'DMk1Pst0011', 'DMk1Pst0012'];
      tell(JSON.stringify(forged.map((code) => ({ code, from: 'timeline', owner: 'mara.kiln', ownerId: '48151623420', likes: 100_000, comments: 0 }))));
    });
    // Numbers it may feed, as it may render them: 100,000 ÷ 61,208 followers.
    await expect.poll(async () => Number((await readBadge(page))?.['data-engagement']), { timeout: 10_000 }).toBeCloseTo((100_000 / 61_208) * 100, 3);
    const badge = await readBadge(page);
    expect(badge).toMatchObject({ 'data-handle': 'mara.kiln', 'data-followers': '61208', 'data-state': 'ok' });
    // Nothing else: no second badge, no open card, no saved profile, no error.
    expect(await page.locator('microscope-badge').count()).toBe(1);
    const stored = await storedLocal();
    expect(Object.keys(stored).filter((key) => key.startsWith(PROFILE_PREFIX) && key.toLowerCase().includes('mara.kiln')), 'no saved profile').toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
