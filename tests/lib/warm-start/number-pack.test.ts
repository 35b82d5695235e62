import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  deriveNumberPack,
  formatWithPack,
  installNumberPack,
  isNumberPack,
  isOneWithPack,
  pluralWithPack,
  learnedNumberPack,
  numberPackFor,
  resetNumberPacks,
  wantNumberPack,
  type NumberPack,
} from '@/lib/warm-start/number-pack';
import type { NumberKind } from '@/lib/number-source';

const MAX = Number.MAX_SAFE_INTEGER;

/** The brief's list: the UI languages MicroScope ships (en, de, es, pt) and their neighbours. */
const REQUIRED = [
  'en', 'en-GB', 'en-IN', 'en-CA', 'de', 'de-CH', 'de-AT', 'es', 'es-419', 'es-MX', 'pt-BR', 'pt-PT', 'fr', 'fr-CH',
  'it', 'nl', 'pl', 'ru', 'tr', 'sv', 'ja', 'ko', 'zh-CN', 'zh-TW', 'hi', 'ar', 'he', 'id', 'vi', 'th',
]; // prettier-ignore
/** Common browser UI languages besides; those Intl does not know are dropped below. */
const COMMON = [
  'en-AU', 'en-NZ', 'en-IE', 'en-ZA', 'en-SG', 'en-PH', 'en-NG', 'de-LI', 'es-ES', 'es-AR', 'es-CO', 'es-CL', 'es-US',
  'pt', 'fr-CA', 'fr-BE', 'it-CH', 'nl-BE', 'uk', 'be', 'da', 'nb', 'no', 'fi', 'is', 'et', 'lv', 'lt', 'cs', 'sk',
  'sl', 'hr', 'sr', 'sr-Latn', 'bs', 'mk', 'bg', 'ro', 'hu', 'el', 'sq', 'ca', 'eu', 'gl', 'ga', 'cy', 'mt', 'zh',
  'zh-HK', 'bn', 'mr', 'ta', 'te', 'gu', 'kn', 'ml', 'pa', 'ur', 'ar-EG', 'ar-SA', 'ar-AE', 'ar-MA', 'fa', 'ms',
  'fil', 'sw', 'am', 'km', 'lo', 'my', 'ne', 'si', 'ka', 'hy', 'az', 'kk', 'uz', 'mn', 'af', 'zu', 'ps', 'ky', 'tk',
]; // prettier-ignore
const LANGUAGES = [...new Set([...REQUIRED, ...Intl.NumberFormat.supportedLocalesOf(COMMON)])];
/** The languages public/_locales speaks, as uiLanguage() gives them: these must never fall back to Intl. */
const SHIPPED = ['en', 'en-GB', 'en-IN', 'en-CA', 'de', 'de-CH', 'de-AT', 'es', 'es-419', 'es-MX', 'pt-BR', 'pt-PT', 'fr', 'fr-CH', 'fr-CA', 'it', 'nl', 'nl-BE', 'ja', 'ko', 'id', 'pl', 'tr']; // prettier-ignore

const PACKS = new Map<string, NumberPack>();
for (const language of LANGUAGES) {
  const pack = deriveNumberPack(language);
  if (pack) PACKS.set(language, pack);
}
const PACKED = [...PACKS.keys()];

const intl: Record<NumberKind, (language: string) => Intl.NumberFormat> = {
  integer: (language) => new Intl.NumberFormat(language, { maximumFractionDigits: 0 }),
  compact: (language) => new Intl.NumberFormat(language, { notation: 'compact', maximumSignificantDigits: 4 }),
  percent2: (language) =>
    new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  percent3: (language) =>
    new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 3, maximumFractionDigits: 3 }),
};
const isPercent = (kind: NumberKind) => kind === 'percent2' || kind === 'percent3';

