/**
 * TikTok, YouTube, X, Bluesky and Threads in real Chromium with the built extension, as instagram.test.ts
 * does for Instagram: fixtures and saved real pages served under the sites' host names (HTTPS, page
 * scripts off), the badge's contract attributes compared with what lib/ reads from the same HTML.
 * One browser and one replay server for the whole file.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { adapterFor, readSnapshot } from '@/lib/sites';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { badgeAttributes, buildVerdict } from '@/lib/verdict';
import { documentFrom } from '../lib/sites/fixture';
import { collectErrors, readBadge, revealBadge, settledBadge, type BadgeContract } from './badge';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { expectedBadge } from './expected';
import { LATE_RENDERS } from './late-renders';
import { fixtureHtml, fixturePath, fixtureUrl, ROOT, SHARED_PAGES } from './pages';
import { startReplayServer, type ReplayServer, type Route } from './server';

type Platform = 'tiktok' | 'youtube' | 'x' | 'bluesky' | 'threads';

/** A page the server answers with: a file (fixture or saved page) or HTML made from one. */
interface Served {
  file: string;
  url: string;
  /** The HTML actually served, when it is not the file as is (a variant made from a fixture). */
  html?: string;
}

interface ProfileCase extends Served {
  what: string;
  /** Hand-checked facts beside the comparison with lib/. */
  facts: BadgeContract;
}

interface LateCase extends Served {
  /** Followers the badge shows before the header renders: bootstrap data of the loaded profile, or none. */
  before: string | null;
  /** [selector, innerHTML]: the header (and a post) as the site renders them after load. */
  render: [selector: string, html: string][];
  after: BadgeContract;
}

interface RealCase extends Served {
  what: string;
  facts?: BadgeContract;
  /** A saved page that is not a profile: it must get no badge. */
  noBadge?: boolean;
}

interface SpaCase {
  what: string;
  /** Loaded first: its bootstrap data (head, or `carry` elements of its body) stays in the document. */
  from: Served;
  /** Navigated to with pushState: its body replaces the page's body (or the old elements take its content). */
  to: Served;
  /** Elements of the first page's body that stay (YouTube's `var ytInitialData` script is in <body>). */
  carry?: string;
  /** YouTube announces its SPA navigations with this event on document. */
  navigateEvent?: string;
  /**
   * 'replace' (default): the new body replaces the old. 'reuse': the old elements are updated in
   * place to show the new profile (as YouTube's Polymer app does), the badge left where it was.
   */
  dom?: 'replace' | 'reuse';
  /** A path of the same site that is not a profile. */
  away: string;
}

interface PlatformSpec {
  platform: Platform;
  title: string;
  profiles: ProfileCase[];
  late: LateCase;
  nonProfiles: Served[];
  real: RealCase[];
  spa: SpaCase[];
  /** The page the screenshots show. */
  screenshot: Served;
}

/** A fixture at the URL it carries (<meta name="microscope:fixture-url">, tests/fixtures/index.ts). */
const fixture = (platform: Platform, name: string): Served => ({ file: fixturePath(platform, name), url: fixtureUrl(platform, name) });
const shared = (path: string, url: string): Served => ({ file: join(SHARED_PAGES, path), url });
const isFixture = (page: Served): boolean => page.file.startsWith(join(ROOT, 'tests/fixtures'));
const html = (page: Served): string => page.html ?? readFileSync(page.file, 'utf8');
/** Outside CI a missing saved page skips its case; in CI it fails (instagram.test.ts's rule). */
const unavailable = (page: Served): boolean => !existsSync(page.file) && !process.env.CI;

/**
 * What lib/ says the badge must show, as expected.ts computes it, for HTML that need not be a file
 * and with bootstrap data trusted or not (the content script trusts it only for the profile the
 * page was loaded for), after optional edits of the document.
 */
function expectedFor(source: string, url: string, trustBootstrap: boolean, edit?: (doc: Document) => void): BadgeContract {
  const found = adapterFor(url);
  if (!found) throw new Error(`${url} is not a profile`);
  const doc = documentFrom(source, url);
  edit?.(doc);
  const snapshot = readSnapshot(found.adapter, doc, url, { trustBootstrap });
  const attributes = badgeAttributes(buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled'));
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, value ?? null]));
}

