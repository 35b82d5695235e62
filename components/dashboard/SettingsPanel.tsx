import { useId, useState } from 'react';
import { formatInteger } from '@/lib/format';
import { t } from '@/lib/i18n';
import { PLATFORM_NAMES, PLATFORMS } from '@/lib/platforms';
import { sampleSizeProblem, SAMPLE_SIZE_RANGE, schemeOf, type Settings } from '@/lib/settings';
import {
  BOUNDED_TIERS,
  checkTierBounds,
  describeTier,
  schemeName,
  tierLabel,
  TIER_SCHEMES,
  validateTierBounds,
  type BoundedTier,
  type TierBounds,
  type TierBoundsProblem,
  type TierSchemeId,
} from '@/lib/tiers';

export interface SettingsPanelProps {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
  /** Why the last save failed, if it did. */
  error?: string;
}

/**
 * A follower count as typed: "10000", "10,000", "10 000", "10K", "1.5M".
 * @example readThreshold('1.5M') // 1500000
 */
export function readThreshold(text: string): number | string | undefined {
  const clean = text.replace(/[\s,_']/g, '');
  if (clean === '') return undefined;
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(clean);
  if (!match) return text;
  const unit = match[2]!.toLowerCase();
  const value = Number(match[1]) * (unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1);
  return Math.round(value * 1e6) / 1e6;
}

type Drafts = Record<BoundedTier, string>;

function draftsOf(bounds: TierBounds): Drafts {
  return Object.fromEntries(BOUNDED_TIERS.map((tier) => [tier, String(bounds[tier])])) as Drafts;
}

/** checkTierBounds' messages by the field they are about (by the tier each names, not by its text). */
function errorsByTier(problems: readonly TierBoundsProblem[]): { byTier: Partial<Record<BoundedTier, string[]>>; general: string[] } {
  const byTier: Partial<Record<BoundedTier, string[]>> = {};
  const general: string[] = [];
  for (const { tier, message } of problems) {
    if (tier) (byTier[tier] ??= []).push(message);
    else general.push(message);
  }
  return { byTier, general };
}

/** Tier scheme, engagement method and sample, platforms and badge. Every valid change applies at once. */
export function SettingsPanel({ settings, onChange, error }: SettingsPanelProps) {
  const id = useId();
  const [choice, setChoice] = useState<TierSchemeId>(settings.tierScheme);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(settings.customBounds ?? schemeOf(settings).bounds));
  const [sampleDraft, setSampleDraft] = useState(String(settings.sampleSize));
  const [changed, setChanged] = useState(false);

  const change = (patch: Partial<Settings>): void => {
    onChange(patch);
    setChanged(true);
  };

  const customCheck = checkTierBounds(
    Object.fromEntries(BOUNDED_TIERS.map((tier) => [tier, readThreshold(drafts[tier])])) as unknown as TierBounds,
  );
  const customErrors = customCheck.ok ? { byTier: {}, general: [] } : errorsByTier(customCheck.problems);
  const sampleValue = sampleDraft.trim() === '' ? undefined : Number(sampleDraft);
  const sampleError = sampleSizeProblem(sampleValue);
  const active = schemeOf(settings);

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
    <form className="settings" onSubmit={(event) => event.preventDefault()} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings')}</h2>
      <p className="muted">
        {t('settingsIntro')}
      </p>

      <fieldset>
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

      <fieldset>
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

      <fieldset>
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

      <fieldset>
        <legend>{t('badge')}</legend>
        <label className="choice">
          <input type="checkbox" checked={settings.badge} onChange={(event) => change({ badge: event.target.checked })} />
          <span>
            {t('showBadge')}
            <span className="help">{t('showBadgeHelp')}</span>
          </span>
        </label>
      </fieldset>

      <p className={error ? 'field-error' : 'muted'} role="status">
        {error ?? (changed ? t('settingsSaved') : '')}
      </p>
    </form>
  );
}
