import { PLATFORMS, type Platform } from './sites/types';
import { DEFAULT_TIER_SCHEME, tierSchemeById, validateTierBounds, type TierBounds, type TierScheme, type TierSchemeId } from './tiers';

/** What the marketer can change. Lives in storage.sync so it follows them between browsers. */
export interface Settings {
  tierScheme: TierSchemeId;
  /** Used when tierScheme is 'custom'. */
  customBounds?: TierBounds;
  engagementMethod: 'median' | 'mean';
  sampleSize: number;
  includePinned: boolean;
  platforms: Record<Platform, boolean>;
  /** Show the badge on profiles (the toolbar and popup work either way). */
  badge: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  tierScheme: DEFAULT_TIER_SCHEME.id,
  engagementMethod: 'median',
  sampleSize: 30,
  includePinned: false,
  platforms: Object.fromEntries(PLATFORMS.map((platform) => [platform, true])) as Record<Platform, boolean>,
  badge: true,
};

/** The tier scheme the settings name; a broken custom scheme falls back to the default. */
export function schemeOf(settings: Settings): TierScheme {
  if (settings.tierScheme === 'custom' && settings.customBounds) {
    const checked = validateTierBounds(settings.customBounds);
    return checked.ok ? checked.scheme : DEFAULT_TIER_SCHEME;
  }
  return tierSchemeById(settings.tierScheme) ?? DEFAULT_TIER_SCHEME;
}
