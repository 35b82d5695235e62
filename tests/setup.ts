import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { useLocale } from './i18n-fake';

// Vitest runs without globals, so Testing Library cannot unmount by itself between tests.
afterEach(cleanup);

// The fake browser has no i18n: answer with public/_locales like Chrome with an English UI.
beforeEach(() => useLocale('en'));
