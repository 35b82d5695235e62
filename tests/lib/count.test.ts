import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCount, parseCountDetailed, type CountReading } from '@/lib/count';

const MAX = Number.MAX_SAFE_INTEGER;
const NBSP = '\u00a0';
const NNBSP = '\u202f'; // fr groups with NARROW NO-BREAK SPACE (number-formats.md, fr row)
// number-formats.md spells हज़ार with a decomposed nukta (ज + U+093C); Intl does too.
const HAZAR = 'हज\u093cार';

/** Checks the invariants every reading must keep, whatever the input. */
function isSound(reading: CountReading | null): boolean {
  if (reading === null) return true;
  const { value, exact, min, max } = reading;
  return (
    [value, min, max].every((n) => Number.isSafeInteger(n) && n >= 0) &&
    min <= value &&
    value <= max &&
    (!exact || (min === value && max === value))
  );
}

/** Expects a reading whose value is `value` and whose range holds the true count `truth`. */
function expectReading(text: string, locale: string | undefined, value: number, exact: boolean, truth = value): void {
  const reading = parseCountDetailed(text, locale);
  // Null or a wrong value? Check the locale's row in shared/research/number-formats.md and the
  // reading rules in the header of lib/count.ts; fix the parser, not the table.
  expect(reading, `${JSON.stringify(text)} in ${locale ?? 'default'}`).not.toBeNull();
  expect(reading?.value).toBe(value);
  expect(reading?.exact).toBe(exact);
  expect(reading?.min).toBeLessThanOrEqual(truth);
  expect(reading?.max).toBeGreaterThanOrEqual(truth);
  expect(isSound(reading)).toBe(true);
}

