/**
 * `npm start`: after `wxt build`, opens Chromium with the built extension on the demo profiles
 * (tests/fixtures served by the replay server under the sites' real host names), so a newcomer
 * sees MicroScope work with no account and no network.
 *
 *   npx tsx tests/e2e/demo.ts             a window when there is a display, headless otherwise
 *   npx tsx tests/e2e/demo.ts --headless  always headless: badge summaries and screenshots
 *   npx tsx tests/e2e/demo.ts --lang ja   MicroScope's UI in that language (a public/_locales folder)
 *
 * Without a Chromium it prints how to load the extension unpacked by hand, and exits 0.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { collectErrors, openCard, settledBadge, unfoldSignals, type BadgeContract } from './badge';
import { chromiumPath, EXTENSION_DIR, extensionLaunchOptions } from './browser';
import { DEMO_PAGES, demoRoute, fixturePath, ROOT } from './pages';
import { startReplayServer } from './server';

const BADGE_TIMEOUT = 15_000;
const SCREENSHOT_DIR = join(ROOT, '.output/demo');
const FIREFOX_MANIFEST = join(ROOT, '.output/firefox-mv2/manifest.json');

type DemoPage = (typeof DEMO_PAGES)[number];

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}
// Output piped into `head` and closed early must not crash the run.
process.stdout.on('error', () => undefined);

const shown = (path: string): string => relative(process.cwd(), path) || '.';

// ---------------------------------------------------------------- arguments

const LOCALES = readdirSync(join(ROOT, 'public/_locales')).sort();
const USAGE = `Usage: npm start [-- --headless] [-- --lang <locale>]
  Builds MicroScope and opens it in Chromium on demo profiles served locally.
  --headless       never open a window: print each badge and save screenshots to ${shown(SCREENSHOT_DIR)}/
  --lang <locale>  MicroScope in that UI language (Chromium started in it): ${LOCALES.join(', ')}`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  say(USAGE);
  process.exit(0);
}
const langAt = args.indexOf('--lang');
const lang = langAt >= 0 ? args[langAt + 1] : undefined;
const unknown = args.filter((arg, at) => arg !== '--headless' && (langAt < 0 || (at !== langAt && at !== langAt + 1)));
if (unknown.length > 0 || (langAt >= 0 && !LOCALES.includes(lang ?? ''))) {
  console.error(`${unknown.length > 0 ? `Unknown option ${unknown.join(' ')}` : `No UI language "${lang ?? ''}"`}\n${USAGE}`);
  process.exit(2);
}
const forceHeadless = args.includes('--headless');

// ---------------------------------------------------------------- clean shutdown

const cleanups: (() => Promise<void> | void)[] = [];
let exiting: Promise<never> | undefined;

/**
 * Runs every clean-up once, last registered first (browser, its profile, the server), then exits
 * with the code of the first call; later calls wait for the same exit.
 */
function shutdown(code: number): Promise<never> {
  exiting ??= (async () => {
    setTimeout(() => process.exit(code), 10_000).unref(); // never hang on a stuck browser
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // The browser may already be gone (closed by the user, or killed by the same Ctrl-C).
      }
    }
    process.exit(code);
  })();
  return exiting;
}
const stopping = (): boolean => exiting !== undefined;

let firstSignalAt = 0;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    // One Ctrl-C often arrives twice (from the terminal, and relayed by npm or tsx): only a second
    // press, a moment later, skips the clean-up.
    if (stopping()) {
      if (Date.now() - firstSignalAt > 1_000) process.exit(code);
      return;
    }
    firstSignalAt = Date.now();
    say(`\n${signal === 'SIGINT' ? 'Ctrl-C' : signal}: closing the browser and the demo server…`);
    void shutdown(code);
  });
}

// ---------------------------------------------------------------- no browser: by hand

function printLoadUnpacked(reason: string): void {
  say(reason);
  say();
  say('Load MicroScope by hand instead:');
  say();
  say('  Chrome, Chromium, Edge, Brave');
  say('    1. Open chrome://extensions');
  say('    2. Turn on "Developer mode" (top right)');
  say(`    3. Click "Load unpacked" and choose ${EXTENSION_DIR}`);
  say();
  say('  Firefox');
  say('    1. npm run build:firefox');
  say('    2. Open about:debugging → This Firefox → "Load Temporary Add-on…"');
  say(`    3. Choose ${FIREFOX_MANIFEST}`);
  say('       (a temporary add-on stays until Firefox restarts)');
  say();
  say('Then open a public profile on a supported site, e.g. https://www.instagram.com/<name>/ :');
  say('the MicroScope badge appears beside the profile name, and the toolbar icon shows the tier.');
  say('(That talks to the real site, so it needs the network; the demo here does not.)');
}

// ---------------------------------------------------------------- the browser

/**
 * Chromium with the extension and every demo host name sent to the replay server.
 * The flags are the tests' own (browser.ts extensionLaunchOptions).
 */
