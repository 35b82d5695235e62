/**
 * Reads follower / like / view counts as social sites print them, in the page's locale.
 *
 * The locale's units ("K", "Mio.", "万", "लाख", "tn", "B" = bin = thousand in Turkish) and its
 * separators are not typed here: they are derived from the runtime's own `Intl.NumberFormat`
 * (CLDR data, the same data the sites' own formatters use; see shared/research/number-formats.md)
 * and cached per locale, because this runs on every post tile of every page.
 *
 * Reading rules, in order (each one chosen so that a doubtful text gives `null`, never a guess):
 * 1. The first number token counts; labels around it are ignored ("12 posts 3 followers" → 12).
 *    A number glued to a word ("user123", "v1.2", the "1" and "5" of "1e5") is part of that word
 *    and is skipped; Han / Kana / Hangul do not need spaces, so "登録者数123万人" still reads.
 * 2. A sign right before the number ("-5", "−5", "+5": a change, or es/pt "+1M" = more than 1M),
 *    a leading decimal point (".5K"), a "%" after it, an exponent ("1e5"), or a CJK numeral we
 *    have no unit for ("3千") → null.
 * 3. A compact unit of the locale may follow (case-insensitive, spaces and a trailing "." allowed);
 *    CJK units (万 萬 만 億 亿 억 천 …) are read under every locale: they mean the same everywhere.
 *    Units Intl prints only above 10^10 (en "T") or for two magnitudes are recognised and refused.
 * 4. Separators: each of "," and "." is the locale's group, the locale's decimal, or foreign to the
 *    locale (fr has "," for decimal and U+202F for group, so "." is foreign). Spaces, apostrophes
 *    (' ’) and U+066C are only ever groups, U+066B only ever a decimal. A group must be followed by
 *    exactly three digits (or Indian 2-2-3 groups where the locale groups that way). If the
 *    locale's own reading fits, it wins; a foreign symbol that can be read both ways ("12.500" on
 *    a fr page: 12 500 or 12.5) → null. Only if the locale's reading cannot fit ("1,2 Mio." is fine,
 *    but "12,5K" on an en page is not en grouping) is the other convention tried, and taken only
 *    if exactly one reading fits.
 * 5. Without a unit a count must be an integer: a fractional reading → null. So de "12,500" is
 *    12.5 by the locale's rules → null (it might be en-style 12 500: ambiguous), and en "12.5" → null.
 * 6. A rounded value keeps its rounding interval: half a unit of the last written digit on each side
 *    ("12.5K" → 12 450 … 12 549); a trailing "+" makes the value a lower bound.
 */

import { boundedLanguageTag } from './locale-tag';

/** A number read from page text: its value, and whether the page rounded it. */
export interface CountReading {
  /** Best value: the number as written, expanded ("12.5K" → 12 500). Non-negative integer. */
  value: number;
  /** False when the page wrote a rounded or abbreviated number. */
  exact: boolean;
  /** Smallest true count the text can stand for (inclusive). Equals value when exact. */
  min: number;
  /** Largest true count the text can stand for (inclusive). Equals value when exact. */
  max: number;
}

/** A compact unit of one locale: its lower-cased text and the power of ten it multiplies by. */
interface Unit {
  key: string;
  /** Null for a word we recognise but will not read (see deriveUnits): the text then gives null. */
  pow: number | null;
  /** Whether a letter may not touch it: false for CJK units ("123万人" has the label glued on). */
  bounded: boolean;
  /** Written before the number: sw "elfu 13", si "ද13" (no locale of number-formats.md does). */
  prefix: boolean;
}

/** How a locale uses "," and "."; 'free' when the locale uses neither for that job. */
type Role = 'group' | 'decimal' | 'free';

interface LocaleData {
  comma: Role;
  dot: Role;
  /** The locale groups 12,34,567 (secondary groups of two digits: en-IN, hi, bn). */
  indian: boolean;
  /** Longest key first, so "mil millones" wins over "mil" and "kcr" over "k". */
  units: Unit[];
  /** Units written before the number. */
  prefixUnits: Unit[];
}

const MAX = Number.MAX_SAFE_INTEGER;

