import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { PREACT_FOR_CONTENT_SCRIPT } from './lib/preact-for-content-script';

/**
 * What the content script renders (entrypoints/content-main/mount-badge.tsx → BadgeApp → Badge):
 * its tests run twice, under React in 'unit' and under Preact in 'preact', which is what ships.
 */
const CONTENT_SCRIPT_UI_TESTS = [
  'tests/components/Badge.test.tsx',
  'tests/components/BadgeApp.test.tsx',
  'tests/components/mount-badge.test.tsx',
  'tests/components/Signals.test.tsx',
];

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/**/*.preact.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup.ts'],
          restoreMocks: true,
        },
      },
      {
        // The badge's component tests under preact/compat, with the build's aliases
        // (wxt.config.ts). @testing-library/react is inlined so the aliases reach its imports too.
        plugins: [WxtVitest()],
        resolve: {
          alias: [
            ...PREACT_FOR_CONTENT_SCRIPT,
            // Only Testing Library imports it (its `act` when React has none): Preact's act.
            { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
            // Testing Library's ES module build: its CommonJS `main` would require() React past
            // the aliases. Inlined below, so Vite resolves its imports with the aliases above.
            { find: /^@testing-library\/react$/, replacement: '@testing-library/react/dist/@testing-library/react.esm.js' },
          ],
        },
        test: {
          name: 'preact',
          include: [...CONTENT_SCRIPT_UI_TESTS, 'tests/**/*.preact.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup.ts'],
          restoreMocks: true,
          server: { deps: { inline: ['@testing-library/react'] } },
        },
      },
      {
        // Real Chromium with the built extension. One file at a time: 2 cores, one browser each.
        resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
