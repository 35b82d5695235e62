/**
 * Threads' URLs: which hosts, which paths are a profile. Pure, and light (it imports only
 * lib/platforms.ts): the background runs this at every URL change of a tab of the site (lib/injector.ts),
 * the adapter imports it.
 */

import { isProfileHost } from '../../platforms';

/**
 * Threads accounts are Instagram accounts and keep their username (Threads Help, "Create a Threads
 * profile"): 1–30 of letters, digits, "." and "_", not starting or ending with "." nor holding "..".
 */
const HANDLE = /^(?!\.)(?!.*\.\.)[A-Za-z0-9._]{1,30}(?<!\.)$/;
/**
 * "/@handle" and its tabs. The tabs are links of the profile header (profile.rendered.html, 2025-12:
 * `/@zuck/replies`, `/@zuck/media`, `/@zuck/reposts`); the header with the follower count stays on
 * every one of them. Deeper paths are other pages: `/@h/post/{code}` (one post and its replies),
 * `/@h/post/{code}/media`. Routes without "@" are never profiles (/search, /activity, /t/{code}).
 */
const PROFILE_PATH = /^\/@([^/]+)(?:\/(replies|media|reposts))?\/?$/;

/** One of threads' PROFILE_HOSTS (lib/platforms.ts). */
export function isThreadsHost(hostname: string): boolean {
  return isProfileHost('threads', hostname);
}

/** A name Threads can give an account (Instagram's username rule). */
export function isThreadsHandle(text: string): boolean {
  return HANDLE.test(text);
}

/** The profile tab of a profile URL: '' for the Threads tab (the bare profile), else its name. */
export function threadsProfileTab(url: URL): '' | 'replies' | 'media' | 'reposts' | undefined {
  const match = PROFILE_PATH.exec(url.pathname);
  if (!match || !isThreadsHandle(match[1]!)) return undefined;
  return (match[2] ?? '') as '' | 'replies' | 'media' | 'reposts';
}

export function threadsProfileHandle(url: URL): string | undefined {
  try {
    if (!isThreadsHost(url.hostname)) return undefined;
    const match = PROFILE_PATH.exec(url.pathname);
    const handle = match?.[1];
    return handle && isThreadsHandle(handle) ? handle : undefined;
  } catch {
    return undefined;
  }
}
