/**
 * `npm run store-assets`: after `wxt build`, what the Chrome Web Store and addons.mozilla.org ask
 * for besides the archives, made from the demo profiles (tests/fixtures/*\/demo-*.html served under
 * the sites' real host names, as `npm start` does) in real headless Chromium, offline:
 *
 *   .output/store/<locale>/badge-<platform>.png   1280×800, the badge's card open (three platforms)
 *   .output/store/<locale>/popup.png              1280×800, the popup drawn large beside a caption
 *   .output/store/<locale>/dashboard.png          1280×800, the shortlist with a creator's signals
 *   .output/store/<locale>/promo-tile.png         440×280, the Chrome Web Store's small promo tile
 *   .output/store/<locale>/listing.txt            short and long description, ready to paste
 *
 *   npx tsx tests/e2e/store-assets.ts [--locales en,de] [--out dir]
 *
 * Each locale gets its own Chromium started in that UI language (--lang and LANGUAGE). The texts
 * come from store/listing/<locale>.md and public/_locales/<locale>/messages.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { revealBadge, settledBadge } from './badge';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './browser';
import { DEMO_PAGES, demoRoute, ROOT } from './pages';
import { startReplayServer } from './server';
import { readListing, pasteReady, type Listing } from './store-listing';
import { openBadgeCard, openDashboardWithProfiles, openPopupOn, POPUP_WIDTH, STORE_SIZE } from './surfaces';

/** English and the three largest other UI languages (issue 18). */
export const STORE_LOCALES = ['en', 'es', 'pt_BR', 'de'];
export const TILE_SIZE = { width: 440, height: 280 } as const;
/** Chrome draws an extension's popup at most 600 px tall, and scrolls it beyond. */
const POPUP_MAX_HEIGHT = 600;

/** The badge on three platforms: the creator with signals worth a look, and two others. */
const BADGE_DEMOS = [
  ['instagram', 'demo-flagged'],
  ['tiktok', 'demo-creator'],
  ['youtube', 'demo-creator'],
] as const;
/** The profile the popup and the promo tile's badge are taken from. */
const POPUP_DEMO = ['instagram', 'demo-creator'] as const;
const TILE_DEMO = ['bluesky', 'demo-creator'] as const;

const demoUrl = ([platform, name]: readonly [string, string]): string => {
  const demo = DEMO_PAGES.find((candidate) => candidate.platform === platform && candidate.name === name);
  if (!demo?.url) throw new Error(`no demo fixture ${platform}/${name} (tests/e2e/pages.ts)`);
  return demo.url;
};

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);

const png = (buffer: Buffer): string => `data:image/png;base64,${buffer.toString('base64')}`;

/** MicroScope's mark as the badge draws it (components/badge.css .ms-logo), at any size. */
const logo = (size: number): string =>
  `<span style="display:inline-grid;place-items:center;width:${size}px;height:${size}px;border-radius:50%;` +
  `background:linear-gradient(135deg,#5b3df5,#0f9d8a);color:#fff;font-weight:700;font-size:${Math.round(size * 0.65)}px">µ</span>`;

