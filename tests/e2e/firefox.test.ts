/**
 * The badge cases of instagram.test.ts and platforms.test.ts in Debian's Firefox ESR, with the
 * Firefox build (MV2, `wxt build -b firefox`, made by the e2e global setup) loaded as a temporary
 * add-on: the same fixtures and saved real pages served under the sites' host names (HTTPS, page
 * scripts off), the badge's contract attributes compared with what lib/ reads from the same HTML.
 * A missing Firefox fails here (firefox.ts), in CI and out of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SETTLE_TIMEOUT_MS } from '@/lib/content-controller';
import { adapterFor, readSnapshot } from '@/lib/sites';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { badgeAttributes, buildVerdict } from '@/lib/verdict';
import { documentFrom } from '../lib/sites/fixture';
import { CONTRACT, type BadgeContract } from './badge';
import { expectedBadge } from './expected';
import {
  cardOpen,
  clickPill,
  collectErrors,
  FIREFOX_EXTENSION_DIR,
  launchFirefoxWithExtension,
  readBadge,
  settledBadge,
  type FirefoxWithExtension,
} from './firefox';
import { HOSTILE_ARGS, hostileAttack, hostileListen, hostileReport } from './hostile';
import { expectedPageDataBadge, PAGE_DATA_URL, pageDataRoutes } from './page-data';
import { fixturePath, fixtureUrl, SHARED_PAGES } from './pages';
import { startReplayServer, type ReplayServer, type Route } from './server';

type Platform = 'instagram' | 'tiktok' | 'youtube' | 'x' | 'bluesky' | 'threads';

interface Served {
  platform: Platform;
  file: string;
  url: string;
}

interface ProfileCase extends Served {
  /** Hand-checked facts (from instagram.test.ts and platforms.test.ts) beside the comparison with lib/. */
  facts: BadgeContract;
}

interface SpaCase {
  from: Served;
  to: Served;
  /** YouTube announces its SPA navigations with this event on document. */
  navigateEvent?: string;
  /** A path of the same site that is not a profile. */
  away: string;
}

const IG = 'https://www.instagram.com';
const TT = 'https://www.tiktok.com';
const YT = 'https://www.youtube.com';
const X = 'https://x.com';
const BS = 'https://bsky.app/profile';
const TH = 'https://www.threads.com';

/** A fixture at the URL it carries (<meta name="microscope:fixture-url">, tests/fixtures/index.ts). */
const fixture = (platform: Platform, name: string): Served => ({ platform, file: fixturePath(platform, name), url: fixtureUrl(platform, name) });
const shared = (platform: Platform, path: string, url: string): Served => ({ platform, file: join(SHARED_PAGES, path), url });
const profile = (served: Served, facts: BadgeContract = {}): ProfileCase => ({ ...served, facts });

