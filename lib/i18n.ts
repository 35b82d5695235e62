import { browser } from 'wxt/browser';
// Type only: the English file names every key, and nothing of it lands in a bundle.
import type englishMessages from '../public/_locales/en/messages.json';
import { messageTemplates, type ChromeMessages } from './chrome-messages';
import { numberSource } from './number-source';

/** Every message name of public/_locales/en/messages.json, the default locale. */
export type MessageKey = keyof typeof englishMessages;

/** Keys that come as `<base>_one` and `<base>_other`: pass the base to `plural`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

type Substitution = string | number;

let language: string | undefined;
/**
 * A language picked in the settings (lib/ui-messages.ts): its messages as templates, read from its
 * messages.json with English per missing key, instead of getMessage's (which follows the browser).
 */
let picked: { locale: string; tag: string; templates: Readonly<Record<string, unknown>> } | undefined;
let pluralRules: Intl.PluralRules | undefined;
let listFormats: Partial<Record<'conjunction' | 'disjunction', Intl.ListFormat>> = {};
/**
 * Each message as a template: getMessage's answer for the key with a marker (U+E000 + n, private
 * use, in no message) as the n-th substitution. Asked once per key and filled in here, so every
 * substitution costs a string replace, not a trip through the extension bindings; the templates of
 * a content script go to storage.local (lib/warm-start/locale-cache.ts), as the renderer's first getMessage
 * costs 10-15 ms (it fetches the whole message bundle).
 */
const templates = new Map<string, string>();
/** listInWords' answers; bounded: the dashboard lists many different things. */
const lists = new Map<string, string>();
const LIST_LIMIT = 100;
const MARKER_BASE = 0xe000;
/** getMessage takes up to nine substitutions ($1…$9). */
const MARKERS = Array.from({ length: 9 }, (_, at) => String.fromCharCode(MARKER_BASE + at));
const MARKER = /[\ue000-\ue008]/g;

/**
 * The language for Intl (numbers, dates, plurals, lists): the browser's UI language ("de-CH",
 * "pt-BR") when the messages shown are in that language, else the messages' own ("en" on a Swedish
 * browser, as MicroScope has no Swedish text): numbers never speak another language than the words
 * around them. With a language picked in the settings, that language's tag ("de"; the browser's
 * "de-CH" where the browser speaks the same language and the pick names no region). Read once, on
 * first use: nothing here runs when a module is loaded (the content script is evaluated on every
 * page). Outside an extension (a bench harness page) it is "en".
 */
export function uiLanguage(): string {
  if (language !== undefined) return language;
  let browserLanguage = '';
  try {
    browserLanguage = browser.i18n.getUILanguage();
  } catch {
    // No browser.i18n here.
  }
  const messagesLanguage = picked?.tag ?? t('intlLocale');
  const base = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  if (messagesLanguage === 'intlLocale') language = browserLanguage || 'en';
  else if (picked && messagesLanguage.includes('-')) language = messagesLanguage;
  else language = browserLanguage && base(browserLanguage) === base(messagesLanguage) ? browserLanguage : messagesLanguage;
  return language;
}

/**
 * The messages of a language picked in the settings from now on: `locale` ("pt_BR"), its BCP 47
 * `tag` and its templates (templatesFromMessages); undefined: getMessage's again, which follow the
 * browser. Forgets everything made for the language before (resetLanguage).
 */
export function pickMessages(choice: { locale: string; tag: string; templates: Readonly<Record<string, unknown>> } | undefined): void {
  resetLanguage();
  picked = choice && { ...choice };
}

/** The locale picked in the settings whose messages are shown, or undefined: the browser's. */
export function pickedLocale(): string | undefined {
  return picked?.locale;
}

/**
 * What pickMessages takes: every message of a messages.json as a template, English's where the
 * locale has none, filled by getMessage's rules (lib/chrome-messages.ts).
 */
export function templatesFromMessages(messages: ChromeMessages, english: ChromeMessages): Record<string, string> {
  return messageTemplates(messages, english, MARKERS);
}

/** The language of getMessage's messages (the browser's choice), whatever is picked: its `intlLocale`. */
export function browserMessagesLanguage(): string {
  try {
    const getMessage = browser.i18n.getMessage as (name: string) => string;
    return getMessage.call(browser.i18n, 'intlLocale') || 'en';
  } catch {
    return 'en';
  }
}

