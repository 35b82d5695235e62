import { PLATFORMS, type Platform } from './platforms';
import { DEFAULT_INACTIVE_DAYS } from './signals/rules';
import { DEFAULT_CPMS } from './signals/value';
import { DEFAULT_TIER_SCHEME, tierSchemeById, validateTierBounds, type TierBounds, type TierScheme, type TierSchemeId } from './tiers';
import type { MessageCode } from './i18n';
import { messageCode } from './message-code';
import { isShippedLocale, type LanguageSetting } from './ui-locales';

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
  /** Decision signals, activity and value estimate in the badge's card and the popup (issue 16). */
  signals: boolean;
  /**
   * Price per 1,000 views (or likes × 10 where no views are shown) by platform, in `currency`;
   * null: none set, so no value estimate (no published CPM for X, Bluesky or Threads was found).
   */
  cpms: Record<Platform, number | null>;
  /** A label for the CPMs' currency ("USD", "€"): nothing is converted. */
  currency: string;
  /** No own post for more than this many days is worth a look. */
  inactiveDays: number;
  /**
   * The language of badge, popup and dashboard: the browser's ('browser', what chrome.i18n gives)
   * or a shipped locale ("de", "pt_BR": lib/ui-locales.ts), read from its messages.json
   * (lib/ui-messages.ts). Numbers, dates and plurals follow it.
   */
  language: LanguageSetting;
}

/** The defaults of lib/signals/value.ts (MightyScout's EMV rates), null where it has none. */
const DEFAULT_CPM_SETTINGS = Object.fromEntries(
  PLATFORMS.map((platform) => [platform, DEFAULT_CPMS[platform]?.perThousand ?? null]),
) as Record<Platform, number | null>;

export const DEFAULT_SETTINGS: Settings = {
  tierScheme: DEFAULT_TIER_SCHEME.id,
  engagementMethod: 'median',
  sampleSize: 30,
  includePinned: false,
  platforms: Object.fromEntries(PLATFORMS.map((platform) => [platform, true])) as Record<Platform, boolean>,
  badge: true,
  signals: true,
  cpms: DEFAULT_CPM_SETTINGS,
  // MightyScout's rates (the default CPMs) are in US dollars.
  currency: 'USD',
  inactiveDays: DEFAULT_INACTIVE_DAYS,
  language: 'browser',
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
// machine) and from the dashboard's form. Added for the dashboard (issue 5). The form's messages
// are codes, written by the dashboard (components/words/message.ts).

const integer = (value: number) => ({ number: value, as: 'integer' }) as const;

/** Posts in the engagement sample: the settings accept 1 to 100. */
export const SAMPLE_SIZE_RANGE = { min: 1, max: 100 } as const;

const SCHEME_IDS: readonly TierSchemeId[] = ['founding', 'five-tier', 'later-sprout', 'custom'];

/** The form's message for a sample size, or undefined when it is fine. */
export function sampleSizeProblem(value: unknown): MessageCode | undefined {
  const { min, max } = SAMPLE_SIZE_RANGE;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return messageCode('sampleSizeInvalid', integer(min), integer(max));
  }
  return undefined;
}

/** A CPM the settings accept: 0 to 10,000 per 1,000 views (far above any published rate). */
export const CPM_RANGE = { min: 0, max: 10_000 } as const;

/** The form's message for a CPM, or undefined when it is fine. */
export function cpmProblem(value: unknown): MessageCode | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < CPM_RANGE.min || value > CPM_RANGE.max) {
    return messageCode('cpmInvalid', integer(CPM_RANGE.min), integer(CPM_RANGE.max));
  }
  return undefined;
}

/** The currency label: 1 to 12 characters once trimmed (a code or a symbol, not a sentence). */
export const CURRENCY_MAX_LENGTH = 12;

/** The form's message for a currency label, or undefined when it is fine. */
export function currencyProblem(value: unknown): MessageCode | undefined {
  if (typeof value !== 'string' || value.trim() === '' || value.trim() !== value || [...value].length > CURRENCY_MAX_LENGTH) {
    return messageCode('currencyInvalid', integer(CURRENCY_MAX_LENGTH));
  }
  return undefined;
}

/** Days without a post before "inactive": 1 to 365. */
export const INACTIVE_DAYS_RANGE = { min: 1, max: 365 } as const;

/** The form's message for an inactivity threshold, or undefined when it is fine. */
export function inactiveDaysProblem(value: unknown): MessageCode | undefined {
  const { min, max } = INACTIVE_DAYS_RANGE;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return messageCode('inactiveDaysInvalid', integer(min), integer(max));
  }
  return undefined;
}

