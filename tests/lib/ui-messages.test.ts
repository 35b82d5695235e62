import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { switchLanguage } from '@/entrypoints/content-main/language';
import { isChromeMessages, messageTemplates } from '@/lib/chrome-messages';
import { formatDate, formatInteger, formatPercent } from '@/lib/format';
import { browserMessagesLanguage, pickedLocale, plural, t, templatesFromMessages, uiLanguage } from '@/lib/i18n';
import { LOCALE_CACHE_KEY, UI_MESSAGES_KEY } from '@/lib/storage-keys';
import { isShippedLocale, localeTag, SHIPPED_LOCALES, type ShippedLocale } from '@/lib/ui-locales';
import { answerUiMessages, applyLanguage, fetchTemplates, readUiMessages, showLocale, storeUiMessages } from '@/lib/ui-messages';
import { currentLocaleCacheId, localeCacheId, resetLocaleCacheState } from '@/lib/warm-start/locale-cache';
import { readMessages, useLocale as switchLocale, type ChromeMessages } from '../i18n-fake';

const templatesOf = (locale: ShippedLocale) => templatesFromMessages(readMessages(locale), readMessages('en'));

/** fetch() as the extension's own files answer it; returns the URLs asked for. */
function stubFetch(): string[] {
  const fetched: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    fetched.push(url);
    const locale = /_locales\/(\w+)\/messages\.json$/.exec(url)![1]!;
    return Promise.resolve(new Response(readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'))));
  });
  return fetched;
}

afterEach(() => {
  vi.unstubAllGlobals();
  fakeBrowser.reset();
  resetLocaleCacheState();
});

describe('lib/ui-locales', () => {
  it.each(SHIPPED_LOCALES)('%s is a directory of public/_locales whose intlLocale is its tag', (locale) => {
    const file = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8')) as ChromeMessages;
    expect(file.intlLocale?.message).toBe(localeTag(locale));
    expect(isShippedLocale(locale)).toBe(true);
  });

  it.each(['browser', 'pt-BR', 'PT_BR', 'xx', '', 'constructor', 3, null])('%s is no shipped locale', (value) => {
    expect(isShippedLocale(value)).toBe(false);
  });
});