const PROFILES: ProfileCase[] = [
  profile(fixture('instagram', 'profile-exact'), { 'data-followers': '12345', 'data-followers-exact': 'true', 'data-tier': 'mid', 'data-state': 'ok' }),
  profile(fixture('instagram', 'profile-rounded'), { 'data-followers-exact': 'false' }),
  profile(fixture('instagram', 'profile-hidden-likes')),
  profile(fixture('instagram', 'profile-de')),
  profile(fixture('instagram', 'profile-no-posts'), { 'data-state': 'partial', 'data-sample': '0' }),
  profile(fixture('tiktok', 'profile'), { 'data-followers': '48213', 'data-followers-exact': 'true', 'data-state': 'ok' }),
  profile(fixture('tiktok', 'profile-stale-bootstrap'), { 'data-followers': '2500000', 'data-followers-exact': 'false', 'data-tier': 'mega' }),
  profile(fixture('tiktok', 'profile-de'), { 'data-followers': '1200000', 'data-followers-exact': 'false' }),
  profile(fixture('tiktok', 'profile-no-posts'), { 'data-followers': '17', 'data-state': 'partial', 'data-sample': '0' }),
  profile(fixture('youtube', 'channel-rounded'), { 'data-followers': '2470000', 'data-followers-exact': 'false', 'data-state': 'ok' }),
  profile(fixture('youtube', 'channel-exact')),
  profile(fixture('youtube', 'channel-es'), { 'data-followers': '4690000', 'data-followers-exact': 'false' }),
  profile(fixture('youtube', 'channel-ja'), { 'data-followers': '123000', 'data-followers-exact': 'false' }),
  profile(fixture('youtube', 'channel-de'), { 'data-followers': '12300', 'data-followers-exact': 'false' }),
  profile(fixture('youtube', 'channel-no-videos'), { 'data-followers': '3', 'data-state': 'partial', 'data-sample': '0' }),
  profile(fixture('x', 'profile-rounded'), { 'data-followers': '48200', 'data-followers-exact': 'false', 'data-state': 'ok' }),
  profile(fixture('x', 'profile-exact'), { 'data-followers': '2847', 'data-tier': 'micro', 'data-micro': 'true' }),
  profile(fixture('x', 'profile-es'), { 'data-followers': '1200000', 'data-followers-exact': 'false' }),
  profile(fixture('x', 'profile-de'), { 'data-followers': '1200000', 'data-followers-exact': 'false' }),
  profile(fixture('x', 'profile-no-posts'), { 'data-followers': '17', 'data-state': 'partial', 'data-sample': '0' }),
  profile(fixture('bluesky', 'profile'), { 'data-followers': '48213', 'data-followers-exact': 'true', 'data-state': 'ok' }),
  profile(fixture('bluesky', 'profile-ja'), { 'data-followers': '12345', 'data-followers-exact': 'true' }),
  profile(fixture('bluesky', 'profile-no-posts'), { 'data-followers': '17', 'data-state': 'partial', 'data-sample': '0' }),
  profile(fixture('threads', 'profile'), { 'data-followers': '48213', 'data-followers-exact': 'true', 'data-state': 'ok', 'data-last-post': '2025-12-10' }),
  profile(fixture('threads', 'profile-private'), { 'data-followers': '2904', 'data-followers-exact': 'true', 'data-sample': '0' }),
  profile(fixture('threads', 'profile-no-posts'), { 'data-followers': '17', 'data-state': 'partial', 'data-sample': '0' }),
];

/** The saved real pages (third-party, beside the repository): missing ones skip outside CI and fail in CI. */
const REAL: ProfileCase[] = [
  // og:description alone (no rendered header): approximate since issue 15.
  profile(shared('instagram', 'instagram/profile.server.html', `${IG}/pluto__travel/`), { 'data-followers': '2362', 'data-followers-exact': 'false', 'data-tier': 'micro' }),
  profile(shared('tiktok', 'tiktok/profile.rendered.html', `${TT}/@illojuan`), { 'data-followers': '783427', 'data-followers-exact': 'true' }),
  profile(shared('youtube', 'youtube/channel-es.server.html', `${YT}/@OneMedia.`), { 'data-followers': '4690000', 'data-followers-exact': 'false', 'data-tier': 'mega' }),
  profile(shared('x', 'x/profile.rendered.html', `${X}/Kikobeats`), { 'data-followers': '3893', 'data-followers-exact': 'true', 'data-tier': 'micro' }),
  profile(shared('bluesky', 'bluesky/profile.rendered.html', `${BS}/stephenking.bsky.social`), { 'data-followers': '1101177', 'data-followers-exact': 'true', 'data-tier': 'mega' }),
  profile(shared('threads', 'threads/profile.rendered.html', `${TH}/@zuck`), { 'data-followers': '5427419', 'data-followers-exact': 'true', 'data-tier': 'mega' }),
];

const NOT_PROFILES: Served[] = [
  fixture('instagram', 'post-page'),
  fixture('tiktok', 'video-page'),
  fixture('youtube', 'watch-page'),
  fixture('x', 'status-page'),
  fixture('bluesky', 'post-thread'),
  fixture('threads', 'post-page'),
];