/** What the signals of one platform's profile are computed with; see signalOptions. */
export interface SignalOptions {
  inactiveDays: number;
  /** The CPM for the platform; absent when none is set (then there is no value estimate). */
  cpm?: number;
  currency: string;
}

/**
 * The settings the signals use for `platform`, or undefined when signals are turned off (then the
 * verdict carries no signals and no value estimate, and the badge and popup show none).
 * @example signalOptions(DEFAULT_SETTINGS, 'x') // { inactiveDays: 30, currency: 'USD' }: no CPM for X
 */
export function signalOptions(settings: Settings, platform: Platform): SignalOptions | undefined {
  if (!settings.signals) return undefined;
  const options: SignalOptions = { inactiveDays: settings.inactiveDays, currency: settings.currency };
  const cpm = settings.cpms[platform];
  if (typeof cpm === 'number') options.cpm = cpm;
  return options;
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
    return { settings: { ...DEFAULT_SETTINGS, platforms: { ...DEFAULT_SETTINGS.platforms }, cpms: { ...DEFAULT_SETTINGS.cpms } }, problems };
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
    signals: pick('signals', (value) => typeof value === 'boolean', DEFAULT_SETTINGS.signals),
    cpms: { ...DEFAULT_SETTINGS.cpms },
    currency: pick('currency', (value) => currencyProblem(value) === undefined, DEFAULT_SETTINGS.currency),
    inactiveDays: pick('inactiveDays', (value) => inactiveDaysProblem(value) === undefined, DEFAULT_SETTINGS.inactiveDays),
    // A locale this version does not ship (synced from a newer one, or removed): the browser's.
    language: pick('language', (value) => value === 'browser' || isShippedLocale(value), DEFAULT_SETTINGS.language),
  };
  if (input.cpms !== undefined) {
    if (typeof input.cpms !== 'object' || input.cpms === null || Array.isArray(input.cpms)) {
      problems.push('cpms: not an object');
    } else {
      const cpms = input.cpms as Record<string, unknown>;
      for (const platform of PLATFORMS) {
        const cpm = cpms[platform];
        if (cpm === undefined) continue;
        // null is "no CPM", but only where there is no default: a platform with a published rate
        // keeps one (a missing CPM there would silently fall back to the default elsewhere).
        if (cpm === null && DEFAULT_SETTINGS.cpms[platform] === null) settings.cpms[platform] = null;
        else if (cpmProblem(cpm) === undefined) settings.cpms[platform] = cpm as number;
        else problems.push(`cpms.${platform}: ${JSON.stringify(cpm)?.slice(0, 60) ?? String(cpm)} is not valid`);
      }
    }
  }
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
    else problems.push(`customBounds: ${checked.errors.map((error) => error.key).join(' ')}`);
  }
  if (settings.tierScheme === 'custom' && !settings.customBounds) {
    problems.push('tierScheme: custom without valid thresholds');
    settings.tierScheme = DEFAULT_SETTINGS.tierScheme;
  }
  return { settings, problems };
}

/** Every field of Settings: what this version writes. Anything else in the stored settings belongs to another version and is kept. */
export const SETTINGS_FIELDS: readonly (keyof Settings)[] = [
  'tierScheme',
  'customBounds',
  'engagementMethod',
  'sampleSize',
  'includePinned',
  'platforms',
  'badge',
  'signals',
  'cpms',
  'currency',
  'inactiveDays',
  'language',
];

/**
 * The fields of `patch` that are valid over `settings` (which should be valid: parseSettings'
 * result); the invalid ones are left out, so the settings keep their value, not the default.
 * @example validSettingsPatch(settings, { sampleSize: 0, badge: false }) // { badge: false }
 */
export function validSettingsPatch(settings: Settings, patch: Partial<Settings>): Partial<Settings> {
  const { problems } = parseSettings({ ...settings, ...patch });
  if (problems.length === 0) return patch;
  // Problems name their field first ("sampleSize: …", "platforms.tiktok: …"): leave those out.
  const bad = new Set(problems.map((problem) => problem.split(/[:.]/, 1)[0]));
  return Object.fromEntries(Object.entries(patch).filter(([field]) => !bad.has(field))) as Partial<Settings>;
}

/**
 * The settings with the valid fields of `patch` applied (validSettingsPatch).
 * @example applySettingsPatch(settings, { sampleSize: 0, badge: false }) // { ...settings, badge: false }
 */
export function applySettingsPatch(settings: Settings, patch: Partial<Settings>): Settings {
  return parseSettings({ ...settings, ...validSettingsPatch(settings, patch) }).settings;
}
