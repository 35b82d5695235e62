import { useEffect, useId, useRef, useState } from 'react';
import { formatCount, formatPercent } from '@/lib/format';
import { LIMITS, type SavedProfile } from '@/lib/shortlist';
import { TIER_LABELS } from '@/lib/tiers';
import { BENCHMARK_WORDS, displayHandle, PLATFORM_NAMES } from './shortlist-rows';

export interface ProfileDetailsProps {
  profile: SavedProfile;
  onSave(tags: string[], note: string): void;
  onClose(): void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
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
          Close
        </button>
      </div>
      <p className="muted">
        {PLATFORM_NAMES[profile.platform]}
        {profile.displayName ? ` · ${profile.displayName}` : ''} · saved {day.format(Date.parse(profile.savedAt))}
      </p>
      <form
        className="details-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-tags`}>Tags</label>
          <input id={`${id}-tags`} value={tags} onChange={(event) => setTags(event.target.value)} aria-describedby={`${id}-tags-help`} />
          <span id={`${id}-tags-help`} className="help">
            Separate tags with commas, e.g. “beauty, UK, Q3 campaign”. Up to {LIMITS.tags} tags of {LIMITS.tag} characters.
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <textarea id={`${id}-note`} rows={4} maxLength={LIMITS.note} value={note} onChange={(event) => setNote(event.target.value)} aria-describedby={`${id}-note-help`} />
          <span id={`${id}-note-help`} className="help">
            {note.length.toLocaleString('en-US')} / {LIMITS.note.toLocaleString('en-US')} characters
          </span>
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={!dirty}>
            Save tags and note
          </button>
        </div>
      </form>

      <h3>History</h3>
      <p className="muted">A new line each time a visit showed different numbers.</p>
      <div className="history-wrap">
        <table className="history">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Followers</th>
              <th scope="col">Tier</th>
              <th scope="col">Engagement</th>
              <th scope="col">Benchmark</th>
            </tr>
          </thead>
          <tbody>
            {history.slice(0, SHOWN).map((snapshot) => (
              <tr key={snapshot.at}>
                <td>
                  <time dateTime={snapshot.at} title={when.format(Date.parse(snapshot.at))}>
                    {day.format(Date.parse(snapshot.at))}
                  </time>
                </td>
                <td>{snapshot.followers ? formatCount(snapshot.followers) : '–'}</td>
                <td>{snapshot.tier ? TIER_LABELS[snapshot.tier] : '–'}</td>
                <td>{snapshot.engagementPercent === undefined ? '–' : formatPercent(snapshot.engagementPercent)}</td>
                <td>{snapshot.engagementPercent === undefined ? '–' : BENCHMARK_WORDS[snapshot.benchmark]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.length > SHOWN && <p className="muted">…and {history.length - SHOWN} earlier readings (all of them are in the JSON backup).</p>}
    </aside>
  );
}
