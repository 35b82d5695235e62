/**
 * The platforms MicroScope reads: ids, the names the UI gives them, their hosts, and the key of a
 * profile on them. The one home of these facts: adapters, URL rules, manifest (wxt.config.ts),
 * popup, dashboard and CSV import them from here.
 *
 * Dependency-free and cheap to load: the background imports it through lib/sites/url to decide, at
 * every URL change of a tab, whether to inject the content script (lib/injector.ts). No imports,
 * no Intl, no Unicode regexes.
 */

/**
 * The platforms MicroScope reads. The order is the order of the UI, and stored: a saved profile
 * keeps its platform as the index in this list (lib/shortlist/codec.ts). Append only.
 */
export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'x', 'bluesky', 'threads'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** How the UI names each platform: brand names, the same in every language. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  x: 'X',
  bluesky: 'Bluesky',
  threads: 'Threads',
};

/**
 * Each platform's domains: the platform owns every host under them (www., m., help., l.). The
 * first is the address users know it by ("works on … (x.com)"). A profile URL saved from
 * elsewhere must be on one of them.
 */
export const PLATFORM_DOMAINS: Readonly<Record<Platform, readonly string[]>> = {
  instagram: ['instagram.com'],
  tiktok: ['tiktok.com'],
  youtube: ['youtube.com'],
  x: ['x.com', 'twitter.com'],
  bluesky: ['bsky.app'],
  // threads.net was the first address (2023); threads.com since 2025 (threads.net redirects there).
  threads: ['threads.com', 'threads.net'],
};

/**
 * The exact hosts whose profile pages we read (lowercase, no trailing dot). Narrower than the
 * domains: help.instagram.com, l.instagram.com (the outbound link shim), vm.tiktok.com (short
 * links), go.bsky.app are the platform's but never show a profile.
 */
export const PROFILE_HOSTS: Readonly<Record<Platform, readonly string[]>> = {
  instagram: ['instagram.com', 'www.instagram.com', 'm.instagram.com'],
  tiktok: ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com'],
  youtube: ['youtube.com', 'www.youtube.com', 'm.youtube.com'],
  x: ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
  bluesky: ['bsky.app', 'www.bsky.app'],
  // Not l.threads.com: the outbound link shim (profile.rendered.html links Instagram through it).
  threads: ['threads.com', 'www.threads.com', 'threads.net', 'www.threads.net'],
};

/** The host of each platform's canonical profile URL (what its own pages link to). */
export const CANONICAL_HOSTS: Readonly<Record<Platform, string>> = {
  instagram: 'www.instagram.com',
  tiktok: 'www.tiktok.com',
  youtube: 'www.youtube.com',
  x: 'x.com',
  bluesky: 'bsky.app',
  threads: 'www.threads.com',
};

/**
 * Match patterns of each platform: the manifest's host permissions (wxt.config.ts), so the places
 * where the background may inject the content script (lib/injector.ts), and nowhere else.
 * Exactly PROFILE_HOSTS, https only (issue 14): `*://*.site/*` also granted http, where anyone on
 * the network path can serve the page, and every subdomain (help., l., studio.), where no profile
 * ever shows. Changing this list changes the permissions users granted: the browser asks them again.
 */
export const PLATFORM_MATCHES: Readonly<Record<Platform, readonly string[]>> = {
  instagram: PROFILE_HOSTS.instagram.map((host) => `https://${host}/*`),
  tiktok: PROFILE_HOSTS.tiktok.map((host) => `https://${host}/*`),
  youtube: PROFILE_HOSTS.youtube.map((host) => `https://${host}/*`),
  x: PROFILE_HOSTS.x.map((host) => `https://${host}/*`),
  bluesky: PROFILE_HOSTS.bluesky.map((host) => `https://${host}/*`),
  threads: PROFILE_HOSTS.threads.map((host) => `https://${host}/*`),
};

/** Every platform's match patterns, in PLATFORMS order: the manifest's host permissions. */
export const SITE_MATCHES: readonly string[] = PLATFORMS.flatMap((platform) => PLATFORM_MATCHES[platform]);

/**
 * True when `hostname` is one of the platform's PROFILE_HOSTS, in any case, with or without the
 * root dot ("WWW.YouTube.com.").
 */
export function isProfileHost(platform: Platform, hostname: string): boolean {
  return PROFILE_HOSTS[platform].includes(hostname.toLowerCase().replace(/\.$/, ''));
}

/**
 * The key of a profile: handles are case-insensitive on every supported platform.
 * @example profileKey('instagram', 'Maya.Travels') // 'instagram:maya.travels'
 */
export function profileKey(platform: Platform, handle: string): string {
  return `${platform}:${handle.toLowerCase()}`;
}
