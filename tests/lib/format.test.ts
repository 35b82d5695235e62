import { describe, expect, it } from 'vitest';
import type { CountReading } from '@/lib/count';
import { audienceNoun, countNoun, formatCount, formatPercent } from '@/lib/format';

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
    expect(countNoun(1, 'post')).toBe('1 post');
    expect(countNoun(1204, 'post')).toBe('1,204 posts');
  });
});
