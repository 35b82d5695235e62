import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '@/lib/i18n';
import { LIMITS, normaliseTags, splitTags, TAG_SEPARATORS } from '@/lib/shortlist/schema';

export interface TagsEditorProps {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** Tags used elsewhere in the shortlist, offered while typing. */
  suggestions?: readonly string[];
}

/**
 * `tags` plus each new one (separated by commas, "、", "，" or semicolons: splitTags), tidied by the
 * store's own rules (normaliseTags: trimmed, spaces collapsed, 40 characters, no case-insensitive duplicates).
 */
export function addTags(tags: readonly string[], text: string): string[] {
  return normaliseTags([...tags, ...splitTags(text)]);
}

/**
 * Tags as removable chips and a text field: Enter or a separator ("," "、" "，" ";") adds, Backspace in the empty field
 * removes the last tag, each chip's × button removes that tag.
 */
export function TagsEditor({ tags, onChange, suggestions = [] }: TagsEditorProps) {
  const inputId = useId();
  const listId = useId();
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const full = tags.length >= LIMITS.tags;
  const commit = (): void => {
    const next = addTags(tags, draft);
    setDraft('');
    if (next.length !== tags.length) onChange(next);
  };

  const remove = (tag: string): void => {
    onChange(tags.filter((existing) => existing !== tag));
    // The chip's button disappears with it: keep focus in the editor.
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    // Not while an input method is composing: its Enter confirms the characters ("、" too).
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' || TAG_SEPARATORS.test(event.key)) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      event.preventDefault();
      onChange(tags.slice(0, -1));
    }
  };

  const offered = suggestions.filter(
    (suggestion) => !tags.some((tag) => tag.toLowerCase() === suggestion.toLowerCase()),
  );

  return (
    <div className="tags-editor">
      <label htmlFor={inputId}>{t('tags')}</label>
      {tags.length > 0 && (
        <ul className="tags" aria-label={t('tags')}>
          {tags.map((tag) => (
            <li key={tag} className="tag">
              <span>{tag}</span>
              <button type="button" className="tag-remove" aria-label={t('removeTag', tag)} onClick={() => remove(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tags-add">
        <input
          ref={input}
          id={inputId}
          type="text"
          value={draft}
          maxLength={LIMITS.tag * 4}
          placeholder={full ? t('tagsAtMost', LIMITS.tags) : t('tagsPlaceholder')}
          list={offered.length > 0 ? listId : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
        />
        <button type="button" className="button" onClick={commit} disabled={splitTags(draft).every((part) => part.trim() === '')}>
          {t('add')}
        </button>
      </div>
      {offered.length > 0 && (
        <datalist id={listId}>
          {offered.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
    </div>
  );
}
