import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

type LaunchOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Debian's Chromium, never a downloaded one. CI installs it with apt; a missing browser fails. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the real-browser tests. Install it: sudo apt-get install chromium ' +
        '(or set CHROMIUM_PATH). Never `npx playwright install`.',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  newPage(): Promise<Page>;
  /** The extension's service worker (it may be restarted: this finds the current one). */
  serviceWorker(): Worker;
  close(): Promise<void>;
}

/**
 * Launch options for Debian's Chromium with the built extension loaded and the sites' host names
 * sent to the replay server. Shared by the tests (headless) and `npm start` (a window when it can).
 */
export function extensionLaunchOptions(
  hostResolverRules: string,
  { headless = true, extensionDir = EXTENSION_DIR, lang }: { headless?: boolean; extensionDir?: string; lang?: string } = {},
): LaunchOptions {
  const waylandOnly = !process.env.DISPLAY && Boolean(process.env.WAYLAND_DISPLAY);
  return {
    executablePath: chromiumPath(),
    headless,
    // A window keeps its own size; headless renders 1280×900.
    viewport: headless ? { width: 1280, height: 900 } : null,
    ignoreDefaultArgs: ['--disable-extensions'],
    // The caller closes the browser and removes its profile folder; Playwright's own handlers
    // would exit first and leak the folder.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // A UI language: --lang picks the extension's messages; LANGUAGE is what a Linux desktop sets
    // (tests/e2e/i18n.test.ts). "pt_BR" is a locale folder; the flag takes "pt-BR".
    ...(lang && { env: { ...process.env, LANGUAGE: lang } }),
    args: [
      ...(lang ? [`--lang=${lang.replace('_', '-')}`] : []),
      '--no-sandbox',
      ...(headless ? ['--headless=new'] : ['--test-type', '--window-size=1280,900']),
      ...(waylandOnly && !headless ? ['--ozone-platform=wayland'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${hostResolverRules}, EXCLUDE localhost`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  };
}

/** The welcome page's address for an extension id (entrypoints/welcome, lib/first-run.ts). */
export const welcomeUrl = (extensionId: string): string => `chrome-extension://${extensionId}/welcome.html`;

/** The tabs showing the welcome page, as Playwright sees them. */
export function welcomePages(context: BrowserContext, extensionId: string): Page[] {
  return context.pages().filter((page) => page.url() === welcomeUrl(extensionId));
}

/**
 * Waits for the welcome tab the extension opens on install (lib/first-run.ts) and closes it, so a
 * test starts with the browser's own blank tab only. Fails when none comes: a fresh profile always
 * gets one. Closed only once it has rendered: an extension page closed while it still loads left
 * the next extension pages of that browser without their messages (getMessage answered "" — the
 * dashboard showed its keys) in 2 of 12 launches (Chromium 156, measured 2026-12-07); 0 of 12
 * once it had rendered, as a person closes it.
 */
export async function closeWelcomeTab(context: BrowserContext, extensionId: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let found = welcomePages(context, extensionId);
  while (found.length === 0) {
    if (Date.now() > deadline) throw new Error(`no welcome tab within ${timeout} ms of the install (lib/first-run.ts)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    found = welcomePages(context, extensionId);
  }
  for (const page of found) {
    await page.locator('h1').waitFor({ timeout: Math.max(deadline - Date.now(), 1000) });
    await page.close();
  }
}

export interface LaunchWithExtensionOptions {
  extensionDir?: string;
  /**
   * A profile folder to start with, kept on close (a restart with the same profile). Without it, a
   * new one that close() removes.
   */
  userDataDir?: string;
  /** 'close' (default): the welcome tab of a fresh install is awaited and closed; 'keep': left alone. */
  welcome?: 'close' | 'keep';
  /** More command-line switches for Chromium. */
  args?: string[];
  /** A UI language (a public/_locales folder, "pt_BR"): Chromium started in it. */
  lang?: string;
}

/** Starts headless Chromium with the built extension loaded, host names sent to the replay server, in UI language `lang` if given. */
export async function launchWithExtension(
  hostResolverRules: string,
  { extensionDir = EXTENSION_DIR, userDataDir: givenDir, welcome = 'close', args = [], lang }: LaunchWithExtensionOptions = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}`);
  const userDataDir = givenDir ?? mkdtempSync(join(tmpdir(), 'microscope-profile-'));
  const options = extensionLaunchOptions(hostResolverRules, { extensionDir, ...(lang && { lang }) });
  const context = await chromium.launchPersistentContext(userDataDir, { ...options, args: [...(options.args ?? []), ...args] });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 10_000 });
  const extensionId = new URL(worker.url()).host;
  const current = () => context.serviceWorkers().find((candidate) => candidate.url().includes(extensionId));
  // The install opens the welcome tab (lib/first-run.ts): tests count tabs and open their own.
  if (welcome === 'close') await closeWelcomeTab(context, extensionId);
  return {
    context,
    extensionId,
    newPage: () => context.newPage(),
    serviceWorker() {
      const found = current();
      if (!found) throw new Error('the extension service worker is not running');
      return found;
    },

    async close() {
      await context.close();
      if (!givenDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens popup.html as the toolbar would for tab `tabId`. A popup asks the browser for the active
 * tab of its window; opened as a page here it would find itself, so that one question is answered
 * with `tabId`. Everything else (messages to the content script, storage) is the real thing.
 */
export async function openPopupForTab(browser: ExtensionBrowser, tabId: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 400, height: 700 });
  await page.addInitScript((id) => {
    const tabs = chrome.tabs as unknown as { query: (query: object, callback?: (tabs: unknown[]) => void) => Promise<unknown[]> };
    const query = tabs.query.bind(tabs);
    tabs.query = (info, callback) => {
      const found = (info as { active?: boolean }).active
        ? query({}).then((all) => all.filter((tab) => (tab as { id?: number }).id === id))
        : query(info);
      if (callback) void found.then(callback);
      return found;
    };
  }, tabId);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}