/**
 * Forgets the language (a picked one too) and what was made for it; tests call it after switching locale. lib/format.ts
 * notices the new language on its next call.
 */
export function resetLanguage(): void {
  language = undefined;
  picked = undefined;
  pluralRules = undefined;
  extraForms = undefined;
  listFormats = {};
  templates.clear();
  lists.clear();
}

/**
 * The message in the UI language, with `$1`… filled by `substitutions` (Chrome's getMessage rules:
 * a key missing in the UI language falls back to the default locale, English).
 * Where there is no extension i18n at all (a harness page, a test without messages) it returns the
 * key and the substitutions, so a missing text is visible instead of blank.
 * @example t('badgeSaved') // "Saved to shortlist ✓"
 */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const text = template(key);
  if (text === undefined) return substitutions.length > 0 ? `${key}(${substitutions.join(', ')})` : key;
  // Chrome's rule: a $n without its substitution is empty.
  return text.replace(MARKER, (marker) => String(substitutions[marker.charCodeAt(0) - MARKER_BASE] ?? ''));
}

/**
 * A message as a code: its key and substitutions, the words made where it is shown. What lib/
 * returns for the user to read (the adapters' notes), so lib/ runs without browser.i18n.
 * @example { key: 'siteLikesHiddenSome', args: [3, 12] } // "Likes are hidden on 3 of 12 recent posts: …"
 */
export interface NoteCode {
  key: MessageKey;
  args?: readonly Substitution[];
}

/**
 * How the UI writes a number argument of a MessageCode, in the UI language: 'integer' grouped
 * ("1,500"), 'followers' as tier and band labels do ("10K"), 'plain'/'plainPercent' as a source
 * writes it ("3.38", "4.42%"), 'typed' with every decimal as typed ("1,500.5"), 'bytes' in MB.
 */
export type NumberStyle = 'integer' | 'followers' | 'plain' | 'plainPercent' | 'typed' | 'bytes';

/** One argument of a MessageCode: as is, a number the UI formats, a nested message, a plural noun, or a list. */
export type MessageArg =
  | Substitution
  | { number: number; as: NumberStyle }
  | MessageCode
  | { plural: PluralKey; count: number; args?: readonly MessageArg[] }
  | { list: readonly MessageArg[]; type: 'conjunction' | 'disjunction' };

/**
 * What lib/ tells the user, as a code: a message key and its arguments, with numbers and nouns
 * left to the UI. The metrics, settings and shortlist return these (a NoteCode is one too); the
 * words are made at the UI edge (components/words/message.ts `say`), so lib/ runs without
 * browser.i18n (issue 14).
 * @example { key: 'benchmarkBelowFirstBand', args: [{ number: 1000, as: 'integer' }, { number: 12, as: 'integer' }] }
 */
export interface MessageCode {
  key: MessageKey;
  args?: readonly MessageArg[];
}

/** A note's words in the UI language: what badge, popup and diagnostics show. */
export function noteText(note: NoteCode): string {
  return t(note.key, ...(note.args ?? []));
}

function template(key: string): string | undefined {
  let text = templates.get(key);
  if (text !== undefined) return text;
  if (picked) {
    // Never getMessage: it would answer in the browser's language. English is in the templates already.
    const found = Object.hasOwn(picked.templates, key) ? picked.templates[key] : undefined;
    return typeof found === 'string' && found !== '' && found.length <= MAX_TEMPLATE ? found : undefined;
  }
  try {
    // WXT types getMessage with one overload per key; a union of keys needs the plain signature.
    const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
    text = getMessage.call(browser.i18n, key, MARKERS);
  } catch {
    // No browser.i18n here (a page without extension APIs, a fake browser without messages).
  }
  // Only what the API answered is kept: without messages the next call asks again.
  if (!text) return undefined;
  templates.set(key, text);
  learnedListener?.();
  return text;
}

let learnedListener: (() => void) | undefined;

/** Calls `listener` whenever a template is learned from getMessage (one listener; undefined: none). */
export function onTemplateLearned(listener: (() => void) | undefined): void {
  learnedListener = listener;
}

