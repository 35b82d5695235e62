import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, revealBadge, settledBadge } from './badge';
import { EXTENSION_DIR, extensionLaunchOptions, welcomePages } from './browser';
import { expectedBadge } from './expected';
import {
  collectErrors as collectFirefoxErrors,
  FIREFOX_EXTENSION_DIR,
  launchFirefoxWithExtension,
  pagesWithAddresses,
  settledBadge as settledFirefoxBadge,
  welcomeTabs,
  type FirefoxWithExtension,
} from './firefox';
import { fixturePath, fixtureRoute, fixtureUrl } from './pages';
import { startReplayServer, type ReplayServer } from './server';

/*
 * The built extension in Chromium started with `--lang=de`. Debian's Chromium ships only the en-US
 * locale pack, so chrome.i18n.getUILanguage() stays "en-US" there, but the extension's messages
 * follow --lang (the LANGUAGE environment variable alone changes nothing: measured 2026-11-27).
 * lib/i18n.ts then formats numbers for the messages' language, so text and numbers agree.
 *
 * Then a language picked in the dashboard's settings (Spanish, in this German browser): the
 * dashboard and the popup read its messages.json, the content script gets its messages from the
 * background through storage.local (lib/ui-messages.ts), and numbers follow it.
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

describe('A language picked in the settings (Spanish in a German browser)', () => {
  const settingsPage = async (): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await page.locator('main.page:not([aria-busy])').waitFor();
    return page;
  };
  const storedLanguage = async () => {
    const worker = context.serviceWorkers().find((candidate) => candidate.url().includes(extensionId))!;
    return worker.evaluate(async () => ((await chrome.storage.sync.get('microscope:settings'))['microscope:settings'] as { language?: string } | undefined)?.language);
  };

  it('switches the dashboard at once, then the popup and the badges, and back to the browser', async () => {
    // A profile open before the change, in German.
    const open = await context.newPage();
    const openErrors = collectErrors(open);
    await open.goto(ANA);
    await settledBadge(open);
    await revealBadge(open);
    await expect.poll(() => badgeText(open, '.ms-pill')).toMatch(/Follower/);

    const dashboard = await settingsPage();
    const errors = collectErrors(dashboard);
    const menu = dashboard.getByRole('combobox', { name: 'Sprache' });
    expect(await menu.locator('option').allTextContents()).toEqual([
      'Wie im Browser (Deutsch)',
      'Bahasa Indonesia',
      'Deutsch',
      'English',
      'Español',
      'Français',
      'Italiano',
      'Nederlands',
      'Polski',
      'Português (Brasil)',
      'Português (Portugal)',
      'Türkçe',
      '한국어',
      '日本語',
    ]);
    await menu.selectOption({ label: 'Español' });
    await expect.poll(storedLanguage).toBe('es');
    // The dashboard redraws in Spanish: its headings, its title, its lang.
    await expect.poll(() => dashboard.getByRole('heading', { name: 'Ajustes', exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await dashboard.getByRole('heading', { name: 'Einstellungen', exact: true }).count()).toBe(0);
    expect(await dashboard.getByRole('combobox', { name: 'Idioma' }).inputValue()).toBe('es');
    expect(await dashboard.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['es', 'Preselección de MicroScope']);
    await dashboard.screenshot({ path: join(SCREENSHOTS, 'es-picked-settings.png'), clip: { x: 0, y: 0, width: 1000, height: 560 } });

    // The popup opened now reads the setting before it draws.
    const popup = await context.newPage();
    const popupErrors = collectErrors(popup);
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => popup.getByText(`MicroScope no lee ${extensionId}.`).count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.getByRole('button', { name: 'Abrir panel' }).count()).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('es');

    // A profile loaded now: the badge in Spanish, its rate with the Spanish decimal comma.
    const page = await context.newPage();
    const pageErrors = collectErrors(page);
    await page.goto(KOFI);
    await settledBadge(page);
    await revealBadge(page);
    const pill = await badgeText(page, '.ms-pill');
    expect(pill).toMatch(/seguidores/);
    expect(pill).toMatch(/\d,\d+\s?%/);
    expect(await page.locator('microscope-badge .ms-root').getAttribute('lang')).toBe('es');
    await page.locator('microscope-badge .ms-pill').click();
    const card = await badgeText(page, '.ms-card');
    for (const word of ['Nivel', 'Muestra', 'Esquema:']) expect(card).toContain(word);
    await page.screenshot({ path: join(SCREENSHOTS, 'es-picked-badge.png'), clip: { x: 0, y: 0, width: 1000, height: 560 } });

    // The profile open before the change: drawn again in Spanish (at the latest on its next load).
    await expect
      .poll(
        async () => {
          await revealBadge(open);
          return badgeText(open, '.ms-pill').catch(() => '');
        },
        { timeout: 15_000 },
      )
      .toMatch(/seguidores/);

    // Back to the browser's language: the open popup follows at once.
    await dashboard.getByRole('combobox', { name: 'Idioma' }).selectOption('browser');
    await expect.poll(storedLanguage).toBe('browser');
    // (Drawn anew, it asks the active tab again: now a profile, so only the frame's words are the same.)
    await expect.poll(() => popup.getByRole('button', { name: 'Dashboard öffnen' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    await expect.poll(() => dashboard.getByRole('heading', { name: 'Einstellungen', exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect([...errors, ...popupErrors, ...pageErrors, ...openErrors]).toEqual([]);
    for (const each of [open, dashboard, popup, page]) await each.close();
  });
});

/*
 * The same in Firefox ESR: a language picked in the dashboard reaches the extension's pages (read
 * from the add-on's own messages.json, a moz-extension:// fetch) and, through the background, the
 * content script (storage.local). WebDriver BiDi opens no moz-extension:// page itself, but drives
 * the ones the add-on opens: the welcome tab, and the dashboard its "Open settings" button opens.
 * The badge's words are in a closed shadow root Firefox gives a test no way into; what reaches the
 * content script is read where it reads it (storage.local), and a profile loaded then still draws.
 */
