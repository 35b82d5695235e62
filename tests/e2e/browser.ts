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

/** Starts headless Chromium with the built extension loaded, host names sent to the replay server, in UI language `lang` if given. */
export async function launchWithExtension(
  hostResolverRules: string,
  extensionDir = EXTENSION_DIR,
  { lang }: { lang?: string } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'microscope-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, extensionLaunchOptions(hostResolverRules, { extensionDir, lang }));
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 10_000 });
  const extensionId = new URL(worker.url()).host;
  const current = () => context.serviceWorkers().find((candidate) => candidate.url().includes(extensionId));
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
      rmSync(userDataDir, { recursive: true, force: true });
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
