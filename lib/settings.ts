import { PLATFORMS, type Platform } from './platforms';
import { DEFAULT_TIER_SCHEME, tierSchemeById, validateTierBounds, type TierBounds, type TierScheme, type TierSchemeId } from './tiers';
import { formatInteger } from './format';
import { t } from './i18n';

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

// Validation: settings come from storage.sync (written by any version of the extension, on any
// machine) and from the dashboard's form. Added for the dashboard (issue 5).

/** Posts in the engagement sample: the settings accept 1 to 100. */
export const SAMPLE_SIZE_RANGE = { min: 1, max: 100 } as const;

const SCHEME_IDS: readonly TierSchemeId[] = ['founding', 'five-tier', 'later-sprout', 'custom'];

/** The form's message for a sample size, or undefined when it is fine. */
export function sampleSizeProblem(value: unknown): string | undefined {
  const { min, max } = SAMPLE_SIZE_RANGE;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return t('sampleSizeInvalid', formatInteger(min), formatInteger(max));
  }
  return undefined;
}

export interface SettingsRead {
  settings: Settings;
  /** One line per field that was present but invalid (and replaced by its default). */
  problems: string[];
}

/**
 * Settings from anything: each valid field is kept, each missing one takes its default, each
 * invalid one takes its default with a line in `problems`. Unknown fields are ignored.
 * @example parseSettings({ sampleSize: 500 }) // { settings: { …DEFAULT_SETTINGS }, problems: ['sampleSize: …'] }
 */
export function parseSettings(raw: unknown): SettingsRead {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (raw !== undefined && raw !== null) problems.push('settings: not an object');
    return { settings: { ...DEFAULT_SETTINGS, platforms: { ...DEFAULT_SETTINGS.platforms } }, problems };
  }
  const input = raw as Record<string, unknown>;
  const pick = <T>(field: keyof Settings, ok: (value: unknown) => boolean, fallback: T): T => {
    const value = input[field];
    if (value === undefined) return fallback;
    if (ok(value)) return value as T;
    problems.push(`${field}: ${JSON.stringify(value)?.slice(0, 60) ?? String(value)} is not valid`);
    return fallback;
  };
  const settings: Settings = {
    tierScheme: pick('tierScheme', (value) => SCHEME_IDS.includes(value as TierSchemeId), DEFAULT_SETTINGS.tierScheme),
    engagementMethod: pick('engagementMethod', (value) => value === 'median' || value === 'mean', DEFAULT_SETTINGS.engagementMethod),
    sampleSize: pick('sampleSize', (value) => sampleSizeProblem(value) === undefined, DEFAULT_SETTINGS.sampleSize),
    includePinned: pick('includePinned', (value) => typeof value === 'boolean', DEFAULT_SETTINGS.includePinned),
    platforms: { ...DEFAULT_SETTINGS.platforms },
    badge: pick('badge', (value) => typeof value === 'boolean', DEFAULT_SETTINGS.badge),
  };
  if (input.platforms !== undefined) {
    if (typeof input.platforms !== 'object' || input.platforms === null || Array.isArray(input.platforms)) {
      problems.push('platforms: not an object');
    } else {
      const platforms = input.platforms as Record<string, unknown>;
      for (const platform of PLATFORMS) {
        const on = platforms[platform];
        if (typeof on === 'boolean') settings.platforms[platform] = on;
        else if (on !== undefined) problems.push(`platforms.${platform}: ${JSON.stringify(on)} is not true or false`);
      }
    }
  }
  if (input.customBounds !== undefined) {
    const checked = validateTierBounds(input.customBounds as TierBounds);
    if (checked.ok) settings.customBounds = checked.scheme.bounds;
    else problems.push(`customBounds: ${checked.errors.join(' ')}`);
  }
  if (settings.tierScheme === 'custom' && !settings.customBounds) {
    problems.push('tierScheme: custom without valid thresholds');
    settings.tierScheme = DEFAULT_SETTINGS.tierScheme;
  }
  return { settings, problems };
}