/** The expectation for a served page loaded directly (bootstrap trusted), via expected.ts when it is a file. */
const expectedLoaded = (page: Served): BadgeContract =>
  page.html === undefined ? expectedBadge(page.file, page.url) : expectedFor(page.html, page.url, true);

// ---------------------------------------------------------------- the platforms

const TT = 'https://www.tiktok.com';
const YT = 'https://www.youtube.com';
const X = 'https://x.com';
const BS = 'https://bsky.app/profile';

/** Bluesky's header without the exact aria-label and without JSON-LD: only the visible "48.2K" is left. */
const blueskyRounded: Served = {
  file: fixturePath('bluesky', 'profile'),
  url: `${BS}/juniper-rounded.bsky.social`,
  html: fixtureHtml('bluesky', 'profile')
    .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '')
    .replace('aria-label="48213 followers"', 'aria-label="Followers"')
    .replaceAll('juniper-oakes.bsky.social', 'juniper-rounded.bsky.social'),
};

const TH = 'https://www.threads.com';

/** Threads' header without the exact title and without the embedded JSON: only the visible "48.2K" is left. */
const threadsRounded: Served = {
  file: fixturePath('threads', 'profile'),
  url: `${TH}/@wren.rounded`,
  html: fixtureHtml('threads', 'profile')
    .replace(/<script type="application\/json"[\s\S]*?<\/script>/g, '')
    .replace('<span title="48,213">', '<span>')
    .replaceAll('wren.alder', 'wren.rounded'),
};

/** A SPA case twice: the new body swapped in, and the old elements reused to show the new profile. */
const bothWays = (spa: SpaCase): SpaCase[] => [spa, { ...spa, what: `${spa.what} (elements reused)`, dom: 'reuse' }];

