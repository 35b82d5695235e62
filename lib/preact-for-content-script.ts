/**
 * The content script renders the badge with Preact's React-compatible runtime: the same components
 * as popup and dashboard, but ~10 KB instead of React's ~60 KB gzip and far less start-up script
 * time on every page of the five sites (see bench/results.md). Popup and dashboard keep React 19.
 *
 * Vite aliases, shared by the build (wxt.config.ts, the content script's entrypoints only) and the
 * tests (vitest.config.ts, the 'preact' project: the badge's component tests run under what ships).
 * Build-time data: nothing imports this at run time.
 */
export const PREACT_FOR_CONTENT_SCRIPT: readonly { find: RegExp; replacement: string }[] = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];