/** Units read on a page of any locale (see unitAfter). Keys are lower-case, like the text. */
const UNIVERSAL_UNITS: readonly Unit[] = [{ key: 'k', pow: 3, bounded: true, prefix: false }];
/**
 * One letter standing alone after a number and a space: "m", "b.", "t" (already lower-cased).
 * Not a letter starting an elided word: French "6027 J'aime" is 6027 likes.
 */
const LONE_LETTER = /^\p{L}\.?(?:$|[^\p{L}\p{N}'’])/u;

/**
 * How the site shortened its numbers. 'nearest' (the default): "12.5K" stands for 12 450 … 12 549.
 * 'down': the site truncates, so "12.5K" is 12 500 … 12 599 (X, YouTube, Bluesky do). 'either':
 * not known, so the interval covers both readings (12 450 … 12 599).
 */
export type Rounding = 'nearest' | 'down' | 'either';

export interface ParseOptions {
  rounding?: Rounding;
}
const DEFAULT_LOCALE = 'en';

// Scripts written without spaces between a number and its unit or label.
const CJK_CHAR = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}]/u;
const CJK_END = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}]$/u;
/** A letter that makes an adjacent number part of a word (every script but the CJK ones). */
const GLUE = /^(?![\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}])[\p{L}\p{M}]$/u;
/** What may not directly follow a Latin-style unit: "12 members" is not "12 M" + "embers". */
const WORD = /^[\p{L}\p{M}\p{Nd}]$/u;
/**
 * Han and Hangul numerals that multiply when written after a number. Refusal list only (never read):
 * the units we do read come from Intl; these are the ones Intl does not print ("3千", "5百万", "2십").
 */
const CJK_NUMERAL = /^[十百千万萬億亿兆京拾佰仟십백천만억조]/u;
const EXPONENT = /^e[-+\u2212]?[0-9]/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Characters that need normalising: non-ASCII digits, every kind of space, invisible format marks. */
const SPECIAL = /(?![0-9])[\p{Nd}\s\p{Cf}]/gu;
const SPACE = /^\s$/u;
const DIGIT = /^\p{Nd}$/u;
const UNDERSCORE = /_/g;

/** Signs: "-5" is a change, and "+1M" is a change ("+5 today") or a lower bound as es/pt write it. */
const SIGNS = new Set(['-', '\u2212', '\u2012', '\u2013', '\ufe63', '\uff0d', '+', '\uff0b']);
const DECIMAL_ONLY = '\u066b'; // ARABIC DECIMAL SEPARATOR
const GROUP_ONLY = '\u066c'; // ARABIC THOUSANDS SEPARATOR
const SEPARATORS = new Set([',', '.', ' ', "'", '\u2019', DECIMAL_ONLY, GROUP_ONLY]);
const PERCENT = new Set(['%', '\u066a', '\u2030', '\uff05']);
const PLUS = new Set(['+', '\uff0b']);

/** Digit value of non-ASCII decimal digits, learned on first sight. */
const digitValues = new Map<string, string>();

/**
 * ASCII value of any Unicode decimal digit ("٣", "۳", "३", "৩", "３" → "3"). Unicode encodes every
 * decimal digit set as ten consecutive code points starting at zero (a stability policy), so the
 * value is the distance to the start of its run of digits, mod 10: no table of scripts to maintain.
 */
function asciiDigit(ch: string): string {
  let known = digitValues.get(ch);
  if (known === undefined) {
    const cp = ch.codePointAt(0) ?? 0;
    let start = cp;
    while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start--;
    known = String((cp - start) % 10);
    digitValues.set(ch, known);
  }
  return known;
}

function normaliseChar(ch: string): string {
  if (SPACE.test(ch)) return ' ';
  if (DIGIT.test(ch)) return asciiDigit(ch);
  return ''; // \p{Cf}: bidi marks around Arabic numbers, zero-width spaces, soft hyphens
}

/**
 * Lower case, ASCII digits, one kind of space (NBSP, U+202F, tabs… → " "), no invisible marks.
 * The same function runs over Intl's unit names, so both sides compare alike.
 */
