// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The core (lib/, components/) never imports the start-up optimisations' folder. */
const WARM_START = {
  group: ['**/warm-start', '**/warm-start/**', '@/lib/warm-start', '@/lib/warm-start/**'],
  message: 'lib/warm-start sits on top of the core: plug it in at an entry point through the core\'s ports (lib/warm-start/README.md).',
};

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'debug', 'info'] }],
    },
  },
  {
    // The start-up optimisations sit on top of the core (lib/warm-start/README.md): the core
    // exposes ports (lib/number-source.ts, count.ts's and i18n.ts's learned/seed functions,
    // settings-storage's takeSettingsFrom) and never imports them. Only entry points plug them in.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['lib/warm-start/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [WARM_START] }],
    },
  },
  {
    // lib/ returns codes ({ key: 'siteFollowersRounded' }, { key: 'benchmarkNoRate' }); badge, popup,
    // dashboard and diagnostics make the words (components/words/message.ts say, lib/i18n noteText),
    // so the sites, the metrics, the settings and the shortlist run without browser.i18n (issue 14).
    files: [
      'lib/sites/**/*.ts',
      'lib/signals/**/*.ts',
      'lib/shortlist/**/*.ts',
      'lib/engagement.ts',
      'lib/benchmarks.ts',
      'lib/tiers.ts',
      'lib/settings.ts',
      'lib/verdict.ts',
      'lib/count.ts',
      'lib/csv.ts',
      'lib/message-code.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            WARM_START,
            {
              group: ['**/i18n', '@/lib/i18n'],
              allowTypeImports: true,
              message: 'This module returns codes ({ key, args }), never words: import types only from lib/i18n (words are made in components/words/).',
            },
          ],
        },
      ],
    },
  },
);