const SPECS: PlatformSpec[] = [
  {
    platform: 'tiktok',
    title: 'TikTok',
    profiles: [
      {
        what: 'exact from statsV2 beside the rounded header "48.2K"',
        ...fixture('tiktok', 'profile'),
        // Video ids 7302…–7305… (the pinned 7301… left out): 2023-11-16 … 2023-11-24, 3 intervals over 8.08 days.
        facts: { 'data-handle': 'mara.bakes', 'data-followers': '48213', 'data-followers-exact': 'true', 'data-state': 'ok', 'data-last-post': '2023-11-24', 'data-posts-per-week': '2.60' },
      },
      {
        what: 'rounded "2.5M" from the header; the embedded data of another profile is ignored',
        ...fixture('tiktok', 'profile-stale-bootstrap'),
        facts: { 'data-handle': 'kofi.draws', 'data-followers': '2500000', 'data-followers-exact': 'false', 'data-tier': 'mega' },
      },
      {
        what: 'German "1,2 Mio." by the page locale',
        ...fixture('tiktok', 'profile-de'),
        facts: { 'data-handle': 'lena.wandert', 'data-followers': '1200000', 'data-followers-exact': 'false' },
      },
      {
        what: 'no videos: partial, with its tier',
        ...fixture('tiktok', 'profile-no-posts'),
        facts: { 'data-handle': 'fresh.start.studio', 'data-followers': '17', 'data-followers-exact': 'true', 'data-state': 'partial', 'data-sample': '0', 'data-last-post': null, 'data-posts-per-week': null, 'data-flags': '' },
      },
    ],
    late: {
      ...fixture('tiktok', 'profile-late'),
      before: '5310', // statsV2 of the loaded profile fills in until the header renders
      render: LATE_RENDERS.tiktok,
      after: { 'data-followers': '5312', 'data-followers-exact': 'true', 'data-state': 'ok' },
    },
    nonProfiles: [fixture('tiktok', 'video-page')],
    real: [
      {
        what: '@illojuan: followers 783427 exact from statsV2',
        ...shared('tiktok/profile.rendered.html', `${TT}/@illojuan`),
        facts: { 'data-handle': 'illojuan', 'data-followers': '783427', 'data-followers-exact': 'true' },
      },
      { what: 'a video page: no profile badge', ...shared('tiktok/video.rendered.html', `${TT}/@illojuan/video/7571863205253778710`), noBadge: true },
    ],
    spa: [
      ...bothWays({
        what: '@mara.bakes → @kofi.draws, mara.bakes\'s __UNIVERSAL_DATA_FOR_REHYDRATION__ still in <head>',
        from: fixture('tiktok', 'profile'),
        to: fixture('tiktok', 'profile-stale-bootstrap'),
        away: '/explore',
      }),
    ],
    screenshot: fixture('tiktok', 'profile'),
  },
  {
    platform: 'youtube',
    title: 'YouTube',
    profiles: [
      {
        what: 'rounded "2.47M subscribers" (YouTube rounds down)',
        ...fixture('youtube', 'channel-rounded'),
        facts: { 'data-handle': 'copperkettle', 'data-followers': '2470000', 'data-followers-exact': 'false', 'data-state': 'ok' },
      },
      {
        what: 'exact "847 subscribers"',
        ...fixture('youtube', 'channel-exact'),
        facts: { 'data-handle': 'quietpond', 'data-followers': '847', 'data-followers-exact': 'true', 'data-tier': 'nano' },
      },
      {
        what: 'Spanish "4,69 M de suscriptores"',
        ...fixture('youtube', 'channel-es'),
        facts: { 'data-handle': 'cocinaconlola', 'data-followers': '4690000', 'data-followers-exact': 'false' },
      },
      {
        what: 'Japanese "チャンネル登録者数 12.3万人"',
        ...fixture('youtube', 'channel-ja'),
        facts: { 'data-handle': 'yamanoyu', 'data-followers': '123000', 'data-followers-exact': 'false' },
      },
      {
        what: 'German "12.300 Abonnenten"',
        ...fixture('youtube', 'channel-de'),
        facts: { 'data-handle': 'backstubeweiss', 'data-followers': '12300', 'data-followers-exact': 'false' },
      },
      {
        what: 'no videos: partial, with its tier',
        ...fixture('youtube', 'channel-no-videos'),
        facts: { 'data-handle': 'freshclay', 'data-followers': '3', 'data-followers-exact': 'true', 'data-state': 'partial', 'data-sample': '0' },
      },
    ],
    late: {
      ...fixture('youtube', 'channel-late'),
      before: null,
      render: LATE_RENDERS.youtube,
      after: { 'data-followers': '9870', 'data-followers-exact': 'false', 'data-state': 'ok' },
    },
    nonProfiles: [fixture('youtube', 'watch-page')],
    real: [
      {
        what: '@OneMedia. (server HTML, es-ES): ytInitialData "4,69 M de suscriptores", 4 690 000 rounded',
        ...shared('youtube/channel-es.server.html', `${YT}/@OneMedia.`),
        facts: { 'data-handle': 'OneMedia.', 'data-followers': '4690000', 'data-followers-exact': 'false', 'data-tier': 'mega' },
      },
    ],
    spa: [
      ...bothWays({
        what: '@copperkettle → @quietpond, then yt-navigate-finish',
        from: fixture('youtube', 'channel-rounded'),
        to: fixture('youtube', 'channel-exact'),
        navigateEvent: 'yt-navigate-finish',
        away: '/feed/trending',
      }),
      {
        what: 'the saved @OneMedia. page → @cocinaconlola, OneMedia\'s ytInitialData script still in <body>',
        from: shared('youtube/channel-es.server.html', `${YT}/@OneMedia.`),
        to: fixture('youtube', 'channel-es'),
        carry: 'script',
        navigateEvent: 'yt-navigate-finish',
        away: '/feed/trending',
      },
    ],
    screenshot: fixture('youtube', 'channel-rounded'),
  },
  {
    platform: 'x',
    title: 'X',
    profiles: [
      {
        what: 'rounded "48.2K Followers" (X truncates)',
        ...fixture('x', 'profile-rounded'),
        facts: { 'data-handle': 'mara_sketches', 'data-followers': '48200', 'data-followers-exact': 'false', 'data-state': 'ok' },
      },
      {
        what: 'exact "2,847 Followers": micro',
        ...fixture('x', 'profile-exact'),
        facts: { 'data-handle': 'noor_ceramics', 'data-followers': '2847', 'data-followers-exact': 'true', 'data-tier': 'micro', 'data-micro': 'true' },
      },
      {
        what: 'Spanish "1,2 M Seguidores"',
        ...fixture('x', 'profile-es'),
        facts: { 'data-handle': 'lucia_ortega', 'data-followers': '1200000', 'data-followers-exact': 'false' },
      },
      {
        what: 'German "1,2 Mio. Follower"',
        ...fixture('x', 'profile-de'),
        facts: { 'data-handle': 'lena_wandert', 'data-followers': '1200000', 'data-followers-exact': 'false' },
      },
      {
        what: 'no posts: partial, with its tier',
        ...fixture('x', 'profile-no-posts'),
        facts: { 'data-handle': 'fresh_start', 'data-followers': '17', 'data-followers-exact': 'true', 'data-state': 'partial', 'data-sample': '0' },
      },
    ],
    late: {
      ...fixture('x', 'profile-late'),
      before: null,
      render: LATE_RENDERS.x,
      after: { 'data-followers': '5310', 'data-followers-exact': 'true', 'data-state': 'ok' },
    },
    nonProfiles: [
      fixture('x', 'status-page'),
      fixture('x', 'home'),
    ],
    real: [
      {
        what: '@Kikobeats: followers 3893 exact',
        ...shared('x/profile.rendered.html', `${X}/Kikobeats`),
        // The pinned post (2024-02-18) left out: the newest own post is 1987508451887784324, <time datetime="2025-11-09T13:11:55.000Z">.
        facts: { 'data-handle': 'Kikobeats', 'data-followers': '3893', 'data-followers-exact': 'true', 'data-tier': 'micro', 'data-last-post': '2025-11-09' },
      },
    ],
    spa: [
      ...bothWays({
        what: '@noor_ceramics → @mara_sketches, noor_ceramics\'s JSON-LD still in <head>',
        from: fixture('x', 'profile-exact'),
        to: fixture('x', 'profile-rounded'),
        away: '/explore',
      }),
    ],
    screenshot: fixture('x', 'profile-exact'),
  },
  {
    platform: 'bluesky',
    title: 'Bluesky',
    profiles: [
      {
        what: 'exact "48213 followers" from the aria-label (visible "48.2K")',
        ...fixture('bluesky', 'profile'),
        // TIDs 3lm5c2wxyz22a, 3lm3d6quot22d, 3lm2e5zero22e (pinned and repost left out): newest 2025-04-06.
        facts: { 'data-handle': 'juniper-oakes.bsky.social', 'data-followers': '48213', 'data-followers-exact': 'true', 'data-state': 'ok', 'data-last-post': '2025-04-06' },
      },
      {
        what: 'rounded: only the visible "48.2K" (no number in the label, no JSON-LD)',
        ...blueskyRounded,
        facts: { 'data-handle': 'juniper-rounded.bsky.social', 'data-followers': '48200', 'data-followers-exact': 'false' },
      },
      {
        what: 'Japanese UI',
        ...fixture('bluesky', 'profile-ja'),
        facts: { 'data-handle': 'hanami.kobo.jp', 'data-followers': '12345', 'data-followers-exact': 'true' },
      },
      {
        what: 'no posts: partial, with its tier',
        ...fixture('bluesky', 'profile-no-posts'),
        facts: { 'data-handle': 'fresh-start.bsky.social', 'data-followers': '17', 'data-followers-exact': 'true', 'data-state': 'partial', 'data-sample': '0' },
      },
    ],
    late: {
      ...fixture('bluesky', 'profile-late'),
      before: '5310', // the JSON-LD of the loaded profile fills in until the header renders
      render: LATE_RENDERS.bluesky,
      after: { 'data-followers': '5312', 'data-followers-exact': 'true', 'data-state': 'ok' },
    },
    nonProfiles: [fixture('bluesky', 'post-thread')],
    real: [
      {
        what: '@stephenking.bsky.social: followers 1101177 exact (visible "1.1M")',
        ...shared('bluesky/profile.rendered.html', `${BS}/stephenking.bsky.social`),
        facts: { 'data-handle': 'stephenking.bsky.social', 'data-followers': '1101177', 'data-followers-exact': 'true', 'data-tier': 'mega' },
      },
    ],
    spa: [
      ...bothWays({
        what: '@juniper-oakes → @fresh-start, juniper-oakes\'s meta tags and JSON-LD still in <head>',
        from: fixture('bluesky', 'profile'),
        to: fixture('bluesky', 'profile-no-posts'),
        away: '/feeds',
      }),
    ],
    screenshot: fixture('bluesky', 'profile'),
  },
  {
    platform: 'threads',
    title: 'Threads',
    profiles: [
      {
        what: 'exact "48,213" from the span[title] beside "48.2K"; the thread once, pinned and repost left out',
        ...fixture('threads', 'profile'),
        // The newest own post: DAbc2bBbBbB's <time datetime="2025-12-10T18:05:11.000Z">.
        facts: { 'data-handle': 'wren.alder', 'data-followers': '48213', 'data-followers-exact': 'true', 'data-state': 'ok', 'data-last-post': '2025-12-10' },
      },
      {
        what: 'rounded: only the visible "48.2K" (no title, no embedded JSON)',
        ...threadsRounded,
        facts: { 'data-handle': 'wren.rounded', 'data-followers': '48200', 'data-followers-exact': 'false' },
      },
      {
        what: 'private, on the old threads.net host: settles with its tier',
        ...fixture('threads', 'profile-private'),
        facts: { 'data-handle': 'quiet.fern', 'data-followers': '2904', 'data-followers-exact': 'true', 'data-sample': '0' },
      },
      {
        what: 'no posts: partial, with its tier',
        ...fixture('threads', 'profile-no-posts'),
        facts: { 'data-handle': 'fresh.start', 'data-followers': '17', 'data-followers-exact': 'true', 'data-state': 'partial', 'data-sample': '0' },
      },
    ],
    late: {
      ...fixture('threads', 'profile-late'),
      before: '5312', // the embedded user JSON of the loaded profile fills in until the header renders
      render: LATE_RENDERS.threads,
      after: { 'data-followers': '5312', 'data-followers-exact': 'true', 'data-state': 'ok' },
    },
    nonProfiles: [fixture('threads', 'post-page')],
    real: [
      {
        what: '@zuck: followers 5427419 exact (visible "5.4M")',
        ...shared('threads/profile.rendered.html', `${TH}/@zuck`),
        facts: { 'data-handle': 'zuck', 'data-followers': '5427419', 'data-followers-exact': 'true', 'data-tier': 'mega', 'data-last-post': '2025-12-16' },
      },
    ],
    spa: [
      ...bothWays({
        what: '@wren.alder → @fresh.start, wren.alder\'s embedded JSON still in <head>',
        from: fixture('threads', 'profile'),
        to: fixture('threads', 'profile-no-posts'),
        away: '/search',
      }),
    ],
    screenshot: fixture('threads', 'profile'),
  },
];

