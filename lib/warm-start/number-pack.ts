/**
 * How one UI language writes the numbers the badge shows, learned once from Intl and then written
 * without it. A renderer's first Intl call starts ICU, 30–50 ms of CPU per profile page load
 * (bench/results.md); with a pack stored from an earlier load the content script's numbers and
 * plural choices need no Intl at all.
 *
 * The pack is plain JSON. `deriveNumberPack` is the only function here that calls Intl (it runs
 * from `learnedNumberPack` only on a page that used Intl already), and it refuses (undefined)
 * whatever it cannot copy exactly: it checks its own pack against Intl on hundreds of numbers
 * before returning it. `formatWithPack` answers undefined outside the values it was made for
 * (negative numbers, fractions where only integers are expected): callers then use Intl, so a pack
 * never writes a number differently from Intl.
 *
 * It fills the core's number port (lib/number-source.ts) with `packNumberSource`; the core does
 * not import it (lib/warm-start/README.md).
 */

import type { NumberKind, NumberSource } from '../number-source';


/** Text before and after the digits. */
type Affixes = [prefix: string, suffix: string];

export interface NumberPack {
  /** The shape's version: a pack of another version is not a NumberPack. */
  version: 2;
  /** The BCP 47 tag it was derived for ("de-CH"). */
  language: string;
  /** The ten digits, zero first ("0"…"9", or "٠"…"٩"). */
  digits: string[];
  /** Grouping separator ("," "." U+202F), empty when the language does not group. */
  group: string;
  /** Decimal separator. */
  decimal: string;
  /** Digits in the last group and in the groups before it: [3, 3], Indian [3, 2]; 0 first: no grouping. */
  groupSizes: [primary: number, secondary: number];
  /**
   * Fewest digits before the last group for any grouping to show (ICU's minimum grouping digits),
   * per kind: Spanish writes "1234" but "12.345"; compact notation always wants 2.
   */
  minGrouping: [integer: number, compact: number, percent: number];
  integer: Affixes;
  percent: Affixes;
  /**
   * By the magnitude of the rounded number (index k: 10^k ≤ n < 10^(k+1), k 0…15): how many powers
   * of ten its unit stands for, and the unit around the digits. English [3, '', 'K'] at 10^3…10^5.
   */
  compact: [shift: number, prefix: string, suffix: string][];
  /**
   * For n = 0…199, the CLDR category Intl.PluralRules selects for n, one letter each (PLURAL_LETTERS:
   * "o" one, "f" few, "m" many, "x" other…); larger n read entry 100 + n % 100, for 'one' always,
   * for the other categories only where `periodic`.
   */
  plurals: string;
  /**
   * Whether entry 100 + n % 100 gives every category of larger n too (Polish: "many" for 1000 as for
   * 100); false where a category turns on magnitude alone (French, Spanish, Italian "many" for a
   * million): beyond 199 the pack then tells 'one' from not, and Intl the rest.
   */
  periodic: boolean;
}

/** A letter per CLDR plural category in NumberPack.plurals. */
const PLURAL_LETTERS: Readonly<Record<Intl.LDMLPluralRule, string>> = { zero: 'z', one: 'o', two: 't', few: 'f', many: 'm', other: 'x' };
const PLURAL_OF_LETTER: Readonly<Record<string, Intl.LDMLPluralRule>> = Object.fromEntries(
  Object.entries(PLURAL_LETTERS).map(([category, letter]) => [letter, category as Intl.LDMLPluralRule]),
);

/** 10^0 … 10^15: Number.MAX_SAFE_INTEGER is 9.007 × 10^15. */
const MAGNITUDES = 16;
const ONE_TABLE = 200;
/** Percents the pack writes; larger or smaller ones are left to Intl. */
const MAX_PERCENT = 1e12;

// ---- Writing without Intl ----

/** Adds one to a string of decimal digits: "0999" → "1000", "99" → "100". */
function increment(digits: string): string {
  let index = digits.length - 1;
  while (index >= 0 && digits[index] === '9') index -= 1;
  if (index < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, index) + String(Number(digits[index]) + 1) + '0'.repeat(digits.length - index - 1);
}

/**
 * A finite non-negative number times 10^shift, rounded half up to `fraction` decimals, as
 * [integer digits, fraction digits]. It starts from the shortest decimal that reads back as the
 * number (what String() writes), which is also where ICU starts from a double: 0.145 rounds to
 * 0.15, not to the 0.14 its binary value would give.
 */
