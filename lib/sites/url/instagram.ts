/**
 * Instagram's URLs: which hosts, which paths are a profile. Pure and dependency-free: the content
 * loader (entrypoints/content-loader.ts) runs this on every page of the site, the adapter imports it.
 */

import { SITE_HOSTS } from '../hosts';

/** The hosts the manifest asks for are exactly these (lib/sites/hosts.ts). */
const HOSTS: ReadonlySet<string> = new Set(SITE_HOSTS.instagram);

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

export function isInstagramHost(hostname: string): boolean {
  return HOSTS.has(hostname.toLowerCase().replace(/\.$/, ''));
}

export function instagramProfileHandle(url: URL): string | undefined {
  try {
    if (!isInstagramHost(url.hostname)) return undefined;
    const match = PROFILE_PATH.exec(url.pathname);
    const handle = match?.[1];
    if (!handle || !HANDLE.test(handle) || RESERVED.has(handle.toLowerCase())) return undefined;
    return handle;
  } catch {
    return undefined;
  }
}