/** System fonts only: nothing is fetched. */
const FONT = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`;

/** Renders `html` in a page of its own at `size` and saves it as `path`. */
async function render(browser: ExtensionBrowser, html: string, size: { width: number; height: number }, path: string, lang: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setViewportSize(size);
    await page.setContent(`<!doctype html><html lang="${lang.replace('_', '-')}"><head><meta charset="utf-8"><style>
      *{box-sizing:border-box} html,body{margin:0;width:${size.width}px;height:${size.height}px;overflow:hidden;font-family:${FONT}}
    </style></head><body>${html}</body></html>`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path });
  } finally {
    await page.close();
  }
}

/** A PNG's size in pixels, from its IHDR chunk. */
function pngSize(image: Buffer): { width: number; height: number } {
  return { width: image.readUInt32BE(16), height: image.readUInt32BE(20) };
}

/**
 * Draws `page` `scale` times larger (CSS zoom on its root, the viewport grown to match), so a picture
 * of it stays crisp when drawn large. The page's layout is what it was at `width`×`height`.
 */
async function zoomed(page: Page, scale: number, { width, height }: { width: number; height: number }): Promise<void> {
  await page.setViewportSize({ width: width * scale, height: height * scale });
  await page.evaluate((zoom) => {
    document.documentElement.style.zoom = String(zoom);
  }, scale);
}

/** The popup at twice its size, at most POPUP_MAX_HEIGHT tall; width and height in CSS pixels. */
async function popupImage(popup: Page): Promise<{ image: Buffer; width: number; height: number }> {
  await zoomed(popup, 2, { width: POPUP_WIDTH, height: POPUP_MAX_HEIGHT });
  const image = await popup.screenshot();
  const { width, height } = pngSize(image);
  return { image, width: width / 2, height: height / 2 };
}

/** The badge's pill (collapsed) at three times its size, for the promo tile. */
async function pillImage(browser: ExtensionBrowser, url: string): Promise<{ image: Buffer; width: number; height: number }> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await settledBadge(page);
    await zoomed(page, 3, STORE_SIZE);
    // The pill alone (the host may be wider): through the closed root, as tests read it.
    await revealBadge(page);
    const image = await page.locator('microscope-badge .ms-pill').screenshot();
    const { width, height } = pngSize(image);
    return { image, width: width / 3, height: height / 3 };
  } finally {
    await page.close();
  }
}

async function storeAssets(browser: ExtensionBrowser, listing: Listing, outDir: string): Promise<string[]> {
  const saved: string[] = [];
  const lang = listing.locale;
  const save = (name: string): string => {
    const path = join(outDir, name);
    saved.push(path);
    return path;
  };

  for (const demo of BADGE_DEMOS) {
    const page = await openBadgeCard(browser, demoUrl(demo));
    await page.screenshot({ path: save(`badge-${demo[0]}.png`) });
    await page.close();
  }

  const { popup, tab } = await openPopupOn(browser, demoUrl(POPUP_DEMO));
  const shot = await popupImage(popup);
  await popup.close();
  await tab.close();
  // Drawn 1.2× (from the 2× picture): its first 600 px, what a toolbar popup shows before it
  // scrolls (Chrome's popups are at most 600 px tall), 720 px on the 800 px canvas.
  const scale = 1.2;
  await render(
    browser,
    `<div style="display:flex;align-items:center;gap:72px;height:100%;padding:0 88px;background:linear-gradient(135deg,#f1edff 0%,#e3f5f1 100%);color:#1f2328">
      <div style="flex:1;min-width:0">
        <div style="display:flex;align-items:center;gap:14px;font-size:30px;font-weight:700">${logo(44)} MicroScope</div>
        <h1 style="margin:28px 0 0;font-size:44px;line-height:1.15;font-weight:700;overflow-wrap:anywhere;hyphens:auto">${escapeHtml(listing.captions.popup)}</h1>
      </div>
      <div style="position:relative;flex:none;border-radius:14px;overflow:hidden;box-shadow:0 18px 48px rgba(31,35,40,.22),0 0 0 1px rgba(31,35,40,.12)">
        <img src="${png(shot.image)}" alt="" style="display:block;width:${Math.round(shot.width * scale)}px;height:${Math.round(shot.height * scale)}px">
        <!-- The popup goes on below (it scrolls): a fade rather than a line cut in half. -->
        <div style="position:absolute;left:0;right:0;bottom:0;height:72px;background:linear-gradient(rgba(255,255,255,0),#fff)"></div>
      </div>
    </div>`,
    STORE_SIZE,
    save('popup.png'),
    lang,
  );

  const dashboard = await openDashboardWithProfiles(browser);
  // The table from its first column; the details panel (it scrolls on its own) at the creator's signals.
  await dashboard.evaluate(() => {
    for (const wrap of document.querySelectorAll('.table-wrap')) wrap.scrollLeft = 0;
    const details = document.querySelector<HTMLElement>('aside.details');
    const quote = details?.querySelector<HTMLElement>('h3');
    if (details && quote) details.scrollTop = quote.getBoundingClientRect().top - details.getBoundingClientRect().top - 14;
    window.scrollTo(0, 0);
  });
  await dashboard.screenshot({ path: save('dashboard.png') });
  await dashboard.close();

  const pill = await pillImage(browser, demoUrl(TILE_DEMO));
  const pillScale = Math.min(2, (TILE_SIZE.width - 68) / pill.width);
  await render(
    browser,
    `<div style="display:flex;flex-direction:column;justify-content:center;gap:14px;height:100%;padding:0 34px;background:linear-gradient(135deg,#5b3df5 0%,#3b2bb8 55%,#0f9d8a 100%);color:#fff">
      <div style="display:flex;align-items:center;gap:12px;font-size:34px;font-weight:800;letter-spacing:-.5px">${logo(40)} MicroScope</div>
      <div style="font-size:19px;line-height:1.3;font-weight:600;overflow-wrap:anywhere;hyphens:auto">${escapeHtml(listing.captions.tile)}</div>
      <div><img src="${png(pill.image)}" alt="" style="width:${Math.round(pill.width * pillScale)}px;height:${Math.round(pill.height * pillScale)}px;border-radius:${Math.round(13 * pillScale)}px;box-shadow:0 6px 18px rgba(0,0,0,.25)"></div>
    </div>`,
    TILE_SIZE,
    save('promo-tile.png'),
    lang,
  );

  const text = join(outDir, 'listing.txt');
  writeFileSync(text, pasteReady(listing));
  saved.push(text);
  return saved;
}

/** Makes the assets of `locales` in `outRoot`/<locale>/; returns the files written. */
export async function makeStoreAssets(locales: readonly string[], outRoot: string, log: (line: string) => void = () => undefined): Promise<string[]> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  const demos = [...BADGE_DEMOS, POPUP_DEMO, TILE_DEMO].map((demo) => DEMO_PAGES.find((page) => page.platform === demo[0] && page.name === demo[1])!);
  const server = await startReplayServer(demos.map((demo) => demoRoute(demo)));
  const saved: string[] = [];
  try {
    for (const locale of locales) {
      const listing = readListing(locale);
      const outDir = join(outRoot, locale);
      mkdirSync(outDir, { recursive: true });
      const browser = await launchWithExtension(server.hostResolverRules, { lang: locale });
      try {
        const files = await storeAssets(browser, listing, outDir);
        saved.push(...files);
        log(`  ${locale.padEnd(6)} ${files.map((file) => relative(ROOT, file)).join('  ')}`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return saved;
}

// ---------------------------------------------------------------- command line

const USAGE = `Usage: npm run store-assets [-- --locales en,de] [-- --out dir]
  Builds MicroScope and makes the stores' screenshots, promo tile and listing texts per UI language
  (default ${STORE_LOCALES.join(',')}) in .output/store/<locale>/.`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const value = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index < 0 ? undefined : args[index + 1];
  };
  // Options come in pairs: --locales <list>, --out <dir>.
  const unknown = args.filter((arg, index) => (index % 2 === 0 ? !['--locales', '--out'].includes(arg) : arg.startsWith('-')));
  if (unknown.length > 0 || args.length % 2 === 1) {
    process.stderr.write(`Unknown option ${unknown.join(' ')}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const locales = value('--locales')?.split(',').filter(Boolean) ?? STORE_LOCALES;
  const outRoot = value('--out') ?? join(ROOT, '.output/store');
  process.stdout.write(`Store assets for ${locales.join(', ')} in ${relative(process.cwd(), outRoot) || '.'}/ (headless Chromium, demo profiles served locally):\n`);
  const started = Date.now();
  await makeStoreAssets(locales, outRoot, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(
    `Done in ${Math.round((Date.now() - started) / 1000)} s. Upload: README.md, "Publishing". The texts to paste: listing.txt per locale, store/chrome-web-store.md.\n`,
  );
}

// Run as a script (not imported by tests/e2e/store-assets.test.ts).
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    process.stderr.write(`store-assets failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