function roundDecimal(value: number, shift: number, fraction: number): [string, string] {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const [whole = '0', part = ''] = mantissa.split('.');
  let digits = whole + part;
  let point = whole.length + Number(exponent) + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  const end = point + fraction;
  let kept = digits.slice(0, end).padEnd(end, '0');
  if ((digits[end] ?? '0') >= '5') kept = increment(kept);
  const integer = kept.slice(0, kept.length - fraction).replace(/^0+/, '') || '0';
  return [integer, kept.slice(kept.length - fraction)];
}

/** Latin digits in the pack's digits and grouping, with its decimal separator before `fraction`. */
function writeDigits(pack: NumberPack, integer: string, fraction: string, minGrouping: number): string {
  const latin = pack.digits.join('') === '0123456789';
  const local = (digits: string) => (latin ? digits : digits.replace(/[0-9]/g, (digit) => pack.digits[Number(digit)] ?? ''));
  const [primary, secondary] = pack.groupSizes;
  const groups: string[] = [];
  let rest = integer;
  if (primary > 0 && integer.length - primary >= minGrouping) {
    groups.unshift(rest.slice(-primary));
    rest = rest.slice(0, -primary);
    while (rest.length > secondary) {
      groups.unshift(rest.slice(-secondary));
      rest = rest.slice(0, -secondary);
    }
  }
  groups.unshift(rest);
  const written = groups.map(local).join(pack.group);
  return fraction === '' ? written : `${written}${pack.decimal}${local(fraction)}`;
}

/** An integer rounded to 4 significant digits, half up, in compact notation. */
function writeCompact(pack: NumberPack, value: number): string | undefined {
  const exact = String(value);
  let rounded = exact;
  if (exact.length > 4) {
    let kept = exact.slice(0, 4);
    if ((exact[4] ?? '0') >= '5') kept = increment(kept); // "9999" → "10000": one magnitude up
    rounded = kept + '0'.repeat(exact.length - 4);
  }
  const entry = pack.compact[Math.min(rounded.length - 1, MAGNITUDES - 1)];
  if (!entry) return undefined;
  const [shift, prefix, suffix] = entry;
  const integerLength = rounded.length - shift;
  const fraction = rounded.slice(integerLength).replace(/0+$/, '');
  return prefix + writeDigits(pack, rounded.slice(0, integerLength), fraction, pack.minGrouping[1]) + suffix;
}

/**
 * `value` written as Intl writes it for `kind` in the pack's language, or undefined where the pack
 * does not cover the value (negative numbers and -0, non-finite or too large ones, fractions for
 * 'compact'): use Intl for those.
 * @example formatWithPack(deriveNumberPack('de')!, 'compact', 2_470_000) // "2,47 Mio."
 */
export function formatWithPack(pack: NumberPack, kind: NumberKind, value: number): string | undefined {
  if (!(value >= 0) || Object.is(value, -0)) return undefined;
  switch (kind) {
    case 'integer': {
      if (value > Number.MAX_SAFE_INTEGER) return undefined;
      const [integer] = roundDecimal(value, 0, 0);
      return pack.integer[0] + writeDigits(pack, integer, '', pack.minGrouping[0]) + pack.integer[1];
    }
    case 'compact':
      return Number.isSafeInteger(value) ? writeCompact(pack, value) : undefined;
    case 'percent2':
    case 'percent3': {
      if (value > MAX_PERCENT) return undefined;
      // value / 100 as lib/format.ts divides it, then ×100 on the decimal digits as ICU does.
      const [integer, fraction] = roundDecimal(value / 100, 2, kind === 'percent2' ? 2 : 3);
      return pack.percent[0] + writeDigits(pack, integer, fraction, pack.minGrouping[2]) + pack.percent[1];
    }
  }
}

/**
 * Whether Intl.PluralRules selects 'one' for the non-negative integer `n` in the pack's language;
 * undefined for any other number (fractions keep PluralRules).
 */
export function isOneWithPack(pack: NumberPack, n: number): boolean | undefined {
  if (!Number.isSafeInteger(n) || n < 0) return undefined;
  return pack.plurals[n < ONE_TABLE ? n : 100 + (n % 100)] === PLURAL_LETTERS.one;
}

/**
 * The category Intl.PluralRules selects for the non-negative integer `n` in the pack's language
 * (Polish 3 → "few", 5 → "many"); undefined for fractions, and beyond 199 where the pack is not
 * periodic.
 */
export function pluralWithPack(pack: NumberPack, n: number): Intl.LDMLPluralRule | undefined {
  if (!Number.isSafeInteger(n) || n < 0 || (n >= ONE_TABLE && !pack.periodic)) return undefined;
  return PLURAL_OF_LETTER[pack.plurals[n < ONE_TABLE ? n : 100 + (n % 100)] ?? ''];
}

