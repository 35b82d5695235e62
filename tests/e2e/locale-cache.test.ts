import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revealBadge, settledBadge } from './badge';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { expectedBadge } from './expected';
import { fixturePath, fixtureRoute, fixtureUrl } from './pages';
import { startReplayServer, type ReplayServer } from './server';

/*
 * lib/warm-start/locale-cache.ts in real Chromium: the first profile stores what it learned from Intl and
 * i18n (message templates, the page's count locale, the UI language's number pack); the next
 * profiles read it beside the settings and show the same badge, text for text. A stored record
 * that is damaged is ignored: the badge is still right.
 */
/** Three page languages (their <html lang>). */
const PAGES = [
  { platform: 'instagram', name: 'profile-exact', url: fixtureUrl('instagram', 'profile-exact'), lang: 'en' },
  { platform: 'x', name: 'profile-de', url: fixtureUrl('x', 'profile-de'), lang: 'de' },
  { platform: 'youtube', name: 'channel-ja', url: fixtureUrl('youtube', 'channel-ja'), lang: 'ja-JP' },
] as const;
const KEY = 'microscope:locale-cache';

let server: ReplayServer;
let browser: ExtensionBrowser;
let extensionPage: Page;
/** Each page's pill text on its first visit. */
const pills: string[] = [];

beforeAll(async () => {
  server = await startReplayServer(PAGES.map(({ platform, name, url }) => fixtureRoute(platform, name, url)));
  browser = await launchWithExtension(server.hostResolverRules);
  extensionPage = await browser.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Stored {
  id: string;
  templates: Record<string, string>;
  counts: Record<string, unknown>;
  numbers?: { language: string };
}

async function stored(): Promise<Stored | undefined> {
  return extensionPage.evaluate(async (key) => (await chrome.storage.local.get(key))[key] as Stored | undefined, KEY);
}

/** Loads a profile, waits for the settled badge; returns its contract and the pill's text. */
async function visit(page: (typeof PAGES)[number]): Promise<{ badge: Record<string, string | null>; pill: string; card: string }> {
  const tab = await browser.newPage();
  await tab.goto(page.url);
  const badge = await settledBadge(tab);
  await revealBadge(tab);
  const pill = (await tab.locator('microscope-badge .ms-pill').textContent()) ?? '';
  await tab.locator('microscope-badge .ms-pill').click();
  const card = (await tab.locator('microscope-badge .ms-card').textContent()) ?? '';
  // The record is written a second after the profile settled or a text was first needed.
  await tab.waitForTimeout(1_500);
  await tab.close();
  return { badge, pill, card };
}

describe('the locale cache in Chromium', () => {
  it('the first profile stores what it learned; the next ones read it and show the same badge', async () => {
    expect(await stored()).toBeUndefined();
    const cold: Awaited<ReturnType<typeof visit>>[] = [];
    for (const page of PAGES) {
      const seen = await visit(page);
      expect(seen.badge).toEqual(expectedBadge(fixturePath(page.platform, page.name), page.url));
      cold.push(seen);
      pills.push(seen.pill);
      expect(Object.keys((await stored())?.counts ?? {})).toContain(page.lang);
    }
    const record = await stored();
    expect(JSON.parse(record?.id ?? '[]')[0]).toBe(await extensionPage.evaluate(() => navigator.userAgent));
    expect(Object.keys(record?.counts ?? {})).toEqual(expect.arrayContaining(PAGES.map((page) => page.lang)));
    expect(record?.numbers?.language).toBe('en-US');
    expect(record?.templates.badgeTitle).toMatch(/MicroScope/);

    // Every page again: the badge and its card read the same, and nothing new is stored.
    for (const [at, page] of PAGES.entries()) {
      const warm = await visit(page);
      expect(warm).toEqual(cold[at]);
    }
    expect(await stored()).toEqual(record);
  });

  it('a damaged record is ignored: the badge is still right, and a good record replaces it', async () => {
    const record = await stored();
    expect(record?.templates.badgeTitle).toMatch(/MicroScope/);
    await extensionPage.evaluate(
      async ([key, id]) => chrome.storage.local.set({ [key]: { id, templates: { badgeMicro: 7 }, counts: { en: 'dot' }, numbers: { language: 'en-US', digits: 'x' } } }),
      [KEY, record?.id] as const,
    );
    const page = PAGES[0];
    const seen = await visit(page);
    expect(seen.badge).toEqual(expectedBadge(fixturePath(page.platform, page.name), page.url));
    expect(seen.pill).toBe(pills[0]);
    // Written again, whole: the texts the page needed, its count locale, the number pack.
    const rewritten = await stored();
    expect(rewritten?.templates.badgeTitle).toBe(record?.templates.badgeTitle);
    expect(rewritten?.counts.en).toEqual(record?.counts.en);
    expect(rewritten?.numbers).toEqual(record?.numbers);
  });
});
