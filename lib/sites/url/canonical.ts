/**
 * Profile URLs from anywhere (a pasted link, a CSV cell, a backup, a share link) read as a profile,
 * and profiles written back as one URL each. The same rules as the adapters and the background's injector
 * (lib/sites/url): a URL names a profile here exactly when the adapter would read it as one, with
 * two exceptions, both stricter:
 * - only http: and https:, without credentials or a port (what a link to a platform looks like);
 * - YouTube's legacy /c/{name} and /user/{name} URLs name no profile here. Those names are a
 *   namespace of their own: YouTube made handles from many of them, but not all, and a channel's
 *   handle may differ from its old custom name ("Your handle and channel URL may be different",
 *   YouTube Help, 2022). Nothing in the URL proves /c/Veritasium is @Veritasium.
 *
 * Light (URL rules and lib/platforms.ts only), like the rest of lib/sites/url.
 */

import { CANONICAL_HOSTS, profileKey, type Platform } from '../../platforms';
import { profileIn } from './index';
import { CHANNEL_ID, parseChannelPath } from './youtube';

/**
 * Longer URLs are refused before they are parsed. No profile URL comes near it (the longest
 * canonical one, a 253-character Bluesky handle, is under 300); share links with tracking stay
 * well under it; a URL with a megabyte of fragment is not something to parse on the page's time.
 */
export const MAX_PROFILE_URL_LENGTH = 2_048;

/** Which profile: the platform, and the handle as the URL writes it (without "@"). */
export interface ProfileRef {
  platform: Platform;
  handle: string;
}

/**
 * The handle as one path segment: percent-encoded (UTF-8) except ":" (Bluesky DIDs, which bsky.app
 * writes raw), so "/", "?", "#" in a handle can never make the URL point elsewhere.
 */
function segment(handle: string): string {
  return encodeURIComponent(handle.toWellFormed()).replace(/%3A/g, ':');
}

/** Each platform's profile path for an encoded handle (and the raw one, for YouTube's channel ids). */
const PROFILE_PATHS: Readonly<Record<Platform, (encoded: string, handle: string) => string>> = {
  instagram: (encoded) => `/${encoded}/`,
  tiktok: (encoded) => `/@${encoded}`,
  youtube: (encoded, handle) => (CHANNEL_ID.test(handle) ? `/channel/${handle}` : `/@${encoded}`),
  x: (encoded) => `/${encoded}`,
  bluesky: (encoded) => `/profile/${encoded}`,
  threads: (encoded) => `/@${encoded}`,
};

/**
 * The profile's URL rebuilt from platform and handle: https, the platform's canonical host, the
 * profile's own path (no tab), no query, no fragment; written as the URL parser writes it, so
 * `new URL(result).href === result`. Meant for handles a URL rule or an adapter gave: for any other
 * text the URL still stays on the platform's host, with the text in one path segment, and names
 * no profile. YouTube channel ids ("UC…") give /channel/UC…, everything else on YouTube /@handle:
 * a handle an adapter took from a legacy /c/ or /user/ URL may then be another channel's.
 * @example canonicalProfileUrl('youtube', '山の湯') // 'https://www.youtube.com/@%E5%B1%B1%E3%81%AE%E6%B9%AF'
 */
export function canonicalProfileUrl(platform: Platform, handle: string): string {
  return `https://${CANONICAL_HOSTS[platform]}${PROFILE_PATHS[platform](segment(handle), handle)}`;
}

/**
 * The profile a URL names, or undefined: not a URL, not http(s), longer than
 * MAX_PROFILE_URL_LENGTH, not on a platform's profile hosts, not a profile page (a post, a video,
 * /explore/, a link redirector such as l.instagram.com/?u=… or youtube.com/redirect?q=…), or a
 * YouTube /c/ or /user/ URL (see the top of this file). Query and fragment are ignored (igsh=,
 * si=, utm_*), http: counts as https:, and m./www./mobile. hosts count where the rules accept
 * them. The handle is as the URL writes it (case kept, percent-encoding decoded where the rule
 * decodes it). Never throws.
 * @example profileOfUrl('http://m.instagram.com/Maya.Travels/reels/?igsh=abc#x') // { platform: 'instagram', handle: 'Maya.Travels' }
 */
export function profileOfUrl(url: string): ProfileRef | undefined {
  if (typeof url !== 'string' || url.length > MAX_PROFILE_URL_LENGTH) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return undefined;
  const found = profileIn(parsed);
  if (found?.platform === 'youtube') {
    const kind = parseChannelPath(parsed.pathname)?.kind;
    if (kind !== 'handle' && kind !== 'channel') return undefined;
  }
  return found;
}

/**
 * True when the URL names this profile: same platform, handles equal ignoring case (as
 * profileKey compares them). False when it names another profile, none, or one that cannot be
 * proven to be this one (a YouTube /channel/ URL against a handle, a /c/ URL).
 * @example sameProfile('https://x.com/NASA/media?s=20', 'x', 'nasa') // true
 */
export function sameProfile(url: string, platform: Platform, handle: string): boolean {
  const found = profileOfUrl(url);
  return found !== undefined && profileKey(found.platform, found.handle) === profileKey(platform, handle);
}
