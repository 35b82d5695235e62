import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetLanguage } from '@/lib/i18n';

/** The locales shipped in public/_locales, default first. */
export const LOCALES = ['en', 'es', 'de', 'pt_BR'] as const;
export type Locale = (typeof LOCALES)[number];

export interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type ChromeMessages = Record<string, ChromeMessage>;

// Vite reads the files at transform time: the same JSON the browser gets from public/.
const FILES = import.meta.glob<ChromeMessages>('../public/_locales/*/messages.json', { eager: true, import: 'default' });

/** public/_locales/<locale>/messages.json as the browser reads it. */
export function readMessages(locale: Locale): ChromeMessages {
  const messages = FILES[`../public/_locales/${locale}/messages.json`];
  if (!messages) throw new Error(`No public/_locales/${locale}/messages.json`);
  return messages;
}

/**
 * chrome.i18n.getMessage's rules, for the fake browser: named placeholders ($COUNT$, case-insensitive)
 * take their `content`, `$1`…`$9` take the substitutions, `$$` is a dollar sign, and a key missing
 * in the locale falls back to the default locale (English), then to "".
 * https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 */
export function formatMessage(entry: ChromeMessage | undefined, substitutions: readonly string[]): string {
  if (!entry) return '';
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
  );
  const positional = (text: string): string =>
    text.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
  return entry.message
    .split('$$')
    .map((part) =>
      positional(
        part.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole),
      ),
    )
    .join('$');
}

/**
 * Makes the fake browser answer browser.i18n like Chrome running in `locale`, with `uiLanguage`
 * as getUILanguage's answer ("de", "pt-BR"). Every unit test starts in English (tests/setup.ts).
 */
export function useLocale(locale: Locale, uiLanguage = locale.replace('_', '-')): void {
  useMessages(readMessages(locale), uiLanguage);
}

/**
 * The same with messages made in the test (a locale not shipped yet, such as a Polish file with
 * `_few` and `_many` forms): keys they lack fall back to English, then to "", as in Chrome.
 */
export function useMessages(messages: ChromeMessages, uiLanguage: string): void {
  const fallback = readMessages('en');
  fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
    const list = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return formatMessage(messages[name] ?? fallback[name], list);
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
  resetLanguage();
}