// ---------------------------------------------------------------- one browser, one server

const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

/** Every page any case loads, each once; saved pages only when they are there. */
function routes(): Route[] {
  const pages = SPECS.flatMap((spec) => [
    ...spec.profiles,
    spec.late,
    ...spec.nonProfiles,
    ...spec.real,
    ...spec.spa.map((spa) => spa.from),
    spec.screenshot,
  ]);
  const table = new Map<string, Route>();
  for (const page of pages) {
    if (!existsSync(page.file)) continue;
    const { host, pathname } = new URL(page.url);
    const route: Route = page.html === undefined ? { host, path: pathname, file: page.file } : { host, path: pathname, html: page.html };
    const key = `${host}${pathname}`;
    const before = table.get(key);
    if (before && (before.file !== route.file || before.html !== route.html)) throw new Error(`two pages for ${key}`);
    table.set(key, route);
  }
  return [...table.values()];
}

let server: ReplayServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startReplayServer(routes());
  browser = await launchWithExtension(server.hostResolverRules);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  return { page, errors };
}

/** Whether the badge floats at the top right (no anchor found yet) rather than beside the name. */
const floating = (page: Page): Promise<boolean | null> =>
  page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('microscope-badge');
    return host ? host.style.position === 'fixed' : null;
  });

