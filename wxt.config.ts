import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { MAIN_PART, MAIN_PART_GUARD } from './lib/injector';
import { SITE_MATCHES } from './lib/platforms';
import { PREACT_FOR_CONTENT_SCRIPT } from './lib/preact-for-content-script';

/**
 * The messages' fingerprint: the content script keeps message templates in storage.local between
 * pages (lib/locale-cache.ts), valid only for the build whose messages they came from, including a
 * development build whose messages changed without a new version number.
 */
function messagesFingerprint(): string {
  const root = join(import.meta.dirname, 'public/_locales');
  const hash = createHash('sha256');
  for (const locale of readdirSync(root).sort()) {
    hash.update(locale).update(readFileSync(join(root, locale, 'messages.json')));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The entrypoint WXT builds to MAIN_PART (lib/injector.ts). */
const MAIN_PART_ENTRY = MAIN_PART.replace(/\.js$/, '');
/** The Instagram posts observer's entrypoint (entrypoints/instagram-posts.content.ts). */
const POSTS_OBSERVER_ENTRY = 'instagram-posts';

export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  vite: () => ({
    define: {
      __MICROSCOPE_MESSAGES__: JSON.stringify(messagesFingerprint()),
      // The bench's timing mark (entrypoints/content-loader.ts): `npm run bench` builds with
      // MICROSCOPE_BENCH=1; every other build, the stores' included, has no mark a page could read.
      __MICROSCOPE_BENCH__: JSON.stringify(process.env.MICROSCOPE_BENCH === '1'),
    },
  }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // `npm run zip` / `zip:firefox`: what the stores get (tests/e2e/zip.test.ts checks both archives
  // and rebuilds the extension from the sources archive).
  zip: {
    // Production builds make no source maps; never ship one if that changes.
    exclude: ['**/*.map'],
    // The sources archive is for Mozilla's reviewers: what `npm ci && npm run build:firefox` needs,
    // plus README and PRIVACY. WXT already leaves out dotfolders (.output, .wxt), node_modules and
    // *.test.* files; the tests (with fixtures made from third-party pages), the bench, test
    // output and the stores' listing texts (store/) stay out too.
    excludeSources: ['tests/**', 'bench/**', 'test-results/**', 'store/**', 'stats*.html', 'vitest.config.ts'],
  },
  manifest: ({ browser }) => ({
    // Name, description and button title from public/_locales (the 13 UI languages of lib/ui-locales.ts).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: the shortlist is never capped at 10 MB (Chrome shows no warning for it) and
    // Firefox never evicts it under disk pressure (its install prompt lists "Store unlimited amount
    // of client-side data"). README, "What is stored".
    // scripting: the background puts the content script into a tab that shows a profile
    // (lib/injector.ts); no install warning of its own, the host permissions say where.
    permissions: ['storage', 'unlimitedStorage', 'scripting'],
    // The toolbar button: its badge shows the tier of the profile in the tab.
    action: { default_title: '__MSG_actionTitle__' },
    // The dashboard (shortlist, settings) is the options page, in a tab of its own.
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    // Only the supported sites. Nothing else is requested: no `tabs`, no `<all_urls>`. No content
    // script in the manifest and no web-accessible file: lib/injector.ts.
    host_permissions: [...SITE_MATCHES],
    ...(browser !== 'firefox' && {
      // The newest API the built bundles call without a fallback is URL.canParse (lib/profile-codec.ts,
      // in background.js, content-main.js and the popup/dashboard chunk): Chrome 120. The rest is older
      // (crypto.randomUUID 92, Object.hasOwn 93, Array.prototype.at 92, Intl.ListFormat 72) or
      // feature-detected (Navigation API 102, Element.checkVisibility 105, Preact's moveBefore 133).
      minimum_chrome_version: '120',
    }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // A fixed id: storage.sync and updates need one.
          id: 'microscope@microscope-extension.app',
          // 140 (ESR): the first release that reads data_collection_permissions. The code itself
          // needs 115 (URL.canParse); the Navigation API, not in ESR 140, is feature-detected.
          strict_min_version: '140.0',
          // Nothing leaves the browser (PRIVACY.md).
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      // The main part of the content script (an unlisted script: see entrypoints/content-main),
      // rendered with preact/compat (lib/preact-for-content-script.ts).
      if (!entrypoints.every((entry) => entry.type === 'content-script' || entry.name === MAIN_PART_ENTRY)) return;
      // Injected again on every profile URL of a tab (lib/injector.ts): where one runs already,
      // the file stops at this guard, before any of its modules is evaluated.
      if (entrypoints.some((entry) => entry.name === MAIN_PART_ENTRY)) {
        config.plugins ??= [];
        config.plugins.push({
          name: 'microscope-main-part-guard',
          enforce: 'post',
          generateBundle(_options, bundle) {
            for (const chunk of Object.values(bundle)) {
              if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `${MAIN_PART_GUARD.before}${chunk.code}${MAIN_PART_GUARD.after}`;
            }
          },
        });
      }
      // The Instagram posts observer runs in the page's world (entrypoints/instagram-posts.content.ts):
      // WXT's IIFE is `var instagramPosts=(…)()`, a global the page could look for. In a function
      // scope of its own, the script leaves no name behind.
      if (entrypoints.some((entry) => entry.name === POSTS_OBSERVER_ENTRY)) {
        config.plugins ??= [];
        config.plugins.push({
          name: 'microscope-page-world-scope',
          enforce: 'post',
          generateBundle(_options, bundle) {
            for (const chunk of Object.values(bundle)) {
              if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `(()=>{${chunk.code}\n})();`;
            }
          },
        });
      }
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = [
        ...PREACT_FOR_CONTENT_SCRIPT,
        ...(Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))),
      ];
    },
  },
});