describe('every cell of the table in number-formats.md', () => {
  // [text, locale, value, exact, true count the page rounded]
  it.each<[string, string, number, boolean, number]>([
    ['12.5K', 'en', 12_500, false, 12_500],
    ['1.2M', 'en', 1_200_000, false, 1_234_567],
    ['1.2B', 'en', 1_200_000_000, false, 1_234_567_890],
    ['9,512', 'en', 9512, true, 9512],

    ['12.5K', 'en-IN', 12_500, false, 12_500],
    ['12.3L', 'en-IN', 1_230_000, false, 1_234_567], // lakh = 10^5
    ['123.5Cr', 'en-IN', 1_235_000_000, false, 1_234_567_890], // crore = 10^7
    ['12,34,567', 'en-IN', 1_234_567, true, 1_234_567],
    [`12.5 ${HAZAR}`, 'hi', 12_500, false, 12_500],
    ['12.3 लाख', 'hi', 1_230_000, false, 1_234_567],
    ['1.2 अ॰', 'hi', 1_200_000_000, false, 1_234_567_890], // अरब = 10^9
    ['12,34,567', 'hi', 1_234_567, true, 1_234_567],

    ['12.500', 'de', 12_500, true, 12_500], // no thousands abbreviation in German
    ['1,2 Mio.', 'de', 1_200_000, false, 1_234_567],
    ['1,2 Mrd.', 'de', 1_200_000_000, false, 1_234_567_890],
    ['9.512', 'de', 9512, true, 9512],

    ['12,5 k', 'fr', 12_500, false, 12_500],
    ['1,2 M', 'fr', 1_200_000, false, 1_234_567],
    ['1,2 Md', 'fr', 1_200_000_000, false, 1_234_567_890],
    [`9${NNBSP}512`, 'fr', 9512, true, 9512],

    ['12,5 mil', 'es', 12_500, false, 12_500], // "mil" = thousand
    ['1,2 M', 'es', 1_200_000, false, 1_234_567],
    ['1234,6 M', 'es', 1_234_600_000, false, 1_234_567_890], // es counts billions in millions
    ['9512', 'es', 9512, true, 9512],

    ['12,5 mil', 'pt-BR', 12_500, false, 12_500],
    ['1,2 mi', 'pt-BR', 1_200_000, false, 1_234_567],
    ['1,2 bi', 'pt-BR', 1_200_000_000, false, 1_234_567_890],
    ['9.512', 'pt-BR', 9512, true, 9512],

    ['12,5K', 'it', 12_500, false, 12_500],
    ['1,2 Mln', 'it', 1_200_000, false, 1_234_567],
    ['1,2 Mld', 'it', 1_200_000_000, false, 1_234_567_890],
    ['9512', 'it', 9512, true, 9512],

    ['12,5K', 'nl', 12_500, false, 12_500],
    ['1,2 mln.', 'nl', 1_200_000, false, 1_234_567],
    ['1,2 mld.', 'nl', 1_200_000_000, false, 1_234_567_890],
    ['9.512', 'nl', 9512, true, 9512],

    ['12,5 tn', 'sv', 12_500, false, 12_500],
    ['1,2 mn', 'sv', 1_200_000, false, 1_234_567],
    ['1,2 md', 'sv', 1_200_000_000, false, 1_234_567_890],
    ['9 512', 'sv', 9512, true, 9512],
    [`9${NBSP}512`, 'sv', 9512, true, 9512], // what Intl prints for sv

    ['12,5 tys.', 'pl', 12_500, false, 12_500],
    ['1,2 mln', 'pl', 1_200_000, false, 1_234_567],
    ['1,2 mld', 'pl', 1_200_000_000, false, 1_234_567_890],
    ['9512', 'pl', 9512, true, 9512],

    ['12,5 тыс.', 'ru', 12_500, false, 12_500],
    ['1,2 млн', 'ru', 1_200_000, false, 1_234_567],
    ['1,2 млрд', 'ru', 1_200_000_000, false, 1_234_567_890],
    ['9 512', 'ru', 9512, true, 9512],

    ['12,5 B', 'tr', 12_500, false, 12_500], // "B" (bin) = THOUSAND
    ['1,2 Mn', 'tr', 1_200_000, false, 1_234_567],
    ['1,2 Mr', 'tr', 1_200_000_000, false, 1_234_567_890],
    ['9.512', 'tr', 9512, true, 9512],

    ['12,5 rb', 'id', 12_500, false, 12_500],
    ['1,2 jt', 'id', 1_200_000, false, 1_234_567],
    ['1,2 M', 'id', 1_200_000_000, false, 1_234_567_890], // "M" (miliar) = BILLION
    ['9.512', 'id', 9512, true, 9512],

    ['12,5 N', 'vi', 12_500, false, 12_500],
    ['1,2 Tr', 'vi', 1_200_000, false, 1_234_567],
    ['1,2 T', 'vi', 1_200_000_000, false, 1_234_567_890],
    ['9.512', 'vi', 9512, true, 9512],

    ['1.3万', 'ja', 13_000, false, 12_500], // 万 = 10^4
    ['123.5万', 'ja', 1_235_000, false, 1_234_567],
    ['12.3億', 'ja', 1_230_000_000, false, 1_234_567_890], // 億 = 10^8
    ['9,512', 'ja', 9512, true, 9512],
    ['1.3万', 'zh-CN', 13_000, false, 12_500],
    ['123.5万', 'zh-CN', 1_235_000, false, 1_234_567],
    ['12.3亿', 'zh-CN', 1_230_000_000, false, 1_234_567_890],
    ['9,512', 'zh-CN', 9512, true, 9512],
    ['1.3萬', 'zh-TW', 13_000, false, 12_500],
    ['123.5万', 'zh-TW', 1_235_000, false, 1_234_567], // the table's cell, simplified 万
    ['123.5萬', 'zh-TW', 1_235_000, false, 1_234_567],
    ['12.3億', 'zh-TW', 1_230_000_000, false, 1_234_567_890],
    ['9,512', 'zh-TW', 9512, true, 9512],

    ['1.3만', 'ko', 13_000, false, 12_500], // 만 = 10^4
    ['123.5만', 'ko', 1_235_000, false, 1_234_567],
    ['12.3억', 'ko', 1_230_000_000, false, 1_234_567_890], // 억 = 10^8
    ['9,512', 'ko', 9512, true, 9512],
    ['9.5천', 'ko', 9500, false, 9512], // 천 = 10^3, what Intl ko prints for 9512

    ['12.5 ألف', 'ar', 12_500, false, 12_500],
    ['1.2 مليون', 'ar', 1_200_000, false, 1_234_567],
    ['1.2 مليار', 'ar', 1_200_000_000, false, 1_234_567_890],
    ['9,512', 'ar', 9512, true, 9512],
    ['١٢٫٥ ألف', 'ar', 12_500, false, 12_500], // Arabic-Indic digits, U+066B decimal
    ['١٫٢ مليون', 'ar', 1_200_000, false, 1_234_567],
    ['٩٬٥١٢', 'ar', 9512, true, 9512], // U+066C group
  ])('%s (%s) → %i, exact %s, holds %i', (text, locale, value, exact, truth) => {
    expectReading(text, locale, value, exact, truth);
  });
});