const clamp = (value: number) => Math.min(MAX, Math.max(0, value));
/** Integers where writing them goes wrong first: powers of ten, carries across 4 significant digits. */
const counts = fc.oneof(
  fc.integer({ min: 0, max: MAX }),
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.constantFrom(999, 1000, 9999, 10_000, 999_949, 999_950, 999_999, 1_000_000, 9_999_500, MAX),
  // 10^k ± a little
  fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: -20, max: 20 })).map(([k, d]) => clamp(10 ** k + d)),
  // 10^k · 0.99995 and neighbours: rounds up to the next magnitude, or just does not
  fc.tuple(fc.integer({ min: 5, max: 15 }), fc.integer({ min: -2, max: 2 })).map(([k, d]) => clamp(10 ** k - 5 * 10 ** (k - 5) + d)),
  // a 4-digit mantissa ± half a unit of its last digit
  fc
    .tuple(fc.integer({ min: 4, max: 15 }), fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: -1, max: 1 }))
    .map(([k, mantissa, d]) => clamp(mantissa * 10 ** (k - 3) + 5 * 10 ** (k - 4) + d)),
);
/** Rates in percent, with halves at the 2nd and 3rd decimal (9.995 → 10.00) and binary noise. */
const percents = fc.oneof(
  fc.double({ min: 0, max: 10_000, noNaN: true, noDefaultInfinity: true }).filter((p) => !Object.is(p, -0)),
  fc.double({ min: 0, max: 0.2, noNaN: true }).filter((p) => !Object.is(p, -0)),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => (2 * n + 1) / 2000),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => (2 * n + 1) / 200),
  fc.constantFrom(0, 9.995, 9.9949, 99.995, 0.0995, 0.0005, 0.00049, 999.995, 9999.995),
);
/** Integer inputs of maximumFractionDigits 0, and the fractions formatFollowers may pass. */
const wholes = fc.oneof(counts, fc.double({ min: 0, max: 1e12, noNaN: true }).filter((p) => !Object.is(p, -0)));

describe('deriveNumberPack', () => {
  it('packs every language MicroScope ships, with its region variants', () => {
    expect(SHIPPED.filter((language) => !PACKS.has(language))).toEqual([]);
  });

  it('packs most languages with Latin digits or others it can copy', () => {
    // Refused here (Node's ICU): Arabic (units by plural: "3 آلاف"), bn, mr (percent grouping not Indian).
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(100);
    expect(PACKED.length / LANGUAGES.length).toBeGreaterThan(0.8);
  });

  it('refuses a tag Intl rejects', () => {
    expect(deriveNumberPack('not a tag!')).toBeUndefined();
  });

  it('gives a pack that survives JSON and passes its own check', () => {
    for (const pack of PACKS.values()) {
      const copy: unknown = JSON.parse(JSON.stringify(pack));
      expect(isNumberPack(copy)).toBe(true);
      expect(copy).toEqual(pack);
    }
  });
});

describe('formatWithPack writes what Intl writes', () => {
  const cases: [NumberKind, fc.Arbitrary<number>][] = [
    ['integer', wholes],
    ['compact', counts],
    ['percent2', percents],
    ['percent3', percents],
  ];
  it.each(PACKED)('%s', (language) => {
    const pack = PACKS.get(language);
    if (!pack) throw new Error(`no pack for ${language}`);
    for (const [kind, values] of cases) {
      const format = intl[kind](language);
      fc.assert(
        fc.property(values, (value) => {
          // Failing? Intl writes this number in a way the pack does not describe: make
          // deriveNumberPack refuse the language (or describe it), never patch the output.
          expect(formatWithPack(pack, kind, value), `${kind} ${value}`).toBe(format.format(isPercent(kind) ? value / 100 : value));
        }),
        { numRuns: 150 },
      );
    }
  });

  it.each(['en', 'de', 'es', 'pt-BR', 'en-IN', 'fr', 'tr', 'pl', 'ja'])('%s: the tricky ones', (language) => {
    const pack = PACKS.get(language);
    if (!pack) throw new Error(`no pack for ${language}`);
    // Carries across a magnitude, numbers without a unit (de 48.200), minimum grouping (es, pl: 1234),
    // Indian grouping (en-IN 12,34,567), percent signs before (tr) and after a space (de, fr).
    for (const value of [0, 999, 1234, 12_345, 48_200, 999_949, 999_950, 1_234_567, 2_470_000, 9_999_500, MAX]) {
      expect(formatWithPack(pack, 'integer', value)).toBe(intl.integer(language).format(value));
      expect(formatWithPack(pack, 'compact', value)).toBe(intl.compact(language).format(value));
    }
    for (const value of [0, 0.0346, 2.8843, 9.995, 9.9949, 12_345.678]) {
      expect(formatWithPack(pack, 'percent2', value)).toBe(intl.percent2(language).format(value / 100));
      expect(formatWithPack(pack, 'percent3', value)).toBe(intl.percent3(language).format(value / 100));
    }
  });

  it('leaves to Intl what it does not cover', () => {
    const pack = PACKS.get('en');
    if (!pack) throw new Error('no pack for en');
    for (const kind of ['integer', 'compact', 'percent2', 'percent3'] as const) {
      for (const value of [-1, -0, -0.001, Number.NaN, Infinity, -Infinity, 2 ** 60]) {
        expect(formatWithPack(pack, kind, value), `${kind} ${value}`).toBeUndefined();
      }
    }
    expect(formatWithPack(pack, 'compact', 1234.5)).toBeUndefined();
    expect(formatWithPack(pack, 'compact', MAX + 1)).toBeUndefined();
    expect(formatWithPack(pack, 'integer', MAX + 2)).toBeUndefined();
  });
});