describe('A language picked in the settings, in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;

  afterAll(async () => {
    await firefox?.close();
  });

  it('switches the dashboard to Spanish and hands the Spanish messages to the content script', async () => {
    firefox = await launchFirefoxWithExtension(server, ['www.instagram.com'], FIREFOX_EXTENSION_DIR, { welcome: 'keep' });
    await expect.poll(async () => (await welcomeTabs(firefox!.browser)).length, { timeout: 10_000 }).toBe(1);
    const [welcome] = await welcomeTabs(firefox.browser);
    await welcome!.waitForSelector('h1');
    const buttons = await welcome!.$$('button');
    const labels = await Promise.all(buttons.map((button) => button.evaluate((element) => element.textContent)));
    await buttons[labels.indexOf('Open settings')]!.click();

    const dashboardTab = async () => (await pagesWithAddresses(firefox!.browser)).find(({ url }) => /\/dashboard\.html#settings$/.test(url))?.page;
    await expect.poll(dashboardTab, { timeout: 10_000 }).toBeDefined();
    const dashboard = (await dashboardTab())!;
    await dashboard.waitForSelector('main.page:not([aria-busy]) select');
    const menu = await dashboard.evaluateHandle(() =>
      [...document.querySelectorAll('select')].find((select) => document.getElementById(select.getAttribute('aria-labelledby') ?? '')?.textContent === 'Language'),
    );
    const select = menu.asElement() as ElementHandle<HTMLSelectElement> | null;
    expect(select, 'the settings have a Language menu').not.toBeNull();
    await select!.select('es');

    // The dashboard redraws in Spanish.
    await dashboard.waitForFunction(() => document.documentElement.lang === 'es' && [...document.querySelectorAll('h2')].some((h) => h.textContent === 'Ajustes'), {
      timeout: 10_000,
    });
    expect(await dashboard.evaluate(() => document.title)).toBe('Preselección de MicroScope');
    // What the content script reads: the Spanish templates, stored by the background for this build.
    const stored = () =>
      dashboard.evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const record = (await api.storage.local.get('microscope:ui-messages'))['microscope:ui-messages'] as
          | { locale?: string; templates?: Record<string, string> }
          | undefined;
        return record && { locale: record.locale, followers: record.templates?.followerNoun_other };
      });
    await expect.poll(stored, { timeout: 10_000 }).toMatchObject({ locale: 'es' });
    const spanish = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/es/messages.json'), 'utf8')) as Record<string, { message: string }>;
    expect((await stored())!.followers).toBe(spanish.followerNoun_other?.message);

    // A profile loaded now draws its badge as before.
    const page = await firefox.newPage();
    const errors = collectFirefoxErrors(page);
    await page.goto(ANA);
    expect(await settledFirefoxBadge(page)).toMatchObject(expectedBadge(fixturePath('instagram', 'profile-exact'), ANA));
    expect(errors.filter((error) => /microscope|moz-extension:/i.test(error))).toEqual([]);
  });
});
