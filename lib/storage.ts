import { browser } from 'wxt/browser';
import { EMPTY_SHORTLIST, SHORTLIST_KEY, type Shortlist } from './shortlist';

/** Reads stored data defensively: anything that is not a version-1 shortlist reads as empty. */
export function parseShortlist(raw: unknown): Shortlist {
  if (typeof raw !== 'object' || raw === null) return EMPTY_SHORTLIST;
  const candidate = raw as Partial<Shortlist>;
  if (candidate.version !== 1 || typeof candidate.profiles !== 'object' || candidate.profiles === null) {
    return EMPTY_SHORTLIST;
  }
  return { version: 1, profiles: candidate.profiles };
}

export async function loadShortlist(): Promise<Shortlist> {
  const stored = await browser.storage.local.get(SHORTLIST_KEY);
  return parseShortlist(stored[SHORTLIST_KEY]);
}

/** Read–change–write of the shortlist in browser.storage.local. */
export async function updateShortlist(change: (list: Shortlist) => Shortlist): Promise<Shortlist> {
  const next = change(await loadShortlist());
  await browser.storage.local.set({ [SHORTLIST_KEY]: next });
  return next;
}
