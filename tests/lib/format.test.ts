import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CountReading } from '@/lib/count';
import {
  audienceNoun,
  countAudience,
  countPosts,
  formatCount,
  formatBytes,
  formatDate,
  formatFollowers,
  formatInteger,
  formatPercent,
  formatRange,
  formatRelativeTime,
  formatSignedDecimal,
  formatSignedPercent,
} from '@/lib/format';
import { plural, t, uiLanguage, type MessageKey } from '@/lib/i18n';
import { setNumberSource } from '@/lib/number-source';
import { deriveNumberPack, installNumberPack, learnedNumberPack, packNumberSource, resetNumberPacks } from '@/lib/warm-start/number-pack';
import { LOCALES, readMessages, useLocale, type Locale } from '../i18n-fake';

// Intl puts a no-break space (U+00A0) or a narrow one (U+202F) where a locale wants one: compare
// with plain spaces so the tables stay readable.
const spaced = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

const exact = (value: number): CountReading => ({ value, exact: true, min: value, max: value });
const rounded = (value: number): CountReading => ({ value, exact: false, min: value, max: value });

describe('formatCount', () => {
  it.each([
    [exact(12_345), '12,345'],
    [exact(0), '0'],
    [rounded(48_200), '≈48.2K'],
    [rounded(783_400), '≈783.4K'], // as precise as the page wrote it
    [rounded(2_470_000), '≈2.47M'], // not "2.5M": that would lie outside YouTube's own interval
    [rounded(1_200_000), '≈1.2M'],
    [undefined, 'unknown'],
  ])('%o → %s', (reading, text) => {
    expect(formatCount(reading)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [2.8843, '2.88%'],
    [0.0346, '0.035%'], // 0.03% would hide half the figure
    [0, '0.00%'],
    [Number.NaN, 'unknown'],
  ])('%d → %s', (percent, text) => {
    expect(formatPercent(percent)).toBe(text);
  });
});

describe('words', () => {
  it.each([
    ['youtube', 2, 'subscribers'],
    ['youtube', 1, 'subscriber'],
    ['instagram', 2, 'followers'],
    ['x', 1, 'follower'],
  ] as const)('%s, %i → %s', (platform, count, noun) => {
    expect(audienceNoun(platform, count)).toBe(noun);
  });

  it('counts nouns in the singular and plural', () => {
    expect(countPosts('instagram', 1)).toBe('1 post');
    expect(countPosts('instagram', 1204)).toBe('1,204 posts');
    expect(countPosts('tiktok', 3)).toBe('3 videos');
    expect(countAudience('youtube', 1)).toBe('1 subscriber');
  });
});

describe('in the UI language', () => {
  const range = { value: 48_200, exact: false, min: 48_150, max: 48_249 };
  const orMore = { value: 10_000, exact: false, min: 10_000, max: Number.MAX_SAFE_INTEGER };
  it.each([
    // locale, exact 12,345, rounded 48.2K, rounded 2.47M, its range, "10K+", percent, small percent
    ['en', '12,345', '≈48.2K', '≈2.47M', '48,150–48,249', '10,000 or more', '2.88%', '0.035%'],
    ['de', '12.345', '≈48.200', '≈2,47 Mio.', '48.150–48.249', '10.000 oder mehr', '2,88 %', '0,035 %'],
    ['es', '12.345', '≈48,2 mil', '≈2,47 M', '48.150–48.249', '10.000 o más', '2,88 %', '0,035 %'],
    ['pt_BR', '12.345', '≈48,2 mil', '≈2,47 mi', '48.150–48.249', '10.000 ou mais', '2,88%', '0,035%'],
  ] as const)('%s', (locale, exactText, roundedText, millions, rangeText, orMoreText, percent, small) => {
    useLocale(locale);
    expect(formatCount(exact(12_345))).toBe(exactText);
    expect(spaced(formatCount(rounded(48_200)))).toBe(roundedText);
    expect(spaced(formatCount(rounded(2_470_000)))).toBe(millions);
    expect(formatRange(range)).toBe(rangeText);
    expect(formatCount(orMore)).toBe(orMoreText);
    expect(spaced(formatPercent(2.8843))).toBe(percent);
    expect(spaced(formatPercent(0.0346))).toBe(small);
  });

  it.each([
    ['en', 'Mar 14, 2026', '5 minutes ago', 'yesterday'],
    ['de', '14.03.2026', 'vor 5 Minuten', 'gestern'],
    ['es', '14 mar 2026', 'hace 5 minutos', 'ayer'],
    ['pt_BR', '14 de mar. de 2026', 'há 5 minutos', 'ontem'],
  ] as const)('%s dates: %s, %s, %s', (locale, date, minutes, day) => {
    useLocale(locale);
    expect(formatDate('2026-03-14T12:00:00Z')).toBe(date);
    expect(formatRelativeTime(-5, 'minute')).toBe(minutes);
    expect(formatRelativeTime(-1, 'day')).toBe(day);
  });

  it.each([
    ['en', 'followers', 'videos', '10K', '1.5M'],
    ['de', 'Follower', 'Videos', '10.000', '1,5 Mio.'],
    ['es', 'seguidores', 'videos', '10 mil', '1,5 M'],
    ['pt_BR', 'seguidores', 'vídeos', '10 mil', '1,5 mi'],
  ] as const)('%s words and thresholds: %s, %s, %s, %s', (locale, audience, videos, tenK, millions) => {
    useLocale(locale);
    expect(audienceNoun('instagram')).toBe(audience);
    // Failures name a platform's posts with this plural (lib/engagement.ts, "No videos were found…").
    expect(plural('videoNoun', 2)).toBe(videos);
    expect(spaced(formatFollowers(10_000))).toBe(tenK);
    expect(spaced(formatFollowers(1_500_000))).toBe(millions);
  });

  it('switches formats when the language changes, not keeping the first one made', () => {
    expect(formatCount(exact(12_345))).toBe('12,345');
    useLocale('de');
    expect(formatCount(exact(12_345))).toBe('12.345');
  });
});

describe('with the number pack a warm page reads from storage', () => {
  // As the content script installs it (entrypoints/content-main): the core's number port.
  beforeEach(() => setNumberSource(packNumberSource));
  afterEach(() => {
    vi.unstubAllGlobals();
    resetNumberPacks();
    setNumberSource(undefined);
  });

  /** Replaces Intl by an object that throws on any use; returns what was asked of it. */
  function removeIntl(): string[] {
    const touched: string[] = [];
    const refuse = (_: object, name: string | symbol) => {
      touched.push(String(name));
      throw new Error(`Intl.${String(name)} used on the hot path`);
    };
    vi.stubGlobal('Intl', new Proxy({}, { get: refuse }));
    return touched;
  }

  const counts = fc.oneof(
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    fc.integer({ min: 0, max: 2_000_000 }),
    fc.integer({ min: 0, max: 300 }), // plural forms: 0 is 'one' in Portuguese, 1 everywhere
    fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: -3, max: 3 })).map(([k, d]) => Math.max(0, 10 ** k + d)),
  );
  const readings = fc.oneof(
    counts.map(exact),
    counts.map(rounded),
    counts.map((value): CountReading => ({ value, exact: false, min: value, max: Number.MAX_SAFE_INTEGER })),
  );
  // Round thousands and ten-thousands take formatFollowers' compact branch.
  const followers = fc.oneof(counts, counts.map((n) => (n % 100_000) * 10), counts.map((n) => (n % 100_000) * 10_000));
  const percents = fc.oneof(
    fc.double({ min: 0, max: 10_000, noNaN: true }).filter((p) => !Object.is(p, -0)),
    fc.double({ min: 0, max: 0.2, noNaN: true }).filter((p) => !Object.is(p, -0)),
    fc.integer({ min: 0, max: 1_000_000 }).map((n) => (2 * n + 1) / 2000),
  );

  it.each(LOCALES)('%s: writes what Intl writes and picks its plurals, without calling Intl', (locale) => {
    useLocale(locale);
    const language = uiLanguage();
    const pack = deriveNumberPack(language);
    if (!pack) throw new Error(`deriveNumberPack refused ${language}, which MicroScope ships`);
    // lib/format.ts's Intl formats, made while Intl is still there: what it writes without a pack.
    const integer = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat(language, { notation: 'compact', maximumSignificantDigits: 4 });
    const percent = [2, 3].map(
      (digits) => new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }),
    );
    const [percent2, percent3] = percent as [Intl.NumberFormat, Intl.NumberFormat];
    const rules = new Intl.PluralRules(language);
    resetNumberPacks();
    installNumberPack(JSON.parse(JSON.stringify(pack)) as typeof pack); // as read back from storage
    const touched = removeIntl();

    fc.assert(
      fc.property(readings, (reading) => {
        const expected = reading.exact
          ? integer.format(reading.value)
          : reading.max >= Number.MAX_SAFE_INTEGER
            ? t('countOrMore', integer.format(reading.value))
            : `≈${compact.format(reading.value)}`;
        expect(formatCount(reading)).toBe(expected);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (value) => {
        expect(formatInteger(value)).toBe(integer.format(Math.round(value)));
      }),
    );
    fc.assert(
      fc.property(followers, (count) => {
        const round = count >= 1_000 && count % 10 === 0 && (count < 1_000_000 || count % 10_000 === 0);
        expect(formatFollowers(count)).toBe((round ? compact : integer).format(count));
      }),
    );
    fc.assert(
      fc.property(percents, (rate) => {
        expect(formatPercent(rate)).toBe((rate !== 0 && rate < 0.1 ? percent3 : percent2).format(rate / 100));
      }),
    );
    fc.assert(
      fc.property(counts, (count) => {
        // Polish few and many where the messages carry them, else one or other.
        const category = rules.select(count);
        const form = category === 'one' || `postCount_${category}` in readMessages(locale) ? category : 'other';
        expect(countPosts('instagram', count)).toBe(t(`postCount_${form}` as MessageKey, integer.format(count)));
        expect(audienceNoun('youtube', count)).toBe(t(`subscriberNoun_${form}` as MessageKey));
      }),
    );
    expect(formatRange({ value: 48_200, exact: false, min: 48_150, max: 48_249 })).toBe(
      `${integer.format(48_150)}–${integer.format(48_249)}`,
    );
    expect(touched).toEqual([]);
  });

  it('writes with Intl on a cold page, then gives lib/warm-start/locale-cache.ts the pack to store', () => {
    resetNumberPacks();
    useLocale('de');
    expect(learnedNumberPack()).toBeUndefined(); // no number written yet: nothing to derive
    expect(formatCount(rounded(48_200))).toBe('≈48.200');
    const learned = learnedNumberPack();
    expect(learned).toEqual(deriveNumberPack('de'));
    // Used from then on, without Intl.
    const touched = removeIntl();
    expect(formatCount(rounded(2_470_000))).toBe('≈2,47\u00a0Mio.');
    expect(touched).toEqual([]);
  });

  it('leaves a number the pack does not cover to Intl', () => {
    const pack = deriveNumberPack('en');
    if (!pack) throw new Error('no pack for en');
    installNumberPack(pack);
    expect(formatInteger(-1234)).toBe('-1,234');
    expect(formatPercent(-2.8843)).toBe('-2.88%');
  });
});