describe('isOneWithPack', () => {
  it.each(PACKED)('%s: as Intl.PluralRules', (language) => {
    const pack = PACKS.get(language);
    if (!pack) throw new Error(`no pack for ${language}`);
    const rules = new Intl.PluralRules(language);
    const integers = fc.oneof(
      fc.integer({ min: 0, max: 1e9 }),
      fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: 0, max: 1000 }).map((n) => n * 1e6),
      fc.integer({ min: 0, max: 1000 }).map((n) => n * 1e6 + 1),
      fc.integer({ min: 0, max: MAX }),
    );
    fc.assert(
      fc.property(integers, (n) => {
        expect(isOneWithPack(pack, n), String(n)).toBe(rules.select(n) === 'one');
      }),
      { numRuns: 300 },
    );
  });

  it.each(PACKED)('%s: its categories as Intl.PluralRules, or none where only Intl knows', (language) => {
    const pack = PACKS.get(language);
    if (!pack) throw new Error(`no pack for ${language}`);
    const rules = new Intl.PluralRules(language);
    const integers = fc.oneof(
      fc.integer({ min: 0, max: 1e9 }),
      fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: 0, max: 1000 }).map((n) => n * 1e6),
      fc.integer({ min: 0, max: MAX }),
    );
    fc.assert(
      fc.property(integers, (n) => {
        const category = pluralWithPack(pack, n);
        // Below 200 always; beyond only where the table repeats every hundred (not French "many").
        if (n < 200 || pack.periodic) expect(category, String(n)).toBe(rules.select(n));
        else expect(category, String(n)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('knows Polish few and many for every whole number, and leaves French millions to Intl', () => {
    const polish = PACKS.get('pl');
    const french = PACKS.get('fr');
    if (!polish || !french) throw new Error('no pack for pl or fr');
    expect(polish.periodic).toBe(true);
    expect([1, 3, 5, 22, 25, 112, 1002, 1_000_000].map((n) => pluralWithPack(polish, n))).toEqual(['one', 'few', 'many', 'few', 'many', 'many', 'few', 'many']);
    expect(french.periodic).toBe(false);
    expect(pluralWithPack(french, 1_000_000)).toBeUndefined();
    expect(isOneWithPack(french, 1_000_000)).toBe(false);
  });

  it('leaves fractions and negative numbers to PluralRules', () => {
    const pack = PACKS.get('en');
    if (!pack) throw new Error('no pack for en');
    for (const n of [1.5, 0.5, -1, Number.NaN, Infinity, MAX + 1]) expect(isOneWithPack(pack, n), String(n)).toBeUndefined();
  });
});

describe('isNumberPack', () => {
  const pack = PACKS.get('de');
  if (!pack) throw new Error('no pack for de');
  const tampered = (change: (copy: Record<string, unknown>) => void): unknown => {
    const copy = JSON.parse(JSON.stringify(pack)) as Record<string, unknown>;
    change(copy);
    return JSON.parse(JSON.stringify(copy));
  };

  it('accepts a pack read back from JSON', () => {
    expect(isNumberPack(JSON.parse(JSON.stringify(pack)))).toBe(true);
  });

  it.each<[string, (copy: Record<string, unknown>) => void]>([
    ['no version', (copy) => delete copy.version],
    ['another version', (copy) => (copy.version = 1)],
    ['no language', (copy) => delete copy.language],
    ['a language that is no tag', (copy) => (copy.language = 'de CH')],
    ['an extra field', (copy) => (copy.extra = 1)],
    ['nine digits', (copy) => (copy.digits = (copy.digits as string[]).slice(1))],
    ['a digit twice', (copy) => ((copy.digits as string[])[1] = '0')],
    ['a Latin digit in the wrong place', (copy) => ((copy.digits as string[])[1] = '7')],
    ['two characters as a digit', (copy) => ((copy.digits as string[])[1] = '١١')],
    ['a number as a digit', (copy) => ((copy.digits as unknown[])[1] = 1)],
    ['a digit in the separator', (copy) => (copy.group = '1')],
    ['an empty decimal separator', (copy) => (copy.decimal = '')],
    ['a separator as a number', (copy) => (copy.group = 0)],
    ['group sizes of 0 and 0', (copy) => (copy.groupSizes = [3, 0])],
    ['a fractional group size', (copy) => (copy.groupSizes = [2.5, 3])],
    ['two minimum groupings', (copy) => (copy.minGrouping = [1, 2])],
    ['a minimum grouping of 0', (copy) => (copy.minGrouping = [0, 2, 1])],
    ['affixes as a string', (copy) => (copy.integer = '')],
    ['three affixes', (copy) => (copy.percent = ['', ' %', ''])],
    ['a very long suffix', (copy) => (copy.percent = ['', '%'.repeat(100)])],
    ['a digit in a suffix', (copy) => (copy.percent = ['', '0 %'])],
    ['an extra unit', (copy) => (copy.compact as unknown[]).push([3, '', 'K'])],
    ['a unit short of a field', (copy) => ((copy.compact as unknown[])[6] = [6, ' Mio.'])],
    ['a unit shifting more than its magnitude', (copy) => ((copy.compact as unknown[])[2] = [3, '', 'K'])],
    ['a unit with a text shift', (copy) => ((copy.compact as unknown[])[6] = ['6', '', ' Mio.'])],
    ['a unit as an object', (copy) => ((copy.compact as unknown[])[6] = { shift: 6, prefix: '', suffix: ' Mio.' })],
    ['a short plural table', (copy) => (copy.plurals = (copy.plurals as string).slice(1))],
    ['a plural table of words', (copy) => (copy.plurals = 'one '.repeat(50))],
    ['a plural table of digits (version 1)', (copy) => (copy.plurals = '01'.repeat(100))],
    ['no word on periodicity', (copy) => delete copy.periodic],
  ])('rejects %s', (_, change) => {
    expect(isNumberPack(tampered(change))).toBe(false);
  });

  it.each([undefined, null, 0, 'pack', [], [pack]])('rejects %o', (value) => {
    expect(isNumberPack(value)).toBe(false);
  });
});

describe('the pack in use', () => {
  afterEach(() => {
    resetNumberPacks();
    vi.unstubAllGlobals();
  });

  it('is the installed one for its language only', () => {
    const pack = PACKS.get('de-CH');
    if (!pack) throw new Error('no pack for de-CH');
    expect(numberPackFor('de-CH')).toBeUndefined();
    installNumberPack(pack);
    expect(numberPackFor('de-CH')).toBe(pack);
    expect(numberPackFor('de')).toBeUndefined();
    expect(learnedNumberPack()).toBe(pack);
    resetNumberPacks();
    expect(learnedNumberPack()).toBeUndefined();
  });

  /** Replaces Intl by an object that throws on any use; returns what was asked of it. */
  function removeIntl(): string[] {
    const touched: string[] = [];
    const refuse = (_: object, name: string | symbol) => {
      touched.push(String(name));
      throw new Error(`Intl.${String(name)} used`);
    };
    vi.stubGlobal('Intl', new Proxy({}, { get: refuse }));
    return touched;
  }

  it('is derived only for a language a number was written in with Intl', () => {
    const touched = removeIntl();
    expect(learnedNumberPack()).toBeUndefined(); // nothing wanted: no Intl call, no ICU started
    expect(touched).toEqual([]);
  });

  it('is derived once per language, refusals included', () => {
    wantNumberPack('es');
    const learned = learnedNumberPack();
    expect(learned).toEqual(PACKS.get('es'));
    expect(numberPackFor('es')).toBe(learned);
    const refused = LANGUAGES.find((language) => !PACKS.has(language));
    if (!refused) throw new Error('every language packed: pick a refused one for this test');
    wantNumberPack(refused);
    expect(learnedNumberPack()).toBe(learned); // refused: the pack in use stays
    expect(numberPackFor(refused)).toBeUndefined();

    const touched = removeIntl();
    expect(learnedNumberPack()).toBe(learned);
    wantNumberPack('es');
    expect(learnedNumberPack()).toBe(learned);
    expect(touched).toEqual([]);
  });
});
