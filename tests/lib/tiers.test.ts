import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountReading } from '@/lib/count';
import {
  BOUNDED_TIERS,
  DEFAULT_TIER_SCHEME,
  TIER_COLOURS,
  TIER_GLYPHS,
  TIER_LABELS,
  TIER_SCHEMES,
  TIERS,
  TierSchemeError,
  checkTierBounds,
  customTierScheme,
  isMicro,
  schemeTiers,
  tierOf,
  tierRange,
  tierRank,
  tierSchemeById,
  tierVerdict,
  validateTierBounds,
  type Tier,
  type TierScheme,
} from '@/lib/tiers';
import type { MessageCode } from '@/lib/i18n';

const exact = (n: number): CountReading => ({ value: n, exact: true, min: n, max: n });
const rounded = (n: number, min: number, max: number): CountReading => ({ value: n, exact: false, min, max });

const founding = tierSchemeById('founding')!;
const fiveTier = tierSchemeById('five-tier')!;
const laterSprout = tierSchemeById('later-sprout')!;
const byId = (id: string): TierScheme => tierSchemeById(id)!;

describe('presets', () => {
  it('has the three schemes of metrics.md, founding first and default', () => {
    expect(TIER_SCHEMES.map((scheme) => scheme.id)).toEqual(['founding', 'five-tier', 'later-sprout']);
    expect(DEFAULT_TIER_SCHEME).toBe(founding);
    expect(founding.shortName).toBe('Founding');
  });

  it.each([
    ['founding', { nano: 0, micro: 1_000, mid: 10_000, macro: 100_000, mega: 1_000_000 }],
    ['five-tier', { nano: 1_000, micro: 10_000, mid: 50_000, macro: 500_000, mega: 1_000_000 }],
    ['later-sprout', { nano: 0, micro: 10_000, mid: 100_000, macro: 500_000, mega: 1_000_000 }],
  ])('%s has the thresholds of metrics.md', (id, bounds) => {
    expect(tierSchemeById(id)?.bounds).toEqual(bounds);
  });

  it.each(['custom', 'unknown', ''])('tierSchemeById(%j) is undefined (not a preset)', (id) => {
    expect(tierSchemeById(id)).toBeUndefined();
  });

  it('every preset passes its own validation', () => {
    for (const scheme of TIER_SCHEMES) expect(validateTierBounds(scheme.bounds).ok).toBe(true);
  });
});