describe('"also seen" forms and the cases of the issue', () => {
  it.each<[string, string | undefined, number, boolean]>([
    // labels around the number
    ['1,2 Mio. Follower', 'de', 1_200_000, false],
    ['1,2 Mio Follower', 'de', 1_200_000, false], // trailing period tolerated
    ['チャンネル登録者数 123万人', 'ja', 1_230_000, false],
    ['구독자 12.3만명', 'ko', 123_000, false],
    ['12.5K followers', 'en', 12_500, false],
    ['12.5K followers', undefined, 12_500, false],
    ['4,69 M de suscriptores', 'es', 4_690_000, false],
    ['127.696 visualizaciones', 'es', 127_696, true],
    ['1,204 likes', 'en', 1204, true],
    ['12 posts 3 followers', 'en', 12, true], // the first number token counts
    // Persian and Bengali digits
    ['۱۲٫۵ هزار', 'fa', 12_500, false],
    ['۱۲٬۵۰۰', 'fa', 12_500, true],
    ['۹٬۵۱۲ دنبال‌کننده', 'fa', 9512, true], // ZWNJ inside the label
    ['১২,৩৪,৫৬৭', 'bn', 1_234_567, true],
    ['১২.৫ হাজার', 'bn', 12_500, false],
    ['१२,३४,५६७', 'hi', 1_234_567, true], // Devanagari digits
    ['१२.३ लाख', 'hi', 1_230_000, false],
    ['1.2 करोड़', 'hi', 12_000_000, false], // long form of क॰
    ['1.2 क॰', 'hi', 12_000_000, false],
    ['1.2 करो\u095c', 'hi', 12_000_000, false], // precomposed ड़ (U+095C)
    // locale-ambiguous units follow the locale
    ['12,3 B', 'tr', 12_300, false],
    ['1,2 M', 'id', 1_200_000_000, false],
    ['1.2B', 'en', 1_200_000_000, false],
    ['12.500', 'de', 12_500, true],
    ['12,5 mil', 'es', 12_500, false],
    ['1,2 Md', 'fr', 1_200_000_000, false],
    ['12,5 tn', 'sv', 12_500, false],
    ['1,2 mil millones', 'es', 1_200_000_000, false], // longest unit wins over "mil"
    ['1,2 millones', 'es', 1_200_000, false],
    ['12,5 Tausend', 'de', 12_500, false], // compactDisplay long
    ['1,2 miliona', 'pl', 1_200_000, false], // plural forms come from Intl too
    ['3 miliony', 'pl', 3_000_000, false],
    ['1,2 миллиона', 'ru', 1_200_000, false],
    ['12.3 lakh', 'en-IN', 1_230_000, false],
    // case-insensitive, spaced units
    ['17,7 k', 'fr', 17_700, false], // not 17
    ['17,7 K', 'fr', 17_700, false],
    ['630k', 'en', 630_000, false], // not 63 000
    ['1.2 m', 'en', 1_200_000, false],
    ['1,2 MIO.', 'de', 1_200_000, false],
    // CJK units mean the same under any locale
    ['1.2万', 'en', 12_000, false],
    ['1.2万', undefined, 12_000, false],
    ['3.4억', 'fr', 340_000_000, false],
    ['1.5천', 'de', 1500, false],
    ['2億', 'zh-CN', 200_000_000, false],
    // separators
    [`1${NBSP}234`, 'en', 1234, true],
    [`1${NBSP}234`, 'fr', 1234, true],
    [`1${NNBSP}234${NNBSP}567`, 'fr', 1_234_567, true],
    ['1’234’567', 'de-CH', 1_234_567, true], // Swiss apostrophe U+2019
    ["1'234'567", 'de', 1_234_567, true],
    ['1,234,567', 'en-IN', 1_234_567, true], // western grouping on an Indian page is unambiguous
    ['12,5K', 'en', 12_500, false], // "," cannot group "5": the decimal of the other convention
    ['1.2 Mio.', 'de', 1_200_000, false], // likewise "." before a single digit
    ['1,234,567', 'de', 1_234_567, true], // repeated "," can only group
    ['1.234.567', 'en', 1_234_567, true],
    ['1.234,5 Mio.', 'de', 1_234_500_000, false],
    ['1.5 k', 'fr', 1500, false], // "." is foreign to fr, and "1.5" cannot be a grouping
    ['1.234.567', 'fr', 1_234_567, true],
    // a trailing "+" is a lower bound
    ['10K+', 'en', 10_000, false],
    ['1,234+ followers', 'en', 1234, false],
  ])('%s (%s) → %i, exact %s', (text, locale, value, exact) => {
    expectReading(text, locale, value, exact);
  });

  it.each<[string, string | undefined, number, number, number]>([
    ['12.5K', 'en', 12_500, 12_450, 12_549],
    ['12.5K followers', undefined, 12_500, 12_450, 12_549],
    ['1.2M', 'en', 1_200_000, 1_150_000, 1_249_999],
    ['12K', 'en', 12_000, 11_500, 12_499],
    ['1,2 Mio.', 'de', 1_200_000, 1_150_000, 1_249_999],
    ['0K', 'en', 0, 0, 499], // min never below 0
    ['1.234K', 'en', 1234, 1234, 1234], // every digit written: exact after all
    ['1.2340K', 'en', 1234, 1234, 1234], // more decimals than the unit has digits
    ['10K+', 'en', 10_000, 10_000, MAX],
    ['9,512', 'en', 9512, 9512, 9512],
  ])('%s (%s) is %i within [%i, %i]', (text, locale, value, min, max) => {
    expect(parseCountDetailed(text, locale)).toMatchObject({ value, min, max });
  });

  it('says exact only when every digit was written', () => {
    expect(parseCountDetailed('1.234K')?.exact).toBe(true);
    expect(parseCountDetailed('1.23K')?.exact).toBe(false);
    expect(parseCountDetailed('10K+')?.exact).toBe(false);
    expect(parseCountDetailed('10,000+')).toEqual({ value: 10_000, exact: false, min: 10_000, max: MAX });
  });
});