function normalise(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  // NFC: "करोड़" may come with a precomposed or a decomposed nukta.
  return text.normalize('NFC').replace(SPECIAL, normaliseChar).toLowerCase();
}

/** Unit keys tolerate a missing trailing period: "Mio." and "Mio" are one unit. */
function unitKey(text: string): string {
  const key = normalise(text).trim();
  return key.endsWith('.') ? key.slice(0, -1) : key;
}

/** Displayed numbers to try: compact notation shows at most two significant digits below 100. */
const PLURAL_CANDIDATES = [
  ...Array.from({ length: 30 }, (_, i) => i + 1),
  ...Array.from({ length: 12 }, (_, i) => i + 100),
  ...Array.from({ length: 89 }, (_, i) => (i + 11) / 10).filter((n) => !Number.isInteger(n)),
];

/**
 * One displayed number per plural category of the locale, whole and fractional, so that every
 * plural form of a unit gets printed once: "1,2 miliona", "3 miliony", "5 milionów", "3 ملايين".
 */
function pluralSamples(tag: string): number[] {
  const rules = new Intl.PluralRules(tag);
  const picked = new Map<string, number>();
  for (const n of PLURAL_CANDIDATES) {
    const key = `${rules.select(n)} ${Number.isInteger(n)}`;
    if (!picked.has(key)) picked.set(key, n);
  }
  return [...picked.values()];
}

/**
 * Magnitudes whose units we read. Counts on social sites stay below 10^11 (the most viewed videos
 * have some 1.6 × 10^10 views). Units Intl uses only above that (en "T", es "B" = billón) are still
 * learned, but as words to refuse: "12 T" must not read as 12. Stopping there also keeps out CLDR
 * oddities further up, such as bn reusing "কো" (crore, 10^7) for 10^11 ("১কো").
 */
const MIN_POW = 3;
const READ_POW = 10;
const MAX_POW = 15; // 10^16 is past Number.MAX_SAFE_INTEGER

/** The number a formatted compact value shows ("1,2" of "1,2 Mio."), or NaN. */
function shownNumber(parts: Intl.NumberFormatPart[]): number {
  let text = '';
  for (const part of parts) {
    if (part.type === 'integer' || part.type === 'fraction') text += normalise(part.value);
    else if (part.type === 'decimal') text += '.';
  }
  return text === '' ? Number.NaN : Number(text);
}

/**
 * The locale's compact units, read off its own formatter: for each magnitude, the `compact` part
 * of `formatToParts(n)` and the power of ten that turns the shown number back into n.
 * Smallest magnitudes first, so a unit keeps the meaning it has in the range we read.
 */
function deriveUnits(tag: string): Unit[] {
  const units = new Map<string, Unit>();
  const learn = (key: string, prefix: boolean, pow: number | null): void => {
    if (key === '') return;
    const id = `${prefix ? '<' : '>'}${key}`;
    const seen = units.get(id);
    if (!seen) units.set(id, { key, pow, prefix, bounded: !CJK_END.test(key) });
    // Intl itself uses this word for two magnitudes we read (ne: "करोड" is 10^6 in the long form,
    // 10^7 in the short one): either choice would be wrong for the other text, so refuse both.
    else if (pow !== null && seen.pow !== null && seen.pow !== pow) seen.pow = null;
  };
  const samples = pluralSamples(tag);
  const formats = (['short', 'long'] as const).map(
    (compactDisplay) => new Intl.NumberFormat(tag, { notation: 'compact', compactDisplay }),
  );
  for (let k = MIN_POW; k <= MAX_POW; k++) {
    for (const format of formats) {
      for (const sample of samples) {
        const n = Math.round(sample * 10 ** k);
        if (n > MAX) continue;
        const parts = format.formatToParts(n);
        const integerAt = parts.findIndex((part) => part.type === 'integer');
        const compact = parts.flatMap((part, at) => (part.type === 'compact' ? [{ at, key: unitKey(part.value) }] : []));
        const shown = shownNumber(parts);
        // it and fr write 1000 as the bare word "mille": no number to scale, nothing to learn.
        if (compact.length === 0 || !(shown > 0)) continue;
        // my writes 10^10 as "ဋေ ၁ ထ", two units around the number: recognised, not read.
        const pow = k <= READ_POW && compact.length === 1 ? Math.round(Math.log10(n / shown)) : null;
        for (const { at, key } of compact) learn(key, at < integerAt, pow);
      }
    }
  }
  return [...units.values()].sort((a, b) => b.key.length - a.key.length);
}

