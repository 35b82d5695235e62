import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/** Every tab id the extension can see. */
export async function tabIds(browser: ExtensionBrowser): Promise<number[]> {
  return browser.serviceWorker().evaluate(async () => (await chrome.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])));
}

/** Opens `url` in a new tab and returns the page and its tab id (found as the one new tab). */
export async function openTab(browser: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await tabIds(browser));
  const page = await browser.newPage();
  await page.goto(url);
  const added = (await tabIds(browser)).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new tab for ${url}, found ${added.length}`);
  return { page, tabId: added[0]! };
}

const day = (offset: number): string => new Date(Date.UTC(2026, 9, 1 + offset, 12)).toISOString();
const exact = (value: number) => ({ value, exact: true, min: value, max: value });

/** A snapshot as the store writes one. */
function snapshot(at: number, followers: number, percent: number | undefined, benchmark: string, tier: string) {
  return {
    at: day(at),
    followers: exact(followers),
    tier,
    scheme: 'founding',
    ...(percent === undefined ? {} : { engagementPercent: percent, basis: 'followers', method: 'median' }),
    sampleSize: 12,
    benchmark,
    ...(benchmark === 'none' ? {} : { benchmarksVersion: '2025-02' }),
  };
}

function profile(platform: string, handle: string, url: string, tags: string[], history: (ReturnType<typeof snapshot> & { signals?: unknown })[], displayName?: string) {
  return { platform, handle, ...(displayName ? { displayName } : {}), url, savedAt: history[0]!.at, lastSeen: history.at(-1)!.at, tags, note: '', history };
}

/**
 * A backup with several saved profiles in every tier colour and benchmark verdict, growth up and
 * down (sparklines), tags, and one row the import refuses (so the report shows its table), unless
 * `withRefused` is false (the store's screenshots: tests/e2e/store-assets.ts).
 */
export function sampleBackup({ withRefused = true }: { withRefused?: boolean } = {}): string {
  const profiles = [
    profile('instagram', 'sunny.studio', 'https://www.instagram.com/sunny.studio/', ['beauty', 'UK'], [
      snapshot(0, 8_200, 4.1, 'above', 'micro'),
      snapshot(9, 8_900, 4.4, 'above', 'micro'),
      snapshot(20, 9_400, 4.0, 'above', 'micro'),
    ], 'Sunny Studio'),
    profile('tiktok', 'mara.bakes', 'https://www.tiktok.com/@mara.bakes', ['food'], [
      snapshot(2, 61_000, 2.2, 'typical', 'mid'),
      snapshot(15, 58_000, 2.0, 'typical', 'mid'),
    ]),
    // Issue 16 (schema v4): a quoted price and a signals summary, so the details show costs and signals.
    {
      ...profile('youtube', 'copperkettle', 'https://www.youtube.com/@copperkettle', [], [
        {
          ...snapshot(4, 1_250_000, 0.6, 'below', 'mega'),
          signals: {
            states: { 'low-engagement': 'look', 'comment-density': 'fine', 'uniform-likes': 'unknown', 'viral-dependence': 'look', 'views-likes': 'fine', 'following-ratio': 'unknown' },
            posts: 12,
            newestPost: day(1),
            postsPerWeek: 1.5,
            approximate: true,
            engagements: exact(4_200),
            views: exact(80_000),
            impressions: exact(80_000),
            impressionsFrom: 'views',
          },
        },
      ], 'Copper Kettle'),
      quote: { amount: 2500, currency: 'GBP' },
    },
    profile('x', 'noor_ceramics', 'https://x.com/noor_ceramics', ['ceramics', 'Q3 campaign'], [snapshot(6, 640, undefined, 'none', 'nano')]),
    profile('bluesky', 'juniper-oakes.bsky.social', 'https://bsky.app/profile/juniper-oakes.bsky.social', [], [
      snapshot(1, 240_000, 1.1, 'typical', 'macro'),
      snapshot(12, 251_000, 1.3, 'above', 'macro'),
    ]),
  ];
  const refused = { ...profiles[0]!, handle: 'broken', history: [{ at: day(0), sampleSize: 1, tier: 'giga', benchmark: 'none' }] };
  const all = withRefused ? [...profiles, refused] : profiles;
  return JSON.stringify({ format: 'microscope-backup', version: 4, exportedAt: day(30), count: all.length, profiles: all });
}