describe('no count, or not one we can read without guessing', () => {
  it.each<[string, string | undefined, string]>([
    ['', 'en', 'empty'],
    ['followers', 'en', 'no digits'],
    ['NaN', 'en', 'no digits'],
    ['Infinity', 'en', 'no digits'],
    ['∞', 'en', 'no digits'],
    ['-5', 'en', 'negative'],
    ['−5', 'en', 'U+2212 minus'],
    ['-12.5K followers', 'en', 'negative'],
    ['1e5', 'en', 'exponent: the 1 and the 5 are glued to a letter'],
    ['1e400', 'en', 'exponent'],
    ['1.5E+3', 'en', 'exponent'],
    ['12.5', 'en', 'a count has no fraction without a unit'],
    ['12,5', 'de', 'a count has no fraction without a unit'],
    ['12,500', 'de', 'German decimal comma says 12.5; en grouping says 12 500'],
    ['12.500', 'fr', '"." is foreign to fr: 12 500 (de style) or 12.5 (en style)'],
    ['12.500', 'en', 'en decimal point: 12.5'],
    ['12,34', 'en', 'neither a grouping nor a count'],
    ['12,34,567', 'en', 'Indian grouping only where the locale groups that way'],
    ['.5K', 'en', 'the integer part is missing'],
    ['12%', 'en', 'a rate'],
    [`12${NBSP}%`, 'fr', 'a rate'],
    ['3千', 'zh-CN', 'a CJK numeral Intl gives us no unit for'],
    ['1万2千', 'ja', 'a second numeral we would drop'],
    ['99999999999999999999', 'en', 'beyond safe integers'],
    ['9999999T', 'en', 'beyond safe integers'],
    ['12.5Kfollowers', 'en', 'unit glued to a word'],
    ['user123', 'en', 'digits inside a word'],
    ['1.2345K', 'en', 'no integer rounds to 1234.5'],
    ['+5', 'en', 'a change, not a count'],
    ['+1 M de seguidores', 'es', '"more than 1M" or a change: either way not the count'],
    ['12 T', 'en', 'trillion: Intl uses "T" only above 10^10, where no count lives'],
    ['1,2 B', 'es', 'billón (10^12) in es, refused like en "T"'],
    ['1万亿', 'zh-CN', '万亿 is 10^12: refused, not read as 万'],
    ['३ करोड', 'ne', 'Intl ne prints करोड for 10^6 (long) and 10^7 (short)'],
  ])('%s (%s) → null: %s', (text, locale) => {
    expect(parseCountDetailed(text, locale)).toBeNull();
    expect(parseCount(text, locale)).toBeNull();
  });

  it('reads units that Intl writes before the number (sw, si), outside number-formats.md', () => {
    expect(parseCountDetailed('elfu 13', 'sw')).toEqual({ value: 13_000, exact: false, min: 12_500, max: 13_499 });
    expect(parseCount('milioni 1.2', 'sw')).toBe(1_200_000);
  });

  it('skips numbers glued to words and reads the first standalone one', () => {
    expect(parseCount('@user123 has 12.5K followers')).toBe(12_500);
    expect(parseCount('v1.2 — 630k views')).toBe(630_000);
  });
});

