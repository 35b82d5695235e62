import { browser } from 'wxt/browser';
import { learnedCountLocales, seedCountLocales, type CountLocaleData } from '../count';
import { learnedLists, learnedTemplates, pickedLocale, seedLists, seedTemplates } from '../i18n';
import { isRecord } from '../is-record';
import { installNumberPack, isNumberPack, learnedNumberPack, type NumberPack } from './number-pack';
import { LOCALE_CACHE_KEY } from '../storage-keys';
import { messagesBuild } from '../ui-messages';

/*
 * What the content script learned from Intl and i18n on one page, kept for the next one.
 *
 *   storage.local 'microscope:locale-cache'  { id, templates, lists, counts, numbers? }
 *
 * A renderer's first Intl call starts ICU: 30-50 ms of CPU on a page whose own scripts have not
 * used Intl yet; its first getMessage fetches the whole message bundle: 10-15 ms (bench/results.md).
 * Neither answer changes between pages of the same browser, extension build and UI language, so
 * the first profile pays them and stores the results: message templates (lib/i18n.ts), the count
 * locales it read (lib/count.ts) and how the UI language writes the badge's numbers
 * (lib/warm-start/number-pack.ts). Later profiles read them beside the settings and show the badge without a single Intl or getMessage call.
 *
 * `id` ties the record to what the answers come from: the browser's version (its ICU and CLDR
 * data, in the user agent), the messages of this build, the UI language (and the language picked
 * in the settings, if one is: entrypoints/content-main/language.ts reads the record again for it). Any other id: ignored,
 * learned again, overwritten. Every part is validated before use, as storage is never trusted.
 */


export interface LocaleCacheRecord {
  id: string;
  templates: Record<string, string>;
  /** listInWords' answers ("Micro or Mid-tier"), by type and items. */
  lists: Record<string, string>;
  counts: Record<string, CountLocaleData>;
  numbers?: NumberPack;
}

/** The id a stored record must carry to be used by this page. */
export function localeCacheId(userAgent: string, uiLanguage: string): string {
  return JSON.stringify([userAgent, messagesBuild(), uiLanguage]);
}

/**
 * The id of this page's record: for the browser's UI language, or for a language picked in the
 * settings (lib/ui-messages.ts), whose messages and formats are another language's.
 */
export function currentLocaleCacheId(): string {
  let language = '';
  try {
    language = browser.i18n.getUILanguage();
  } catch {
    // no i18n API: an id of its own
  }
  const picked = pickedLocale();
  return localeCacheId(navigator.userAgent, picked === undefined ? language : `${language} picked:${picked}`);
}

/** What was read and applied, to tell whether this page learned anything worth a write. */
let known = '';

/**
 * Takes a stored record (from storage, unchecked) if it is for `id`: its parts go to lib/i18n.ts,
 * lib/count.ts and lib/warm-start/number-pack.ts, each checked there or here. Returns whether it was used.
 */
export function applyLocaleCache(stored: unknown, id: string): boolean {
  if (!isRecord(stored) || stored.id !== id) return false;
  if (isRecord(stored.templates)) seedTemplates(stored.templates);
  if (isRecord(stored.lists)) seedLists(stored.lists);
  if (isRecord(stored.counts)) seedCountLocales(stored.counts);
  if (isNumberPack(stored.numbers)) installNumberPack(stored.numbers);
  known = fingerprint(currentRecord(id));
  return true;
}

/** Everything learned or taken so far, as it would be stored. */
export function currentRecord(id: string): LocaleCacheRecord {
  const numbers = learnedNumberPack();
  return { id, templates: learnedTemplates(), lists: learnedLists(), counts: learnedCountLocales(), ...(numbers && { numbers }) };
}

/** Grows only (bar a cache limit's clearing): a new template, list, count locale, number pack. */
function fingerprint(record: LocaleCacheRecord): string {
  const size = (part: Record<string, unknown>) => Object.keys(part).length;
  return [size(record.templates), size(record.lists), Object.keys(record.counts).join('\u0000'), record.numbers ? 1 : 0].join('|');
}

/**
 * The content script's first step on a profile: reads the stored record and applies it. Resolves whether it was used; never rejects.
 */
export async function loadLocaleCache(): Promise<boolean> {
  try {
    return applyLocaleCache(await readStored(), currentLocaleCacheId());
  } catch (error) {
    console.debug('[MicroScope] locale cache not read', error);
    return false;
  }
}

async function readStored(): Promise<unknown> {
  return (await browser.storage.local.get(LOCALE_CACHE_KEY))[LOCALE_CACHE_KEY];
}

/**
 * After a profile settled: stores what this page learned, if it learned anything since the record
 * was read or last written (a warm page writes nothing). Resolves whether it wrote; never rejects.
 */
export async function saveLocaleCache(): Promise<boolean> {
  try {
    const record = currentRecord(currentLocaleCacheId());
    const print = fingerprint(record);
    if (print === known || print === fingerprint({ id: '', templates: {}, lists: {}, counts: {} })) return false;
    known = print;
    await browser.storage.local.set({ [LOCALE_CACHE_KEY]: record });
    return true;
  } catch (error) {
    console.debug('[MicroScope] locale cache not stored', error);
    return false;
  }
}

/** Forgets what was read (tests). */
export function resetLocaleCacheState(): void {
  known = '';
}
