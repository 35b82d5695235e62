import type { Platform } from '../../platforms';
import { blueskyProfileHandle, isBlueskyHost } from './bluesky';
import { instagramProfileHandle, isInstagramHost } from './instagram';
import { isThreadsHost, threadsProfileHandle } from './threads';
import { isTikTokHost, tiktokProfileHandle } from './tiktok';
import { isXHost, xProfileHandle } from './x';
import { isYouTubeHost, youtubeProfileHandle } from './youtube';

/**
 * Each platform's URL rules: host, and URL → profile handle. The one source of truth for "is this
 * a profile": the adapters (lib/sites/*.ts) use the same functions, and the background, which
 * decides at every URL change of a tab whether to inject the content script, uses only this
 * module (no DOM, no Intl, no WXT).
 */
export interface ProfileUrlRules {
  readonly platform: Platform;
  isHost(hostname: string): boolean;
  profileHandle(url: URL): string | undefined;
}

export const PROFILE_URL_RULES: readonly ProfileUrlRules[] = [
  { platform: 'instagram', isHost: isInstagramHost, profileHandle: instagramProfileHandle },
  { platform: 'tiktok', isHost: isTikTokHost, profileHandle: tiktokProfileHandle },
  { platform: 'youtube', isHost: isYouTubeHost, profileHandle: youtubeProfileHandle },
  { platform: 'x', isHost: isXHost, profileHandle: xProfileHandle },
  { platform: 'bluesky', isHost: isBlueskyHost, profileHandle: blueskyProfileHandle },
  { platform: 'threads', isHost: isThreadsHost, profileHandle: threadsProfileHandle },
];

/**
 * The platform and handle of a profile URL, or undefined (not a profile, not a supported site, not
 * a URL). Never throws.
 * @example profileAt('https://www.instagram.com/pluto__travel/') // { platform: 'instagram', handle: 'pluto__travel' }
 */
export function profileAt(
  href: string,
  rules: readonly ProfileUrlRules[] = PROFILE_URL_RULES,
): { platform: Platform; handle: string } | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return profileIn(url, rules);
}

/** profileAt for a URL already parsed. Never throws. */
export function profileIn(
  url: URL,
  rules: readonly ProfileUrlRules[] = PROFILE_URL_RULES,
): { platform: Platform; handle: string } | undefined {
  for (const rule of rules) {
    try {
      if (!rule.isHost(url.hostname)) continue;
      const handle = rule.profileHandle(url);
      return handle ? { platform: rule.platform, handle } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