function roleOf(symbol: string, group: string, decimal: string): Role {
  if (symbol === decimal) return 'decimal';
  return symbol === group ? 'group' : 'free';
}

function buildLocale(tag: string): LocaleData {
  let group = ',';
  let decimal = '.';
  let indian = false;
  let units: Unit[] = [];
  let prefixUnits: Unit[] = [];
  try {
    const parts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
    group = normalise(parts.find((part) => part.type === 'group')?.value ?? '');
    decimal = normalise(parts.find((part) => part.type === 'decimal')?.value ?? '.');
    // 1234567 → "12,34,567": the group before the last is two digits long.
    const integers = parts.filter((part) => part.type === 'integer');
    indian = integers.length >= 3 && integers[integers.length - 2]?.value.length === 2;
    const learned = deriveUnits(tag);
    units = learned.filter((unit) => !unit.prefix);
    prefixUnits = learned.filter((unit) => unit.prefix);
  } catch (error) {
    // Engines without compact notation: read plain numbers only.
    console.debug('[MicroScope] count: no Intl data for', tag, error);
  }
  return { comma: roleOf(',', group, decimal), dot: roleOf('.', group, decimal), indian, units, prefixUnits };
}

const byInput = new Map<string, LocaleData>();
const byTag = new Map<string, LocaleData>();
/** Bounds the caches if a page feeds us many odd lang attributes; real pages use one or two. */
const CACHE_LIMIT = 64;

function resolveTag(locale: string | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  try {
    // supportedLocalesOf, not the constructor: an unsupported tag must mean 'en', not the browser's
    // own language (which Intl would silently fall back to).
    return Intl.NumberFormat.supportedLocalesOf(locale.trim().replace(UNDERSCORE, '-'))[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // "not a locale!!" throws RangeError
  }
}

function localeData(locale: string | undefined): LocaleData {
  // The key is kept in storage (learnedCountLocales): only a bounded tag, else '' (read as 'en').
  const input = locale === undefined ? '' : (boundedLanguageTag(locale) ?? '');
  let data = byInput.get(input);
  if (data) return data;
  const tag = resolveTag(input);
  data = byTag.get(tag);
  if (!data) {
    if (byTag.size >= CACHE_LIMIT) byTag.clear();
    data = buildLocale(tag);
    byTag.set(tag, data);
  }
  if (byInput.size >= CACHE_LIMIT) byInput.clear();
  byInput.set(input, data);
  return data;
}

/** A locale's reading rules as learned from Intl: plain data, kept in storage.local between pages. */
export type CountLocaleData = LocaleData;

/**
 * Every locale read so far, by the text it was asked for (a page's `lang`, "" for none): what
 * lib/warm-start/locale-cache.ts stores, so that the next page of that locale reads without a single Intl call
 * (the renderer's first one costs tens of milliseconds: bench/results.md).
 */
export function learnedCountLocales(): Record<string, CountLocaleData> {
  return Object.fromEntries(byInput);
}

const ROLES: readonly unknown[] = ['group', 'decimal', 'free'];
/** Longer than any compact unit CLDR has ("mil millones" is 12): storage must not feed us essays. */
const MAX_UNIT_KEY = 40;
const MAX_UNITS = 200;

function isUnit(value: unknown, prefix: boolean): value is Unit {
  if (typeof value !== 'object' || value === null) return false;
  const unit = value as Record<string, unknown>;
  return (
    Object.keys(unit).length === 4 &&
    typeof unit.key === 'string' &&
    unit.key !== '' &&
    unit.key.length <= MAX_UNIT_KEY &&
    unit.key === unitKey(unit.key) &&
    (unit.pow === null || (Number.isInteger(unit.pow) && (unit.pow as number) >= 0 && (unit.pow as number) <= MAX_POW + 3)) &&
    typeof unit.bounded === 'boolean' &&
    unit.prefix === prefix
  );
}

function isUnitList(value: unknown, prefix: boolean): value is Unit[] {
  return Array.isArray(value) && value.length <= MAX_UNITS && value.every((unit) => isUnit(unit, prefix));
}

/**
 * Whether `value` (read back from storage, so not trusted) has exactly the shape buildLocale makes:
 * roles, a flag, units with normalised keys and powers we read (or null for refused words).
 */
export function isCountLocaleData(value: unknown): value is CountLocaleData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return (
    Object.keys(data).length === 5 &&
    ROLES.includes(data.comma) &&
    ROLES.includes(data.dot) &&
    !(data.comma === data.dot && data.comma !== 'free') &&
    typeof data.indian === 'boolean' &&
    isUnitList(data.units, false) &&
    isUnitList(data.prefixUnits, true)
  );
}

