import type { CountReading } from './count';
import type { MessageCode } from './i18n';
import { messageCode } from './message-code';

/**
 * Creator tiers by follower count, smallest first. "Emerging" is below a scheme's first threshold
 * and only exists in schemes whose nano tier starts above 0 (the five-tier industry scheme).
 */
export const TIERS = ['emerging', 'nano', 'micro', 'mid', 'macro', 'mega'] as const;
export type Tier = (typeof TIERS)[number];

/** Tiers that have a lower bound in a scheme (every tier but "emerging"), in order. */
export const BOUNDED_TIERS = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
export type BoundedTier = (typeof BOUNDED_TIERS)[number];

/** Lower bound (inclusive, in followers) of each tier. A tier runs up to the next one's bound. */
export type TierBounds = Readonly<Record<BoundedTier, number>>;

export type TierSchemeId = 'founding' | 'five-tier' | 'later-sprout' | 'custom';

/**
 * A tier scheme. Its name in the UI language is components/words/tiers.ts schemeName (the badge
 * must say which scheme it used); where its thresholds come from is said beside each preset below.
 */
export interface TierScheme {
  readonly id: TierSchemeId;
  /** For the CSV export, in English like its other columns ("Founding", "5-tier"). */
  readonly shortName: string;
  readonly bounds: TierBounds;
}

// Thresholds from /work/shared/research/metrics.md, "Tier definitions".
// The founding document ("under 10,000 followers"; accounts from 1,000 count); the bands above
// micro follow Iconosquare/Sprout.
const FOUNDING: TierScheme = {
  id: 'founding',
  shortName: 'Founding',
  bounds: { nano: 0, micro: 1_000, mid: 10_000, macro: 100_000, mega: 1_000_000 },
};

// HypeAuditor State of Influencer Marketing; untapper.com/influencer-marketing-benchmarks. Under
// 1K is below any tier.
const FIVE_TIER: TierScheme = {
  id: 'five-tier',
  shortName: '5-tier',
  bounds: { nano: 1_000, micro: 10_000, mid: 50_000, macro: 500_000, mega: 1_000_000 },
};

// Later × Fohr 2021; Sprout Social micro-influencer guide.
const LATER_SPROUT: TierScheme = {
  id: 'later-sprout',
  shortName: 'Later/Sprout',
  bounds: { nano: 0, micro: 10_000, mid: 100_000, macro: 500_000, mega: 1_000_000 },
};

/** The preset schemes, in the order of the settings list. */
export const TIER_SCHEMES: readonly TierScheme[] = [FOUNDING, FIVE_TIER, LATER_SPROUT];

/** The founding document's definition: micro means 1K to under 10K followers. */
export const DEFAULT_TIER_SCHEME: TierScheme = FOUNDING;

/** The preset with this id; undefined for 'custom' and unknown ids (build those with customTierScheme). */
export function tierSchemeById(id: string): TierScheme | undefined {
  return TIER_SCHEMES.find((scheme) => scheme.id === id);
}

/** Position of a tier in TIERS: 0 for emerging … 5 for mega. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/**
 * The tier of a follower count. Below the scheme's nano bound it is 'emerging'.
 * A negative or NaN count is read as 0 (no followers); Infinity is mega.
 * @example tierOf(9_999) // 'micro' on the founding scheme; tierOf(999, fiveTier) // 'emerging'
 */
export function tierOf(followers: number, scheme: TierScheme = DEFAULT_TIER_SCHEME): Tier {
  const count = Number.isNaN(followers) || followers < 0 ? 0 : followers;
  for (let index = BOUNDED_TIERS.length - 1; index >= 0; index--) {
    const tier = BOUNDED_TIERS[index]!;
    if (count >= scheme.bounds[tier]) return tier;
  }
  return 'emerging';
}

/** True when the count falls in the scheme's micro tier. */
export function isMicro(followers: number, scheme: TierScheme = DEFAULT_TIER_SCHEME): boolean {
  return tierOf(followers, scheme) === 'micro';
}

/** The tiers a scheme uses, smallest first ('emerging' only when nano starts above 0). */
export function schemeTiers(scheme: TierScheme): Tier[] {
  return scheme.bounds.nano > 0 ? [...TIERS] : [...BOUNDED_TIERS];
}

/** Followers from `from` (inclusive) to `below` (exclusive; absent for the top tier). */
export interface TierRange {
  from: number;
  below?: number;
}

