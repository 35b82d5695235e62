import { useEffect, useId, useRef, useState } from 'react';
import { formatCount, formatDate, formatDateTime, formatInteger, formatPercent } from '@/lib/format';
import { t } from '@/lib/i18n';
import { PLATFORM_NAMES } from '@/lib/platforms';
import { LIMITS, type SavedProfile } from '@/lib/shortlist/schema';
import { tierLabel } from '@/lib/tiers';
import { BENCHMARK_WORDS, displayHandle } from './shortlist-rows';

export interface ProfileDetailsProps {
  profile: SavedProfile;
  onSave(tags: string[], note: string): void;
  onClose(): void;
}

const SHOWN = 50;

/** Tags and note of one saved profile, and its dated history. Saves on "Save", not per keystroke. */
export function ProfileDetails({ profile, onSave, onClose }: ProfileDetailsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [tags, setTags] = useState(profile.tags.join(', '));
  const [note, setNote] = useState(profile.note);
  const handle = displayHandle(profile);
  const history = [...profile.history].reverse();

  useEffect(() => {
    heading.current?.focus();
  }, [profile.platform, profile.handle]);

  const dirty = tags !== profile.tags.join(', ') || note !== profile.note;
  const save = (): void => {
    onSave(
      tags.split(',').map((tag) => tag.trim()).filter(Boolean),
      note,
    );
  };

  return (
    <aside
      className="details"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="details-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {handle}
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p className="muted">
        {PLATFORM_NAMES[profile.platform]}
        {profile.displayName ? ` · ${profile.displayName}` : ''} · {t('savedOnLower', formatDate(Date.parse(profile.savedAt)))}
      </p>
      <form
        className="details-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-tags`}>{t('tags')}</label>
          <input id={`${id}-tags`} value={tags} onChange={(event) => setTags(event.target.value)} aria-describedby={`${id}-tags-help`} />
          <span id={`${id}-tags-help`} className="help">
            {t('tagsHelp', formatInteger(LIMITS.tags), formatInteger(LIMITS.tag))}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('note')}</label>
          <textarea id={`${id}-note`} rows={4} maxLength={LIMITS.note} value={note} onChange={(event) => setNote(event.target.value)} aria-describedby={`${id}-note-help`} />
          <span id={`${id}-note-help`} className="help">
            {t('characterCount', formatInteger(note.length), formatInteger(LIMITS.note))}
          </span>
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={!dirty}>
            {t('saveTagsAndNote')}
          </button>
        </div>
      </form>

      <h3 id={`${id}-history`}>{t('history')}</h3>
      <p className="muted">{t('historyHint')}</p>
      {/* It scrolls sideways in the narrow panel: focusable, so the keyboard can scroll it too. */}
      <div className="history-wrap" role="region" aria-labelledby={`${id}-history`} tabIndex={0}>
        <table className="history">
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('columnFollowers')}</th>
              <th scope="col">{t('labelTier')}</th>
              <th scope="col">{t('labelEngagement')}</th>
              <th scope="col">{t('labelBenchmark')}</th>
            </tr>
          </thead>
          <tbody>
            {history.slice(0, SHOWN).map((snapshot) => (
              <tr key={snapshot.at}>
                <td>
                  <time dateTime={snapshot.at} title={formatDateTime(Date.parse(snapshot.at))}>
                    {formatDate(Date.parse(snapshot.at))}
                  </time>
                </td>
                <td>{snapshot.followers ? formatCount(snapshot.followers) : '–'}</td>
                <td>{snapshot.tier ? tierLabel(snapshot.tier) : '–'}</td>
                <td>{snapshot.engagementPercent === undefined ? '–' : formatPercent(snapshot.engagementPercent)}</td>
                <td>{snapshot.engagementPercent === undefined ? '–' : t(BENCHMARK_WORDS[snapshot.benchmark])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.length > SHOWN && <p className="muted">{t('historyMore', formatInteger(history.length - SHOWN))}</p>}
    </aside>
  );
}
