import { browser } from 'wxt/browser';
// Type only: the English file names every key, and nothing of it lands in a bundle.
import type englishMessages from '../public/_locales/en/messages.json';

/** Every message name of public/_locales/en/messages.json, the default locale. */
export type MessageKey = keyof typeof englishMessages;

/** Keys that come as `<base>_one` and `<base>_other`: pass the base to `plural`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

type Substitution = string | number;

let language: string | undefined;
let pluralRules: Intl.PluralRules | undefined;
let listFormats: Partial<Record<'conjunction' | 'disjunction', Intl.ListFormat>> = {};
/**
 * Messages already looked up, by key and substitutions: a page's messages never change while it
 * is open, and each `getMessage` call crosses the extension bindings (argument checks, the
 * polyfill's proxy), which the badge's re-renders would otherwise repeat for every string.
 */
const messages = new Map<string, string>();
/** Bounds the cache where many different substitutions come by (the dashboard's rows). */
const MESSAGE_CACHE_LIMIT = 500;

/**
 * The language for Intl (numbers, dates, plurals, lists): the browser's UI language ("de-CH",
 * "pt-BR") when the messages shown are in that language, else the messages' own ("en" on a Polish
 * browser, as MicroScope has no Polish text): numbers never speak another language than the words
 * around them. Read once, on first use: nothing here runs when a module is loaded (the content script
 * is evaluated on every page). Outside an extension (a bench harness page) it is "en".
 */
export function uiLanguage(): string {
  if (language !== undefined) return language;
  let browserLanguage = '';
  try {
    browserLanguage = browser.i18n.getUILanguage();
  } catch {
    // No browser.i18n here.
  }
  const messagesLanguage = t('intlLocale');
  const base = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  if (messagesLanguage === 'intlLocale') language = browserLanguage || 'en';
  else language = browserLanguage && base(browserLanguage) === base(messagesLanguage) ? browserLanguage : messagesLanguage;
  return language;
}

/**
 * Forgets the language and what was made for it; tests call it after switching locale. lib/format.ts
 * notices the new language on its next call.
 */
export function resetLanguage(): void {
  language = undefined;
  pluralRules = undefined;
  listFormats = {};
  messages.clear();
}

/**
 * The message in the UI language, with `$1`… filled by `substitutions` (Chrome's getMessage rules:
 * a key missing in the UI language falls back to the default locale, English).
 * Where there is no extension i18n at all (a harness page, a test without messages) it returns the
 * key and the substitutions, so a missing text is visible instead of blank.
 * @example t('badgeSaved') // "Saved to shortlist ✓"
 */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const strings = substitutions.map(String);
  // Joined with U+0000, which no substitution holds: page text cannot (the HTML parser replaces it).
  const cacheKey = strings.length === 0 ? key : `${key}\u0000${strings.join('\u0000')}`;
  const cached = messages.get(cacheKey);
  if (cached !== undefined) return cached;
  let text = '';
  try {
    // WXT types getMessage with one overload per key; a union of keys needs the plain signature.
    const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
    text = getMessage.call(browser.i18n, key, strings);
  } catch {
    // No browser.i18n here (a page without extension APIs, a fake browser without messages).
  }
  // Only what the API answered is kept: without messages the next call asks again.
  if (text === '') return substitutions.length > 0 ? `${key}(${substitutions.join(', ')})` : key;
  if (messages.size >= MESSAGE_CACHE_LIMIT) messages.clear();
  messages.set(cacheKey, text);
  return text;
}

/**
 * The form of a message for `count` in the UI language: `<key>_one` or `<key>_other` chosen by
 * Intl.PluralRules (Portuguese uses "one" for 0 too). Categories the messages don't carry (Spanish
 * "many" for millions) use `_other`. `count` is also the first substitution, as the caller formats it.
 * @example plural('postCount', 1, '1') // "1 post"
 */
export function plural(key: PluralKey, count: number, ...substitutions: Substitution[]): string {
  pluralRules ??= new Intl.PluralRules(uiLanguage());
  const form = pluralRules.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, ...substitutions);
}

/** "a, b and c" ("a, b y c", "a, b und c"), or with 'disjunction' "a or b", in the UI language. */
export function listInWords(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const format = (listFormats[type] ??= new Intl.ListFormat(uiLanguage(), { type }));
  return format.format(items);
}
