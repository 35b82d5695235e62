import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Route } from './server';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The saved real pages live beside the repository (../shared/pages), never inside it. */
export const SHARED_PAGES = process.env.MICROSCOPE_SHARED_PAGES ?? resolve(ROOT, '../shared/pages');

export function fixturePath(platform: string, name: string): string {
  return join(ROOT, 'tests/fixtures', platform, `${name}.html`);
}

export function fixtureHtml(platform: string, name: string): string {
  return readFileSync(fixturePath(platform, name), 'utf8');
}

/** A fixture served at the URL it depicts. */
export function fixtureRoute(platform: string, name: string, url: string): Route {
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
 * is micro (1K to under 10K followers), so the demo shows MICRO as well as the other tiers.
 */
export const DEMO_PAGES: { platform: string; name: string; url: string }[] = [
  { platform: 'instagram', name: 'profile-exact', url: 'https://www.instagram.com/ana.tidepool/' },
  { platform: 'instagram', name: 'profile-rounded', url: 'https://www.instagram.com/kofi.bakes/' },
  { platform: 'instagram', name: 'profile-hidden-likes', url: 'https://www.instagram.com/noor.ceramics/' }, // micro, some likes hidden
  { platform: 'tiktok', name: 'profile', url: 'https://www.tiktok.com/@mara.bakes' }, // mid, exact from statsV2
  { platform: 'youtube', name: 'channel-rounded', url: 'https://www.youtube.com/@copperkettle/videos' }, // mega, rounded
  { platform: 'youtube', name: 'channel-exact', url: 'https://www.youtube.com/@quietpond/videos' }, // nano, exact
  { platform: 'x', name: 'profile-exact', url: 'https://x.com/noor_ceramics' }, // micro
  { platform: 'x', name: 'profile-rounded', url: 'https://x.com/mara_sketches' }, // mid, rounded
  { platform: 'bluesky', name: 'profile', url: 'https://bsky.app/profile/juniper-oakes.bsky.social' }, // mid, exact
];
