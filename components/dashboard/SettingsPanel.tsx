import { useId, useState } from 'react';
import { formatInteger } from '@/lib/format';
import { browserMessagesLanguage, t, uiLanguage } from '@/lib/i18n';
import { PLATFORM_NAMES, PLATFORMS, type Platform } from '@/lib/platforms';
import {
  cpmProblem,
  CURRENCY_MAX_LENGTH,
  currencyProblem,
  DEFAULT_SETTINGS,
  inactiveDaysProblem,
  INACTIVE_DAYS_RANGE,
  sampleSizeProblem,
  SAMPLE_SIZE_RANGE,
  schemeOf,
  type Settings,
} from '@/lib/settings';
import { DEFAULT_CPMS } from '@/lib/signals/value';
import { isShippedLocale, localeTag, SHIPPED_LOCALES } from '@/lib/ui-locales';
import { readThreshold } from '@/lib/threshold-input';
import {
  BOUNDED_TIERS,
  checkTierBounds,
  TIER_SCHEMES,
  validateTierBounds,
  type BoundedTier,
  type TierBounds,
  type TierBoundsProblem,
  type TierSchemeId,
} from '@/lib/tiers';
import { autonym } from '../words/languages';
import { say, sayIf } from '../words/message';
import { describeTier, schemeName, tierLabel } from '../words/tiers';

export interface SettingsPanelProps {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
  /** Why the last save failed, if it did. */
  error?: string;
  /**
   * The stored settings are of a newer MicroScope: shown, with a notice, and the controls are
   * disabled (lib/settings-storage.ts would refuse the change anyway).
   */
  newer?: boolean;
}

type Drafts = Record<BoundedTier, string>;

/**
 * A CPM as typed: a number ("12.5", "12,5", at most two decimals), or null for an empty field where the platform has no
 * default (X, Bluesky: no estimate); anything else is returned as typed, for cpmProblem to refuse.
 */
export function readCpm(text: string, platform: Platform): number | null | string {
  const clean = text.trim();
  if (clean === '') return DEFAULT_SETTINGS.cpms[platform] === null ? null : text;
  // A decimal comma ("12,5") is read; "1,000" is not a CPM anyone means and stays text.
  return /^\d+(?:[.,]\d{1,2})?$/.test(clean) ? Number(clean.replace(',', '.')) : text;
}

/** Where the default CPMs come from (lib/signals/value.ts). */
const CPM_SOURCE = Object.values(DEFAULT_CPMS)[0]?.source;

function draftsOf(bounds: TierBounds): Drafts {
  return Object.fromEntries(BOUNDED_TIERS.map((tier) => [tier, String(bounds[tier])])) as Drafts;
}

/** checkTierBounds' messages in words, by the field they are about (by the tier each names, not by its text). */
function errorsByTier(problems: readonly TierBoundsProblem[]): { byTier: Partial<Record<BoundedTier, string[]>>; general: string[] } {
  const byTier: Partial<Record<BoundedTier, string[]>> = {};
  const general: string[] = [];
  for (const { tier, message } of problems) {
    if (tier) (byTier[tier] ??= []).push(say(message));
    else general.push(say(message));
  }
  return { byTier, general };
}

/** The shipped languages, each named in itself, in the order of those names. */
function languageChoices(): { locale: string; name: string }[] {
  const collator = new Intl.Collator(uiLanguage());
  return SHIPPED_LOCALES.map((locale) => ({ locale, name: autonym(locale) })).sort((a, b) => collator.compare(a.name, b.name));
}

