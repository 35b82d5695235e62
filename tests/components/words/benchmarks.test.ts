import { describe, expect, it } from 'vitest';
import { bandLabel, describeComparison } from '@/components/words/benchmarks';
import { say } from '@/components/words/message';
import { compare, compareEngagement } from '@/lib/benchmarks';
import type { CountReading } from '@/lib/count';
import { engagementRate } from '@/lib/engagement';
import type { ProfileSnapshot } from '@/lib/sites/types';
import { useLocale } from '../../i18n-fake';

/*
 * lib/benchmarks.ts returns codes (tests/lib/benchmarks.test.ts); here, that the UI edge makes the
 * same words from them as lib/ made before issue 14 (texts taken from that version, English and German).
 */

describe('bandLabel', () => {
  it.each([
    [{ minFollowers: 10_000, maxFollowers: 50_000 }, '10K–50K followers', '10.000–50.000 Follower'],
    [{ minFollowers: 1_000, maxFollowers: 5_000 }, '1K–5K followers', '1000–5000 Follower'],
    [{ minFollowers: 1_000_000 }, '1M+ followers', '1\u00a0Mio.+ Follower'],
  ])('%o → %s / %s', (band, english, german) => {
    expect(bandLabel(band)).toBe(english);
    useLocale('de');
    expect(bandLabel(band)).toBe(german);
  });
});

describe('describeComparison', () => {
  it.each<[Parameters<typeof compare>, string, string]>([
    [
      [2, 'instagram', 2_000, 'followers'],
      'Below average for 1K–5K followers (average 3.38–4.42%, Modash Instagram engagement rate calculator, 2025)',
      'Unter dem Durchschnitt für 1000–5000 Follower (Durchschnitt 3,38–4,42\u00a0%, Modash Instagram engagement rate calculator, 2025)',
    ],
    [
      [5, 'instagram', 2_000, 'followers'],
      'Above average for 1K–5K followers (average 3.38–4.42%, Modash Instagram engagement rate calculator, 2025)',
      'Über dem Durchschnitt für 1000–5000 Follower (Durchschnitt 3,38–4,42\u00a0%, Modash Instagram engagement rate calculator, 2025)',
    ],
    [
      [100, 'instagram', 20_000, 'followers'],
      'High for 10K–50K followers (average 0.84–1.11%, Modash Instagram engagement rate calculator, 2025)',
      'Hoch für 10.000–50.000 Follower (Durchschnitt 0,84–1,11\u00a0%, Modash Instagram engagement rate calculator, 2025)',
    ],
    [
      [1, 'instagram', 20_000, 'followers'],
      'Typical for 10K–50K followers (average 0.84–1.11%, Modash Instagram engagement rate calculator, 2025)',
      'Typisch für 10.000–50.000 Follower (Durchschnitt 0,84–1,11\u00a0%, Modash Instagram engagement rate calculator, 2025)',
    ],
    [[1, 'bluesky', 2_000, 'followers'], 'No published Bluesky engagement benchmark was found.', 'Es wurde kein veröffentlichter Engagement-Benchmark für Bluesky gefunden.'],
    [[1, 'threads', 2_000, 'followers'], 'No published Threads engagement benchmark was found.', 'Es wurde kein veröffentlichter Engagement-Benchmark für Threads gefunden.'],
    [[Number.NaN, 'instagram', 1_000, 'followers'], 'No engagement rate to compare.', 'Keine Engagement-Rate zum Vergleichen.'],
    [
      [1, 'instagram', 1_000, 'views'],
      "MicroScope doesn't measure Instagram engagement per view, so there is nothing to compare.",
      'MicroScope misst bei Instagram kein Engagement pro Aufruf, daher gibt es nichts zu vergleichen.',
    ],
    [
      [1, 'instagram', 20_000, 'followers', { method: 'mean' }],
      'The Modash Instagram engagement rate calculator figures are medians: set the engagement method to median to compare.',
      'Die Zahlen von Modash Instagram engagement rate calculator sind Mediane: Stelle die Engagement-Methode auf Median, um zu vergleichen.',
    ],
    [[1, 'instagram', Number.NaN, 'followers'], 'The follower count is unknown, so no size band applies.', 'Die Follower-Zahl ist unbekannt, daher passt keine Größenklasse.'],
    [[1, 'instagram', 200, 'followers'], 'Benchmarks start at 1,000 followers; this profile has 200.', 'Die Benchmarks beginnen bei 1.000 Followern; dieses Profil hat 200.'],
  ])('%j', (args, english, german) => {
    expect(describeComparison(compare(...args))).toBe(english);
    useLocale('de');
    expect(describeComparison(compare(...args))).toBe(german);
  });
});

describe('reasons and caveats from compareEngagement', () => {
  const exact = (n: number): CountReading => ({ value: n, exact: true, min: n, max: n });
  const snapshot = (followers: CountReading | undefined, likes: number[]): ProfileSnapshot => ({
    platform: 'instagram',
    handle: 'h',
    locale: 'en',
    followers,
    posts: likes.map((count, index) => ({ id: `p${index}`, likes: exact(count) })),
    notes: [],
  });

  it('a rounded count on a band edge', () => {
    const profile = snapshot({ value: 10_000, exact: false, min: 9_500, max: 10_499 }, [5_000, 5_000, 5_000, 5_000, 5_000]);
    const words = () => {
      const result = compareEngagement(engagementRate(profile), profile);
      if (result.verdict === 'none') throw new Error(say(result.reason));
      return result.caveats.map(say);
    };
    expect(words()).toEqual(['The follower count is rounded and could fall in a neighbouring band (10K–50K followers used).']);
    useLocale('de');
    expect(words()).toEqual(['Die Follower-Zahl ist gerundet und könnte in eine Nachbarklasse fallen (verwendet: 10.000–50.000 Follower).']);
  });

  it('a method caveat', () => {
    const result = compare(6.2, 'tiktok', 1_000_000, 'views');
    if (result.verdict === 'none') throw new Error(say(result.reason));
    expect(result.caveats.map(say)).toEqual([
      "Modash divides median engagements by median views; MicroScope takes the median of each video's rate: close, not identical.",
    ]);
    useLocale('de');
    expect(result.caveats.map(say)).toEqual([
      'Modash teilt den Median der Interaktionen durch den Median der Aufrufe; MicroScope nimmt den Median der Rate jedes Videos: ähnlich, aber nicht identisch.',
    ]);
  });

  it.each([
    [2, "No benchmark verdict: the rate comes from 2 of the creator's own posts, and a verdict takes at least 5 (with fewer, one post's luck decides it)."],
  ])('too few posts (%i)', (count, english) => {
    const profile = snapshot(exact(20_000), Array.from({ length: count }, () => 200));
    expect(describeComparison(compareEngagement(engagementRate(profile), profile))).toBe(english);
    useLocale('de');
    expect(describeComparison(compareEngagement(engagementRate(profile), profile))).toBe(
      'Kein Benchmark-Urteil: Die Rate stammt aus 2 eigenen Beiträgen, und ein Urteil braucht mindestens 5 (mit weniger entscheidet das Glück eines einzelnen Beitrags).',
    );
  });
});
