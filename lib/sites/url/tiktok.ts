/**
 * TikTok's URLs: which hosts, which paths are a profile. Pure, and light (it imports only
 * lib/platforms.ts): the background runs this at every URL change of a tab of the site (lib/injector.ts),
 * the adapter imports it.
 */

import { isProfileHost } from '../../platforms';

/** TikTok usernames: letters, digits, "_" and "." (TikTok allows 2–24; older accounts vary, so be lenient). */
const HANDLE = /^[A-Za-z0-9_.]{1,32}$/;
/** "/@handle" and "/@handle/": nothing deeper (/@h/video/…, /@h/photo/…, /@h/live are not profiles). */
const PROFILE_PATH = /^\/@([^/]+)\/?$/;

/** One of tiktok's PROFILE_HOSTS (lib/platforms.ts). */
export function isTikTokHost(hostname: string): boolean {
  return isProfileHost('tiktok', hostname);
}

export function tiktokProfileHandle(url: URL): string | undefined {
  try {
    if (!isTikTokHost(url.hostname)) return undefined;
    const match = PROFILE_PATH.exec(url.pathname);
    if (!match) return undefined;
    const handle = match[1]!;
    return HANDLE.test(handle) ? handle : undefined;
  } catch {
    return undefined;
  }
}