async function launchDemoBrowser(hostResolverRules: string, headless: boolean): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'microscope-demo-'));
  const launching = chromium.launchPersistentContext(userDataDir, extensionLaunchOptions(hostResolverRules, { headless, ...(lang && { lang }) }));
  // Registered before the launch finishes: a Ctrl-C during start-up waits for it, then closes it.
  cleanups.push(async () => {
    const context = await launching.catch(() => undefined);
    await context?.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });
  const context = await launching;
  // The extension is running once its service worker is.
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 10_000 });
  return context;
}

// ---------------------------------------------------------------- one page

function describeBadge(demo: DemoPage, badge: BadgeContract): string {
  const get = (name: string): string | undefined => badge[`data-${name}`] ?? undefined;
  const followers = get('followers');
  const engagement = get('engagement');
  const sample = get('sample');
  const parts = [
    (get('platform') ?? demo.platform).padEnd(9),
    `@${get('handle') ?? '?'}`.padEnd(20),
    followers
      ? `${Number(followers).toLocaleString('en-US')} followers${get('followers-exact') === 'true' ? '' : ' (rounded)'}`
      : 'followers unknown',
    `tier ${get('tier') ?? 'unknown'}${get('micro') === 'true' && get('tier') !== 'micro' ? ' (counts as micro)' : ''}`,
    engagement
      ? // The attribute as it is (4 decimals, trailing zeros dropped): rounding it again to 2 could
        // disagree with the card, which rounds the unrounded rate (3.35502 → 3.36; "3.3550" → 3.35).
        `engagement ${Number(engagement)}% by ${get('basis') ?? '?'}${sample && sample !== '0' ? ` over ${sample} posts` : ''}`
      : 'engagement unknown',
    `state ${get('state') ?? '?'}`,
    ...(get('last-post') ? [`last post ${get('last-post')}`] : []),
  ];
  return parts.join('  ');
}

/** "\n          worth a look: …" for a badge with flags (data-flags), else nothing. */
function flagsLine(badge: BadgeContract): string {
  const flags = badge['data-flags'];
  return flags ? `\n          worth a look: ${flags.split(' ').join(', ')}` : '';
}

/** Loads one demo page and waits for its badge to settle; throws when it never does. */
async function openDemo(page: Page, demo: DemoPage): Promise<{ badge: BadgeContract; errors: string[] }> {
  const errors = collectErrors(page);
  await page.goto(demo.url, { waitUntil: 'domcontentloaded', timeout: BADGE_TIMEOUT });
  try {
    return { badge: await settledBadge(page, BADGE_TIMEOUT), errors };
  } catch {
    throw new Error(`no badge within ${BADGE_TIMEOUT / 1000} s`);
  }
}

const screenshotPath = (demo: DemoPage, what: 'page' | 'card' = 'card'): string =>
  join(SCREENSHOT_DIR, `${demo.platform}-${demo.name}${what === 'page' ? '-page' : ''}.png`);

// ---------------------------------------------------------------- with a window

async function runWithWindow(context: BrowserContext, demos: DemoPage[]): Promise<never> {
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  const [blank] = context.pages();
  const pages = await Promise.all(
    demos.map(async (demo, index) => {
      const page = index === 0 && blank ? blank : await context.newPage();
      return { page, demo };
    }),
  );
  say(`Chromium is open with MicroScope loaded, one tab per demo profile:`);
  for (const { demo } of pages) say(`  ${demo.url}`);
  say();
  say('What to look for:');
  say('  • the MicroScope badge beside the profile name: tier, followers, engagement rate');
  say('  • click the badge for the numbers behind the verdict (Enter works too), and unfold');
  say('    "Signals" for what is worth a look: @nika.glowdaily on Instagram trips five of them');
  say('  • the toolbar icon shows the tier glyph of the profile in the tab');
  say('    (pin MicroScope from the puzzle-piece menu to see it)');
  say('The creators are invented, their pages are our test fixtures (tests/fixtures/*/demo-*.html) served');
  say('locally under the real host names, their posts dated as recent as the day they were written:');
  say('no account, no network.');
  say();

  // All tabs load at once; their lines are printed in list order.
  const lines = await Promise.all(
    pages.map(async ({ page, demo }) => {
      try {
        const { badge } = await openDemo(page, demo);
        return `  ok      ${describeBadge(demo, badge)}${flagsLine(badge)}`;
      } catch (error) {
        return `  no badge  ${demo.platform.padEnd(9)}  ${demo.url}: ${(error as Error).message.split('\n')[0]}`;
      }
    }),
  );
  if (stopping()) return shutdown(130);
  for (const line of lines) say(line);
  await pages[0]?.page.bringToFront().catch(() => undefined);
  say();
  say('Close the browser window (or press Ctrl-C here) to stop.');
  await closed;
  if (!stopping()) say('Browser closed: stopping the demo server.');
  return shutdown(0);
}

// ---------------------------------------------------------------- headless

