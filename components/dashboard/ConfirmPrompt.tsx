import { useId } from 'react';
import { t } from '@/lib/i18n';

export interface ConfirmPromptProps {
  /** The heading's level where the prompt sits: 2 over the table, 3 inside a section of its own. */
  level: 2 | 3;
  title: string;
  text: string;
  /** The words of the button that does it ("Remove 3 profiles"). */
  confirm: string;
  onConfirm(): void;
  /** Cancel, Escape: the caller puts focus back where the question came from. */
  onCancel(): void;
}

/**
 * The dashboard's question before something that cannot be undone (removing profiles, deleting a
 * set-aside copy): an alert dialog in the page's flow, its title and text as its name and
 * description, focus on Cancel, Escape cancels.
 */
export function ConfirmPrompt({ level, title, text, confirm, onConfirm, onCancel }: ConfirmPromptProps) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <Heading id={`${id}-title`} className="notice-title">
        {title}
      </Heading>
      <p id={`${id}-text`}>{text}</p>
      <div className="actions">
        <button type="button" className="button button-danger" onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="button" autoFocus onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