/**
 * Takes locales learned on an earlier page (learnedCountLocales, from storage.local): those texts
 * are then read without Intl. Entries of the wrong shape are skipped; what is known already stays.
 */
export function seedCountLocales(stored: Record<string, unknown>): void {
  for (const [input, value] of Object.entries(stored)) {
    if (byInput.has(input) || byInput.size >= CACHE_LIMIT || !isCountLocaleData(value)) continue;
    // Storage is not trusted either: only the keys localeData itself would make.
    if (input !== '' && boundedLanguageTag(input) !== input) continue;
    const sortUnits = (units: Unit[]) => units.map((unit) => ({ ...unit })).sort((a, b) => b.key.length - a.key.length);
    byInput.set(input, { ...value, units: sortUnits(value.units), prefixUnits: sortUnits(value.prefixUnits) });
  }
}

let cjkUnits: Unit[] | undefined;

/** Forgets every locale learned or seeded (tests). */
export function forgetCountLocales(): void {
  byInput.clear();
  byTag.clear();
  cjkUnits = undefined;
}

/**
 * 万 萬 만 億 亿 억 천 … from the ja, zh-CN, zh-TW and ko formatters: one meaning in every locale,
 * so they are read on any page ("1.2万" on an en page is 12 000). A key two of them disagree on is
 * refused; none is today. Built on first sight of a CJK character after a number.
 */
function cjkFallback(): Unit[] {
  if (!cjkUnits) {
    const merged = new Map<string, Unit>();
    for (const tag of ['ja', 'zh-CN', 'zh-TW', 'ko']) {
      for (const unit of localeData(tag).units) {
        const seen = merged.get(unit.key);
        if (!seen) merged.set(unit.key, { ...unit });
        else if (seen.pow !== unit.pow) seen.pow = null;
      }
    }
    cjkUnits = [...merged.values()].sort((a, b) => b.key.length - a.key.length);
  }
  return cjkUnits;
}

function matchUnit(units: readonly Unit[], s: string, at: number): { unit: Unit; end: number } | null {
  for (const unit of units) {
    if (!s.startsWith(unit.key, at)) continue;
    let end = at + unit.key.length;
    if (unit.bounded && WORD.test(s.charAt(end))) continue;
    if (s.charAt(end) === '.') end++; // "Mio." for "Mio", "mln." for "mln"
    return { unit, end };
  }
  return null;
}

