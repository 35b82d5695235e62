import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Platform } from '../../lib/platforms';
import { fixtureFile, fixtureUrl } from '../fixtures';
import { freshenDemoPage } from '../fixtures/demo';
import type { Route } from './server';

export { fixtureUrl };

export const ROOT = resolve(import.meta.dirname, '../..');
/** The saved real pages live beside the repository (../shared/pages), never inside it. */
export const SHARED_PAGES = process.env.MICROSCOPE_SHARED_PAGES ?? resolve(ROOT, '../shared/pages');

export function fixturePath(platform: string, name: string): string {
  return fixtureFile(platform, name);
}

export function fixtureHtml(platform: string, name: string): string {
  return readFileSync(fixturePath(platform, name), 'utf8');
}

/** A fixture served at the URL it depicts (its <meta name="microscope:fixture-url">), or at `url`. */
export function fixtureRoute(platform: string, name: string, url = fixtureUrl(platform, name)): Route {
  const { host, pathname } = new URL(url);
  return { host, path: pathname, file: fixturePath(platform, name) };
}

/**
 * The same page with a dark background, as the sites' dark themes draw it, served for another
 * handle (`rename` swaps the handle everywhere in the page, so header and URL agree).
 */
export function darkRoute(platform: string, name: string, url: string, rename: [from: string, to: string]): Route {
  const { host, pathname } = new URL(url);
  const html = fixtureHtml(platform, name).replaceAll(rename[0], rename[1]).replace(
    '</head>',
    '<style>html,body{background:#000 !important;color:#f5f5f5 !important}a{color:#e0f1ff}</style></head>',
  );
  return { host, path: pathname, html };
}

/**
 * The demo profiles `npm start` opens: tests/fixtures/<platform>/demo-*.html, invented creators on
 * pages styled like the sites (header, counts, grid or timeline), one per platform and one creator
 * who trips several signals. Each is shown at the URL its fixture carries.
 */
const DEMO_FIXTURES: readonly (readonly [platform: Platform, name: string])[] = [
  ['instagram', 'demo-creator'], // mid, exact, nothing flagged
  ['instagram', 'demo-flagged'], // micro, five signals worth a look (tests/fixtures/demo.test.ts)
  ['tiktok', 'demo-creator'], // macro, exact from statsV2
  ['youtube', 'demo-creator'], // mega, rounded
  ['x', 'demo-creator'], // mid, exact
  ['bluesky', 'demo-creator'], // micro, exact
  ['threads', 'demo-creator'], // mid, exact (span[title] and embedded JSON); no Threads benchmark
];

/** The demo pages with their URLs; a fixture that is missing is left for demo.ts to report. */
export const DEMO_PAGES: { platform: Platform; name: string; url: string }[] = DEMO_FIXTURES.map(([platform, name]) => {
  let url = '';
  try {
    url = fixtureUrl(platform, name);
  } catch {
    // No fixture (or no URL in it) yet: demo.ts says so and skips it.
  }
  return { platform, name, url };
});

/**
 * A demo page as served on `now`: its post dates moved so the newest post is as recent as the day
 * it was written (tests/fixtures/demo.ts), so the demo never shows a creator gone "inactive".
 */
export function demoRoute(
  demo: { platform: Platform; name: string; url: string },
  now = Date.now(),
  html = fixtureHtml(demo.platform, demo.name),
): Route {
  const { host, pathname } = new URL(demo.url);
  return { host, path: pathname, html: freshenDemoPage(html, demo.platform, now) };
}
