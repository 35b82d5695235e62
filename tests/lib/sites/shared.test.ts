import { describe, expect, it } from 'vitest';
import type { CountReading } from '../../../lib/count';
import { PRIVATE_NOTICE, renderedOverMeta } from '../../../lib/sites/shared';

const exact = (value: number): CountReading => ({ value, exact: true, min: value, max: value });
const rounded = (value: number, min: number, max: number): CountReading => ({ value, exact: false, min, max });

describe('renderedOverMeta: what the page renders now wins; meta tags alone are never exact (issue 15)', () => {
  it.each([
    ['rendered exact, meta exact and different', exact(48_213), exact(43_871), exact(48_213), false],
    ['rendered rounded, meta exact outside it', rounded(48_200, 48_150, 48_299), exact(43_871), rounded(48_200, 48_150, 48_299), false],
    ['rendered rounded, meta exact inside it', rounded(43_800, 43_750, 43_899), exact(43_871), exact(43_871), false],
    ['rendered rounded, meta rounded', rounded(48_200, 48_150, 48_299), rounded(48_000, 47_500, 48_499), rounded(48_200, 48_150, 48_299), false],
    ['no rendered count, meta exact', undefined, exact(2362), { ...exact(2362), exact: false }, true],
    ['no rendered count, meta rounded', undefined, rounded(698_000_000, 697_500_000, 698_499_999), rounded(698_000_000, 697_500_000, 698_499_999), true],
    ['nothing', undefined, undefined, undefined, false],
  ] as [string, CountReading | undefined, CountReading | undefined, CountReading | undefined, boolean][])('%s', (_, rendered, meta, reading, fromMeta) => {
    expect(renderedOverMeta(rendered, meta)).toEqual(reading ? { reading, fromMeta } : { fromMeta });
  });
});

describe('PRIVATE_NOTICE', () => {
  it.each([
    ['This account is private', true],
    ['This Account is Private', true],
    ['Dieses Konto ist privat', true],
    ['Esta cuenta es privada', true],
    ['このアカウントは非公開です', true],
    ['These posts are protected', true],
    ['These Tweets are protected', true],
    ['My account is private property', false], // not the sentence's start
    ['Follow to see their photos and videos.', false],
    ['', false],
  ])('%j → %s', (text, matches) => {
    expect(PRIVATE_NOTICE.test(text)).toBe(matches);
  });
});
