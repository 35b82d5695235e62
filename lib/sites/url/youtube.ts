/**
 * YouTube's URLs: which hosts, which paths are a channel. Pure, and light (it imports only
 * lib/platforms.ts): the background runs this at every URL change of a tab of the site (lib/injector.ts),
 * the adapter imports it.
 */

import { isProfileHost } from '../../platforms';

/**
 * Channel tabs we accept as "the channel page": the header is shown on all of them. Posts are read
 * on the first four only (and the bare channel URL, which is the Home tab).
 * Not here: `live` (redirects to the current live video), `search` (search results, not the
 * channel's recent uploads), `join` (membership dialog).
 */
const TABS = new Set([
  'featured', 'videos', 'shorts', 'streams', 'playlists', 'posts', 'community', 'podcasts', 'releases', 'courses',
  'store', 'about',
]);

/*
 * Made on first use, not when the module loads: a Unicode property class (\p{L}) makes V8 load
 * ICU's property data, 2–8 ms the first time in a process, and the background runs this module's
 * rules for every URL of the five sites, mostly other URLs than a YouTube handle.
 */
let handle: RegExp | undefined;
let legacyName: RegExp | undefined;
/** YouTube handles: 3–30 letters (any script), digits, "_", "-", "." and "·" (YouTube Help, 2022). */
const HANDLE = { test: (text: string) => (handle ??= /^[\p{L}\p{M}\p{N}._·-]{3,30}$/u).test(text) };
export const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
/** Legacy custom (/c/) and user (/user/) names. */
const LEGACY_NAME = { test: (text: string) => (legacyName ??= /^[\p{L}\p{M}\p{N}._-]{1,100}$/u).test(text) };
const CHANNEL_PATH = /^\/(?:@([^/]+)|(channel|c|user)\/([^/]+))(?:\/([^/]+))?\/?$/;

export type RefKind = 'handle' | 'channel' | 'c' | 'user';
/** A channel as a URL names it. */
export interface ChannelRef {
  kind: RefKind;
  name: string;
  /** The tab segment, '' for the bare channel URL. */
  tab: string;
}

/** One of youtube's PROFILE_HOSTS (lib/platforms.ts). */
export function isYouTubeHost(hostname: string): boolean {
  return isProfileHost('youtube', hostname);
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** "/@handle/videos", "/channel/UC…", "/c/name", "/user/name" (+ tab) → the channel, else undefined. */
export function parseChannelPath(pathname: string): ChannelRef | undefined {
  const match = CHANNEL_PATH.exec(pathname);
  if (!match) return undefined;
  const tab = match[4] ?? '';
  if (tab !== '' && !TABS.has(tab)) return undefined;
  if (match[1] !== undefined) {
    const name = decode(match[1]);
    return name && HANDLE.test(name) ? { kind: 'handle', name, tab } : undefined;
  }
  const kind = match[2] as 'channel' | 'c' | 'user';
  const name = decode(match[3] ?? '');
  if (!name) return undefined;
  if (kind === 'channel') return CHANNEL_ID.test(name) ? { kind, name, tab } : undefined;
  return LEGACY_NAME.test(name) ? { kind, name, tab } : undefined;
}

export function youtubeProfileHandle(url: URL): string | undefined {
  try {
    if (!isYouTubeHost(url.hostname)) return undefined;
    return parseChannelPath(url.pathname)?.name;
  } catch {
    return undefined;
  }
}