/** Every message template asked for so far, by key: what lib/warm-start/locale-cache.ts stores. */
export function learnedTemplates(): Record<string, string> {
  return Object.fromEntries(templates);
}

/**
 * Takes templates stored by an earlier page of the same extension build and UI language
 * (lib/warm-start/locale-cache.ts checks that): those keys then need no getMessage. Known keys stay.
 */
export function seedTemplates(stored: Record<string, unknown>): void {
  for (const [key, text] of Object.entries(stored)) {
    if (typeof text === 'string' && text !== '' && text.length <= MAX_TEMPLATE && !templates.has(key)) templates.set(key, text);
  }
}
/** Far longer than any message in public/_locales (the longest is ~330 characters). */
const MAX_TEMPLATE = 4000;

/** Whether the UI language's messages carry plural forms beyond `_one`/`_other` (the `pluralForms` message). */
let extraForms: boolean | undefined;

/**
 * Whether the messages come in forms beyond one and other ("one few many other" in Polish): read
 * from their `pluralForms` message, one template that the locale cache keeps like any other, so
 * the badge's plural choices need no Intl where the messages have two forms only.
 */
function hasExtraForms(): boolean {
  if (extraForms === undefined) {
    const forms = template('pluralForms');
    // Nothing to read (no extension i18n): not remembered, asked again next time.
    if (forms === undefined) return false;
    extraForms = forms.split(/\s+/).some((form) => form !== '' && form !== 'one' && form !== 'other');
  }
  return extraForms;
}

/**
 * The form of a message for `count` in the UI language: `<key>_<category>` with the category
 * Intl.PluralRules selects by CLDR (Portuguese "one" for 0 too; Polish "few" for 3 and 22, "many"
 * for 5), where the messages carry that form; else `<key>_other` (Spanish "many" for millions, or a
 * Polish `_few` missing in a file: English has none, so it never shows a key). `count` is also the
 * first substitution, as the caller formats it.
 * @example plural('postCount', 1, '1') // "1 post"
 */
export function plural(key: PluralKey, count: number, ...substitutions: Substitution[]): string {
  const language = uiLanguage();
  // Asked first, whatever the count: the template is then learned (and kept by the locale cache)
  // on the page that first chose a form, and no later page needs getMessage for it.
  const extra = hasExtraForms();
  // From the number port when it answers (no Intl on the badge's path): 'one' or not is all a
  // choice needs where the messages have two forms; where they have more (Polish few and many),
  // the port's category; else Intl.
  const source = numberSource();
  const one = source?.isOne(language, count);
  let form: string;
  if (one === true) form = 'one';
  else if (one === false && !extra) form = 'other';
  else {
    const category = source?.plural(language, count);
    if (category !== undefined) form = category;
    else {
      pluralRules ??= new Intl.PluralRules(language);
      form = pluralRules.select(count);
    }
  }
  if (form !== 'one' && form !== 'other' && (!extra || template(`${key}_${form}`) === undefined)) form = 'other';
  return t(`${key}_${form}` as MessageKey, ...substitutions);
}

/** "a, b and c" ("a, b y c", "a, b und c"), or with 'disjunction' "a or b", in the UI language. */
export function listInWords(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  // Remembered, and kept by lib/warm-start/locale-cache.ts: the badge's "Micro or Mid-tier" needs no Intl on
  // the next page (the lists it shows are few: neighbouring tier names).
  const key = `${type}\u0000${items.join('\u0000')}`;
  let text = lists.get(key);
  if (text === undefined) {
    const format = (listFormats[type] ??= new Intl.ListFormat(uiLanguage(), { type }));
    text = format.format(items);
    if (lists.size >= LIST_LIMIT) lists.clear();
    lists.set(key, text);
  }
  return text;
}

/** Lists written so far, by type and items: what lib/warm-start/locale-cache.ts stores. */
export function learnedLists(): Record<string, string> {
  return Object.fromEntries(lists);
}

/** Takes lists stored by an earlier page of the same browser and UI language. Known ones stay. */
export function seedLists(stored: Record<string, unknown>): void {
  for (const [key, text] of Object.entries(stored)) {
    if (lists.size >= LIST_LIMIT) return;
    if (typeof text === 'string' && text.length <= MAX_TEMPLATE && key.length <= MAX_TEMPLATE && !lists.has(key)) lists.set(key, text);
  }
}
