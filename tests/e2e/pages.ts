import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Platform } from '../../lib/platforms';
import { fixtureFile, fixtureUrl } from '../fixtures';
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
 * The demo profiles `npm start` opens: one or two per platform, a micro-tier one where a fixture
 * is micro (1K to under 10K followers), so the demo shows MICRO as well as the other tiers. Each is
 * shown at the URL its fixture carries.
 */
const DEMO_FIXTURES: readonly (readonly [platform: Platform, name: string])[] = [
  ['instagram', 'profile-exact'],
  ['instagram', 'profile-rounded'],
  ['instagram', 'profile-hidden-likes'], // micro, some likes hidden
  ['tiktok', 'profile'], // mid, exact from statsV2
  ['youtube', 'channel-rounded'], // mega, rounded
  ['youtube', 'channel-exact'], // nano, exact
  ['x', 'profile-exact'], // micro
  ['x', 'profile-rounded'], // mid, rounded
  ['bluesky', 'profile'], // mid, exact
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
