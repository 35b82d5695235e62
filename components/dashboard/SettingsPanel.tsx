import { useId, useState } from 'react';
import { sampleSizeProblem, SAMPLE_SIZE_RANGE, schemeOf, type Settings } from '@/lib/settings';
import { PLATFORMS } from '@/lib/sites/types';
import {
  BOUNDED_TIERS,
  describeTier,
  TIER_LABELS,
  TIER_SCHEMES,
  validateTierBounds,
  type BoundedTier,
  type TierBounds,
  type TierSchemeId,
} from '@/lib/tiers';
import { PLATFORM_NAMES } from './shortlist-rows';

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

/** validateTierBounds' messages by the field they are about (they start with its tier's name). */
function errorsByTier(errors: readonly string[]): { byTier: Partial<Record<BoundedTier, string[]>>; general: string[] } {
  const byTier: Partial<Record<BoundedTier, string[]>> = {};
  const general: string[] = [];
  for (const error of errors) {
    const tier = BOUNDED_TIERS.find((candidate) => error.toLowerCase().startsWith(`${candidate} `));
    if (tier) (byTier[tier] ??= []).push(error);
    else general.push(error);
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

  const customCheck = validateTierBounds(
    Object.fromEntries(BOUNDED_TIERS.map((tier) => [tier, readThreshold(drafts[tier])])) as unknown as TierBounds,
  );
  const customErrors = customCheck.ok ? { byTier: {}, general: [] } : errorsByTier(customCheck.errors);
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
      <h2 id={`${id}-title`}>Settings</h2>
      <p className="muted">
        Saved to your browser account, so they follow you to every browser you sign into. Changes apply to open tabs right away.
      </p>

      <fieldset>
        <legend>Tier scheme</legend>
        <p className="help">Which follower counts make a creator nano, micro, mid-tier, macro or mega.</p>
        {TIER_SCHEMES.map((scheme) => (
          <label key={scheme.id} className="choice">
            <input type="radio" name={`${id}-scheme`} value={scheme.id} checked={choice === scheme.id} onChange={() => chooseScheme(scheme.id)} />
            <span>
              {scheme.name}
              <span className="help">{describeTier('micro', scheme)}</span>
            </span>
          </label>
        ))}
        <label className="choice">
          <input type="radio" name={`${id}-scheme`} value="custom" checked={choice === 'custom'} onChange={() => chooseScheme('custom')} />
          <span>
            Custom thresholds
            <span className="help">Your own lower bounds for each tier.</span>
          </span>
        </label>

        {choice === 'custom' && (
          <div className="thresholds" role="group" aria-labelledby={`${id}-thresholds`}>
            <p id={`${id}-thresholds`} className="help">
              Each tier starts at this many followers and runs up to the next one. Type “10000”, “10,000” or “10K”.
            </p>
            {BOUNDED_TIERS.map((tier) => {
              const errors = customErrors.byTier[tier as BoundedTier];
              const errorId = `${id}-${tier}-error`;
              return (
                <div key={tier} className="field field-threshold">
                  <label htmlFor={`${id}-${tier}`}>{TIER_LABELS[tier]} from</label>
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
              {customCheck.ok ? `In use: ${describeTier('micro', customCheck.scheme)}.` : `Not saved until the thresholds are valid; ${active.name} stays in use meanwhile.`}
            </p>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>Engagement rate</legend>
        <label className="choice">
          <input type="radio" name={`${id}-method`} checked={settings.engagementMethod === 'median'} onChange={() => change({ engagementMethod: 'median' })} />
          <span>
            Median
            <span className="help">Resists one viral post; how Modash computes the benchmarks.</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-method`} checked={settings.engagementMethod === 'mean'} onChange={() => change({ engagementMethod: 'mean' })} />
          <span>
            Mean
            <span className="help">The average; one viral post pulls it up. Not compared with the median benchmarks.</span>
          </span>
        </label>
        <div className="field">
          <label htmlFor={`${id}-sample`}>Posts in the sample</label>
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
            {sampleError ?? `The latest ${settings.sampleSize} posts are used (benchmarks use 30).`}
          </span>
        </div>
        <label className="choice">
          <input type="checkbox" checked={settings.includePinned} onChange={(event) => change({ includePinned: event.target.checked })} />
          <span>
            Include pinned posts
            <span className="help">Pinned posts are old favourites, not recent work: left out unless you tick this.</span>
          </span>
        </label>
      </fieldset>

      <fieldset>
        <legend>Platforms</legend>
        <p className="help">MicroScope reads profiles only on the platforms ticked here.</p>
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
        <legend>Badge</legend>
        <label className="choice">
          <input type="checkbox" checked={settings.badge} onChange={(event) => change({ badge: event.target.checked })} />
          <span>
            Show the badge on profiles
            <span className="help">The toolbar button and its popup work either way.</span>
          </span>
        </label>
      </fieldset>

      <p className={error ? 'field-error' : 'muted'} role="status">
        {error ?? (changed ? 'Saved. Open tabs use the new settings now.' : '')}
      </p>
    </form>
  );
}
