/**
 * Bluesky's URLs: which hosts, which paths are a profile. Pure, and light (it imports only
 * lib/platforms.ts): the background runs this at every URL change of a tab of the site (lib/injector.ts),
 * the adapter imports it.
 */

import { isProfileHost } from '../../platforms';

/** atproto handles: a domain name of two or more labels, the last not starting with a digit. */
const HANDLE = /^(?=.{3,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** The two DID methods atproto supports. */
const DID = /^did:(?:plc:[a-z2-7]{24}|web:[A-Za-z0-9.%-]+(?::[A-Za-z0-9.%-]+)*)$/;
/**
 * "/profile/{handle-or-did}" only. bsky.app's router (social-app src/routes.ts) has no URL per
 * profile tab (Posts/Replies/Media/Likes are in-page tabs); every deeper path is another page:
 * /followers, /follows, /known-followers (lists of accounts), /search, /lists/{rkey}, /feed/{rkey},
 * /post/{rkey} (a thread), /labeler/…, /rss (an RSS document).
 */
const PROFILE_PATH = /^\/profile\/([^/]+)\/?$/;

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** One of bluesky's PROFILE_HOSTS (lib/platforms.ts). */
export function isBlueskyHost(hostname: string): boolean {
  return isProfileHost('bluesky', hostname);
}

export function blueskyProfileHandle(url: URL): string | undefined {
  try {
    if (!isBlueskyHost(url.hostname)) return undefined;
    const match = PROFILE_PATH.exec(url.pathname);
    if (!match) return undefined;
    const name = decodeSegment(match[1]!);
    return HANDLE.test(name) || DID.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}
