/**
 * Instagram's URLs: which hosts, which paths are a profile. Pure, and light (it imports only
 * lib/platforms.ts): the background runs this at every URL change of a tab of the site (lib/injector.ts),
 * the adapter imports it.
 */

import { isProfileHost } from '../../platforms';

/**
 * First path segments that are Instagram's own routes, never a username. Lowercase.
 * Source: Instagram's route list in the server HTML (profile.server.html) and public scrapers.
 */
const RESERVED = new Set([
  'about', 'accounts', 'ads', 'ajax', 'api', 'ar', 'auth_platform', 'blog', 'business', 'challenge',
  'create', 'data', 'developer', 'direct', 'directory', 'download', 'emails', 'explore', 'fxcal',
  'graphql', 'help', 'invites', 'jobs', 'legal', 'lite', 'locations', 'meta_verified', 'nametag',
  'oauth', 'p', 'press', 'privacy', 'push', 'qp', 'reel', 'reels', 's', 'session', 'static',
  'stories', 'terms', 'threads', 'topics', 'tv', 'web', 'your_activity',
]);

/** Instagram usernames: 1–30 of letters, digits, "." and "_", not starting/ending with "." nor "..". */
const HANDLE = /^(?!\.)(?!.*\.\.)[A-Za-z0-9._]{1,30}(?<!\.)$/;
/** "/handle/", "/handle/reels/", "/handle/tagged/". */
const PROFILE_PATH = /^\/([^/]+)(?:\/(reels|tagged))?\/?$/;

/** One of instagram's PROFILE_HOSTS (lib/platforms.ts). */
export function isInstagramHost(hostname: string): boolean {
  return isProfileHost('instagram', hostname);
}

/** A name Instagram can give a user: the username rule, and none of Instagram's own routes. */
export function isInstagramHandle(text: string): boolean {
  return HANDLE.test(text) && !RESERVED.has(text.toLowerCase());
}

export function instagramProfileHandle(url: URL): string | undefined {
  try {
    if (!isInstagramHost(url.hostname)) return undefined;
    const match = PROFILE_PATH.exec(url.pathname);
    const handle = match?.[1];
    if (!handle || !isInstagramHandle(handle)) return undefined;
    return handle;
  } catch {
    return undefined;
  }
}
