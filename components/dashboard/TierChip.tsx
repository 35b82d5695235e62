import { t } from '@/lib/i18n';
import { TIER_COLOURS, type Tier } from '@/lib/tiers';
import { tierLabel } from '../words/tiers';

export interface TierChipProps {
  tier?: Tier;
  /** The rounded follower count could be in a neighbouring tier. */
  borderline?: boolean;
}

/** The tier in its colour and in words (colour is never the only cue). */
export function TierChip({ tier, borderline = false }: TierChipProps) {
  if (!tier) return <span className="tier-chip tier-unknown">{t('tierChipUnknown')}</span>;
  return (
    <span
      className="tier-chip"
      style={{ backgroundColor: TIER_COLOURS[tier] }}
      title={borderline ? t('tierChipBorderline') : undefined}
    >
      {tierLabel(tier)}
      {borderline ? ' ≈' : ''}
    </span>
  );
}
