// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    // The adapters return note codes ({ key: 'siteFollowersRounded' }); badge, popup and diagnostics
    // make the words (lib/i18n noteText), so lib/sites runs without browser.i18n (issue 14).
    files: ['lib/sites/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/i18n', '@/lib/i18n'],
              allowTypeImports: true,
              message: 'lib/sites returns note codes ({ key, args }), never words: import types only from lib/i18n.',
            },
          ],
        },
      ],
    },
  },
);
