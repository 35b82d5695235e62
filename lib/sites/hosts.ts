import type { Platform } from './types';

/**
 * The host names each platform's URL rules read (lib/sites/url/*.ts): the only hosts where a
 * profile can be, so the only ones the extension asks for. Lowercase, no trailing dot.
 * Subdomains not listed here (help., about., studio., business., blog., …) never show a profile.
 */
export const SITE_HOSTS = {
  instagram: ['instagram.com', 'www.instagram.com', 'm.instagram.com'],
  tiktok: ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com'],
  youtube: ['youtube.com', 'www.youtube.com', 'm.youtube.com'],
  x: ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
  bluesky: ['bsky.app', 'www.bsky.app'],
} as const satisfies Record<Platform, readonly string[]>;

/**
 * Match patterns of the supported sites: the content loader runs there and nowhere else, and the
 * manifest's host permissions and web-accessible resources name the same list (wxt.config.ts).
 * https only (all five sites redirect http to https; a page served over http could be anyone's on
 * the network path), and exactly the hosts of SITE_HOSTS, no `*.` wildcard.
 */
export const SITE_MATCHES: readonly string[] = Object.values(SITE_HOSTS).flatMap((hosts) => hosts.map((host) => `https://${host}/*`));
