/**
 * `npm start`'s demo pages in real Chromium with the built extension, served as the demo serves
 * them (tests/e2e/pages.ts demoRoute: post dates moved to today), as if written weeks ago: every
 * badge says what lib/ reads from the same HTML, the flagged creator trips the five signals it was
 * written to trip, and no demo creator has gone inactive. tests/fixtures/demo.test.ts checks the
 * same pages on days years apart, in Node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor, readSnapshot } from '@/lib/sites';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { badgeAttributes, buildVerdict } from '@/lib/verdict';
import { documentFrom } from '../lib/sites/fixture';
import { collectErrors, settledBadge } from './badge';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import type { Platform } from '@/lib/platforms';
import { demoWrittenAt, freshenDemoPage } from '../fixtures/demo';
import { DEMO_PAGES, demoRoute, fixtureHtml } from './pages';
import { startReplayServer, type ReplayServer, type Route } from './server';

const DAY = 86_400_000;
const FLAGGED = 'low-engagement comment-density uniform-likes views-likes following-ratio';

let server: ReplayServer;
let browser: ExtensionBrowser;
const now = Date.now();
/**
 * Each demo page as if written AGE_DAYS ago (its posts, and the day its meta names, moved back):
 * so this run is the demo run that long after the pages were written, whatever day it is. Served
 * as written, such a page is 'inactive' (tests/fixtures/demo.test.ts); the demo must move it back.
 */
const AGE_DAYS = 45;
function writtenEarlier(platform: Platform, name: string): string {
  const html = fixtureHtml(platform, name);
  const written = demoWrittenAt(html)!;
  const earlier = new Date(written - AGE_DAYS * DAY).toISOString();
  return freshenDemoPage(html, platform, written - AGE_DAYS * DAY).replace(
    /(<meta name="microscope:demo-written" content=")[^"]*"/,
    (_, start: string) => `${start}${earlier}"`,
  );
}
const routes = new Map<string, Route>(DEMO_PAGES.map((demo) => [demo.url, demoRoute(demo, now, writtenEarlier(demo.platform, demo.name))]));

/** What lib/ makes of the HTML the demo serves, read in Node as the page was served. */
function expectedFor(url: string): Record<string, string | null> {
  const html = routes.get(url)!.html!;
  const snapshot = readSnapshot(adapterFor(url)!.adapter, documentFrom(html, url), url, { trustBootstrap: true, readAt: Date.now() });
  const attributes = badgeAttributes(buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled'));
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, value ?? null]));
}

beforeAll(async () => {
  server = await startReplayServer([...routes.values()]);
  browser = await launchWithExtension(server.hostResolverRules);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo in Chromium', () => {
  it('serves each page with its posts moved by the same time, whichever day it says it was written', () => {
    const withoutMeta = (html: string): string => html.replace(/<meta name="microscope:demo-written"[^>]*>/, '');
    for (const demo of DEMO_PAGES) {
      const served = routes.get(demo.url)!.html!;
      const asWritten = fixtureHtml(demo.platform, demo.name);
      expect(withoutMeta(served), `${demo.platform}/${demo.name}`).toBe(withoutMeta(freshenDemoPage(asWritten, demo.platform, now)));
      // YouTube's "2 days ago" needs no moving; every other page's dates moved.
      if (demo.platform === 'youtube') expect(withoutMeta(served)).toBe(withoutMeta(asWritten));
      else expect(withoutMeta(served)).not.toBe(withoutMeta(asWritten));
    }
  });

  it.each(DEMO_PAGES.map((demo) => [`${demo.platform}/${demo.name}`, demo.url] as const))('%s: the badge lib/ reads, recent, the flags it was written with', async (path, url) => {
    const page = await browser.newPage();
    try {
      const errors = collectErrors(page);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const badge = await settledBadge(page);
      expect(badge).toEqual(expectedFor(url));
      expect(badge['data-state']).toBe('ok');
      expect(badge['data-flags']).toBe(path === 'instagram/demo-flagged' ? FLAGGED : '');
      // The newest post is at most two days old (YouTube's "2 days ago" the oldest of them), today.
      const lastPost = Date.parse(badge['data-last-post'] ?? '');
      expect(Date.now() - lastPost, `last post ${badge['data-last-post']}`).toBeLessThan(3 * DAY);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