describe('locale argument', () => {
  it.each<[string | undefined, string, number]>([
    [undefined, '1.2B', 1_200_000_000],
    ['', '1.2B', 1_200_000_000],
    ['not a locale!!', '1.2B', 1_200_000_000],
    ['xx-invalid-@@', '12,500', 12_500],
    ['qq', '12,500', 12_500], // well-formed but unsupported: 'en', not the browser's language
    ['de-DE', '12.500', 12_500],
    ['es-ES', '12,5 mil', 12_500],
    ['pt-BR', '1,2 mi', 1_200_000],
    ['zh-TW', '1.3萬', 13_000],
    ['en_IN', '12.3L', 1_230_000], // underscore, as some pages write lang
    ['DE', '1,2 Mio.', 1_200_000],
  ])('%j reads %s as %i', (locale, text, value) => {
    expect(parseCount(text, locale)).toBe(value);
  });
});

// The locales of number-formats.md, each formatted by Intl and read back by the page's locale.
const LOCALES = ['en', 'en-IN', 'hi', 'de', 'fr', 'es', 'pt-BR', 'it', 'nl', 'sv', 'pl', 'ru', 'tr', 'id', 'vi']
  .concat(['ja', 'zh-CN', 'zh-TW', 'ko', 'ar'])
  .map((locale) => [locale, locale] as const);
// Native digits: [how the page formats, the page's lang].
const NATIVE_DIGITS = [
  ['ar-u-nu-arab', 'ar'],
  ['ar-u-nu-arab', 'ar-u-nu-arab'],
  ['hi-u-nu-deva', 'hi'],
  ['bn-u-nu-beng', 'bn'],
  ['fa', 'fa'],
] as const;

/** Counts spread over every magnitude up to 10^10, plus the rounding edges. */
const counts = fc.oneof(
  fc.integer({ min: 0, max: 10 }).chain((digits) => fc.integer({ min: 0, max: 10 ** digits })),
  fc.constantFrom(0, 999, 1000, 9999, 12_500, 99_999, 999_499, 999_500, 999_999, 1_234_567, 1_250_000, 10 ** 10),
);
const RUNS = { numRuns: 200 };

