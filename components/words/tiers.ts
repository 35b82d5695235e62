import { formatFollowers } from '@/lib/format';
import { listInWords, t, type MessageKey } from '@/lib/i18n';
import { DEFAULT_TIER_SCHEME, tierRange, type Tier, type TierScheme, type TierVerdict } from '@/lib/tiers';

/** The tier's name in the UI language ("Micro", "Mid-tier"; German "Mittelklasse"). */
export function tierLabel(tier: Tier): string {
  return t(`tier_${tier}` as MessageKey);
}

/** The scheme's name in the UI language ("Founding definition (micro < 10K)"). */
export function schemeName(scheme: TierScheme): string {
  if (scheme.id === 'custom') return t('scheme_custom', formatFollowers(scheme.bounds.micro), formatFollowers(scheme.bounds.mid));
  return t(`scheme_${scheme.id.replace('-', '_')}` as MessageKey);
}

/**
 * The tier's name with its follower range in the scheme.
 * @example describeTier('micro') // "Micro (1K to under 10K followers)"
 */
export function describeTier(tier: Tier, scheme: TierScheme = DEFAULT_TIER_SCHEME): string {
  const label = tierLabel(tier);
  const range = tierRange(tier, scheme);
  if (!range) return t('tierRangeUnused', label);
  if (range.below === undefined) return t('tierRangeFrom', label, formatFollowers(range.from));
  if (range.from === 0) return t('tierRangeUnder', label, formatFollowers(range.below));
  return t('tierRangeBetween', label, formatFollowers(range.from), formatFollowers(range.below));
}

/**
 * The verdict in words: the tier, or every possible tier when rounding leaves it in doubt.
 * @example describeVerdict({ tier: 'mid', borderline: true, possibleTiers: ['micro', 'mid'] }) // "Micro or Mid-tier"
 */
export function describeVerdict(verdict: TierVerdict): string {
  return listInWords(verdict.possibleTiers.map(tierLabel), 'disjunction');
}