describe('messages of a picked language (getMessage rules, English per missing key)', () => {
  const english: ChromeMessages = {
    greeting: { message: 'Hello $NAME$, $COUNT$ new', placeholders: { name: { content: '$1' }, count: { content: '$2' } } },
    price: { message: 'Costs $$$AMOUNT$', placeholders: { amount: { content: '$1' } } },
    onlyEnglish: { message: 'Only in English' },
  };
  const german: ChromeMessages = {
    // Placeholder names are case-insensitive, as in Chrome.
    greeting: { message: 'Hallo $name$, $Count$ neu', placeholders: { NAME: { content: '$1' }, count: { content: '$2' } } },
    price: { message: 'Kostet $AMOUNT$ $$', placeholders: { amount: { content: '$1' } } },
  };

  it('fills named placeholders from their $n content, $$ as a dollar, and missing substitutions empty', () => {
    const templates = messageTemplates(german, english, ['<1>', '<2>']);
    expect(templates).toEqual({ greeting: 'Hallo <1>, <2> neu', price: 'Kostet <1> $', onlyEnglish: 'Only in English' });
  });

  it('gives t() the picked messages with their substitutions, English where the locale has no key', () => {
    showLocale('de', templatesOf('de'));
    expect(t('badgeDetailsLabel', 'maya.travels')).toBe('MicroScope-Details zu @maya.travels');
    expect(pickedLocale()).toBe('de');
    // The browser's getMessage (English here) is not asked.
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    expect(t('labelTier')).toBe('Stufe');
    expect(plural('postCount', 2, '2')).toBe('2 Beiträge');
    expect(getMessage).not.toHaveBeenCalled();
  });

  it('takes English for a key the picked file lacks', () => {
    const { labelTier: _dropped, ...withoutTier } = readMessages('de');
    showLocale('de', templatesFromMessages(withoutTier, readMessages('en')));
    expect(t('labelTier')).toBe(readMessages('en').labelTier!.message);
    expect(t('openDashboard')).toBe('Dashboard öffnen');
  });

  it('shows the key, never a blank, for a template that is missing or not text', () => {
    showLocale('es', { labelTier: 42, close: '' });
    expect(t('labelTier')).toBe('labelTier');
    expect(t('close')).toBe('close');
  });

  it('matches the fake getMessage on every message of every shipped locale', () => {
    const markers = ['\ue000', '\ue001', '\ue002'];
    for (const locale of SHIPPED_LOCALES) {
      switchLocale(locale);
      const templates = messageTemplates(readMessages(locale), readMessages('en'), markers);
      for (const key of Object.keys(readMessages('en'))) {
        expect(templates[key], `${locale} ${key}`).toBe(fakeBrowser.i18n.getMessage(key as 'close', markers));
      }
    }
  });

  it.each([
    // The picked language's tag: numbers, dates and plurals speak it, not the browser's.
    ['de', 'en-US', 'de'],
    // The browser's regional variant of the same language keeps its formats...
    ['de', 'de-CH', 'de-CH'],
    // ...unless the pick names its own region.
    ['pt_BR', 'pt-PT', 'pt-BR'],
    ['en', 'de', 'en'],
  ] as const)('picked %s in a browser in %s → Intl in %s', (locale, browserLanguage, expected) => {
    switchLocale('en', browserLanguage);
    showLocale(locale, templatesOf(locale));
    expect(uiLanguage()).toBe(expected);
  });

  it('writes numbers, percentages, dates and plurals in the picked language', () => {
    switchLocale('en', 'en-US');
    showLocale('de', templatesOf('de'));
    expect(formatInteger(12_345)).toBe('12.345');
    expect(formatPercent(3.42)).toBe('3,42\u00a0%');
    expect(formatDate('2026-03-14T09:00:00Z')).toBe('14.03.2026');
    expect(plural('postCount', 24, formatInteger(24))).toBe('24 Beiträge');
    showLocale('es', templatesOf('es'));
    expect(formatPercent(3.42)).toBe('3,42\u00a0%');
    expect(plural('postCount', 1, '1')).toBe('1 publicación');
  });

  it('names the browser\'s messages language whatever is picked', () => {
    switchLocale('pt_BR');
    showLocale('de', templatesOf('de'));
    expect(browserMessagesLanguage()).toBe('pt-BR');
  });

  it('refuses a file that is not a messages.json', () => {
    expect(isChromeMessages(readMessages('de'))).toBe(true);
    expect(isChromeMessages({ key: { message: 3 } })).toBe(false);
    expect(isChromeMessages({ key: { message: 'x', placeholders: { a: {} } } })).toBe(false);
    expect(isChromeMessages([])).toBe(false);
  });
});

