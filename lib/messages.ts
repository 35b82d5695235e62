import type { ProfileView } from './model';
import type { ShortlistRequest } from './shortlist/door';

/** What a tab shows, in the few words the toolbar needs. */
export interface TabSummary {
  platform: string;
  handle: string;
  glyph: string;
  colour: string;
  title: string;
}

/** Every message between the extension's contexts, in one typed union. */
export type Message =
  /** content → background: this tab now shows a profile (or none). */
  | { type: 'microscope:tab-summary'; summary: TabSummary | null }
  /** popup → content: what profile do you show? Answer: ProfileView | null. */
  | { type: 'microscope:get-view' }
  /** popup → content: a redacted diagnostics report (lib/diagnostics.ts). Answer: string | null. */
  | { type: 'microscope:get-diagnostics' }
  /**
   * content → background: the messages of the language picked in the settings, when storage has
   * none of this build (lib/ui-messages.ts). Answer: UiMessagesRecord | undefined.
   */
  | { type: 'microscope:ui-messages'; locale: string }
  /** any context → background: changes to the shortlist for its one writer. Answer: CommitResult. */
  | ShortlistRequest;

export type GetViewResponse = ProfileView | null;
export type GetDiagnosticsResponse = string | null;

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('microscope:')
  );
}
