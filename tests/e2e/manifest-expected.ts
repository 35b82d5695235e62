/**
 * What the final manifests must say, written out rather than computed from lib/ (package.test.ts
 * and zip.test.ts): a change here is a change of what users grant, so it must be made by hand.
 */

/**
 * The host permissions (where the background may inject the content script): https only, and
 * exactly the hosts the URL rules read (lib/sites/url/*.ts), no `*.` wildcard.
 */
export const EXPECTED_SITE_MATCHES = [
  'https://instagram.com/*',
  'https://www.instagram.com/*',
  'https://m.instagram.com/*',
  'https://tiktok.com/*',
  'https://www.tiktok.com/*',
  'https://m.tiktok.com/*',
  'https://youtube.com/*',
  'https://www.youtube.com/*',
  'https://m.youtube.com/*',
  'https://x.com/*',
  'https://www.x.com/*',
  'https://mobile.x.com/*',
  'https://twitter.com/*',
  'https://www.twitter.com/*',
  'https://mobile.twitter.com/*',
  'https://bsky.app/*',
  'https://www.bsky.app/*',
  'https://threads.com/*',
  'https://www.threads.com/*',
  'https://threads.net/*',
  'https://www.threads.net/*',
];

/** The content script the background injects into profiles (entrypoints/content-main, lib/injector.ts). */
export const MAIN_PART_FILE = 'content-main.js';

/**
 * The one content script in the manifest: Instagram's posts observer, in the page's world from
 * document start, on Instagram's https hosts only, top frame only (entrypoints/instagram-posts.content.ts,
 * issue 15 item 4). Everything else is injected into profiles by the background.
 */
export const PAGE_WORLD_FILE = 'content-scripts/instagram-posts.js';
export const EXPECTED_CONTENT_SCRIPTS = [
  {
    matches: ['https://instagram.com/*', 'https://m.instagram.com/*', 'https://www.instagram.com/*'],
    all_frames: false,
    run_at: 'document_start',
    js: [PAGE_WORLD_FILE],
    world: 'MAIN',
  },
];

/** URL.canParse, called without a fallback in the bundles (wxt.config.ts says why). */
export const MINIMUM_CHROME_VERSION = '120';

/**
 * Never in the content scripts of a store build: what let the page detect, switch off or read
 * MicroScope (issue 14). WXT's event names, performance marks and measures, an open shadow root.
 */
export const CONTENT_SCRIPT_MUST_NOT = [
  /wxt:content-script-started|wxt:locationchange/,
  /performance\.(mark|measure)\(/,
  /microscope:content-start/,
  /mode:\s*"open"/,
];