// ---- Checking a stored pack ----

const KEYS = ['version', 'language', 'digits', 'group', 'decimal', 'groupSizes', 'minGrouping', 'integer', 'percent', 'compact', 'plurals', 'periodic'];
/** Longest affix or separator accepted: CLDR's longest short units are well under this. */
const MAX_TEXT = 32;

const isText = (value: unknown, max = MAX_TEXT): value is string => typeof value === 'string' && value.length <= max;
const isWhole = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
/** Separators and affixes never hold Latin digits: a pack that puts some there is not trusted. */
const noDigits = (text: string) => !/[0-9]/.test(text);
const isAffixes = (value: unknown): value is Affixes =>
  Array.isArray(value) && value.length === 2 && value.every((text) => isText(text) && noDigits(text));

/**
 * Whether `value` (read back from storage, so not trusted) is a whole, well-formed NumberPack of
 * this version: every field with its type and length, nothing more.
 */
export function isNumberPack(value: unknown): value is NumberPack {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const pack = value as Record<string, unknown>;
  const keys = Object.keys(pack);
  if (keys.length !== KEYS.length || !KEYS.every((key) => Object.hasOwn(pack, key))) return false;
  const { version, language, digits, group, decimal, groupSizes, minGrouping, integer, percent, compact, plurals, periodic } = pack;
  return (
    version === 2 &&
    isText(language, 64) &&
    /^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/.test(language) &&
    Array.isArray(digits) &&
    digits.length === 10 &&
    digits.every(
      (digit, index) => isText(digit, 2) && Array.from(digit).length === 1 && (digit === String(index) || noDigits(digit)),
    ) &&
    new Set(digits).size === 10 &&
    isText(group, 4) &&
    noDigits(group) &&
    isText(decimal, 4) &&
    decimal !== '' &&
    noDigits(decimal) &&
    Array.isArray(groupSizes) &&
    groupSizes.length === 2 &&
    isWhole(groupSizes[0], 0, 9) &&
    isWhole(groupSizes[1], 1, 9) &&
    Array.isArray(minGrouping) &&
    minGrouping.length === 3 &&
    minGrouping.every((min) => isWhole(min, 1, MAGNITUDES + 1)) &&
    isAffixes(integer) &&
    isAffixes(percent) &&
    Array.isArray(compact) &&
    compact.length === MAGNITUDES &&
    compact.every(
      (entry: unknown, magnitude) =>
        Array.isArray(entry) &&
        entry.length === 3 &&
        isWhole(entry[0], 0, magnitude) &&
        isAffixes(entry.slice(1)),
    ) &&
    typeof plurals === 'string' &&
    plurals.length === ONE_TABLE &&
    /^[zotfmx]+$/.test(plurals) &&
    typeof periodic === 'boolean'
  );
}

// ---- Learning a pack from Intl ----

interface Reading {
  prefix: string;
  suffix: string;
  /** The integer digits with the grouping separators removed, in the locale's digits. */
  integer: string;
  /** Lengths of the digit groups, in code points, most significant first. */
  groups: number[];
  group: string | undefined;
  decimal: string | undefined;
  fraction: string;
}

const NUMBER_PARTS = new Set(['integer', 'group', 'decimal', 'fraction']);
const AFFIX_PARTS = new Set(['literal', 'compact', 'percentSign']);

/** Splits Intl's parts into text around the digits and the digits; undefined for any other shape. */
function read(parts: Intl.NumberFormatPart[]): Reading | undefined {
  const reading: Reading = { prefix: '', suffix: '', integer: '', groups: [], group: undefined, decimal: undefined, fraction: '' };
  let state: 'before' | 'number' | 'after' = 'before';
  for (const { type, value } of parts) {
    if (NUMBER_PARTS.has(type)) {
      if (state === 'after') return undefined; // digits split by a unit
      state = 'number';
      if (type === 'integer') {
        reading.integer += value;
        reading.groups.push(Array.from(value).length);
      } else if (type === 'group') {
        if (reading.group !== undefined && reading.group !== value) return undefined;
        reading.group = value;
      } else if (type === 'decimal') reading.decimal = value;
      else reading.fraction += value;
    } else if (AFFIX_PARTS.has(type)) {
      if (state === 'before') reading.prefix += value;
      else {
        state = 'after';
        reading.suffix += value;
      }
    } else return undefined; // a sign, an exponent, anything unforeseen
  }
  return state === 'before' ? undefined : reading;
}

/**
 * ICU's minimum grouping for numbers whose integer parts are shown by `readings` (10^k for several
 * k): the number of digits before the last group of the shortest grouped one. When none shows a
 * group, one more than any length seen, so none is ever grouped.
 */
