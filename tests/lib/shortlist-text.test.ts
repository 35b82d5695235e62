import { describe, expect, it } from 'vitest';
import { checkProfile, clipText, LIMITS, newProfile, normaliseTags, recentViewOf } from '@/lib/shortlist/schema';
import { makeView } from './shortlist-fixtures';

const EMOJI = '😀'; // two UTF-16 units

describe('clipText', () => {
  it.each([
    ['short text stays', 'abc', 5, 'abc'],
    ['exactly the limit stays', 'abcde', 5, 'abcde'],
    ['plain text is cut at the limit', 'abcdef', 5, 'abcde'],
    ['an emoji split by the limit goes whole', `abcd${EMOJI}`, 5, 'abcd'],
    ['an emoji that fits stays', `abc${EMOJI}x`, 5, `abc${EMOJI}`],
    ['accented letters are single units', 'ééééé é', 5, 'ééééé'],
  ])('%s', (_name, text, max, expected) => {
    expect(clipText(text, max)).toBe(expected);
  });

  it('never leaves a lone surrogate, whatever the limit', () => {
    const text = `a${EMOJI}b${EMOJI}${EMOJI}c`;
    for (let max = 1; max <= text.length; max++) {
      const clipped = clipText(text, max);
      expect(clipped.length).toBeLessThanOrEqual(max);
      expect(text.startsWith(clipped)).toBe(true);
      expect(clipped.isWellFormed()).toBe(true);
    }
  });
});

describe('long names and tags with emoji', () => {
  // A creator name of emoji only, longer than the limit, with the limit falling inside one emoji.
  const longName = `x${EMOJI.repeat(LIMITS.displayName)}`;

  it('a saved profile keeps whole emoji and stays valid', () => {
    const profile = newProfile(makeView({ displayName: longName }), '2026-11-27T12:00:00.000Z');
    expect(profile.displayName?.isWellFormed()).toBe(true);
    expect(profile.displayName?.length).toBe(LIMITS.displayName - 1);
    expect(checkProfile(profile, 'import').ok).toBe(true);
  });

  it('the recent list keeps whole emoji', () => {
    const recent = recentViewOf(makeView({ displayName: longName }), '2026-11-27T12:00:00.000Z');
    expect(recent.displayName?.isWellFormed()).toBe(true);
  });

  it('tags keep whole emoji', () => {
    const [tag] = normaliseTags([`y${EMOJI.repeat(LIMITS.tag)}`]);
    expect(tag?.isWellFormed()).toBe(true);
    expect(tag?.length).toBe(LIMITS.tag - 1);
  });
});
