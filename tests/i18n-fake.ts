import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, type ChromeMessage, type ChromeMessages } from '@/lib/chrome-messages';
import { resetLanguage } from '@/lib/i18n';
import { SHIPPED_LOCALES, type ShippedLocale } from '@/lib/ui-locales';

/** The locales shipped in public/_locales, default first (lib/ui-locales.ts, checked against the directories). */
export const LOCALES = SHIPPED_LOCALES;
export type Locale = ShippedLocale;
export type { ChromeMessage, ChromeMessages };

// Vite reads the files at transform time: the same JSON the browser gets from public/.
const FILES = import.meta.glob<ChromeMessages>('../public/_locales/*/messages.json', { eager: true, import: 'default' });

/** public/_locales/<locale>/messages.json as the browser reads it. */
export function readMessages(locale: Locale): ChromeMessages {
  const messages = FILES[`../public/_locales/${locale}/messages.json`];
  if (!messages) throw new Error(`No public/_locales/${locale}/messages.json`);
  return messages;
}

/** chrome.i18n.getMessage's rules, as lib/chrome-messages.ts implements them for a picked language. */
export { formatMessage };

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
