/**
 * Debian's Firefox ESR with the built Firefox extension (MV2) loaded as a temporary add-on, driven
 * over WebDriver BiDi by puppeteer-core (Firefox speaks BiDi natively; no geckodriver).
 *
 * The sites' host names reach the replay server through a CONNECT proxy of our own: Firefox sends
 * every HTTPS request to it (network.proxy.*), and it tunnels every name to the replay server's port,
 * which answers the served pages and a plain 404 for anything else (Firefox's own background
 * traffic, a saved page's third-party frames). No port 443, no root, no /etc/hosts.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CONTRACT, type BadgeContract } from './badge';
import { ROOT } from './pages';
import type { ReplayServer } from './server';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');

/** Debian's Firefox ESR, never a downloaded one. CI installs it with apt; a missing browser fails. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Firefox found for the Firefox tests. Install it: sudo apt-get install firefox-esr ' +
        '(or set FIREFOX_PATH). Never `npx puppeteer browsers install`.',
    );
  }
  return found;
}

interface SiteProxy {
  port: number;
  /**
   * Hosts Firefox asked for that are not served (its own update and settings checks, a saved
   * page's third-party frames): the replay server answers them 404.
   */
  unserved: Set<string>;
  close(): Promise<void>;
}

/**
 * An HTTP proxy that only answers CONNECT on port 443, with a tunnel to the replay server.
 *
 * Names that are not served are tunnelled there too, never refused: a refused CONNECT puts a
 * network error page in the frame that asked, and Firefox's WebDriver BiDi navigation fails the
 * whole page load when an error page appears in any frame before the load ends (YouTube's saved
 * page has a hidden accounts.google.com frame: "Address rejected", now and then).
 */