/** The follower range of a tier in a scheme; undefined for 'emerging' when the scheme has none. */
export function tierRange(tier: Tier, scheme: TierScheme = DEFAULT_TIER_SCHEME): TierRange | undefined {
  const { bounds } = scheme;
  if (tier === 'emerging') return bounds.nano > 0 ? { from: 0, below: bounds.nano } : undefined;
  const next = BOUNDED_TIERS[BOUNDED_TIERS.indexOf(tier) + 1];
  return next === undefined ? { from: bounds[tier] } : { from: bounds[tier], below: bounds[next] };
}

export interface TierVerdict {
  /** Tier of the count as written (the reading's value). */
  tier: Tier;
  /** The count is rounded and the true count could lie in another tier. */
  borderline: boolean;
  /** Every tier the true count could be in, smallest first; just [tier] when not borderline. */
  possibleTiers: Tier[];
}

/**
 * The tier of a count read from the page, and whether rounding leaves it in doubt.
 * @example tierVerdict(reading of "10K" = 9 500…10 499) // { tier: 'mid', borderline: true, possibleTiers: ['micro', 'mid'] }
 */
export function tierVerdict(reading: CountReading, scheme: TierScheme = DEFAULT_TIER_SCHEME): TierVerdict {
  const tier = tierOf(reading.value, scheme);
  const min = Number.isFinite(reading.min) ? Math.min(reading.min, reading.value) : reading.value;
  const max = Number.isFinite(reading.max) ? Math.max(reading.max, reading.value) : reading.value;
  // tierOf is monotone, so the interval covers exactly the tiers between its ends' tiers.
  const possibleTiers = TIERS.slice(tierRank(tierOf(min, scheme)), tierRank(tierOf(max, scheme)) + 1);
  return { tier, borderline: possibleTiers.length > 1, possibleTiers };
}

/** English names of the tiers, for data (CSV export); the UI uses tierLabel. */
export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  emerging: 'Emerging',
  nano: 'Nano',
  micro: 'Micro',
  mid: 'Mid-tier',
  macro: 'Macro',
  mega: 'Mega',
};

/**
 * One- or two-character marks for the toolbar badge, which has room for about four characters.
 * Small tiers are lower case ("e", "n", "µ" — the micro sign U+00B5, as in µm); the three large
 * tiers all start with M, so they take a second letter: "Md" mid, "Ma" macro, "Mg" mega
 * (as in the SI symbol for megagram).
 */
export const TIER_GLYPHS: Readonly<Record<Tier, string>> = {
  emerging: 'e',
  nano: 'n',
  micro: '\u00B5',
  mid: 'Md',
  macro: 'Ma',
  mega: 'Mg',
};

/**
 * Background colours for badges with white text. Each has a contrast ratio of at least 4.5:1
 * against #FFFFFF (WCAG 2 AA for normal text); tests/lib/tiers.test.ts checks the maths.
 * Distinct hues: grey, teal, green (micro, the tier the extension is about), blue, purple, red.
 */
export const TIER_COLOURS: Readonly<Record<Tier, string>> = {
  emerging: '#5F6368', // 6.0:1
  nano: '#00737A', // 5.6:1
  micro: '#2E7D32', // 5.1:1
  mid: '#1565C0', // 5.7:1
  macro: '#6A1B9A', // 9.4:1
  mega: '#B3261E', // 6.5:1
};

/** Thrown by customTierScheme; `errors` holds the same codes validateTierBounds returns (its message, their keys). */
export class TierSchemeError extends Error {
  override readonly name = 'TierSchemeError';
  constructor(readonly errors: readonly MessageCode[]) {
    super(errors.map((error) => error.key).join(' '));
  }
}

export type TierBoundsValidation = { ok: true; scheme: TierScheme } | { ok: false; errors: MessageCode[] };

/** One fault in custom thresholds: the tier whose field it is about (none for a wrong count), and the message as a code for the UI to write. */
export interface TierBoundsProblem {
  tier?: BoundedTier;
  message: MessageCode;
}

/** Like TierBoundsValidation, with each fault tied to its tier (for a form that shows them by field). */
export type TierBoundsCheck = { ok: true; scheme: TierScheme } | { ok: false; problems: TierBoundsProblem[] };

/**
 * A threshold typed in a form that reads as more than one number in the UI language ("10.000" in
 * English: ten or ten thousand?): lib/threshold-input.ts readThreshold gives it, checkTierBounds refuses it.
 */