describe('tierOf at each boundary ±1', () => {
  it.each<[number, Tier]>([
    [0, 'nano'],
    [999, 'nano'],
    [1_000, 'micro'],
    [9_999, 'micro'],
    [10_000, 'mid'],
    [99_999, 'mid'],
    [100_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
    [250_000_000, 'mega'],
  ])('founding: %d → %s', (followers, tier) => {
    expect(tierOf(followers, founding)).toBe(tier);
    expect(tierOf(followers)).toBe(tier);
  });

  it.each<[number, Tier]>([
    [0, 'emerging'],
    [999, 'emerging'],
    [1_000, 'nano'],
    [9_999, 'nano'],
    [10_000, 'micro'],
    [49_999, 'micro'],
    [50_000, 'mid'],
    [499_999, 'mid'],
    [500_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
  ])('five-tier: %d → %s', (followers, tier) => {
    expect(tierOf(followers, fiveTier)).toBe(tier);
  });

  it.each<[number, Tier]>([
    [0, 'nano'],
    [9_999, 'nano'],
    [10_000, 'micro'],
    [99_999, 'micro'],
    [100_000, 'mid'],
    [499_999, 'mid'],
    [500_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
  ])('later-sprout: %d → %s', (followers, tier) => {
    expect(tierOf(followers, laterSprout)).toBe(tier);
  });

  it.each<[number, Tier]>([
    [-5, 'nano'],
    [Number.NaN, 'nano'],
    [Number.POSITIVE_INFINITY, 'mega'],
  ])('odd input %d is read as no followers (or mega for Infinity) on founding', (followers, tier) => {
    expect(tierOf(followers, founding)).toBe(tier);
  });

  it.each<[number, string, boolean]>([
    [999, 'founding', false],
    [1_000, 'founding', true],
    [9_999, 'founding', true],
    [10_000, 'founding', false],
    [9_999, 'five-tier', false],
    [10_000, 'five-tier', true],
    [49_999, 'five-tier', true],
    [50_000, 'five-tier', false],
    [99_999, 'later-sprout', true],
  ])('isMicro(%d, %s) → %s', (followers, id, expected) => {
    expect(isMicro(followers, byId(id))).toBe(expected);
  });
});

describe('ranges and labels', () => {
  it('lists emerging only where nano starts above 0', () => {
    expect(schemeTiers(founding)).toEqual(['nano', 'micro', 'mid', 'macro', 'mega']);
    expect(schemeTiers(fiveTier)).toEqual([...TIERS]);
  });

  it.each<[Tier, string, ReturnType<typeof tierRange>]>([
    ['emerging', 'founding', undefined],
    ['emerging', 'five-tier', { from: 0, below: 1_000 }],
    ['micro', 'founding', { from: 1_000, below: 10_000 }],
    ['mega', 'later-sprout', { from: 1_000_000 }],
  ])('tierRange(%s, %s) → %o', (tier, id, range) => {
    expect(tierRange(tier, byId(id))).toEqual(range);
  });

  it('names every tier, with distinct badge glyphs of at most 2 characters', () => {
    expect(TIER_LABELS.micro).toBe('Micro');
    expect(TIER_GLYPHS.micro).toBe('µ');
    const glyphs = TIERS.map((tier) => TIER_GLYPHS[tier]);
    expect(new Set(glyphs).size).toBe(TIERS.length);
    for (const glyph of glyphs) expect([...glyph].length).toBeLessThanOrEqual(2);
  });
});

// WCAG 2 relative luminance and contrast ratio: https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('tier colours', () => {
  it.each([
    ['#000000', 21],
    ['#FFFFFF', 1],
    ['#767676', 4.54], // the lightest grey that passes AA on white, per WebAIM
  ])('contrast maths: %s on white is %d:1', (hex, ratio) => {
    expect(contrast(hex, '#FFFFFF')).toBeCloseTo(ratio, 2);
  });

  it.each(TIERS.map((tier) => [tier, TIER_COLOURS[tier]]))('%s (%s) has ≥ 4.5:1 contrast with white text', (_tier, hex) => {
    expect(hex).toMatch(/^#[0-9A-F]{6}$/i);
    expect(contrast(hex, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
  });

  it('uses a different colour per tier', () => {
    expect(new Set(Object.values(TIER_COLOURS)).size).toBe(TIERS.length);
  });
});

describe('tierVerdict', () => {
  it.each<[string, CountReading, string, Tier, boolean, Tier[]]>([
    ['exact 9,999', exact(9_999), 'founding', 'micro', false, ['micro']],
    ['"9.9K" (9,850…9,949)', rounded(9_900, 9_850, 9_949), 'founding', 'micro', false, ['micro']],
    ['"10K" (9,500…10,499)', rounded(10_000, 9_500, 10_499), 'founding', 'mid', true, ['micro', 'mid']],
    ['"1K" (950…1,049)', rounded(1_000, 950, 1_049), 'founding', 'micro', true, ['nano', 'micro']],
    ['"1K" on five-tier', rounded(1_000, 950, 1_049), 'five-tier', 'nano', true, ['emerging', 'nano']],
    ['"1M" (950K…1.049M)', rounded(1_000_000, 950_000, 1_049_999), 'founding', 'mega', true, ['macro', 'mega']],
    // Wide intervals can span more than two tiers.
    ['"1 mil" read loosely (500…1,499,999)', rounded(1_000, 500, 1_499_999), 'founding', 'micro', true, ['nano', 'micro', 'mid', 'macro', 'mega']],
    ['"50K" on later-sprout', rounded(50_000, 49_500, 50_499), 'later-sprout', 'micro', false, ['micro']],
  ])('%s', (_title, reading, id, tier, borderline, possibleTiers) => {
    expect(tierVerdict(reading, byId(id))).toEqual({ tier, borderline, possibleTiers });
  });

  it('defaults to the founding scheme', () => {
    expect(tierVerdict(exact(5_000)).tier).toBe('micro');
  });
});

describe('custom thresholds', () => {
  it('accepts an object or an array of five bounds', () => {
    const fromArray = customTierScheme([0, 5_000, 20_000, 100_000, 1_000_000]);
    expect(fromArray).toMatchObject({
      id: 'custom',
      shortName: 'Custom',
      bounds: { nano: 0, micro: 5_000, mid: 20_000, macro: 100_000, mega: 1_000_000 },
    });
    expect(customTierScheme(fromArray.bounds)).toEqual(fromArray);
    expect(tierOf(4_999, fromArray)).toBe('nano');
    expect(tierOf(5_000, fromArray)).toBe('micro');
  });

  it('nano above 0 makes an emerging tier', () => {
    const scheme = customTierScheme([500, 5_000, 20_000, 100_000, 1_000_000]);
    expect(tierOf(499, scheme)).toBe('emerging');
    expect(tierOf(500, scheme)).toBe('nano');
  });

  // The words of each fault: tests/components/words/tiers.test.ts.
  it.each<[string, readonly number[] | Record<string, unknown>, MessageCode[]]>([
    ['not increasing', [0, 10_000, 5_000, 100_000, 1_000_000], [{ key: 'tierBoundNotAbove', args: [{ key: 'tier_mid' }, { key: 'tier_micro' }, { number: 5_000, as: 'typed' }, { number: 10_000, as: 'typed' }] }]],
    ['equal bounds', [1_000, 1_000, 10_000, 100_000, 1_000_000], [{ key: 'tierBoundNotAbove', args: [{ key: 'tier_micro' }, { key: 'tier_nano' }, { number: 1_000, as: 'typed' }, { number: 1_000, as: 'typed' }] }]],
    [
      'two faults reported together',
      [0, 5_000, 20_000, 20_000, 10_000],
      [
        { key: 'tierBoundNotAbove', args: [{ key: 'tier_macro' }, { key: 'tier_mid' }, { number: 20_000, as: 'typed' }, { number: 20_000, as: 'typed' }] },
        { key: 'tierBoundNotAbove', args: [{ key: 'tier_mega' }, { key: 'tier_macro' }, { number: 10_000, as: 'typed' }, { number: 20_000, as: 'typed' }] },
      ],
    ],
    ['negative nano', [-1, 1_000, 10_000, 100_000, 1_000_000], [{ key: 'tierBoundBelowZero', args: [{ key: 'tier_nano' }, { number: -1, as: 'typed' }] }]],
    ['zero micro', [0, 0, 10_000, 100_000, 1_000_000], [{ key: 'tierBoundNotPositive', args: [{ key: 'tier_micro' }, { number: 0, as: 'typed' }] }]],
    ['negative mega', [0, 1_000, 10_000, 100_000, -5], [{ key: 'tierBoundNotPositive', args: [{ key: 'tier_mega' }, { number: -5, as: 'typed' }] }]],
    ['non-integer', [0, 1_500.5, 10_000, 100_000, 1_000_000], [{ key: 'tierBoundNotWhole', args: [{ key: 'tier_micro' }, { number: 1_500.5, as: 'typed' }] }]],
    ['NaN', [0, Number.NaN, 10_000, 100_000, 1_000_000], [{ key: 'tierBoundNotNumber', args: [{ key: 'tier_micro' }, 'NaN'] }]],
    ['too large', [0, 1_000, 10_000, 100_000, 1e20], [{ key: 'tierBoundTooLarge', args: [{ key: 'tier_mega' }, { number: 1e20, as: 'typed' }] }]],
    ['four bounds', [0, 1_000, 10_000, 100_000], [{ key: 'tierBoundsCount', args: [5, 4] }]],
    ['six bounds', [0, 1, 2, 3, 4, 5], [{ key: 'tierBoundsCount', args: [5, 6] }]],
    ['missing field', { nano: 0, micro: 1_000, mid: 10_000, macro: 100_000 }, [{ key: 'tierBoundMissing', args: [{ key: 'tier_mega' }] }]],
    ['text field', { nano: 0, micro: '1000', mid: 10_000, macro: 100_000, mega: 1_000_000 }, [{ key: 'tierBoundNotNumber', args: [{ key: 'tier_micro' }, '"1000"'] }]],
  ])('%s: %j', (_title, bounds, errors) => {
    // Runtime input from storage or a form may not match the static type.
    const input = bounds as unknown as Parameters<typeof validateTierBounds>[0];
    expect(validateTierBounds(input)).toEqual({ ok: false, errors });
    expect(() => customTierScheme(input)).toThrow(TierSchemeError);
    expect(() => customTierScheme(input)).toThrow(errors.map((error) => error.key).join(' '));
  });

  it('ties each fault to its tier for the form, whatever the wording', () => {
    const checked = checkTierBounds({ nano: 0, micro: 1_000, mid: 500, macro: 100_000, mega: Number.NaN });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((problem) => problem.tier)).toEqual(['mega', 'mid']);
    expect(checked.problems.map((problem) => problem.message)).toEqual(
      (validateTierBounds({ nano: 0, micro: 1_000, mid: 500, macro: 100_000, mega: Number.NaN }) as { errors: MessageCode[] }).errors,
    );
    // A wrong number of bounds is about no single field.
    const short = checkTierBounds([0, 1_000]);
    expect(short.ok === false && short.problems).toEqual([{ message: { key: 'tierBoundsCount', args: [5, 2] } }]);
  });

  it('keeps the messages on the error', () => {
    try {
      customTierScheme([0, 10_000, 5_000, 100_000, 1_000_000]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TierSchemeError);
      expect((error as TierSchemeError).errors).toEqual([{ key: 'tierBoundNotAbove', args: [{ key: 'tier_mid' }, { key: 'tier_micro' }, { number: 5_000, as: 'typed' }, { number: 10_000, as: 'typed' }] }]);
    }
  });
});

describe('properties', () => {
  // Five distinct non-negative integers, sorted: a valid custom scheme (only nano can be 0).
  const validBounds = fc
    .uniqueArray(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 5, maxLength: 5 })
    .map((values) => [...values].sort((a, b) => a - b));
  const followers = fc.integer({ min: 0, max: 3_000_000_000 });

  it.each(TIER_SCHEMES.map((scheme) => [scheme.id, scheme] as const))(
    'tierOf is monotone on %s',
    (_id, scheme) => {
      fc.assert(
        fc.property(followers, followers, (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(tierRank(tierOf(low, scheme))).toBeLessThanOrEqual(tierRank(tierOf(high, scheme)));
        }),
      );
    },
  );

  it('tierOf is monotone on random valid custom schemes, which all validate', () => {
    fc.assert(
      fc.property(validBounds, followers, followers, (bounds, a, b) => {
        const scheme = customTierScheme(bounds);
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(tierRank(tierOf(low, scheme))).toBeLessThanOrEqual(tierRank(tierOf(high, scheme)));
      }),
    );
  });

  it('each bound of a custom scheme starts its tier', () => {
    fc.assert(
      fc.property(validBounds, (bounds) => {
        const scheme = customTierScheme(bounds);
        BOUNDED_TIERS.forEach((tier, index) => {
          expect(tierOf(bounds[index]!, scheme)).toBe(tier);
          if (bounds[index]! > 0) expect(tierOf(bounds[index]! - 1, scheme)).not.toBe(tier);
        });
      }),
    );
  });

  it('possibleTiers always holds the tier and the tiers of both ends', () => {
    fc.assert(
      fc.property(followers, fc.nat(1_000_000), fc.nat(1_000_000), (value, below, above) => {
        const reading = rounded(value, Math.max(0, value - below), value + above);
        const verdict = tierVerdict(reading, founding);
        expect(verdict.possibleTiers).toContain(verdict.tier);
        expect(verdict.possibleTiers).toContain(tierOf(reading.min, founding));
        expect(verdict.possibleTiers).toContain(tierOf(reading.max, founding));
        expect(verdict.borderline).toBe(verdict.possibleTiers.length > 1);
      }),
    );
  });
});
