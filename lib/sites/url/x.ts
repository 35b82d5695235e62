/**
 * X's URLs: which hosts, which paths are a profile. Pure, and light (it imports only
 * lib/platforms.ts): the background runs this at every URL change of a tab of the site (lib/injector.ts),
 * the adapter imports it.
 */

import { isProfileHost } from '../../platforms';

/**
 * First path segments that are X's own routes, never a profile. Lowercase; X matches routes
 * case-insensitively ("/Home" is the home timeline). Handles with "-" or "." (search-advanced,
 * os-x.xml, manifest.json) already fail HANDLE and need no entry.
 * Sources: links on the saved profile (/login, /tos, /privacy, /i/flow/signup), X's nav and
 * settings URLs (/home, /explore, /notifications, /messages, /settings, /compose/post, /i/…),
 * X's share/intent endpoints (/intent/post, /share), legal and account pages.
 */
const RESERVED = new Set([
  'i', // /i/flow/login, /i/lists/…, /i/communities/…, /i/bookmarks, /i/spaces/…, /i/grok, /i/user/{id}
  'home', 'explore', 'search', 'notifications', 'messages', 'settings', 'compose', // the app's own pages
  'login', 'logout', 'signup', 'account', 'sessions', 'session', 'oauth', 'oauth2', // sign-in flows
  'tos', 'privacy', 'rules', 'jobs', 'download', 'about', 'help', // static / legal pages
  'hashtag', 'intent', 'share', // /hashtag/x, /intent/post?text=, /share?text=
  'bookmarks', 'lists', 'communities', 'topics', 'spaces', 'premium', 'premium_sign_up', 'grok', // feature roots
  'who_to_follow', 'follower_requests', 'keyboard_shortcuts', 'display', // older top-level routes
]);

/** X handles: 1–15 of letters, digits and "_" (old accounts keep 1–4 character handles: @X, @jack). */
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
/** The profile and its timeline tabs. Followers/following lists, /photo, /about, /lists are not the profile. */
const TABS = new Set(['with_replies', 'media', 'likes', 'highlights', 'articles']);

/** One of x's PROFILE_HOSTS (lib/platforms.ts). */
export function isXHost(hostname: string): boolean {
  return isProfileHost('x', hostname);
}

/** A name X can give an account: the handle rule, and none of X's own routes. */
export function isXHandle(text: string): boolean {
  return HANDLE.test(text) && !RESERVED.has(text.toLowerCase());
}

export function xProfileHandle(url: URL): string | undefined {
  try {
    if (!isXHost(url.hostname)) return undefined;
    const parts = url.pathname.split('/');
    // "", handle, [tab], [""]: a trailing slash is fine, an empty segment in the middle is not.
    if (parts[0] !== '' || parts.length > 4) return undefined;
    if (parts.length === 4 && parts[3] !== '') return undefined;
    const handle = parts[1] ?? '';
    const tab = parts[2] ?? '';
    if (!isXHandle(handle)) return undefined;
    if (tab !== '' && !TABS.has(tab)) return undefined;
    if (parts.length === 4 && tab === '') return undefined; // "/handle//"
    return handle;
  } catch {
    return undefined;
  }
}