// Issue 18: the sign was glued on in code and "%" put around it by a message, so Turkish read
// "%+2,1" where Intl writes "+%2,1", and the minus and "%" spacing were English everywhere.
describe('signed changes, sign and percent placed by Intl in the UI language', () => {
  it.each<[Locale, string, string, string, string]>([
    ['en', '+2.1%', '-0.5%', '0.0%', '+0.42'],
    ['de', '+2,1\u00a0%', '-0,5\u00a0%', '0,0\u00a0%', '+0,42'],
    ['fr', '+2,1\u00a0%', '-0,5\u00a0%', '0,0\u00a0%', '+0,42'],
    ['tr', '+%2,1', '-%0,5', '%0,0', '+0,42'],
    ['pl', '+2,1%', '-0,5%', '0,0%', '+0,42'],
  ])('%s: %s, %s, %s, %s', (locale, up, down, zero, points) => {
    useLocale(locale);
    expect(formatSignedPercent(2.14, 1)).toBe(up);
    expect(formatSignedPercent(-0.5, 1)).toBe(down);
    // What rounds to zero has no sign ("0.0%", not "-0.0%" or "+0.0%").
    expect(formatSignedPercent(-0.04, 1)).toBe(zero);
    expect(formatSignedDecimal(0.42, 2)).toBe(points);
  });

  it('says unknown rather than NaN', () => {
    expect(formatSignedPercent(Number.NaN, 1)).toBe('unknown');
  });
});

describe('sizes in megabytes, number and unit by Intl', () => {
  it.each<[Locale, string]>([
    ['en', '10.5 MB'],
    ['de', '10,5 MB'],
    ['fr', '10,5\u202fMo'],
  ])('%s: %s', (locale, expected) => {
    useLocale(locale);
    expect(formatBytes(10_485_760)).toBe(expected);
  });
});