/** One SPA navigation per platform, as the sites do it: pushState, then the new profile's body. */
const SPA: SpaCase[] = [
  { from: PROFILES[0]!, to: PROFILES[1]!, away: '/explore/' },
  { from: PROFILES[5]!, to: PROFILES[6]!, away: '/explore' },
  { from: PROFILES[9]!, to: PROFILES[10]!, navigateEvent: 'yt-navigate-finish', away: '/feed/trending' },
  { from: PROFILES[16]!, to: PROFILES[15]!, away: '/explore' },
  { from: PROFILES[20]!, to: PROFILES[22]!, away: '/feeds' },
  { from: PROFILES[23]!, to: PROFILES[25]!, away: '/search' },
];

const missingOutsideCi = (page: Served): boolean => !existsSync(page.file) && !process.env.CI;
const handleOf = (url: string): string => adapterFor(url)?.handle ?? '';
/** "ana.tidepool/ (profile-exact)": the path served and the file behind it. */
const titleOf = (page: Served): string => `${new URL(page.url).pathname.slice(1)} (${page.file.split('/').slice(-1)[0]})`;

/**
 * What lib/ says the badge shows after a SPA navigation: the first page's document with the second
 * page's body, its bootstrap data not trusted (it speaks for the first profile), as the content
 * script reads it (platforms.test.ts's expectation for the same swap).
 */
function expectedAfterSpa(spa: SpaCase): BadgeContract {
  const found = adapterFor(spa.to.url);
  if (!found) throw new Error(`${spa.to.url} is not a profile`);
  const doc = documentFrom(readFileSync(spa.from.file, 'utf8'), spa.to.url);
  doc.body.replaceWith(doc.importNode(documentFrom(readFileSync(spa.to.file, 'utf8'), spa.to.url).body, true));
  const snapshot = readSnapshot(found.adapter, doc, spa.to.url, { trustBootstrap: false });
  const attributes = badgeAttributes(buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled'));
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, value ?? null]));
}

/**
 * A profile's page served at a URL that is not a profile (Instagram's /explore/): the background
 * injects nothing there however the page looks, and injects once an SPA navigation makes the URL
 * a profile (lib/injector.ts).
 */
const LOOKALIKE = { url: 'https://www.instagram.com/explore/', profile: PROFILES[0]! };

function routes(): Route[] {
  const table = new Map<string, Route>();
  table.set(`www.instagram.com/explore/`, { host: 'www.instagram.com', path: '/explore/', file: LOOKALIKE.profile.file });
  for (const page of [...PROFILES, ...REAL, ...NOT_PROFILES]) {
    if (!existsSync(page.file)) continue;
    const { host, pathname } = new URL(page.url);
    table.set(`${host}${pathname}`, { host, path: pathname, file: page.file });
  }
  return [...table.values(), ...pageDataRoutes()];
}

let server: ReplayServer;
let firefox: FirefoxWithExtension | undefined;
/** Why Firefox did not start (none installed, say): every test fails with it, none is skipped. */
let launchError: unknown;

beforeAll(async () => {
  const served = routes();
  server = await startReplayServer(served);
  try {
    firefox = await launchFirefoxWithExtension(server, served.map((route) => route.host));
  } catch (error) {
    launchError = error;
  }
});

function started(): FirefoxWithExtension {
  if (!firefox) throw launchError;
  return firefox;
}

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await started().newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  return { page, errors };
}

/** Errors the extension causes; saved pages' own refused scripts and missing images are not ours. */
const ours = (errors: string[]): string[] => errors.filter((error) => /microscope|moz-extension:/i.test(error));

