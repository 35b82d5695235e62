import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  forgetCountLocales,
  isCountLocaleData,
  learnedCountLocales,
  parseCountDetailed,
  seedCountLocales,
  type CountLocaleData,
} from '@/lib/count';
import { boundedLanguageTag } from '@/lib/locale-tag';
import { COUNT_CORPUS } from '../../bench/lib-bench';

/** Page languages as the sites write them: plain, regional, odd case, unknown, none. */
const LANGUAGES = [
  '', 'en', 'en-US', 'en-IN', 'de', 'de-DE', 'de-CH', 'es', 'es-419', 'pt-BR', 'pt', 'fr', 'it', 'nl', 'pl', 'ru',
  'tr', 'sv', 'ja', 'ko', 'zh-CN', 'zh-TW', 'zh-Hant', 'hi', 'bn', 'ar', 'he', 'id', 'vi', 'th', 'uk', 'cs', 'ro',
  'el', 'fa', 'ne', 'my', 'sw', 'EN-gb', 'xx-nowhere', 'not a locale!!',
];

/**
 * Texts a page of `language` shows: Intl's own compact and plain forms of `n` (what the sites'
 * formatters print), plus the corpus of the bench, which mixes units, separators and scripts.
 */
function textsFor(language: string, n: number): string[] {
  const texts: string[] = COUNT_CORPUS.map(([text]) => text);
  try {
    for (const compactDisplay of ['short', 'long'] as const) {
      texts.push(new Intl.NumberFormat(language || 'en', { notation: 'compact', compactDisplay }).format(n));
    }
    texts.push(new Intl.NumberFormat(language || 'en').format(n));
  } catch {
    // an odd tag: the corpus alone
  }
  return texts;
}

/** Replaces Intl with an object that notes any use (and then fails, as a missing Intl would). */
function watchIntl(): { used: string[] } {
  const seen = { used: [] as string[] };
  const trap = new Proxy(
    {},
    {
      get(_target, property) {
        seen.used.push(String(property));
        throw new Error(`Intl.${String(property)} used`);
      },
    },
  );
  vi.stubGlobal('Intl', trap);
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetCountLocales();
});

describe('count locales learned on one page are read on the next without Intl', () => {
  it('every language: the stored data reads every text exactly as Intl-derived data did, and touches no Intl', () => {
    fc.assert(
      fc.property(
        fc.subarray(LANGUAGES, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 99_999_999_999 }),
        (languages, n) => {
          forgetCountLocales();
          const texts = languages.map((language) => [language, textsFor(language, n)] as const);
          const before = texts.map(([language, list]) => list.map((text) => parseCountDetailed(text, language)));
          // What lib/warm-start/locale-cache.ts writes to storage.local and reads back on the next page.
          const stored = JSON.parse(JSON.stringify(learnedCountLocales())) as Record<string, unknown>;
          forgetCountLocales();
          seedCountLocales(stored);
          const intl = watchIntl();
          try {
            const after = texts.map(([language, list]) => list.map((text) => parseCountDetailed(text, language)));
            expect(after).toEqual(before);
          } finally {
            vi.unstubAllGlobals();
          }
          expect(intl.used).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('learns one entry per language asked for, and each is valid stored data', () => {
    for (const language of LANGUAGES) parseCountDetailed('12', language);
    const learned = learnedCountLocales();
    // What is not a bounded language tag ("not a locale!!") is read as no lang at all: key ''.
    expect(Object.keys(learned).sort()).toEqual([...new Set(LANGUAGES.map((language) => boundedLanguageTag(language) ?? ''))].sort());
    for (const [language, data] of Object.entries(learned)) {
      expect(isCountLocaleData(JSON.parse(JSON.stringify(data))), language).toBe(true);
    }
  });

  it('a language not in the stored data is still derived from Intl', () => {
    parseCountDetailed('1,2 Mio.', 'de');
    const stored = JSON.parse(JSON.stringify(learnedCountLocales())) as Record<string, unknown>;
    forgetCountLocales();
    seedCountLocales(stored);
    expect(parseCountDetailed('12,3 B', 'tr')?.value).toBe(12_300);
    expect(Object.keys(learnedCountLocales()).sort()).toEqual(['de', 'tr']);
  });
});

describe('stored count data is not trusted', () => {
  const good = (): CountLocaleData => {
    forgetCountLocales();
    parseCountDetailed('1', 'de');
    return JSON.parse(JSON.stringify(learnedCountLocales().de)) as CountLocaleData;
  };

  it.each<[string, (data: Record<string, unknown>) => unknown]>([
    ['not an object', () => 'de'],
    ['null', () => null],
    ['a role that is not one', (data) => ({ ...data, comma: 'thousands' })],
    ['comma and dot both the decimal', (data) => ({ ...data, comma: 'decimal', dot: 'decimal' })],
    ['indian not a boolean', (data) => ({ ...data, indian: 'no' })],
    ['an extra field', (data) => ({ ...data, extra: 1 })],
    ['a missing field', ({ prefixUnits: _, ...rest }) => rest],
    ['units not a list', (data) => ({ ...data, units: {} })],
    ['a unit with an empty key', (data) => ({ ...data, units: [{ key: '', pow: 6, bounded: true, prefix: false }] })],
    ['a unit key not normalised', (data) => ({ ...data, units: [{ key: 'Mio.', pow: 6, bounded: true, prefix: false }] })],
    ['a unit of a fractional power', (data) => ({ ...data, units: [{ key: 'mio', pow: 6.5, bounded: true, prefix: false }] })],
    ['a unit of a huge power', (data) => ({ ...data, units: [{ key: 'mio', pow: 400, bounded: true, prefix: false }] })],
    ['a suffix unit in the prefix list', (data) => ({ ...data, prefixUnits: [{ key: 'mio', pow: 6, bounded: true, prefix: false }] })],
    ['a unit key as long as an essay', (data) => ({ ...data, units: [{ key: 'x'.repeat(500), pow: 6, bounded: true, prefix: false }] })],
    ['thousands of units', (data) => ({ ...data, units: Array.from({ length: 5000 }, () => ({ key: 'k', pow: 3, bounded: true, prefix: false })) })],
  ])('rejects %s', (_name, tamper) => {
    const data = good();
    expect(isCountLocaleData(data)).toBe(true);
    const tampered = tamper(data as unknown as Record<string, unknown>);
    expect(isCountLocaleData(tampered)).toBe(false);
    forgetCountLocales();
    seedCountLocales({ de: tampered });
    // Not taken: the language is derived again from Intl, and reads as German does.
    expect(parseCountDetailed('1,2 Mio.', 'de')?.value).toBe(1_200_000);
  });

  it('stored data is used as it is, for the language it was learned for only', () => {
    const data = good();
    forgetCountLocales();
    seedCountLocales({ de: { ...data, units: [{ key: 'zz', pow: 4, bounded: true, prefix: false }, ...data.units] } });
    expect(parseCountDetailed('3 zz', 'de')?.value).toBe(30_000);
    // de-DE is another text, derived from Intl: "zz" is only a label there.
    expect(parseCountDetailed('3 zz', 'de-DE')?.value).toBe(3);
  });
});