describe('extension pages: applyLanguage', () => {
  it('reads nothing for the browser\'s language and switches back to it', async () => {
    const load = vi.fn((locale: ShippedLocale) => Promise.resolve(templatesOf(locale)));
    expect(applyLanguage('browser', load)).toBeUndefined();
    expect(await applyLanguage('es', load)).toBe(true);
    expect(t('labelTier')).toBe(readMessages('es').labelTier!.message);
    // Shown already: nothing to wait for.
    expect(applyLanguage('es', load)).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
    expect(await applyLanguage('browser', load)).toBe(true);
    expect(pickedLocale()).toBeUndefined();
    expect(t('labelTier')).toBe('Tier');
  });

  it('keeps the messages shown when the file cannot be read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await applyLanguage('de', () => Promise.reject(new Error('404')))).toBe(false);
    expect(pickedLocale()).toBeUndefined();
    expect(t('labelTier')).toBe('Tier');
  });

  it('fetches the locale\'s file and English from the extension', async () => {
    const fetched = stubFetch();
    try {
      expect(await fetchTemplates('pt_BR')).toEqual(templatesOf('pt_BR'));
      expect(fetched.map((url) => new URL(url).pathname).sort()).toEqual(['/_locales/en/messages.json', '/_locales/pt_BR/messages.json']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the content script: messages the background stored', () => {
  const load = (locale: ShippedLocale) => Promise.resolve(templatesOf(locale));

  it('stores a locale once per build and removes it for the browser\'s language', async () => {
    const loader = vi.fn(load);
    const record = await storeUiMessages('de', loader);
    expect(record).toMatchObject({ locale: 'de', build: 'unbuilt' });
    expect((await fakeBrowser.storage.local.get(UI_MESSAGES_KEY))[UI_MESSAGES_KEY]).toEqual(record);
    await storeUiMessages('de', loader);
    expect(loader).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ [UI_MESSAGES_KEY]: { ...record, build: 'another build' } });
    await storeUiMessages('de', loader);
    expect(loader).toHaveBeenCalledTimes(2);
    await storeUiMessages('browser', loader);
    expect(await fakeBrowser.storage.local.get(UI_MESSAGES_KEY)).toEqual({});
    // Nothing stored: nothing written either (every change of a setting comes through here).
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove');
    await storeUiMessages('browser', loader);
    expect(remove).not.toHaveBeenCalled();
  });

  it('reads them with the locale cache in one read, and asks the background only when they are missing', async () => {
    await storeUiMessages('es', load);
    await fakeBrowser.storage.local.set({ [LOCALE_CACHE_KEY]: { id: 'x' } });
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const read = await readUiMessages('es', LOCALE_CACHE_KEY);
    expect(read.templates).toEqual(templatesOf('es'));
    expect(read.also).toEqual({ id: 'x' });
    expect(sendMessage).not.toHaveBeenCalled();

    // Another locale than the one stored: the background makes it (the fake runs its answer here).
    stubFetch();
    fakeBrowser.runtime.onMessage.addListener(((message: { locale: unknown }) => answerUiMessages(message.locale)) as never);
    const german = await readUiMessages('de', LOCALE_CACHE_KEY);
    vi.unstubAllGlobals();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'microscope:ui-messages', locale: 'de' });
    expect(german.templates?.labelTier).toBe('Stufe');
  });

  it('switches the content script to the stored language, keyed apart in the locale cache', async () => {
    switchLocale('en', 'en-US');
    const browserId = currentLocaleCacheId();
    expect(browserId).toBe(localeCacheId(navigator.userAgent, 'en-US'));
    await storeUiMessages('de', load);
    await switchLanguage('de');
    expect(t('labelTier')).toBe('Stufe');
    expect(uiLanguage()).toBe('de');
    expect(currentLocaleCacheId()).not.toBe(browserId);
    await switchLanguage('browser');
    expect(t('labelTier')).toBe('Tier');
    expect(currentLocaleCacheId()).toBe(browserId);
  });

  it('stays in the browser\'s language when no messages can be had', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    expect(await switchLanguage('de')).toBe(false);
    expect(pickedLocale()).toBeUndefined();
    expect(t('labelTier')).toBe('Tier');
  });
});

describe('two picks in a row', () => {
  it('shows the last one picked, whichever file is read first', async () => {
    let releaseSpanish: () => void = () => undefined;
    const spanishRead = new Promise<void>((resolve) => (releaseSpanish = resolve));
    const load = async (locale: ShippedLocale) => {
      if (locale === 'es') await spanishRead;
      return templatesOf(locale);
    };
    const spanish = applyLanguage('es', load);
    const german = applyLanguage('de', load);
    expect(await german).toBe(true);
    releaseSpanish();
    expect(await spanish).toBe(false);
    expect(pickedLocale()).toBe('de');
    expect(t('labelTier')).toBe('Stufe');
  });
});