describe('properties', () => {
  it('never throws and returns null or a sound reading, for any text', () => {
    const locales = fc.constantFrom(undefined, '', 'garbage!!', ...LOCALES.map(([locale]) => locale), 'fa', 'bn');
    const soundFor = (text: string, locale: string | undefined): boolean => {
      const value = parseCount(text, locale);
      return isSound(parseCountDetailed(text, locale)) && (value === null || (Number.isSafeInteger(value) && value >= 0));
    };
    fc.assert(fc.property(fc.string(), locales, soundFor), { numRuns: 300 });
    // fast-check 4 dropped fullUnicodeString; unit 'binary' is the same: any code point.
    fc.assert(fc.property(fc.string({ unit: 'binary' }), locales, soundFor), { numRuns: 300 });
    const pieces = fc.constantFrom(
      ...'0123456789٠١٢٣۴৫६'.split(''),
      ...[',', '.', ' ', NBSP, NNBSP, "'", '’', '٫', '٬', '-', '−', '+', '%', 'e', 'E'],
      ...['K', 'k', 'M', 'B', 'Mio.', 'mil', 'L', 'Cr', '万', '億', '만', 'лн', 'ألف', 'लाख', 'followers'],
    );
    fc.assert(fc.property(fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')), locales, soundFor), {
      numRuns: 1000,
    });
  });

  it.each([...LOCALES, ...NATIVE_DIGITS])('reads back every integer Intl formats in %s (page %s)', (format, page) => {
    const plain = new Intl.NumberFormat(format);
    fc.assert(
      fc.property(counts, (n) => {
        expect(parseCountDetailed(plain.format(n), page)).toEqual({ value: n, exact: true, min: n, max: n });
      }),
      RUNS,
    );
  });

  it('never reads a plain integer of any listed locale as another number, whatever the page locale', () => {
    // A page whose lang disagrees with its numbers may get null, never a wrong count.
    const formats = [...LOCALES, ...NATIVE_DIGITS].map(([format]) => format).concat('de-CH');
    const pages = fc.constantFrom(...formats);
    fc.assert(
      fc.property(pages, pages, counts, (format, page, n) => {
        const value = parseCount(new Intl.NumberFormat(format).format(n), page);
        expect(value === null || value === n).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([...LOCALES, ...NATIVE_DIGITS])('brackets every compact number Intl formats in %s (page %s)', (format, page) => {
    for (const compactDisplay of ['short', 'long'] as const) {
      const compact = new Intl.NumberFormat(format, { notation: 'compact', compactDisplay });
      fc.assert(
        fc.property(counts, (n) => {
          const text = compact.format(n);
          const reading = parseCountDetailed(text, page);
          const where = `${n} → ${JSON.stringify(text)} → ${JSON.stringify(reading)}`;
          // fr and it write 1000 as the bare word "mille": no digits, so nothing to read.
          if (!/\p{Nd}/u.test(text)) {
            expect(reading, where).toBeNull();
            return;
          }
          expect(reading, where).not.toBeNull();
          expect(reading?.min, where).toBeLessThanOrEqual(n);
          expect(reading?.max, where).toBeGreaterThanOrEqual(n);
          // Exact only when Intl printed every digit ("12.500" in de, "9512" in ja).
          if (reading?.exact) expect(reading.value, where).toBe(n);
          expect(isSound(reading), where).toBe(true);
        }),
        RUNS,
      );
    }
  });
});

describe('rounding conventions of the sites', () => {
  it.each([
    ['12.5K', 'nearest', 12_450, 12_549],
    ['12.5K', 'down', 12_500, 12_599],
    ['12.5K', 'either', 12_450, 12_599],
    ['23.9K', 'down', 23_900, 23_999], // X's real page: 23 961 posts shown as "23.9K"
    ['2K', 'down', 2_000, 2_999],
    ['1,2 Mio.', 'down', 1_200_000, 1_299_999],
  ] as const)('%s read with rounding %s spans %i … %i', (text, rounding, min, max) => {
    const reading = parseCountDetailed(text, text.includes('Mio') ? 'de' : 'en', { rounding });
    expect(reading).toMatchObject({ exact: false, min, max });
  });

  it('leaves exact counts exact whatever the rounding', () => {
    expect(parseCountDetailed('3,817', 'en', { rounding: 'down' })).toEqual({ value: 3817, exact: true, min: 3817, max: 3817 });
  });
});

describe('a unit from another convention than the page locale', () => {
  it.each([
    ['127 K visualizaciones', 'es-ES', 127_000], // YouTube writes "K" on Spanish pages
    ['6,8 K vídeos', 'es-ES', 6_800],
    ['3,8 K visualizaciones', 'es', 3_800],
    ['52 K', 'fr', 52_000],
  ])('%s (%s) reads the universal K as a thousand', (text, locale, value) => {
    expect(parseCountDetailed(text, locale)).toMatchObject({ value, exact: false });
  });

  it.each([
    ['1.2M', 'de'], // German writes "Mio.": an M here is another convention's, not a label
    ['3 B', 'fr'],
    ['12 T', 'it'],
  ])('%s on a %s page is refused, never read as the bare number', (text, locale) => {
    expect(parseCountDetailed(text, locale)).toBeNull();
  });
});
