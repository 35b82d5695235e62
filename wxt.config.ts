import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './lib/sites/hosts';

/**
 * The content script renders the badge with Preact's React-compatible runtime: the same components
 * as popup and dashboard, but ~10 KB instead of React's ~60 KB gzip and far less start-up script
 * time on every page of the five sites (see bench/results.md). Popup and dashboard keep React 19.
 */
const PREACT_FOR_CONTENT_SCRIPT = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];

export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'MicroScope',
    description:
      'Is this a micro-influencer, and does their audience engage? Tier and engagement rate inline on the profile.',
    permissions: ['storage'],
    // The toolbar button: its badge shows the tier of the profile in the tab.
    action: { default_title: 'MicroScope' },
    // The dashboard (shortlist, settings) is the options page, in a tab of its own.
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    // Only the supported sites. Nothing else is requested: no `tabs`, no `<all_urls>`.
    host_permissions: [...SITE_MATCHES],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // A fixed id: storage.sync and updates need one.
          id: 'microscope@microscope-extension.app',
          // 140: the first release that reads data_collection_permissions.
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
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = [
        ...PREACT_FOR_CONTENT_SCRIPT,
        ...(Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))),
      ];
    },
  },
});