/** Language, tier scheme, engagement method and sample, platforms and badge. Every valid change applies at once. */
export function SettingsPanel({ settings, onChange, error, newer = false }: SettingsPanelProps) {
  const id = useId();
  const [choice, setChoice] = useState<TierSchemeId>(settings.tierScheme);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(settings.customBounds ?? schemeOf(settings).bounds));
  const [sampleDraft, setSampleDraft] = useState(String(settings.sampleSize));
  const [daysDraft, setDaysDraft] = useState(String(settings.inactiveDays));
  const [currencyDraft, setCurrencyDraft] = useState(settings.currency);
  const [cpmDrafts, setCpmDrafts] = useState<Record<Platform, string>>(
    () => Object.fromEntries(PLATFORMS.map((platform) => [platform, settings.cpms[platform] === null ? '' : String(settings.cpms[platform])])) as Record<Platform, string>,
  );
  const [changed, setChanged] = useState(false);

  const change = (patch: Partial<Settings>): void => {
    if (newer) return;
    onChange(patch);
    setChanged(true);
  };

  const customCheck = checkTierBounds(
    Object.fromEntries(BOUNDED_TIERS.map((tier) => [tier, readThreshold(drafts[tier])])) as unknown as TierBounds,
  );
  const customErrors = customCheck.ok ? { byTier: {}, general: [] } : errorsByTier(customCheck.problems);
  const sampleValue = sampleDraft.trim() === '' ? undefined : Number(sampleDraft);
  const sampleError = sayIf(sampleSizeProblem(sampleValue));
  const active = schemeOf(settings);
  const daysError = sayIf(inactiveDaysProblem(daysDraft.trim() === '' ? undefined : Number(daysDraft)));
  const currencyError = sayIf(currencyProblem(currencyDraft.trim()));
  const cpmError = (platform: Platform): string | undefined => {
    const value = readCpm(cpmDrafts[platform], platform);
    return value === null ? undefined : sayIf(cpmProblem(value));
  };

  const editCpm = (platform: Platform, text: string): void => {
    setCpmDrafts({ ...cpmDrafts, [platform]: text });
    const value = readCpm(text, platform);
    if (value === null || cpmProblem(value) === undefined) change({ cpms: { ...settings.cpms, [platform]: value as number | null } });
  };

  const chooseScheme = (next: TierSchemeId): void => {
    setChoice(next);
    if (next !== 'custom') change({ tierScheme: next });
    else if (customCheck.ok) change({ tierScheme: 'custom', customBounds: customCheck.scheme.bounds });
  };

  const editThreshold = (tier: BoundedTier, text: string): void => {
    const next = { ...drafts, [tier]: text };
    setDrafts(next);
    const checked = validateTierBounds(Object.fromEntries(BOUNDED_TIERS.map((key) => [key, readThreshold(next[key])])) as unknown as TierBounds);
    if (checked.ok) change({ tierScheme: 'custom', customBounds: checked.scheme.bounds });
  };

  return (
    <form
      className="settings"
      onSubmit={(event) => event.preventDefault()}
      aria-labelledby={`${id}-title`}
      aria-describedby={newer ? `${id}-newer` : undefined}
    >
      <h2 id={`${id}-title`}>{t('settings')}</h2>
      <p className="muted">
        {t('settingsIntro')}
      </p>
      {newer && (
        <div id={`${id}-newer`} className="notice notice-warn">
          <h3 className="notice-title">{t('settingsNewerTitle')}</h3>
          <p>{t('settingsNewerText')}</p>
        </div>
      )}

      <fieldset disabled={newer}>
        <legend id={`${id}-language`}>{t('settingsLanguage')}</legend>
        <div className="field">
          <select
            value={settings.language}
            aria-labelledby={`${id}-language`}
            aria-describedby={`${id}-language-help`}
            onChange={(event) => {
              const value = event.target.value;
              if (value === 'browser' || isShippedLocale(value)) change({ language: value });
            }}
          >
            <option value="browser">{t('settingsLanguageBrowser', autonym(browserMessagesLanguage()))}</option>
            {languageChoices().map(({ locale, name }) => (
              <option key={locale} value={locale} lang={localeTag(locale)}>
                {name}
              </option>
            ))}
          </select>
          <span id={`${id}-language-help`} className="help">
            {t('settingsLanguageHelp')}
          </span>
        </div>
      </fieldset>

      <fieldset disabled={newer}>
        <legend>{t('tierScheme')}</legend>
        <p className="help">{t('tierSchemeHelp')}</p>
        {TIER_SCHEMES.map((scheme) => (
          <label key={scheme.id} className="choice">
            <input type="radio" name={`${id}-scheme`} value={scheme.id} checked={choice === scheme.id} onChange={() => chooseScheme(scheme.id)} />
            <span>
              {schemeName(scheme)}
              <span className="help">{describeTier('micro', scheme)}</span>
            </span>
          </label>
        ))}
        <label className="choice">
          <input type="radio" name={`${id}-scheme`} value="custom" checked={choice === 'custom'} onChange={() => chooseScheme('custom')} />
          <span>
            {t('customThresholds')}
            <span className="help">{t('customThresholdsHelp')}</span>
          </span>
        </label>

        {choice === 'custom' && (
          <div className="thresholds" role="group" aria-labelledby={`${id}-thresholds`}>
            <p id={`${id}-thresholds`} className="help">
              {t('thresholdsHelp')}
            </p>
            {BOUNDED_TIERS.map((tier) => {
              const errors = customErrors.byTier[tier as BoundedTier];
              const errorId = `${id}-${tier}-error`;
              return (
                <div key={tier} className="field field-threshold">
                  <label htmlFor={`${id}-${tier}`}>{t('tierFrom', tierLabel(tier))}</label>
                  <input
                    id={`${id}-${tier}`}
                    inputMode="numeric"
                    value={drafts[tier]}
                    onChange={(event) => editThreshold(tier, event.target.value)}
                    aria-invalid={errors ? true : undefined}
                    aria-describedby={errors ? errorId : undefined}
                  />
                  {errors && (
                    <span id={errorId} className="field-error">
                      {errors.join(' ')}
                    </span>
                  )}
                </div>
              );
            })}
            {customErrors.general.length > 0 && <p className="field-error">{customErrors.general.join(' ')}</p>}
            <p className="help" aria-live="polite">
              {customCheck.ok ? t('customInUse', describeTier('micro', customCheck.scheme)) : t('customNotSaved', schemeName(active))}
            </p>
          </div>
        )}
      </fieldset>

      <fieldset disabled={newer}>
        <legend>{t('engagementRate')}</legend>
        <label className="choice">
          <input type="radio" name={`${id}-method`} checked={settings.engagementMethod === 'median'} onChange={() => change({ engagementMethod: 'median' })} />
          <span>
            {t('settingsMedian')}
            <span className="help">{t('settingsMedianHelp')}</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-method`} checked={settings.engagementMethod === 'mean'} onChange={() => change({ engagementMethod: 'mean' })} />
          <span>
            {t('settingsMean')}
            <span className="help">{t('settingsMeanHelp')}</span>
          </span>
        </label>
        <div className="field">
          <label htmlFor={`${id}-sample`}>{t('sampleSize')}</label>
          <input
            id={`${id}-sample`}
            type="number"
            min={SAMPLE_SIZE_RANGE.min}
            max={SAMPLE_SIZE_RANGE.max}
            step={1}
            value={sampleDraft}
            onChange={(event) => {
              setSampleDraft(event.target.value);
              const value = Number(event.target.value);
              if (event.target.value.trim() !== '' && sampleSizeProblem(value) === undefined) change({ sampleSize: value });
            }}
            aria-invalid={sampleError ? true : undefined}
            aria-describedby={`${id}-sample-help`}
          />
          <span id={`${id}-sample-help`} className={sampleError ? 'field-error' : 'help'}>
            {sampleError ?? t('sampleSizeHelp', formatInteger(settings.sampleSize))}
          </span>
        </div>
        <label className="choice">
          <input type="checkbox" checked={settings.includePinned} onChange={(event) => change({ includePinned: event.target.checked })} />
          <span>
            {t('includePinned')}
            <span className="help">{t('includePinnedHelp')}</span>
          </span>
        </label>
      </fieldset>

      <fieldset disabled={newer}>
        <legend>{t('platforms')}</legend>
        <p className="help">{t('platformsHelp')}</p>
        {PLATFORMS.map((platform) => (
          <label key={platform} className="choice">
            <input
              type="checkbox"
              checked={settings.platforms[platform]}
              onChange={(event) => change({ platforms: { ...settings.platforms, [platform]: event.target.checked } })}
            />
            <span>{PLATFORM_NAMES[platform]}</span>
          </label>
        ))}
      </fieldset>

      <fieldset disabled={newer}>
        <legend>{t('badge')}</legend>
        <label className="choice">
          <input type="checkbox" checked={settings.badge} onChange={(event) => change({ badge: event.target.checked })} />
          <span>
            {t('showBadge')}
            <span className="help">{t('showBadgeHelp')}</span>
          </span>
        </label>
      </fieldset>

      <fieldset disabled={newer}>
        <legend>{t('settingsSignals')}</legend>
        <label className="choice">
          <input type="checkbox" checked={settings.signals} onChange={(event) => change({ signals: event.target.checked })} />
          <span>
            {t('showSignals')}
            <span className="help">{t('showSignalsHelp')}</span>
          </span>
        </label>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('inactiveDaysLabel')}</label>
          <input
            id={`${id}-days`}
            type="number"
            min={INACTIVE_DAYS_RANGE.min}
            max={INACTIVE_DAYS_RANGE.max}
            step={1}
            value={daysDraft}
            onChange={(event) => {
              setDaysDraft(event.target.value);
              const value = Number(event.target.value);
              if (event.target.value.trim() !== '' && inactiveDaysProblem(value) === undefined) change({ inactiveDays: value });
            }}
            aria-invalid={daysError ? true : undefined}
            aria-describedby={`${id}-days-help`}
          />
          <span id={`${id}-days-help`} className={daysError ? 'field-error' : 'help'}>
            {daysError ?? t('inactiveDaysHelp', formatInteger(DEFAULT_SETTINGS.inactiveDays))}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-currency`}>{t('currencyLabel')}</label>
          <input
            id={`${id}-currency`}
            value={currencyDraft}
            maxLength={CURRENCY_MAX_LENGTH}
            onChange={(event) => {
              setCurrencyDraft(event.target.value);
              const value = event.target.value.trim();
              if (currencyProblem(value) === undefined) change({ currency: value });
            }}
            aria-invalid={currencyError ? true : undefined}
            aria-describedby={`${id}-currency-help`}
          />
          <span id={`${id}-currency-help`} className={currencyError ? 'field-error' : 'help'}>
            {currencyError ?? t('currencyHelp')}
          </span>
        </div>
        <p id={`${id}-cpm-help`} className="help">
          {t('cpmHelp')}{' '}
          {CPM_SOURCE && (
            <a href={CPM_SOURCE} target="_blank" rel="noopener noreferrer">
              {CPM_SOURCE.replace(/^https:\/\//, '')}
            </a>
          )}
        </p>
        {PLATFORMS.map((platform) => {
          const problem = cpmError(platform);
          const errorId = `${id}-cpm-${platform}-error`;
          return (
            <div key={platform} className="field">
              <label htmlFor={`${id}-cpm-${platform}`}>{t('cpmLabel', PLATFORM_NAMES[platform])}</label>
              <input
                id={`${id}-cpm-${platform}`}
                inputMode="decimal"
                value={cpmDrafts[platform]}
                onChange={(event) => editCpm(platform, event.target.value)}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${errorId} ${id}-cpm-help` : `${id}-cpm-help`}
              />
              {problem && (
                <span id={errorId} className="field-error">
                  {problem}
                </span>
              )}
            </div>
          );
        })}
      </fieldset>

      <p className={error ? 'field-error' : 'muted'} role="status">
        {error ?? (changed ? t('settingsSaved') : '')}
      </p>
    </form>
  );
}
