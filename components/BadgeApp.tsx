import { useState } from 'react';
import { Badge } from '@/components/Badge';
import type { ProfileView } from '@/lib/model';
import { loadSavedProfile, saveProfileView, watchSavedProfile } from '@/lib/shortlist/door';

/**
 * What the content script's badge shows, kept outside the component: the latest view, and whether
 * the profile is in the shortlist (for the expanded card's Save button). `onChange` is called when
 * the badge must be drawn again, which is when the verdict differs from the one drawn last (the
 * page's observers report every change of the page, mostly with the same verdict) or the saved
 * state changed.
 *
 * The shortlist is read from storage (and watched, so a save or removal in the popup or dashboard
 * shows at once) only from the card's first opening on: the collapsed badge does not show it, and
 * most visits never open the card. No hook effect is involved, so mounting the badge schedules no
 * task after the paint (Preact runs effects from a timer).
 */
export function createBadgeState(initial: ProfileView, onChange: () => void) {
  let view = initial;
  let drawn = JSON.stringify(initial.verdict);
  let saved = false;
  let saveFailed = false;
  let watching: (() => void) | undefined;
  let stopped = false;
  const setSaved = (value: boolean): void => {
    if (stopped || value === saved) return;
    saved = value;
    onChange();
  };
  return {
    get view(): ProfileView {
      return view;
    },
    get saved(): boolean {
      return saved;
    },
    /** The last Save was not stored (the card says so; it is never shown as saved). */
    get saveFailed(): boolean {
      return saveFailed;
    },
    setView(next: ProfileView): void {
      view = next;
      const verdict = JSON.stringify(next.verdict);
      if (verdict === drawn) return;
      drawn = verdict;
      onChange();
    },
    /** The card opened: from now on the shortlist state is known and followed. Idempotent. */
    watchSaved(): void {
      if (watching || stopped) return;
      const { platform, handle } = view.verdict;
      const unwatch = watchSavedProfile(platform, handle, (profile) => setSaved(profile !== undefined));
      watching = unwatch;
      loadSavedProfile(platform, handle)
        .then((profile) => setSaved(profile !== undefined))
        .catch(() => undefined);
    },
    save(): void {
      // Shown as saved only once the writer has stored it.
      const failed = (why: unknown): void => {
        console.warn('[MicroScope] could not save', why);
        if (stopped) return;
        saveFailed = true;
        onChange();
      };
      saveProfileView(view)
        .then((result) => {
          if (!result.ok) return failed(`${result.code}: ${result.error}`);
          saveFailed = false;
          setSaved(true);
        })
        .catch(failed);
    },
    /** The badge is gone: no more storage watching, no more drawing. */
    stop(): void {
      stopped = true;
      watching?.();
    },
  };
}

export type BadgeState = ReturnType<typeof createBadgeState>;

/** The badge as the content script draws it from a BadgeState; only open/closed is its own. */
export function BadgeApp({ state, theme }: { state: BadgeState; theme: 'light' | 'dark' }) {
  const [expanded, setExpanded] = useState(false);
  const toggle = (): void => {
    state.watchSaved();
    setExpanded((open) => !open);
  };
  return <Badge verdict={state.view.verdict} expanded={expanded} onToggle={toggle} saved={state.saved} saveFailed={state.saveFailed} onSave={state.save} theme={theme} />;
}
