import { TIER_COLOURS, TIER_LABELS, type Tier } from '@/lib/tiers';

export interface TierChipProps {
  tier?: Tier;
  /** The rounded follower count could be in a neighbouring tier. */
  borderline?: boolean;
}

/** The tier in its colour and in words (colour is never the only cue). */
export function TierChip({ tier, borderline = false }: TierChipProps) {
  if (!tier) return <span className="tier-chip tier-unknown">Unknown</span>;
  return (
    <span
      className="tier-chip"
      style={{ backgroundColor: TIER_COLOURS[tier] }}
      title={borderline ? 'Borderline: the rounded follower count could be in a neighbouring tier' : undefined}
    >
      {TIER_LABELS[tier]}
      {borderline ? ' ≈' : ''}
    </span>
  );
}
