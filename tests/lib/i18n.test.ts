import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listInWords, plural, resetLanguage, t, uiLanguage } from '@/lib/i18n';
import { describeVerdict } from '@/components/words/tiers';
import { setNumberSource } from '@/lib/number-source';
import { deriveNumberPack, installNumberPack, packNumberSource, resetNumberPacks } from '@/lib/warm-start/number-pack';
import { formatMessage, LOCALES, readMessages, useLocale, useMessages, type ChromeMessage, type ChromeMessages, type Locale } from '../i18n-fake';

const english = readMessages('en');
const placeholdersOf = (entry: ChromeMessage) =>
  Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name, content]));
const usedPlaceholders = (entry: ChromeMessage) =>
  [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort();
/** The plural bases of en: `x` where en has `x_one` and `x_other`. */
const pluralBases = Object.keys(english)
  .filter((key) => key.endsWith('_other') && `${key.slice(0, -'_other'.length)}_one` in english)
  .map((key) => key.slice(0, -'_other'.length));
/**
 * The CLDR categories besides one and other that a whole number of 0 to 1000 takes in the locale's
 * language (Polish: few, many). Spanish, French, Italian and Portuguese "many" only begins at a
 * million, where the _other text reads as well, so it is not asked for.
 */
function extraPluralCategories(locale: Locale): string[] {
  const rules = new Intl.PluralRules(readMessages(locale).intlLocale!.message);
  const categories = new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
  return [...categories].filter((category) => category !== 'one' && category !== 'other').sort();
}
/** en's keys, and for every plural base the locale's extra categories (`postCount_few`). */
const expectedKeys = (locale: Locale) => [
  ...Object.keys(english),
  ...extraPluralCategories(locale).flatMap((category) => pluralBases.map((base) => `${base}_${category}`)),
];

/** Messages that are no text: a language tag and a list of CLDR categories. */
const TECHNICAL = new Set(['intlLocale', 'pluralForms']);

describe('public/_locales', () => {
  it('ships exactly the locales of lib/ui-locales.ts, English the default', () => {
    const shipped = readdirSync(join(process.cwd(), 'public/_locales')).sort();
    // A new public/_locales/<locale>: add it to SHIPPED_LOCALES (the language setting offers those).
    expect(shipped, 'SHIPPED_LOCALES in lib/ui-locales.ts').toEqual([...LOCALES].sort());
    expect(LOCALES[0]).toBe('en');
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the keys of en, plus the plural forms of its language', (locale) => {
    // A missing key would quietly show English; an extra one is a typo or a leftover.
    expect(Object.keys(readMessages(locale)).sort()).toEqual(expectedKeys(locale).sort());
  });

  it.each([
    ['en', []],
    ['de', []],
    ['es', []],
    ['pt_BR', []],
    ['pl', ['few', 'many']],
  ] as const)('%s needs plural forms %j besides one and other', (locale, categories) => {
    expect(extraPluralCategories(locale)).toEqual(categories);
  });

  it.each(LOCALES)('%s: pluralForms names exactly the forms each plural message comes in', (locale) => {
    // lib/i18n.ts plural reads it to know whether "not one" is enough to choose a form.
    const messages = readMessages(locale);
    const forms = messages.pluralForms!.message.split(' ').sort();
    expect(forms).toEqual(expect.arrayContaining(['one', 'other']));
    for (const key of Object.keys(english).filter((name) => name.endsWith('_other'))) {
      const base = key.slice(0, -'_other'.length);
      const present = ['zero', 'one', 'two', 'few', 'many', 'other'].filter((form) => `${base}_${form}` in messages).sort();
      expect(present, `${locale} ${base}`).toEqual(forms);
    }
  });

  it.each(LOCALES)("%s: intlLocale is the locale's own tag", (locale) => {
    expect(readMessages(locale).intlLocale!.message).toBe(locale.replace('_', '-'));
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s defines the same placeholders as en, in the same order', (locale) => {
    const messages = readMessages(locale);
    for (const [key, entry] of Object.entries(english)) {
      expect(placeholdersOf(messages[key]!), key).toEqual(placeholdersOf(entry));
    }
    // A Polish postCount_few takes what postCount_other takes.
    for (const category of extraPluralCategories(locale)) {
      for (const base of pluralBases) {
        expect(placeholdersOf(messages[`${base}_${category}`]!), `${base}_${category}`).toEqual(placeholdersOf(english[`${base}_other`]!));
      }
    }
  });

  it.each(LOCALES)('%s: every $NAME$ in a message is defined, and every defined one is used', (locale) => {
    for (const [key, entry] of Object.entries(readMessages(locale))) {
      const defined = Object.keys(entry.placeholders ?? {}).sort();
      const used = [...new Set(usedPlaceholders(entry))].sort();
      expect(defined, `${locale} ${key}: undefined placeholder`).toEqual(expect.arrayContaining(used));
      // "the latest post" needs no number; every other message shows all it is given.
      if (!key.endsWith('_one')) expect(used, `${locale} ${key}: unused placeholder`).toEqual(defined);
      // Chrome reads "$1" in a message as a substitution: only placeholders' content may use them.
      expect(entry.message, `${locale} ${key}`).not.toMatch(/\$\d/);
    }
  });

  it('names messages the way Chrome allows, and pairs every _one with an _other', () => {
    for (const key of Object.keys(english)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(key.startsWith('@@'), key).toBe(false);
      if (key.endsWith('_one')) expect(english, key).toHaveProperty(key.replace(/_one$/, '_other'));
      if (key.endsWith('_other')) expect(english, key).toHaveProperty(key.replace(/_other$/, '_one'));
    }
  });

  it('has no empty or untranslated-looking message outside the brand names', () => {
    const sameEverywhere = new Set<string>();
    for (const [key, entry] of Object.entries(english)) {
      for (const locale of LOCALES) expect(readMessages(locale)[key]!.message.trim(), `${locale} ${key}`).not.toBe('');
      if (!TECHNICAL.has(key) && LOCALES.every((locale) => readMessages(locale)[key]!.message === entry.message)) sameEverywhere.add(key);
    }
    // Only the brand: Japanese and Korean write even "Nano", "Mega" and "Benchmark" in their own script.
    expect([...sameEverywhere].sort()).toEqual(['actionTitle', 'extName'].sort());
  });

  it('keeps the manifest description within the store limit of 132 characters', () => {
    for (const locale of LOCALES) expect(readMessages(locale).extDescription!.message.length, locale).toBeLessThanOrEqual(132);
  });

  it('is valid JSON without a byte-order mark (Chrome rejects files it cannot parse)', () => {
    for (const locale of LOCALES) {
      const text = readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8');
      expect(text.charCodeAt(0), locale).not.toBe(0xfeff);
      expect(() => JSON.parse(text) as unknown, locale).not.toThrow();
    }
  });
});

describe('the fake getMessage follows Chrome', () => {
  const entry: ChromeMessage = {
    message: 'Saved $COUNT$ of $Total$ for $$5',
    placeholders: { count: { content: '$1' }, total: { content: '$2' } },
  };

  it('fills named placeholders case-insensitively from their $n content, and $$ is a dollar', () => {
    expect(formatMessage(entry, ['3', '10'])).toBe('Saved 3 of 10 for $5');
  });

  it('leaves missing substitutions empty and unknown keys blank', () => {
    expect(formatMessage(entry, ['3'])).toBe('Saved 3 of  for $5');
    expect(formatMessage(undefined, [])).toBe('');
  });
});

describe('t', () => {
  it('reads the message of the UI language with its substitutions', () => {
    expect(t('badgeDetailsLabel', 'maya.travels')).toBe('MicroScope details for @maya.travels');
    useLocale('de');
    expect(t('badgeDetailsLabel', 'maya.travels')).toBe('MicroScope-Details zu @maya.travels');
    useLocale('es');
    expect(t('removeTag', 'belleza')).toBe('Quitar etiqueta belleza');
  });

  it('shows the key, not a blank, where there is no extension i18n', () => {
    fakeBrowser.i18n.getMessage = () => {
      throw new Error('Browser.i18n.getMessage not implemented.');
    };
    expect(t('close')).toBe('close');
    expect(t('removeTag', 'beauty')).toBe('removeTag(beauty)');
    fakeBrowser.i18n.getMessage = () => '';
    expect(t('close')).toBe('close');
  });

  it('takes the language from getUILanguage once, and again after resetLanguage', () => {
    useLocale('pt_BR');
    expect(uiLanguage()).toBe('pt-BR');
    fakeBrowser.i18n.getUILanguage = () => 'pt-PT';
    expect(uiLanguage(), 'cached').toBe('pt-BR');
    resetLanguage();
    expect(uiLanguage()).toBe('pt-PT');
  });

  it.each([
    // A regional variant of the messages' language keeps its own formats (Swiss grouping).
    ['de', 'de-CH', 'de-CH'],
    // No Swedish messages: English text, so English numbers, not "12 345" among English words.
    ['en', 'sv', 'en'],
    // Debian's Chromium without locale packs: German messages under an en-US UI language.
    ['de', 'en-US', 'de'],
    ['pt_BR', 'en-US', 'pt-BR'],
    ['ja', 'ja-JP', 'ja-JP'],
    ['ko', 'en-US', 'ko'],
  ] as const)('messages in %s, browser in %s → formats for %s', (locale, browserLanguage, expected) => {
    useLocale(locale, browserLanguage);
    expect(uiLanguage()).toBe(expected);
  });

  it('falls back to English where the browser has no UI language to give', () => {
    fakeBrowser.i18n.getUILanguage = () => {
      throw new Error('not implemented');
    };
    resetLanguage();
    expect(uiLanguage()).toBe('en');
  });
});

describe('plural', () => {
  it.each([
    ['en', 1, '1 post'],
    ['en', 0, '0 posts'],
    ['en', 24, '24 posts'],
    ['de', 1, '1 Beitrag'],
    ['de', 24, '24 Beiträge'],
    ['es', 1, '1 publicación'],
    ['es', 2, '2 publicaciones'],
    // CLDR: Spanish "many" (millions) has no message of its own and takes "other".
    ['es', 1_000_000, '1000000 publicaciones'],
    // CLDR: Portuguese counts 0 and 1 as singular.
    ['pt_BR', 0, '0 publicação'],
    ['pt_BR', 1, '1 publicação'],
    ['pt_BR', 2, '2 publicações'],
    // CLDR: French counts 0 and 1 as singular too.
    ['fr', 0, '0 publication'],
    ['fr', 1, '1 publication'],
    ['fr', 2, '2 publications'],
    // Italian "post" does not change in the plural; Dutch does.
    ['it', 1, '1 post'],
    ['it', 0, '0 post'],
    ['nl', 1, '1 post'],
    ['nl', 0, '0 posts'],
    // CLDR: Japanese, Korean and Indonesian have only "other", also for 1.
    ['ja', 1, '1件の投稿'],
    ['ko', 1, '게시물 1개'],
    ['id', 1, '1 postingan'],
  ] as const)('%s, %i → %s', (locale, count, text) => {
    useLocale(locale);
    expect(plural('postCount', count, String(count))).toBe(text);
  });

  /** Polish as it will ship: `_few` and `_many` beside `_one` and `_other` (videoCount without them). */
  const count = { count: { content: '$1' } };
  const polish: ChromeMessages = {
    intlLocale: { message: 'pl' },
    pluralForms: { message: 'one few many other' },
    postCount_one: { message: '$COUNT$ post', placeholders: count },
    postCount_few: { message: '$COUNT$ posty', placeholders: count },
    postCount_many: { message: '$COUNT$ postów', placeholders: count },
    postCount_other: { message: '$COUNT$ posta', placeholders: count },
    videoCount_one: { message: '$COUNT$ film', placeholders: count },
    videoCount_other: { message: '$COUNT$ filmu', placeholders: count },
  };

  const polishCases = [
    [1, '1 post', '1'],
    [3, '3 posty', '3'],
    [5, '5 postów', '5'],
    [22, '22 posty', '22'],
    [12, '12 postów', '12'],
    [0, '0 postów', '0'],
    [1.5, '1,5 posta', '1,5'],
  ] as const;

  it.each(polishCases)('Polish (CLDR one, few, many, other), %d → %s', (n, text, written) => {
    useMessages(polish, 'pl');
    expect(plural('postCount', n, written)).toBe(text);
  });

  it.each(polishCases)('Polish with the number pack installed (no Intl for "one"), %d → %s', (n, text, written) => {
    useMessages(polish, 'pl');
    const pack = deriveNumberPack('pl');
    expect(pack, 'a Polish pack').toBeDefined();
    installNumberPack(pack!);
    setNumberSource(packNumberSource);
    try {
      expect(plural('postCount', n, written)).toBe(text);
    } finally {
      setNumberSource(undefined);
      resetNumberPacks();
    }
  });

  it('takes _other where a form is missing in the locale and in English, never the key', () => {
    useMessages(polish, 'pl');
    expect(plural('videoCount', 3, '3')).toBe('3 filmu');
    expect(plural('videoCount', 1, '1')).toBe('1 film');
  });

  it('takes _other for Spanish millions ("many") with the number pack too', () => {
    useLocale('es');
    installNumberPack(deriveNumberPack('es')!);
    setNumberSource(packNumberSource);
    try {
      expect(plural('postCount', 1_000_000, '1.000.000')).toBe('1.000.000 publicaciones');
      expect(plural('postCount', 1, '1')).toBe('1 publicación');
    } finally {
      setNumberSource(undefined);
      resetNumberPacks();
    }
  });
});

describe('lists in words', () => {
  it.each([
    ['en', 'conjunction', '2 pinned posts, 1 repost, and 3 others'],
    ['de', 'conjunction', '2 pinned posts, 1 repost und 3 others'],
    ['es', 'conjunction', '2 pinned posts, 1 repost y 3 others'],
    ['pt_BR', 'conjunction', '2 pinned posts, 1 repost e 3 others'],
    ['fr', 'conjunction', '2 pinned posts, 1 repost et 3 others'],
    ['it', 'conjunction', '2 pinned posts, 1 repost e 3 others'],
    ['nl', 'conjunction', '2 pinned posts, 1 repost en 3 others'],
    ['ja', 'conjunction', '2 pinned posts、1 repost、3 others'],
    ['ko', 'conjunction', '2 pinned posts, 1 repost 및 3 others'],
    ['id', 'conjunction', '2 pinned posts, 1 repost, dan 3 others'],
  ] as const)('%s %s', (locale, type, text) => {
    useLocale(locale);
    expect(listInWords(['2 pinned posts', '1 repost', '3 others'], type)).toBe(text);
  });

  it.each([
    ['en', 'Micro or Mid-tier'],
    ['de', 'Mikro oder Mid-Tier'],
    ['es', 'Micro o Medio'],
    ['pt_BR', 'Micro ou Intermediário'],
    ['fr', 'Micro ou Intermédiaire'],
    ['it', 'Micro o Intermedio'],
    ['nl', 'Micro of Midden'],
    ['ja', 'マイクロまたはミドル'],
    ['ko', '마이크로 또는 미드티어'],
    ['id', 'Mikro atau Menengah'],
  ] as const)('%s names a borderline verdict\'s tiers: %s', (locale, text) => {
    useLocale(locale);
    expect(describeVerdict({ tier: 'mid', borderline: true, possibleTiers: ['micro', 'mid'] })).toBe(text);
  });
});