function minimumGrouping(readings: Reading[], primary: number): number {
  const grouped = readings.filter((reading) => reading.groups.length > 1).map((reading) => Array.from(reading.integer).length);
  return grouped.length > 0 ? Math.min(...grouped) - primary : MAGNITUDES + 1;
}

/** 10^0 … 10^15 as exact numbers. */
const POWERS = Array.from({ length: MAGNITUDES }, (_, k) => 10 ** k);

/**
 * Numbers the pack is checked on before it is trusted, per kind: every magnitude, the digits each
 * plural form of a unit could need (1, 2, 5, 11, 21, 1.5…), and the roundings that carry ("9999.5").
 */
function checkValues(): Record<NumberKind, number[]> {
  const mantissas = [1000, 1001, 1010, 1100, 1234, 1500, 2000, 2100, 3000, 5000, 9999];
  const compact = new Set<number>([0, Number.MAX_SAFE_INTEGER]);
  const integer = new Set<number>([0, 7, 0.5, 1.5, 2.5, 999.5, 12_345.678, Number.MAX_SAFE_INTEGER]);
  for (const [k, power] of POWERS.entries()) {
    for (const mantissa of mantissas) compact.add(k >= 3 ? mantissa * 10 ** (k - 3) : Math.floor(mantissa / 10 ** (3 - k)));
    if (k >= 4) {
      const step = 10 ** (k - 4); // half a unit in the 4th digit of a (k+1)-digit number
      for (const value of [power * 10 - 5 * step, power * 10 - 5 * step - 1, power + 5 * step, power + 5 * step - 1]) compact.add(value);
    }
    compact.add(power * 10 - 1);
    for (const value of [power, power - 1, power * 1.2345, power * 9.8765]) integer.add(Math.floor(value));
  }
  const percent = [0, 0.0346, 0.0004999, 0.0005, 0.0015, 0.005, 0.095, 0.0995, 0.1, 1, 2.8843, 9.995, 9.9949, 10, 12.345, 99.995, 100, 123.4567, 1234.5, 10_000, 99_999.9999, 1e9];
  const safe = (values: Set<number>) => [...values].filter((value) => value <= Number.MAX_SAFE_INTEGER);
  return { integer: safe(integer), compact: safe(compact), percent2: percent, percent3: percent };
}

/** Counts the pack's 'one' table is checked on beyond 0…199. */
const ONE_CHECKS = [200, 201, 211, 221, 301, 1000, 1001, 1011, 1021, 1101, 10_001, 100_001, 1_000_000, 1_000_001, 1_000_021, 1e9, 1e9 + 1, 1e12 + 1];

function derive(language: string): NumberPack | undefined {
  const formats: Record<NumberKind, Intl.NumberFormat> = {
    integer: new Intl.NumberFormat(language, { maximumFractionDigits: 0 }),
    compact: new Intl.NumberFormat(language, { notation: 'compact', maximumSignificantDigits: 4 }),
    percent2: new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    percent3: new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 3, maximumFractionDigits: 3 }),
  };
  const rules = new Intl.PluralRules(language);

  const readAll = (format: Intl.NumberFormat, values: number[]) => values.map((value) => read(format.formatToParts(value)));
  const integers = readAll(formats.integer, POWERS);
  const compacts = readAll(formats.compact, POWERS);
  const percents = readAll(formats.percent2, POWERS.slice(0, 10).map((power) => power / 100));
  const [sample] = readAll(formats.percent3, [0.0346]);
  const [digitReading] = readAll(formats.integer, [1_234_567_890]);
  if (!isAll(integers) || !isAll(compacts) || !isAll(percents) || !sample || !digitReading) return undefined;

  // 1234567890: the digits 1…9 then 0, whatever the numbering system.
  const written = Array.from(digitReading.integer);
  if (written.length !== 10) return undefined;
  const digits = [...written.slice(9), ...written.slice(0, 9)];

  const grouped = integers.filter((reading) => reading.groups.length > 1);
  const longest = grouped.at(-1)?.groups ?? [];
  const primary = longest.at(-1) ?? 0;
  const secondary = longest.length > 2 ? (longest.at(-2) ?? primary) : primary;
  const group = [...integers, ...compacts, ...percents].find((reading) => reading.group !== undefined)?.group ?? '';
  const decimal = sample.decimal;
  if (decimal === undefined) return undefined;

  const compact: NumberPack['compact'] = [];
  for (const [k, reading] of compacts.entries()) {
    if (reading.fraction !== '' || reading.decimal !== undefined) return undefined;
    compact.push([k + 1 - Array.from(reading.integer).length, reading.prefix, reading.suffix]);
  }
  let plurals = '';
  for (let n = 0; n < ONE_TABLE; n += 1) plurals += PLURAL_LETTERS[rules.select(n)];
  const periodic = ONE_CHECKS.every((n) => plurals[100 + (n % 100)] === PLURAL_LETTERS[rules.select(n)]);

  const [percent] = percents;
  if (!percent || percent.prefix !== sample.prefix || percent.suffix !== sample.suffix) return undefined;
  const candidate = {
    version: 2,
    language,
    digits,
    group,
    decimal,
    groupSizes: [primary, secondary],
    minGrouping: [
      minimumGrouping(integers, primary),
      minimumGrouping(compacts, primary),
      minimumGrouping(percents, primary),
    ],
    integer: [integers[0]?.prefix ?? '', integers[0]?.suffix ?? ''],
    percent: [percent.prefix, percent.suffix],
    compact,
    plurals,
    periodic,
  };
  if (!isNumberPack(candidate)) return undefined;

  // Trusted only once it writes what Intl writes.
  for (const [kind, values] of Object.entries(checkValues()) as [NumberKind, number[]][]) {
    for (const value of values) {
      const intl = formats[kind].format(kind === 'percent2' || kind === 'percent3' ? value / 100 : value);
      if (formatWithPack(candidate, kind, value) !== intl) return undefined;
    }
  }
  for (const n of ONE_CHECKS) if (isOneWithPack(candidate, n) !== (rules.select(n) === 'one')) return undefined;
  for (const n of [...ONE_CHECKS, 0, 1, 2, 5, 22, 199]) {
    const category = pluralWithPack(candidate, n);
    if (category !== undefined && category !== rules.select(n)) return undefined;
  }
  return candidate;
}