export interface AmbiguousThreshold {
  ambiguous: string;
}

const isAmbiguous = (value: unknown): value is AmbiguousThreshold =>
  typeof value === 'object' && value !== null && typeof (value as Partial<AmbiguousThreshold>).ambiguous === 'string';

/** Input for custom thresholds: an object, or the five lower bounds in order (nano, micro, mid, macro, mega). */
export type TierBoundsInput = TierBounds | readonly number[];

/** The tier's name as a nested message (`tier_mid`: "Mid-tier", German "Mid-Tier"): each language names it. */
const tierName = (tier: BoundedTier): MessageCode => messageCode(`tier_${tier}`);
// The number as typed, written in the UI language by the UI ("1,500.5", "1.500,5"): no rounding, no compact form.
const typed = (value: number) => ({ number: value, as: 'typed' }) as const;

/**
 * Checks custom thresholds, never throws. Each bound is a whole number of followers; nano may be 0
 * (no emerging tier), the others are positive and each above the one before. Faults are message codes.
 * @example validateTierBounds([0, 5_000, 20_000, 100_000, 1_000_000]) // { ok: true, scheme }
 */
export function validateTierBounds(bounds: TierBoundsInput): TierBoundsValidation {
  const checked = checkTierBounds(bounds);
  return checked.ok ? checked : { ok: false, errors: checked.problems.map((problem) => problem.message) };
}

/**
 * validateTierBounds with each message tied to the tier it is about, so a form can place it by its
 * field without reading the message.
 */
export function checkTierBounds(bounds: TierBoundsInput): TierBoundsCheck {
  // Settings come from storage and forms: check the shape at run time too.
  const raw: unknown[] = Array.isArray(bounds)
    ? [...(bounds as readonly unknown[])]
    : BOUNDED_TIERS.map((tier) => (bounds as Partial<Record<BoundedTier, unknown>> | null)?.[tier]);
  if (raw.length !== BOUNDED_TIERS.length) {
    return { ok: false, problems: [{ message: messageCode('tierBoundsCount', BOUNDED_TIERS.length, raw.length) }] };
  }

  const problems: TierBoundsProblem[] = [];
  const valid: (number | undefined)[] = raw.map((value, index) => {
    const tier = BOUNDED_TIERS[index]!;
    const name = tierName(tier);
    const fault = (message: MessageCode): undefined => {
      problems.push({ tier, message });
      return undefined;
    };
    if (value === undefined || value === null || value === '') return fault(messageCode('tierBoundMissing', name));
    if (isAmbiguous(value)) return fault(messageCode('tierBoundAmbiguous', name, value.ambiguous));
    if (typeof value !== 'number' || Number.isNaN(value)) {
      return fault(messageCode('tierBoundNotNumber', name, typeof value === 'string' ? JSON.stringify(value) : String(value)));
    }
    if (index === 0 ? value < 0 : value <= 0) {
      return fault(messageCode(index === 0 ? 'tierBoundBelowZero' : 'tierBoundNotPositive', name, typed(value)));
    }
    if (!Number.isInteger(value)) return fault(messageCode('tierBoundNotWhole', name, typed(value)));
    if (!Number.isSafeInteger(value)) return fault(messageCode('tierBoundTooLarge', name, typed(value)));
    return value;
  });

  for (let index = 1; index < valid.length; index++) {
    const previous = valid[index - 1];
    const current = valid[index];
    if (previous === undefined || current === undefined || current > previous) continue;
    const tier = BOUNDED_TIERS[index]!;
    problems.push({
      tier,
      message: messageCode('tierBoundNotAbove', tierName(tier), tierName(BOUNDED_TIERS[index - 1]!), typed(current), typed(previous)),
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const [nano, micro, mid, macro, mega] = valid as number[];
  const checked: TierBounds = { nano: nano!, micro: micro!, mid: mid!, macro: macro!, mega: mega! };
  return {
    ok: true,
    // Your own thresholds.
    scheme: { id: 'custom', shortName: 'Custom', bounds: checked },
  };
}

/** A scheme from custom thresholds; throws TierSchemeError with validateTierBounds' messages. */
export function customTierScheme(bounds: TierBoundsInput): TierScheme {
  const result = validateTierBounds(bounds);
  if (!result.ok) throw new TierSchemeError(result.errors);
  return result.scheme;
}