async function startSiteProxy(serverPort: number, hosts: ReadonlySet<string>): Promise<SiteProxy> {
  const unserved = new Set<string>();
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((_request, response) => {
    // Plain http:// requests: none of the sites is served over http.
    response.writeHead(403);
    response.end();
  });
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (request, client: Socket, head: Buffer) => {
    const [host, port] = (request.url ?? '').split(':');
    client.on('error', () => client.destroy());
    if (!host || port !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    if (!hosts.has(host)) unserved.add(host);
    const upstream = connect(serverPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    unserved,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id Firefox reports for the loaded build (the manifest's gecko id). */
  addonId: string;
  proxy: SiteProxy;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts headless Firefox ESR, loads the built extension as a temporary add-on (BiDi
 * webExtension.install, as about:debugging does) and sends `hosts` to the replay server.
 */
export async function launchFirefoxWithExtension(
  server: ReplayServer,
  hosts: Iterable<string>,
  extensionDir = FIREFOX_EXTENSION_DIR,
  { welcome = 'close' }: { welcome?: 'close' | 'keep' } = {},
): Promise<FirefoxWithExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}`);
  const executablePath = firefoxPath();
  const proxy = await startSiteProxy(server.port, new Set(hosts));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // The replay server's certificate is self-signed.
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 900 },
      // Puppeteer's own handlers would exit before the caller closes the browser.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      extraPrefsFirefox: {
        'network.proxy.type': 1, // manual
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.no_proxies_on': '',
        'network.dns.disablePrefetch': true,
        // Pages the cases open side by side are background tabs: keep their timers running at the
        // pace of a foreground tab, as headless Chromium does.
        'dom.min_background_timeout_value': 4,
        'dom.timeout.enable_budget_timer_throttling': false,
      },
    });
    const addonId = await browser.installExtension(extensionDir);
    const opened = browser;
    // The install opens the welcome tab (lib/first-run.ts): the cases open their own tabs.
    if (welcome === 'close') await closeWelcomeTab(opened);
    return {
      browser: opened,
      addonId,
      proxy,
      newPage: () => newPageOf(opened),
      async close() {
        await opened.close();
        await proxy.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await proxy.close();
    throw error;
  }
}

/**
 * Each open tab with the address it shows. Puppeteer's page.url() stays "about:blank" for a tab the
 * extension opened (Firefox 140's BiDi reports no navigation in it), so the page is asked; a tab
 * that closed meanwhile (an extension page when the add-on is replaced) is left out.
 */
export async function pagesWithAddresses(browser: Browser): Promise<{ page: Page; url: string }[]> {
  const found = await Promise.all(
    (await browser.pages()).map(async (page) => ({ page, url: await page.evaluate(() => location.href).catch(() => undefined) })),
  );
  return found.filter((entry): entry is { page: Page; url: string } => entry.url !== undefined);
}

/** The tabs showing the welcome page (entrypoints/welcome). */
export async function welcomeTabs(browser: Browser): Promise<Page[]> {
  return (await pagesWithAddresses(browser)).filter(({ url }) => /^moz-extension:\/\/[^/]+\/welcome\.html$/.test(url)).map(({ page }) => page);
}

/**
 * Waits for the welcome tab the install opens (lib/first-run.ts) and closes it once it has rendered
 * (browser.ts closeWelcomeTab says why); fails when none comes.
 */
async function closeWelcomeTab(browser: Browser, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let found = await welcomeTabs(browser);
  while (found.length === 0) {
    if (Date.now() > deadline) throw new Error(`no welcome tab within ${timeout} ms of the install (lib/first-run.ts)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    found = await welcomeTabs(browser);
  }
  for (const page of found) {
    await page.waitForSelector('h1', { timeout: Math.max(deadline - Date.now(), 1000) });
    await page.close();
  }
}

/** The badge host's contract attributes (badge.ts's, for a puppeteer page), or null when there is no badge. */
export async function readBadge(page: Page): Promise<BadgeContract | null> {
  return page.evaluate((names: string[]) => {
    const hosts = document.querySelectorAll('microscope-badge');
    if (hosts.length === 0) return null;
    if (hosts.length > 1) return { error: `${hosts.length} badges` } as Record<string, string | null>;
    const host = hosts[0] as Element;
    return Object.fromEntries(names.map((name) => [name, host.getAttribute(name)]));
  }, [...CONTRACT]);
}

/** Waits until the badge exists and is no longer loading, then returns its attributes. */
export async function settledBadge(page: Page, timeout = 15_000): Promise<BadgeContract> {
  await page.waitForFunction(
    () => {
      const state = document.querySelector('microscope-badge')?.getAttribute('data-state');
      return state !== undefined && state !== null && state !== 'loading';
    },
    { timeout, polling: 50 },
  );
  const badge = await readBadge(page);
  if (!badge) throw new Error('badge vanished');
  return badge;
}

/** Every console error and page error while the page is open. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** A real (trusted) click on the badge's pill, inside the host's box: its shadow root is closed. */
export async function clickPill(page: Page): Promise<void> {
  const box = await page.evaluate(() => {
    const rect = document.querySelector('microscope-badge')?.getBoundingClientRect();
    return rect ? { x: rect.left, y: rect.top, height: rect.height } : null;
  });
  if (!box) throw new Error('no badge to click');
  await page.mouse.click(box.x + 12, box.y + box.height / 2);
}

/**
 * Whether the badge's card is open, as the page sees it: the card hangs 32 px below the pill
 * inside the badge host, so a point there hits the host only while it is open.
 */
export async function cardOpen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const box = document.querySelector('microscope-badge')?.getBoundingClientRect();
    return box !== undefined && document.elementFromPoint(box.left + 20, box.top + 60)?.localName === 'microscope-badge';
  });
}

/**
 * A new tab. Firefox's WebDriver BiDi now and then answers browsingContext.create with "no such
 * frame (DiscardedBrowsingContextError)" when a tab closed just before was still being torn down
 * (seen once in four full runs, in a test that only opens a page): the create is asked again, at
 * most twice. Nothing of MicroScope runs before a tab exists, so this hides no behaviour of ours.
 */
async function newPageOf(browser: { newPage(): Promise<Page> }): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.newPage();
    } catch (error) {
      if (attempt >= 3 || !/DiscardedBrowsingContext|no such frame/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
