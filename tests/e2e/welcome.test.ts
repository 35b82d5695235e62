/**
 * The first run (issue 18, lib/first-run.ts) in the real browsers: the install opens exactly one
 * welcome tab, and nothing opens it again.
 *
 * Chromium: a persistent profile launched twice. Loading the unpacked build into a profile that
 * has it fires onInstalled with reason 'install' again (measured 2026-12-07, Chromium 156), so the
 * second launch tests the stored flag; the DevTools protocol's Extensions.loadUnpacked of the same
 * folder is developer mode's "reload" (reason 'update', measured). chrome.runtime.reload() cannot
 * be used: in this harness it leaves no extension behind (lifecycle.test.ts).
 *
 * Firefox: the build is a temporary add-on, removed when Firefox quits, so a restart with the same
 * profile has no MicroScope to test. Installing the same folder again is about:debugging's reload:
 * Firefox keeps the add-on's storage and fires 'update' (measured 2026-12-07, Firefox ESR 140).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_NAMES, PLATFORMS } from '@/lib/platforms';
import { WELCOMED_KEY } from '@/lib/storage-keys';
import { EXTENSION_DIR, launchWithExtension, welcomePages, type ExtensionBrowser } from './browser';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, settledBadge, welcomeTabs, type FirefoxWithExtension } from './firefox';
import { fixtureRoute, fixtureUrl, ROOT } from './pages';
import { startReplayServer, type ReplayServer } from './server';

const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
/** Long enough for onInstalled to have opened a tab: the install's tab comes within ~1 s. */
const SETTLE_MS = 3000;
const ANA = fixtureUrl('instagram', 'profile-exact');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer([fixtureRoute('instagram', 'profile-exact', ANA)]);
});

afterAll(async () => {
  await server?.close();
});

describe('Chromium', () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'microscope-welcome-'));
  let browser: ExtensionBrowser | undefined;
  // Developer mode's reload, for the second launch (see above).
  const launch = () => launchWithExtension(server.hostResolverRules, { userDataDir, welcome: 'keep', args: ['--enable-unsafe-extension-debugging'] });

  afterAll(async () => {
    await browser?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  it('opens exactly one welcome tab on install, in English, with every site', async () => {
    browser = await launch();
    await expect.poll(() => welcomePages(browser!.context, browser!.extensionId).length, { timeout: 10_000 }).toBe(1);
    await sleep(SETTLE_MS);
    const tabs = welcomePages(browser.context, browser.extensionId);
    expect(tabs).toHaveLength(1);
    const welcome = tabs[0]!;
    await welcome.getByRole('heading', { level: 1 }).waitFor();
    expect(await welcome.title()).toBe('Welcome to MicroScope');
    expect(await welcome.locator('html').getAttribute('lang')).toMatch(/^en/);
    expect(await welcome.getByRole('list', { name: 'Supported sites' }).locator('.site-name').allInnerTexts()).toEqual(PLATFORMS.map((platform) => PLATFORM_NAMES[platform]));
    expect(await welcome.getByText('Click the pin next to MicroScope.').count(), 'Chrome’s pinning steps').toBe(1);
    expect(await welcome.locator('a[href], img, iframe').count(), 'links to nothing, loads nothing').toBe(0);
    const version = await browser.serviceWorker().evaluate(() => chrome.runtime.getManifest().version);
    expect(await browser.serviceWorker().evaluate((key) => chrome.storage.local.get(key), WELCOMED_KEY)).toEqual({ [WELCOMED_KEY]: version });

    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await welcome.emulateMedia({ colorScheme });
      await welcome.screenshot({ path: join(SCREENSHOTS, `welcome-${colorScheme}.png`), fullPage: true });
    }
    await welcome.setViewportSize({ width: 420, height: 900 });
    await welcome.screenshot({ path: join(SCREENSHOTS, 'welcome-narrow-dark.png'), fullPage: true });
    await welcome.close();
  });

  it('does not open it again after a restart with the same profile (Chromium says "install" again)', async () => {
    const { extensionId } = browser!;
    await browser!.close();
    browser = await launch();
    expect(browser.extensionId, 'the same extension in the same profile').toBe(extensionId);
    await sleep(SETTLE_MS);
    expect(welcomePages(browser.context, browser.extensionId)).toHaveLength(0);
    expect(browser.context.pages().map((page) => page.url())).toEqual(['about:blank']);
  });

  it('does not open it after a developer-mode reload ("update")', async () => {
    const cdp = await browser!.context.browser()!.newBrowserCDPSession();
    const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as { id: string };
    expect(id).toBe(browser!.extensionId);
    await sleep(SETTLE_MS);
    expect(welcomePages(browser!.context, browser!.extensionId)).toHaveLength(0);
    // The reloaded extension runs: its badge comes on a profile.
    const page = await browser!.newPage();
    await page.goto(ANA);
    await page.locator('microscope-badge[data-state="ok"], microscope-badge[data-state="partial"]').waitFor({ state: 'attached', timeout: 15_000 });
    await page.close();
  });
});

describe('Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;

  afterAll(async () => {
    await firefox?.close();
  });

  it('opens exactly one welcome tab on install, with Firefox’s pinning steps', async () => {
    firefox = await launchFirefoxWithExtension(server, ['www.instagram.com'], FIREFOX_EXTENSION_DIR, { welcome: 'keep' });
    await expect.poll(async () => (await welcomeTabs(firefox!.browser)).length, { timeout: 10_000 }).toBe(1);
    await sleep(SETTLE_MS);
    const tabs = await welcomeTabs(firefox.browser);
    expect(tabs).toHaveLength(1);
    const welcome = tabs[0]!;
    expect(await welcome.title()).toBe('Welcome to MicroScope');
    const text = await welcome.evaluate(() => document.body.innerText);
    expect(text).toContain('Click the gear next to MicroScope and choose “Pin to Toolbar”.');
    expect(text).not.toContain('Click the pin next to MicroScope.');
    for (const platform of PLATFORMS) expect(text).toContain(PLATFORM_NAMES[platform]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await welcome.screenshot({ path: join(SCREENSHOTS, 'welcome-firefox.png'), fullPage: true });
    await welcome.close();
  });

  it('does not open it again when the add-on is reloaded (installed again: "update")', async () => {
    await firefox!.browser.installExtension(FIREFOX_EXTENSION_DIR);
    await sleep(SETTLE_MS);
    expect(await welcomeTabs(firefox!.browser)).toHaveLength(0);
    // The reloaded add-on runs: its badge comes on a profile.
    const page = await firefox!.newPage();
    await page.goto(ANA);
    await settledBadge(page);
    await page.close();
  });
});