/** A unit written before the number that starts at `at` ("elfu 13" in sw). */
function matchPrefix(units: readonly Unit[], s: string, at: number): Unit | null {
  let end = at;
  while (s.charAt(end - 1) === ' ') end--;
  for (const unit of units) {
    const start = end - unit.key.length;
    if (start < 0 || !s.startsWith(unit.key, start)) continue;
    if (unit.bounded && WORD.test(s.charAt(start - 1))) continue;
    return unit;
  }
  return null;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function skipSpaces(s: string, i: number): number {
  while (s.charAt(i) === ' ') i++;
  return i;
}

/** A number as written: runs of digits and the single separators between them. */
interface Token {
  runs: string[];
  seps: string[];
  end: number;
}

function readToken(s: string, start: number): Token {
  const runs: string[] = [];
  const seps: string[] = [];
  let i = start;
  for (;;) {
    const runStart = i;
    while (isDigitAt(s, i)) i++;
    runs.push(s.slice(runStart, i));
    const sep = s.charAt(i);
    if (!SEPARATORS.has(sep) || !isDigitAt(s, i + 1)) break;
    // A space groups only "12 500": with any other digit count it separates two numbers.
    if (sep === ' ' && !(isDigitAt(s, i + 3) && !isDigitAt(s, i + 4) && isDigitAt(s, i + 2))) break;
    seps.push(sep === '\u2019' ? "'" : sep);
    i++;
  }
  return { runs, seps, end: i };
}

function validGroups(runs: readonly string[], indian: boolean): boolean {
  const first = runs[0] ?? '';
  if (first === '' || first.startsWith('0')) return false;
  const rest = runs.slice(1);
  const western = first.length <= 3 && rest.every((run) => run.length === 3);
  if (western || !indian) return western;
  // 12,34,567: two-digit groups, then a last group of three.
  return (
    first.length <= 2 &&
    rest.every((run, i) => run.length === (i === rest.length - 1 ? 3 : 2))
  );
}

interface Decimal {
  int: string;
  frac: string;
}

/** The token read with "," and "." in the given roles, or null if it does not fit them. */
function interpret(token: Token, comma: 'group' | 'decimal', dot: 'group' | 'decimal', indian: boolean): Decimal | null {
  const { runs, seps } = token;
  let decimalAt = -1;
  let groupSymbol = '';
  for (let i = 0; i < seps.length; i++) {
    const sep = seps[i] ?? '';
    const role = sep === ',' ? comma : sep === '.' ? dot : sep === DECIMAL_ONLY ? 'decimal' : 'group';
    if (role === 'decimal') {
      if (i !== seps.length - 1) return null; // a decimal comes once, last
      decimalAt = i;
    } else {
      const symbol = sep === GROUP_ONLY ? ',' : sep; // ١٢٬٥٠٠ groups like 12,500
      if (groupSymbol !== '' && groupSymbol !== symbol) return null; // "1.234,567.8" is not a number
      groupSymbol = symbol;
    }
  }
  const intRuns = decimalAt >= 0 ? runs.slice(0, -1) : runs;
  if (intRuns.length > 1 && !validGroups(intRuns, indian)) return null;
  return { int: intRuns.join(''), frac: decimalAt >= 0 ? (runs[runs.length - 1] ?? '') : '' };
}

const BOTH: readonly ('group' | 'decimal')[] = ['group', 'decimal'];

/** Every distinct fitting reading, with each symbol's role fixed by the locale unless free. */
function readings(token: Token, data: LocaleData, comma: Role, dot: Role): Decimal[] {
  const hasComma = token.seps.includes(',');
  const hasDot = token.seps.includes('.');
  const commaRoles = !hasComma ? BOTH.slice(0, 1) : comma === 'free' ? BOTH : [comma];
  const dotRoles = !hasDot ? BOTH.slice(0, 1) : dot === 'free' ? BOTH : [dot];
  const found: Decimal[] = [];
  for (const c of commaRoles) {
    for (const d of dotRoles) {
      const reading = interpret(token, c, d, data.indian);
      if (reading && !found.some((f) => f.int === reading.int && f.frac === reading.frac)) found.push(reading);
    }
  }
  return found;
}

/** The one reading of the number, or null when none or several fit (rule 4 of the file header). */
function readDecimal(token: Token, data: LocaleData): Decimal | null {
  const local = readings(token, data, data.comma, data.dot);
  if (local.length === 1) return local[0] ?? null;
  if (local.length > 1) return null; // "12.500" on a fr page: 12 500 or 12.5
  const foreign = readings(token, data, 'free', 'free');
  return foreign.length === 1 ? (foreign[0] ?? null) : null;
}

/** More digits than any count has: refuse before BigInt does work for nothing. */
const MAX_DIGITS = 24;

function toReading(decimal: Decimal, pow: number | null, lowerBound: boolean, rounding: Rounding): CountReading | null {
  const { int, frac } = decimal;
  if (int.length + frac.length > MAX_DIGITS) return null;
  let value: bigint;
  let min: bigint;
  let max: bigint;
  if (pow === null) {
    if (frac !== '') return null; // a count is whole: "12.5" alone is not one
    value = min = max = BigInt(int);
  } else {
    const digits = BigInt(int + frac);
    const shift = pow - frac.length;
    if (shift >= 0) {
      // "12.5K": 125 × 100, give or take half of the 100 the last digit stands for.
      const step = 10n ** BigInt(shift);
      value = digits * step;
      const half = step / 2n;
      const last = step > 1n ? 1n : 0n;
      min = rounding === 'down' ? value : value - half;
      max = rounding === 'nearest' ? value + half - last : value + step - last;
    } else {
      // More decimals than the unit has digits ("1.2345K" = 1234.5): only integers inside count.
      const q = 10n ** BigInt(-shift);
      min = 2n * digits - 1n <= 0n ? 0n : (2n * digits - 1n + 2n * q - 1n) / (2n * q);
      max = (2n * digits + 1n + 2n * q - 1n) / (2n * q) - 1n;
      if (min > max) return null;
      value = (2n * digits + q) / (2n * q);
      if (value < min) value = min;
      if (value > max) value = max;
    }
    if (min < 0n) min = 0n;
  }
  if (value > BigInt(MAX)) return null;
  if (lowerBound) return { value: Number(value), exact: false, min: Number(value), max: MAX };
  const top = max > BigInt(MAX) ? MAX : Number(max);
  return { value: Number(value), exact: min === max, min: Number(min), max: top };
}

/**
 * The unit after a number ending at `end`; null if none; 'word' if the number is glued to a word;
 * 'refuse' if what follows makes any reading a guess.
 */
function unitAfter(s: string, end: number, data: LocaleData): { unit: Unit; end: number } | null | 'word' | 'refuse' {
  const at = skipSpaces(s, end);
  if (PERCENT.has(s.charAt(at))) return 'refuse'; // a rate, not a count
  let match = matchUnit(data.units, s, at);
  if (CJK_CHAR.test(s.charAt(at))) {
    // The longer of the two: "1万亿" is 万亿 (10^12, zh-CN) even on a ja page whose own table has 万.
    const cjk = matchUnit(cjkFallback(), s, at);
    if (cjk && (!match || cjk.end > match.end)) match = cjk;
    // "1万2千", "3百万": a second numeral or number we would silently drop.
    if (match && !match.unit.bounded && (isDigitAt(s, match.end) || CJK_NUMERAL.test(s.charAt(match.end)))) {
      return 'refuse';
    }
  }
  if (match) return match;
  // "K" for thousand is written on pages of every language (YouTube es "127 K visualizaciones")
  // and means nothing else in any locale: read it where the locale's own table lacks it.
  const thousand = matchUnit(UNIVERSAL_UNITS, s, at);
  if (thousand) return thousand;
  // A lone letter this locale has no unit for ("1.2M" on a de page, "3 B" on an fr page) is a
  // compact unit of another convention: reading the bare number would be a wrong count.
  if (at > end && LONE_LETTER.test(s.slice(at, at + 3))) return 'refuse';
  if (EXPONENT.test(s.slice(end, end + 3))) return 'refuse'; // "1e5", "1.5E+3": not how counts are written
  if (GLUE.test(s.charAt(end))) return 'word';
  if (CJK_NUMERAL.test(s.charAt(at))) return 'refuse'; // "3千": a numeral Intl gave us no unit for
  return null;
}

/**
 * Reads the first count in page text, in the page's locale: the value, whether it was rounded, and
 * the range of true counts it can stand for. Null when the text holds no count or an ambiguous one.
 *
 * @param locale BCP 47 tag of the page (`document.documentElement.lang`); missing or invalid → 'en'.
 * @example
 * parseCountDetailed('12.5K followers'); // { value: 12500, exact: false, min: 12450, max: 12549 }
 * parseCountDetailed('23.9K', 'en', { rounding: 'down' }); // 23 900 … 23 999 (X truncates: 23 961)
 * parseCountDetailed('127 K visualizaciones', 'es'); // value 127 000: "K" is read in every locale
 * parseCountDetailed('1,2 Mio. Follower', 'de'); // value 1 200 000 (1 150 000 … 1 249 999)
 * parseCountDetailed('12,3 B', 'tr'); // value 12 300: Turkish "B" is bin, a thousand
 * parseCountDetailed('1,2 M', 'id'); // value 1 200 000 000: Indonesian "M" is miliar
 * parseCountDetailed('12,34,567', 'en-IN'); // exact 1 234 567
 * parseCountDetailed('チャンネル登録者数 123万人', 'ja'); // value 1 230 000
 * parseCountDetailed('١٢٫٥ ألف', 'ar'); // value 12 500
 * parseCountDetailed('10K+'); // { value: 10000, exact: false, min: 10000, max: MAX_SAFE_INTEGER }
 * parseCountDetailed('12,500', 'de'); // null: German decimal comma makes it 12.5, or en 12 500?
 * parseCountDetailed('1e5'); // null: a number glued to a word is not a count
 */
export function parseCountDetailed(text: string, locale?: string, options: ParseOptions = {}): CountReading | null {
  const rounding = options.rounding ?? 'nearest';
  if (typeof text !== 'string' || text === '') return null;
  const s = normalise(text);
  const data = localeData(locale);
  for (let i = 0; i < s.length; i++) {
    if (!isDigitAt(s, i)) continue;
    const token = readToken(s, i);
    const before = s.charAt(i - 1);
    if (SIGNS.has(before)) return null; // a signed number is not a count (see SIGNS)
    // ".5K": the integer part was lost, and "5K" would be ten times too large.
    if ((before === '.' || before === ',' || before === DECIMAL_ONLY) && (i < 2 || s.charAt(i - 2) === ' ')) {
      return null;
    }
    const prefix = matchPrefix(data.prefixUnits, s, i);
    if (!prefix && GLUE.test(before)) {
      i = token.end - 1; // part of a word ("user123", "v1.2"): look further
      continue;
    }
    const unit = prefix ? { unit: prefix, end: token.end } : unitAfter(s, token.end, data);
    if (unit === 'refuse') return null;
    if (unit === 'word') {
      i = token.end - 1; // "12abc", "12.5Kfollowers": not a standalone number
      continue;
    }
    if (unit?.unit.pow === null) return null; // a unit we recognise but do not read ("12 T")
    const decimal = readDecimal(token, data);
    if (!decimal) return null;
    const tail = skipSpaces(s, unit ? unit.end : token.end);
    const lowerBound = PLUS.has(s.charAt(tail)) && !isDigitAt(s, skipSpaces(s, tail + 1));
    return toReading(decimal, unit ? unit.unit.pow : null, lowerBound, rounding);
  }
  return null;
}

/**
 * The best value of the first count in page text (see {@link parseCountDetailed}), or null.
 *
 * @example
 * parseCount('630k'); // 630000
 * parseCount('17,7 k', 'fr'); // 17700
 * parseCount('9 512', 'fr'); // 9512 (U+202F grouping)
 * parseCount('12.5'); // null: without a unit a count has no fraction
 */
export function parseCount(text: string, locale?: string): number | null {
  return parseCountDetailed(text, locale)?.value ?? null;
}

/**
 * A reading that came from elsewhere (storage, another context, an adapter's arithmetic) checked
 * before use: a non-negative safe integer value with bounds repaired around it, or undefined.
 * @example checkedReading({ value: -5, exact: true, min: -5, max: -5 }) // undefined
 */
export function checkedReading(reading: CountReading | undefined): CountReading | undefined {
  if (!reading || !Number.isSafeInteger(reading.value) || reading.value < 0) return undefined;
  const min = Number.isSafeInteger(reading.min) && reading.min >= 0 ? Math.min(reading.min, reading.value) : reading.value;
  const max = Number.isSafeInteger(reading.max) ? Math.max(reading.max, reading.value) : reading.value;
  return { value: reading.value, exact: reading.exact === true && min === max, min, max };
}
