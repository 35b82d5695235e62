/**
 * Match patterns of the supported sites: the content script runs there, and nowhere else.
 * The manifest's host permissions are the same list (wxt.config.ts).
 */
export const SITE_MATCHES = [
  '*://*.instagram.com/*',
  '*://*.tiktok.com/*',
  '*://*.youtube.com/*',
  // "*." matches the bare domain too: x.com and twitter.com are covered.
  '*://*.x.com/*',
  '*://*.twitter.com/*',
  '*://bsky.app/*',
] as const;