/** The page's body after a SPA navigation to `to`, as the test swaps it in, read as the content script then reads it. */
function expectedAfterSwap(spa: SpaCase): BadgeContract {
  return expectedFor(html(spa.from), spa.to.url, false, (doc) => {
    const incoming = documentFrom(html(spa.to), spa.to.url);
    const body = doc.importNode(incoming.body, true);
    if (spa.carry) for (const kept of doc.body.querySelectorAll(spa.carry)) body.append(kept);
    doc.body.replaceWith(body);
  });
}

const handleOf = (url: string): string => adapterFor(url)?.handle ?? '';

// The cases run side by side, 5 pages at a time (vitest's maxConcurrency): most of the time goes
// into waiting for the content script's timers (anchor 3 s, settle 6 s), not into work. Concurrent
// tests assert with their own `expect`.
describe.concurrent('in real Chromium', () => {
  for (const spec of SPECS) {
    describe(spec.title, () => {
      it.for(spec.profiles)('$what', async (profile, { expect }) => {
        const { page, errors } = await open(profile.url);
        const badge = await settledBadge(page, 20_000);
        expect(badge).toMatchObject({ 'data-platform': spec.platform, ...profile.facts });
        expect(badge).toEqual(expectedLoaded(profile));
        expect(errors).toEqual([]);
        await page.close();
      });

      it('waits for counts rendered after load, then shows them beside the name', async ({ expect }) => {
        const { late } = spec;
        const { page, errors } = await open(late.url);
        // With no anchor the badge floats at the top right after a while, showing what it knows.
        await expect.poll(() => readBadge(page), { timeout: 10_000 }).not.toBeNull();
        const before = await readBadge(page);
        expect(before).toMatchObject({ 'data-handle': handleOf(late.url), 'data-followers': late.before });
        expect(await floating(page)).toBe(true);

        await page.evaluate((render) => {
          for (const [selector, markup] of render) {
            const slot = document.querySelector(selector);
            if (!slot) throw new Error(`no ${selector}`);
            slot.innerHTML = markup;
          }
        }, late.render);
        const expected = expectedFor(html(late), late.url, true, (doc) => {
          for (const [selector, markup] of late.render) doc.querySelector(selector)!.innerHTML = markup;
        });
        expect(expected).toMatchObject(late.after);
        await expect.poll(() => readBadge(page), { timeout: 15_000 }).toEqual(expected);
        await expect.poll(() => floating(page), { timeout: 5_000 }).toBe(false);
        expect(errors).toEqual([]);
        await page.close();
      });

      it(`puts no badge on pages that are not profiles (${spec.nonProfiles.map((page) => new URL(page.url).pathname).join(', ')})`, async ({ expect }) => {
        const opened = await Promise.all(spec.nonProfiles.map((page) => open(page.url)));
        await opened[0]!.page.waitForTimeout(1500);
        for (const [index, { page, errors }] of opened.entries()) {
          expect(await readBadge(page), spec.nonProfiles[index]!.url).toBeNull();
          expect(errors).toEqual([]);
          await page.close();
        }
      });

      for (const real of spec.real) {
        it.skipIf(unavailable(real))(`reads the saved real page: ${real.what}`, async ({ expect }) => {
          expect(existsSync(real.file), `the saved pages must be beside the repository in CI: ${real.file}`).toBe(true);
          const { page, errors } = await open(real.url);
          if (real.noBadge) {
            await page.waitForTimeout(1500);
            expect(await readBadge(page)).toBeNull();
          } else {
            const badge = await settledBadge(page, 20_000);
            expect(badge).toMatchObject({ 'data-platform': spec.platform, ...real.facts });
            expect(badge).toEqual(expectedBadge(real.file, real.url));
          }
          // The saved pages' own scripts are refused by the CSP and their images cannot load here:
          // only errors of the extension count.
          expect(errors.filter((error) => /microscope|chrome-extension:/i.test(error))).toEqual([]);
          await page.close();
        });
      }

      for (const spa of spec.spa) {
        it.skipIf(unavailable(spa.from))(`never shows the previous profile under a new URL (SPA): ${spa.what}`, async ({ expect }) => {
          const from = { handle: handleOf(spa.from.url), path: new URL(spa.from.url).pathname };
          const to = { handle: handleOf(spa.to.url), path: new URL(spa.to.url).pathname };
          const fromBadge = expectedBadge(spa.from.file, spa.from.url);
          const { page, errors } = await open(spa.from.url);
          await expect
            .poll(async () => (await readBadge(page))?.['data-followers'], { timeout: 10_000 })
            .toBe(fromBadge['data-followers']);

          // Record, at every DOM change, which URL is shown and which profile the badge speaks for.
          await page.evaluate(() => {
            const seen: string[] = [];
            (window as unknown as { seen: string[] }).seen = seen;
            const record = () => {
              const host = document.querySelector('microscope-badge');
              seen.push(`${location.pathname} ${host?.getAttribute('data-handle') ?? '-'} ${host?.getAttribute('data-followers') ?? '-'}`);
            };
            new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true });
          });
          // As the site does: the URL changes and the new profile's DOM replaces the old in one go;
          // the first profile's bootstrap data stays in the document.
          await page.evaluate(
            ({ markup, path, carry, event, reuse }) => {
              const incoming = new DOMParser().parseFromString(markup, 'text/html');
              if (carry) for (const kept of document.body.querySelectorAll(carry)) incoming.body.append(kept);
              /** Makes `from` show what `to` shows, keeping every element whose tag still fits (and the badge). */
              const morph = (from: Element, to: Element): void => {
                for (const { name } of [...from.attributes]) if (!to.hasAttribute(name)) from.removeAttribute(name);
                for (const { name, value } of [...to.attributes]) if (from.getAttribute(name) !== value) from.setAttribute(name, value);
                const olds = [...from.childNodes].filter((node) => node.nodeName !== 'MICROSCOPE-BADGE');
                const news = [...to.childNodes];
                news.forEach((next, index) => {
                  const old = olds[index];
                  if (!old) from.append(document.importNode(next, true));
                  else if (old.nodeName !== next.nodeName) old.replaceWith(document.importNode(next, true));
                  else if (old.nodeType === Node.ELEMENT_NODE) morph(old as Element, next as Element);
                  else if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
                });
                for (const extra of olds.slice(news.length)) extra.remove();
              };
              history.pushState({}, '', path);
              if (reuse) morph(document.body, incoming.body);
              else document.body.replaceWith(incoming.body);
              if (event) document.dispatchEvent(new Event(event));
            },
            { markup: html(spa.to), path: to.path, carry: spa.carry ?? null, event: spa.navigateEvent ?? null, reuse: spa.dom === 'reuse' },
          );
          const expected = expectedAfterSwap(spa);
          expect(expected['data-handle']).toBe(to.handle);
          await expect.poll(async () => (await readBadge(page))?.['data-handle'], { timeout: 10_000 }).toBe(to.handle);
          await expect.poll(() => readBadge(page), { timeout: 15_000 }).toEqual(expected);

          const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
          const underNewUrl = seen.filter((line) => line.startsWith(`${to.path} `));
          expect(underNewUrl.length).toBeGreaterThan(0);
          const stale = underNewUrl.filter((line) => {
            const [, handle, followers] = line.split(' ');
            return handle === from.handle || (followers !== '-' && followers === fromBadge['data-followers'] && followers !== expected['data-followers']);
          });
          expect(stale, 'the old profile must never be on screen under the new URL').toEqual([]);

          // And on to a page that is not a profile: the badge goes.
          await page.evaluate(
            ({ path, event }) => {
              history.pushState({}, '', path);
              if (event) document.dispatchEvent(new Event(event));
            },
            { path: spa.away, event: spa.navigateEvent ?? null },
          );
          await expect.poll(() => readBadge(page), { timeout: 5_000 }).toBeNull();
          // A saved page's own scripts are refused by the CSP: its console is not ours to judge.
          if (isFixture(spa.from)) expect(errors).toEqual([]);
          await page.close();
        });
      }

      it('is keyboard operable; screenshots collapsed and expanded', async ({ expect }) => {
        const { page } = await open(spec.screenshot.url);
        const badge = await settledBadge(page);
        expect(badge['data-platform']).toBe(spec.platform);
        await revealBadge(page);
        const clip = { x: 0, y: 0, width: 1000, height: 560 };
        await page.screenshot({ path: join(SCREENSHOTS, `${spec.platform}-collapsed.png`), clip });
        const pill = page.locator('microscope-badge .ms-pill');
        await pill.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => pill.getAttribute('aria-expanded'), { timeout: 5_000 }).toBe('true');
        const card = page.locator('microscope-badge .ms-card');
        await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
        // The whole card, however far down it reaches.
        const box = await card.boundingBox();
        const height = Math.max(clip.height, Math.ceil((box?.y ?? 0) + (box?.height ?? 0) + 24));
        await page.screenshot({ path: join(SCREENSHOTS, `${spec.platform}-expanded.png`), clip: { ...clip, height }, fullPage: true });
        await page.close();
      });
    });
  }
});
