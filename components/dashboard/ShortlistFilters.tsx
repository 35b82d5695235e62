import { useId } from 'react';
import { t } from '@/lib/i18n';
import { PLATFORM_NAMES, PLATFORMS, type Platform } from '@/lib/platforms';
import { TIERS, type Tier } from '@/lib/tiers';
import { tierLabel } from '../words/tiers';
import { formatInteger } from '@/lib/format';
import { DEFAULT_INACTIVE_DAYS } from '@/lib/signals/rules';
import { filtering, NO_FILTER, type RowFilter } from './shortlist-rows';

export interface ShortlistFiltersProps {
  filter: RowFilter;
  onChange(filter: RowFilter): void;
  /** Tags in use, A to Z. */
  tags: readonly string[];
  /** Tiers of the current scheme, smallest first. */
  tiers: readonly Tier[];
  /** The inactivity line in days (default DEFAULT_INACTIVE_DAYS, until the setting is wired). */
  inactiveDays?: number;
}

/**
 * Platform, tier and tag selects, a text search over handle, name, note and tags, and two checks
 * on the decision signals: active lately, no signal worth a look.
 */
export function ShortlistFilters({ filter, onChange, tags, tiers, inactiveDays = DEFAULT_INACTIVE_DAYS }: ShortlistFiltersProps) {
  const id = useId();
  const active = filtering(filter) || filter.text !== '';
  return (
    <div className="filters" role="search" aria-label={t('filterLabel')}>
      <div className="field field-grow">
        <label htmlFor={`${id}-text`}>{t('search')}</label>
        <input
          id={`${id}-text`}
          type="search"
          placeholder={t('searchPlaceholder')}
          value={filter.text}
          onChange={(event) => onChange({ ...filter, text: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-platform`}>{t('columnPlatform')}</label>
        <select id={`${id}-platform`} value={filter.platform} onChange={(event) => onChange({ ...filter, platform: event.target.value as Platform | 'all' })}>
          <option value="all">{t('allPlatforms')}</option>
          {PLATFORMS.map((platform) => (
            <option key={platform} value={platform}>
              {PLATFORM_NAMES[platform]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tier`}>{t('labelTier')}</label>
        <select id={`${id}-tier`} value={filter.tier} onChange={(event) => onChange({ ...filter, tier: event.target.value as Tier | 'all' })}>
          <option value="all">{t('allTiers')}</option>
          {TIERS.filter((tier) => tiers.includes(tier) || tier === filter.tier).map((tier) => (
            <option key={tier} value={tier}>
              {tierLabel(tier)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tag`}>{t('tag')}</label>
        <select id={`${id}-tag`} value={filter.tag} onChange={(event) => onChange({ ...filter, tag: event.target.value })} disabled={tags.length === 0 && filter.tag === ''}>
          <option value="">{tags.length === 0 ? t('noTagsYet') : t('allTags')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
          {filter.tag !== '' && !tags.includes(filter.tag) && <option value={filter.tag}>{filter.tag}</option>}
        </select>
      </div>
      <div className="field field-checks">
        <label>
          <input type="checkbox" checked={filter.active} onChange={(event) => onChange({ ...filter, active: event.target.checked })} />
          {t('filterActive', formatInteger(inactiveDays))}
        </label>
        <label>
          <input type="checkbox" checked={filter.noLooks} onChange={(event) => onChange({ ...filter, noLooks: event.target.checked })} />
          {t('filterNoLooks')}
        </label>
      </div>
      {active && (
        <button type="button" className="button button-quiet" onClick={() => onChange(NO_FILTER)}>
          {t('clearFilters')}
        </button>
      )}
    </div>
  );
}
