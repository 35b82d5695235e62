import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, revealBadge, settledBadge } from './badge';
import { EXTENSION_DIR, extensionLaunchOptions, welcomePages } from './browser';
import { expectedBadge } from './expected';
import { fixturePath, fixtureRoute, fixtureUrl } from './pages';
import { startReplayServer, type ReplayServer } from './server';

/*
 * The built extension in Chromium started with `--lang=de`. Debian's Chromium ships only the en-US
 * locale pack, so chrome.i18n.getUILanguage() stays "en-US" there, but the extension's messages
 * follow --lang (the LANGUAGE environment variable alone changes nothing: measured 2026-11-27).
 * lib/i18n.ts then formats numbers for the messages' language, so text and numbers agree.
 */

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const ANA = fixtureUrl('instagram', 'profile-exact');
const KOFI = fixtureUrl('instagram', 'profile-rounded');

let server: ReplayServer;
let context: BrowserContext;
let userDataDir: string;
let extensionId: string;

beforeAll(async () => {
  server = await startReplayServer([
    fixtureRoute('instagram', 'profile-exact', ANA),
    fixtureRoute('instagram', 'profile-rounded', KOFI),
  ]);
  userDataDir = mkdtempSync(join(tmpdir(), 'microscope-profile-de-'));
  const options = extensionLaunchOptions(server.hostResolverRules);
  context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    args: [...(options.args ?? []), '--lang=de'],
    env: { ...process.env, LANGUAGE: 'de' },
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 10_000 });
  extensionId = new URL(worker.url()).host;
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await server?.close();
});

/** The badge's visible text, from its (closed) shadow root, once revealBadge handed it to Playwright. */
const badgeText = (page: Page, selector: string) => page.locator(`microscope-badge ${selector}`).first().innerText();

describe('German UI (Chromium --lang=de)', () => {
  it('serves the German messages to the extension and names it from the manifest', async () => {
    const worker = context.serviceWorkers().find((candidate) => candidate.url().includes(extensionId))!;
    const answer = await worker.evaluate(async () => ({
      tier: chrome.i18n.getMessage('labelTier'),
      intl: chrome.i18n.getMessage('intlLocale'),
      name: (await chrome.management.getSelf()).name,
      description: (await chrome.management.getSelf()).description,
      manifestTitle: (chrome.runtime.getManifest() as { action?: { default_title?: string } }).action?.default_title,
      toolbarTitle: await chrome.action.getTitle({}),
    }));
    expect(answer).toEqual({
      tier: 'Stufe',
      intl: 'de',
      name: 'MicroScope',
      description: expect.stringMatching(/^Ist das ein Mikro-Influencer/) as unknown as string,
      // getManifest() answers with the messages filled in; the file itself names them.
      manifestTitle: 'MicroScope',
      toolbarTitle: 'MicroScope',
    });
    const file = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      action: { default_title: '__MSG_actionTitle__' },
    });
  });

  it('opens the welcome tab of the install in German (lib/first-run.ts)', async () => {
    await expect.poll(() => welcomePages(context, extensionId).length, { timeout: 10_000 }).toBe(1);
    const [welcome] = welcomePages(context, extensionId);
    await welcome!.getByRole('heading', { level: 1, name: 'Willkommen bei MicroScope' }).waitFor();
    expect(await welcome!.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['de', 'Willkommen bei MicroScope']);
    expect(await welcome!.getByRole('button', { name: 'Dashboard öffnen' }).count()).toBe(1);
    expect(await welcome!.getByRole('heading', { name: 'Nichts verlässt deinen Browser' }).count()).toBe(1);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await welcome!.screenshot({ path: join(SCREENSHOTS, 'de-welcome.png'), fullPage: true });
    await welcome!.close();
  });

  it('writes the badge in German with German numbers, and keeps the data contract in English', async () => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(KOFI);
    const badge = await settledBadge(page);
    await revealBadge(page);
    // The contract attributes are the same as in English: tier ids, not tier names.
    expect(badge).toEqual(expectedBadge(fixturePath('instagram', 'profile-rounded'), KOFI));
    expect(badge['data-tier']).toMatch(/^(emerging|nano|micro|mid|macro|mega)$/);

    const pill = await badgeText(page, '.ms-pill');
    expect(pill).toMatch(/Follower/);
    expect(pill).not.toMatch(/followers|by followers|unknown/);
    // A decimal comma in the rate ("3,42 %"), not a decimal point.
    expect(pill).toMatch(/\d,\d+\s?%/);
    expect(await page.locator('microscope-badge .ms-root').getAttribute('lang')).toBe('de');

    await page.locator('microscope-badge .ms-pill').click();
    const card = await badgeText(page, '.ms-card');
    for (const word of ['Stufe', 'Engagement', 'Stichprobe', 'Schema:']) expect(card).toContain(word);
    expect(card).toMatch(/über die \d+ neuesten Beiträge/);
    await expect.poll(() => page.locator('microscope-badge button', { hasText: 'Zur Shortlist hinzufügen' }).count()).toBe(1);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'de-badge-expanded.png'), clip: { x: 0, y: 0, width: 1000, height: 560 } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the popup page in German', async () => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    // Opened as a tab, the popup's "active tab" is itself: not a site MicroScope reads.
    await expect.poll(() => page.getByText(`MicroScope liest ${extensionId} nicht.`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('heading', { name: 'Zuletzt angesehene Profile' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Dashboard öffnen' }).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Unterstützte Websites' }).count()).toBe(1);
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['de', 'MicroScope']);
    await page.setViewportSize({ width: 360, height: 600 });
    await page.screenshot({ path: join(SCREENSHOTS, 'de-popup.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
