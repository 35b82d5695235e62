import { TIER_COLOURS, type Tier } from '@/lib/tiers';
import { tierLabel } from '../words/tiers';

export interface TierChipProps {
  tier: Tier;
  /** Replaces the tier's name ("Micro or Mid-tier" for a borderline count). */
  text?: string;
}

/** The tier's name on its colour: white text, every colour ≥ 4.5:1 (lib/tiers.ts TIER_COLOURS). */
export function TierChip({ tier, text }: TierChipProps) {
  return (
    <span className="tier-chip" style={{ backgroundColor: TIER_COLOURS[tier] }} data-tier={tier}>
      {text ?? tierLabel(tier)}
    </span>
  );
}