const isAll = (readings: (Reading | undefined)[]): readings is Reading[] => readings.every(Boolean);

/**
 * The pack for `language` (a BCP 47 tag), made with Intl and checked against it, or undefined
 * when the language writes these numbers in a way the pack cannot copy exactly.
 */
export function deriveNumberPack(language: string): NumberPack | undefined {
  try {
    return derive(language);
  } catch {
    return undefined; // a tag Intl rejects
  }
}

// ---- The pack in use ----

let installed: NumberPack | undefined;
/** The language a number was last written in with Intl for want of a pack (wantNumberPack). */
let wanted: string | undefined;
/** The language deriveNumberPack last ran for here, refused or not: it runs once per language. */
let derivedFor: string | undefined;

/** Uses `pack` for its language from now on (one read back from storage, already checked). */
export function installNumberPack(pack: NumberPack): void {
  installed = pack;
}

/** The installed pack when it is for `language`, else undefined (use Intl). */
export function numberPackFor(language: string): NumberPack | undefined {
  return installed?.language === language ? installed : undefined;
}

/**
 * Notes that a number in `language` was just written with Intl for want of a pack: ICU runs on
 * this page anyway, so learnedNumberPack may derive one. lib/format.ts calls it.
 */
export function wantNumberPack(language: string): void {
  wanted = language;
}

/**
 * The pack to store for the next page: the installed one, or, when this page wrote numbers with
 * Intl (wantNumberPack), one derived now for that language and installed (once per language,
 * refusals included). Deriving makes a few hundred Intl calls, 10-20 ms in Chromium, so it runs
 * when the caller stores the cache, off the badge's path, and never on a page without Intl.
 */
export function learnedNumberPack(): NumberPack | undefined {
  if (wanted !== undefined && installed?.language !== wanted && derivedFor !== wanted) {
    derivedFor = wanted;
    const pack = deriveNumberPack(wanted);
    if (pack) installed = pack;
  }
  return installed;
}

/** Forgets the installed pack and what was wanted or derived; for tests. */
export function resetNumberPacks(): void {
  installed = wanted = derivedFor = undefined;
}

/**
 * The core's number port answered from the installed pack: numbers and plural choices in the pack's
 * language without Intl; for another language undefined, after noting that Intl wrote a number
 * in it (wantNumberPack), so the pack can be derived for the next page.
 */
export const packNumberSource: NumberSource = {
  format(language, kind, value) {
    const pack = numberPackFor(language);
    if (pack) return formatWithPack(pack, kind, value);
    wantNumberPack(language);
    return undefined;
  },
  isOne(language, count) {
    const pack = numberPackFor(language);
    return pack ? isOneWithPack(pack, count) : undefined;
  },
  plural(language, count) {
    const pack = numberPackFor(language);
    return pack ? pluralWithPack(pack, count) : undefined;
  },
};
