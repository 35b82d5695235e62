import { describe, expect, it } from 'vitest';
import type { CountReading } from '@/lib/count';
import {
  audienceNoun,
  countAudience,
  countPosts,
  formatCount,
  formatDate,
  formatFollowers,
  formatPercent,
  formatRange,
  formatRelativeTime,
  postNoun,
} from '@/lib/format';
import { useLocale } from '../i18n-fake';

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
    expect(postNoun('youtube')).toBe(videos);
    expect(spaced(formatFollowers(10_000))).toBe(tenK);
    expect(spaced(formatFollowers(1_500_000))).toBe(millions);
  });

  it('switches formats when the language changes, not keeping the first one made', () => {
    expect(formatCount(exact(12_345))).toBe('12,345');
    useLocale('de');
    expect(formatCount(exact(12_345))).toBe('12.345');
  });
});