describe.concurrent('in real Firefox (ESR, MV2 build as a temporary add-on)', () => {
  it('loads the Firefox build under its fixed gecko id', ({ expect }) => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(started().addonId).toBe(manifest.browser_specific_settings.gecko.id);
  });

  for (const profile of PROFILES) {
    it(`${profile.platform}: ${titleOf(profile)}`, async ({ expect }) => {
      const { page, errors } = await open(profile.url);
      const badge = await settledBadge(page, 20_000);
      expect(badge).toMatchObject({ 'data-platform': profile.platform, 'data-handle': handleOf(profile.url), ...profile.facts });
      expect(badge).toEqual(expectedBadge(profile.file, profile.url));
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  for (const real of REAL) {
    it.skipIf(missingOutsideCi(real))(`${real.platform}: the saved real page ${titleOf(real)}`, async ({ expect }) => {
      expect(existsSync(real.file), `the saved pages must be beside the repository in CI: ${real.file}`).toBe(true);
      const { page, errors } = await open(real.url);
      // Half a megabyte to a megabyte of HTML each: slow to parse when the machine is busy.
      const badge = await settledBadge(page, 40_000);
      expect(badge).toMatchObject({ 'data-platform': real.platform, 'data-handle': handleOf(real.url), ...real.facts });
      expect(badge).toEqual(expectedBadge(real.file, real.url));
      expect(ours(errors)).toEqual([]);
      await page.close();
    });
  }

  // Instagram's posts observer (page's world, document start: `world: "MAIN"` in Firefox's MV2):
  // the page's own script loads the posts after load, the badge shows their engagement.
  for (const [how, query] of [['fetch', ''], ['XMLHttpRequest', '?xhr'], ['fetch at once on load', '?now']] as const) {
    it(`instagram: the engagement of the posts the page itself loads after load (${how})`, async ({ expect }) => {
      const { page, errors } = await open(`${PAGE_DATA_URL}${query}`);
      const expected = expectedPageDataBadge();
      expect(expected['data-engagement']).toMatch(/^\d+\.\d{2,}$/);
      await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-grid')), { timeout: 15_000 }).toBe('12');
      await expect.poll(async () => (await readBadge(page))?.['data-engagement'], { timeout: 15_000 }).toBe(expected['data-engagement']);
      expect(await settledBadge(page, 20_000)).toEqual(expected);
      expect(await page.evaluate(() => [fetch.name, fetch.length, Object.keys(window).filter((key) => /instagram|posts|microscope/i.test(key))])).toEqual(['fetch', 1, []]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it(`puts no badge on pages that are not profiles (${NOT_PROFILES.length}, one per platform)`, async ({ expect }) => {
    const opened = await Promise.all(NOT_PROFILES.map((served) => open(served.url)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const [index, { page, errors }] of opened.entries()) {
      expect(await readBadge(page), NOT_PROFILES[index]!.url).toBeNull();
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  for (const spa of SPA) {
    it(`${spa.from.platform}: never shows the previous profile under a new URL (SPA ${titleOf(spa.from)} → ${titleOf(spa.to)})`, async ({ expect }) => {
      const from = { handle: handleOf(spa.from.url), path: new URL(spa.from.url).pathname };
      const to = { handle: handleOf(spa.to.url), path: new URL(spa.to.url).pathname };
      const { page, errors } = await open(spa.from.url);
      expect(await settledBadge(page, 20_000)).toEqual(expectedBadge(spa.from.file, spa.from.url));

      // Record, at every DOM change, which URL is shown and which profile the badge speaks for.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        new MutationObserver(() => {
          const host = document.querySelector('microscope-badge');
          seen.push(`${location.pathname} ${host?.getAttribute('data-handle') ?? '-'}`);
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      await page.evaluate(
        (markup: string, path: string, event: string | null) => {
          const incoming = new DOMParser().parseFromString(markup, 'text/html');
          history.pushState({}, '', path);
          document.body.replaceWith(incoming.body);
          if (event) document.dispatchEvent(new Event(event));
        },
        readFileSync(spa.to.file, 'utf8'),
        to.path,
        spa.navigateEvent ?? null,
      );
      const expected = expectedAfterSpa(spa);
      expect(expected['data-handle']).toBe(to.handle);
      await expect.poll(() => readBadge(page), { timeout: 15_000 }).toEqual(expected);
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen.filter((line) => line.startsWith(`${to.path} `)).length).toBeGreaterThan(0);
      expect(seen.filter((line) => line === `${to.path} ${from.handle}`), 'the old profile must never be on screen under the new URL').toEqual([]);

      // And on to a page that is not a profile: the badge goes.
      await page.evaluate(
        (path: string, event: string | null) => {
          history.pushState({}, '', path);
          if (event) document.dispatchEvent(new Event(event));
        },
        spa.away,
        spa.navigateEvent ?? null,
      );
      await expect.poll(() => readBadge(page), { timeout: 5_000 }).toBeNull();
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('injects nothing into a page that is not a profile, and the content script once an SPA navigation makes it one', async ({ expect }) => {
    const { page, errors } = await open(LOOKALIKE.url);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await readBadge(page), 'a profile-like page under /explore/').toBeNull();
    const profile = new URL(LOOKALIKE.profile.url).pathname;
    await page.evaluate((path: string) => history.pushState({}, '', path), profile);
    const badge = await settledBadge(page, 20_000);
    expect(badge).toMatchObject({ 'data-handle': handleOf(LOOKALIKE.profile.url), ...LOOKALIKE.profile.facts });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the card by a real click and from the keyboard (Preact UI in the closed shadow root)', async ({ expect }) => {
    const { page } = await open(PROFILES[0]!.url);
    await settledBadge(page);
    // The shadow root is closed: the page (and so the test) sees the card only as the host's box.
    expect(await cardOpen(page)).toBe(false);
    await clickPill(page);
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe(true);
    // Escape closes it and leaves focus on the pill; Enter and Space open it again.
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press(' ');
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe(true);
    await page.close();
  });
});

/*
 * Issue 14 in Firefox: the page's own script (a BiDi preload script, in the page's realm from
 * before its HTML, as the site's first script would be) listens for every event it can name, looks
 * for marks, reaches for the shadow root, sends WXT's "content script started" and locationchange
 * events under the add-on's id, and presses everything. Not concurrent: storage must stay still.
 */
describe('a hostile page in Firefox', () => {
  it('cannot hear, read, switch off or press MicroScope; the badge still follows an SPA navigation', async ({ expect }) => {
    const ff = started();
    const args = HOSTILE_ARGS(ff.addonId);
    const from = PROFILES[0]!; // ana.tidepool
    const to = PROFILES[1]!; // kofi.bakes
    const page = await ff.newPage();
    const errors = collectErrors(page);
    await page.evaluateOnNewDocument(hostileListen, args);
    await page.goto(from.url);
    await settledBadge(page, 20_000);
    // (Storage itself is compared before and after in Chromium, privacy.test.ts: over WebDriver
    // BiDi Firefox refuses to navigate a test's tab to an extension page, and no extension realm
    // can be evaluated in. Here: no synthetic input reaches the card, whose Save is the badge's
    // only write.)
    await new Promise((resolve) => setTimeout(resolve, SETTLE_TIMEOUT_MS + 1000));
    const badge = await readBadge(page);
    expect(await page.evaluate(hostileAttack, args)).toEqual({ hosts: 1, shadowRoots: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await readBadge(page), 'still there, still the same').toEqual(badge);
    expect(await cardOpen(page), 'no synthetic click or key opened the card').toBe(false);

    const report = await page.evaluate(hostileReport);
    expect(report.types).toBeGreaterThan(100);
    expect(report.heard).toEqual([]);
    expect(report.marks).toEqual([]);
    expect(report.shadowRootNull).toBe(true);
    expect(report.hostAttributes.filter((name) => !(CONTRACT as readonly string[]).includes(name) && name !== 'style')).toEqual([]);

    // Not switched off: it follows the next navigation.
    await page.evaluate(
      (markup: string, path: string) => {
        const incoming = new DOMParser().parseFromString(markup, 'text/html');
        history.pushState({}, '', path);
        document.body.replaceWith(incoming.body);
      },
      readFileSync(to.file, 'utf8'),
      new URL(to.url).pathname,
    );
    await expect.poll(async () => (await readBadge(page))?.['data-handle'], { timeout: 15_000 }).toBe(handleOf(to.url));
    expect((await page.evaluate(hostileReport)).heard, 'no locationchange event of ours').toEqual([]);
    expect(ours(errors)).toEqual([]);
    await page.close();
  });
});
