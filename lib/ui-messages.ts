import { browser } from 'wxt/browser';
import { isChromeMessages, type ChromeMessages } from './chrome-messages';
import { pickedLocale, pickMessages, templatesFromMessages } from './i18n';
import { isRecord } from './is-record';
import type { Message } from './messages';
import { UI_MESSAGES_KEY } from './storage-keys';
import { isShippedLocale, localeTag, type LanguageSetting, type ShippedLocale } from './ui-locales';

/*
 * A language picked in the settings (Settings.language), for every context. chrome.i18n.getMessage
 * follows the browser and cannot switch, so the picked locale's messages.json is read as a file
 * and its messages filled by getMessage's rules (lib/chrome-messages.ts, English per missing key):
 *
 * - extension pages (popup, dashboard) fetch the file themselves (applyLanguage) before their
 *   first render, and again when the setting changes;
 * - the content script may not: it could only fetch a web-accessible file, and then any page could
 *   tell that MicroScope is installed. The background keeps the picked language's templates in
 *   storage.local (storeUiMessages: on start, on an update, whenever the setting changes, here or
 *   synced), and the content script reads them in one storage read (readUiMessages), asking the
 *   background only when they are missing or of another build.
 *
 *   storage.local 'microscope:ui-messages'  { locale, build, templates }
 *
 * With 'browser' (the default) none of this runs: getMessage answers, as before.
 */

declare global {
  /** A fingerprint of public/_locales, defined by wxt.config.ts at build time. */
  const __MICROSCOPE_MESSAGES__: string | undefined;
}

/** The fingerprint of this build's messages ("unbuilt" in tests). */
export function messagesBuild(): string {
  return typeof __MICROSCOPE_MESSAGES__ === 'string' ? __MICROSCOPE_MESSAGES__ : 'unbuilt';
}

/** What the background stores for the content script: a locale's templates (i18n.ts templatesFromMessages). */
export interface UiMessagesRecord {
  locale: ShippedLocale;
  /** messagesBuild() of the build that made it: another build's messages are made again. */
  build: string;
  templates: Record<string, string>;
}

/** Whether `value` (from storage or a message: not trusted) is a record for `locale` of this build; its templates are checked one by one where used. */
export function isUiMessagesRecord(value: unknown, locale: ShippedLocale): value is UiMessagesRecord {
  return isRecord(value) && value.locale === locale && value.build === messagesBuild() && isRecord(value.templates);
}

async function fetchMessages(locale: ShippedLocale): Promise<ChromeMessages> {
  // WXT types getURL with the files of public/; _locales is not among them.
  const url = (browser.runtime.getURL as (path: string) => string)(`/_locales/${locale}/messages.json`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const messages: unknown = await response.json();
  if (!isChromeMessages(messages)) throw new Error(`${url}: not a messages.json`);
  return messages;
}

/**
 * `locale`'s messages as templates, English's where it has none, read from the extension's files:
 * in an extension page or the background only (the content script cannot fetch them).
 */
export async function fetchTemplates(locale: ShippedLocale): Promise<Record<string, string>> {
  const [messages, english] = await Promise.all([fetchMessages(locale), locale === 'en' ? undefined : fetchMessages('en')]);
  return templatesFromMessages(messages, english ?? messages);
}

/** Shows `locale`'s templates from now on (lib/i18n.ts pickMessages). */
export function showLocale(locale: ShippedLocale, templates: Readonly<Record<string, unknown>>): void {
  pickMessages({ locale, tag: localeTag(locale), templates });
}

/** The language an extension page was last asked to show (applyLanguage). */
let requested: LanguageSetting | undefined;

/**
 * For extension pages: shows the messages `language` asks for. Undefined when they are shown
 * already (nothing to wait for: with 'browser' nothing is read); else a promise that resolves true
 * once they are shown, false when the file could not be read (the messages shown stay).
 */
export function applyLanguage(language: LanguageSetting, load: (locale: ShippedLocale) => Promise<Record<string, string>> = fetchTemplates): Promise<boolean> | undefined {
  requested = language;
  const shown = pickedLocale();
  if (language === 'browser') {
    if (shown === undefined) return undefined;
    pickMessages(undefined);
    return Promise.resolve(true);
  }
  if (shown === language) return undefined;
  return load(language).then(
    (templates) => {
      // Picked again meanwhile (Spanish, then German at once): the last pick wins, whichever file came first.
      if (requested !== language) return false;
      showLocale(language, templates);
      return true;
    },
    (error: unknown) => {
      console.warn('[MicroScope] could not read the messages of', language, error);
      return false;
    },
  );
}

/** One write per locale at a time: the setting's change and a content script's question may come together. */
const writing = new Map<ShippedLocale, Promise<UiMessagesRecord>>();

/**
 * For the background: makes storage.local hold the templates of the picked `language` for this
 * build (read, and made only when missing or stale), or nothing for 'browser'. Resolves with the
 * record (undefined for 'browser'); rejects when the files or storage fail.
 */
export async function storeUiMessages(language: LanguageSetting, load = fetchTemplates): Promise<UiMessagesRecord | undefined> {
  const stored: unknown = (await browser.storage.local.get(UI_MESSAGES_KEY))[UI_MESSAGES_KEY];
  if (language === 'browser') {
    // Only when there is one: every change of any setting comes here.
    if (stored !== undefined) await browser.storage.local.remove(UI_MESSAGES_KEY);
    return undefined;
  }
  if (isUiMessagesRecord(stored, language)) return stored;
  let write = writing.get(language);
  if (!write) {
    write = (async () => {
      const record: UiMessagesRecord = { locale: language, build: messagesBuild(), templates: await load(language) };
      await browser.storage.local.set({ [UI_MESSAGES_KEY]: record });
      return record;
    })().finally(() => writing.delete(language));
    writing.set(language, write);
  }
  return write;
}

/**
 * For the content script: the picked `locale`'s templates as the background stored them, read in
 * one storage read with `alsoKey` (the locale cache, whose record for a picked language is keyed by
 * it); asked of the background only when storage has none of this build. `templates` is undefined
 * when neither answered (the browser's language stays). Never rejects.
 */
export async function readUiMessages(locale: ShippedLocale, alsoKey: string): Promise<{ templates?: Record<string, unknown>; also?: unknown }> {
  try {
    const stored = await browser.storage.local.get([UI_MESSAGES_KEY, alsoKey]);
    let record: unknown = stored[UI_MESSAGES_KEY];
    if (!isUiMessagesRecord(record, locale)) {
      const question: Message = { type: 'microscope:ui-messages', locale };
      record = await browser.runtime.sendMessage(question);
    }
    return { ...(isUiMessagesRecord(record, locale) && { templates: record.templates }), also: stored[alsoKey] };
  } catch (error) {
    console.debug('[MicroScope] messages of the picked language not read', error);
    return {};
  }
}

/** The background's answer to a content script's 'microscope:ui-messages' question (any locale it names is checked). */
export function answerUiMessages(locale: unknown): Promise<UiMessagesRecord | undefined> {
  return isShippedLocale(locale) ? storeUiMessages(locale) : Promise.resolve(undefined);
}