async function runHeadless(context: BrowserContext, demos: DemoPage[], why: string): Promise<never> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  say(`Headless run (${why}): the extension on ${demos.length} demo profile${demos.length === 1 ? '' : 's'}.`);
  say();
  const saved: string[] = [];
  const failed: string[] = [];
  for (const demo of demos) {
    if (stopping()) break;
    const page = await context.newPage();
    try {
      const { badge, errors } = await openDemo(page, demo);
      say(`  ok      ${describeBadge(demo, badge)}`);
      // The page as a visitor first sees it: the site's header and grid, the badge folded.
      await page.screenshot({ path: screenshotPath(demo, 'page') });
      saved.push(screenshotPath(demo, 'page'));
      // A real click on the pill (the badge's shadow root is closed: no selector reaches inside).
      const expanded = await openCard(page);
      if (!expanded) say('          (the details card did not open; the screenshot shows the badge collapsed)');
      else await unfoldSignals(page);
      const flags = flagsLine(badge);
      if (flags) say(flags.slice(1));
      // The whole page: with its Signals unfolded the card reaches below the first screen.
      await page.screenshot({ path: screenshotPath(demo), fullPage: true });
      saved.push(screenshotPath(demo));
      for (const error of errors) say(`          console error: ${error}`);
    } catch (error) {
      if (stopping()) break;
      failed.push(demo.url);
      say(`  FAILED  ${demo.platform.padEnd(9)}  ${demo.url}: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  if (stopping()) return shutdown(130);
  say();
  if (saved.length > 0) {
    say('Screenshots: each page as it opens (-page), then with its badge clicked open and Signals unfolded:');
    for (const path of saved) say(`  ${shown(path)}`);
    say();
  }
  say('To see it live in a browser window, run `npm start` where there is a display (a desktop');
  say('session, or ssh -X). On a server, `xvfb-run -a npm start` runs the windowed demo on a virtual');
  say(
    existsSync('/usr/bin/xvfb-run')
      ? 'display (share it with x11vnc to watch).'
      : 'display (share it with x11vnc to watch); xvfb-run is not installed here: sudo apt-get install xvfb',
  );
  if (failed.length > 0) {
    say();
    say(`${failed.length} of ${demos.length} demo page${demos.length === 1 ? '' : 's'} showed no badge: ${failed.join(', ')}`);
    return shutdown(1);
  }
  return shutdown(0);
}

// ---------------------------------------------------------------- main

async function main(): Promise<never> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No built extension in ${shown(EXTENSION_DIR)}: run \`npm run build\` first (npm start does).`);
    return shutdown(1);
  }
  try {
    chromiumPath();
  } catch {
    printLoadUnpacked(
      `MicroScope is built in ${shown(EXTENSION_DIR)}, but there is no Chromium here to open the demo in\n` +
        '(install it with `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome).',
    );
    return shutdown(0);
  }

  const demos: DemoPage[] = [];
  for (const demo of DEMO_PAGES) {
    // The URL comes from the fixture's <meta name="microscope:fixture-url"> (tests/fixtures/index.ts).
    if (existsSync(fixturePath(demo.platform, demo.name)) && demo.url) demos.push(demo);
    else say(`Note: skipping ${demo.platform} ${demo.name}: no fixture ${shown(fixturePath(demo.platform, demo.name))} with its URL yet.`);
  }
  if (demos.length === 0) {
    printLoadUnpacked('None of the demo pages in tests/e2e/pages.ts has its fixture, so there is nothing to show.');
    return shutdown(1);
  }

  // Post dates moved to today (tests/fixtures/demo.ts): the creators stay as active as they were written.
  const server = await startReplayServer(demos.map((demo) => demoRoute(demo)));
  cleanups.push(() => server.close());
  const hosts = [...new Set(demos.map((demo) => new URL(demo.url).host))];
  say(`Demo server on 127.0.0.1:${server.port}, answering for ${hosts.join(', ')} (this browser only).`);

  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!forceHeadless && hasDisplay) {
    let context: BrowserContext | undefined;
    try {
      context = await launchDemoBrowser(server.hostResolverRules, false);
    } catch (error) {
      if (stopping()) return shutdown(130);
      const message = (error as Error).message;
      const reason = /Missing X server|XServer|platform failed to initialize/i.test(message)
        ? `no display server answers at ${process.env.DISPLAY ? `DISPLAY=${process.env.DISPLAY}` : `WAYLAND_DISPLAY=${process.env.WAYLAND_DISPLAY}`}`
        : message.split('\n')[0];
      say(`Could not open a Chromium window (${reason}): running headless instead.`);
    }
    if (stopping()) return shutdown(130);
    if (context) return runWithWindow(context, demos);
  }
  const context = await launchDemoBrowser(server.hostResolverRules, true);
  if (stopping()) return shutdown(130);
  return runHeadless(context, demos, forceHeadless ? '--headless' : hasDisplay ? 'no window could open' : 'no display');
}

main().catch((error: unknown) => {
  if (stopping()) return;
  console.error('The demo failed:', error);
  void shutdown(1);
});
