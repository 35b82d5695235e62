import { profileKey } from '../platforms';
import { PENDING_REVISION_PREFIX, PROFILE_PREFIX, REVISION_KEY, SHORTLIST_KEY } from '../storage-keys';
import { readStoredProfile, type FirstPage } from './layout';
import { SHORTLIST_VERSION, type SavedProfile } from './schema';

/*
 * The dashboard's first page (./layout.ts FirstPage), kept current between dashboard visits.
 * The dashboard stores it from everything it read; after that, each change the badge or another
 * context makes to the profiles arrives at the background as one storage.onChanged event holding
 * the changed profiles and the revision before and after (writeProfiles writes them in one set()).
 * When the stored page was the page of the revision before, the page after follows from the page
 * and the change alone, in the usual case: a visit moves a profile to the top, a save adds one.
 * When it does not (a profile on the page was removed or moved below it, so the page would need
 * a profile it doesn't hold), the page is left as it is: no longer current, the next dashboard
 * visit reads everything first and stores the page again.
 */

/** Rows per page of the dashboard's table. */
export const PAGE_SIZE = 100;

/**
 * Made at first use, never at import: this module comes into the content script with the door
 * (the background's half), and a Collator made at load starts ICU on every profile page (bench:
 * +8 ms of script per profile load when it was made at import).
 */
let collator: Intl.Collator | undefined;

/** What the opening order compares, worked out once per profile. */
interface OpeningKey {
  /** Last seen, ms; undefined when not a date. */
  time: number | undefined;
  handle: string;
  key: string;
}

function openingKey(profile: SavedProfile): OpeningKey {
  const time = Date.parse(profile.lastSeen);
  return { time: Number.isFinite(time) ? time : undefined, handle: profile.handle, key: profileKey(profile.platform, profile.handle) };
}

function compareKeys(a: OpeningKey, b: OpeningKey): number {
  if (a.time !== b.time) {
    if (a.time === undefined) return 1;
    if (b.time === undefined) return -1;
    return b.time - a.time;
  }
  return (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a.handle, b.handle) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The order the dashboard's table opens in: last seen, newest first (none last), then handle, then
 * key; the same as components/dashboard/shortlist-rows.ts sortRows with DEFAULT_SORT (tested).
 */
export function compareOpeningOrder(a: SavedProfile, b: SavedProfile): number {
  return compareKeys(openingKey(a), openingKey(b));
}

/** The dashboard's first page of these profiles (each profile's date parsed once, not per comparison). */
export function firstPageOf(profiles: readonly SavedProfile[]): SavedProfile[] {
  return profiles
    .map((profile) => ({ profile, order: openingKey(profile) }))
    .sort((a, b) => compareKeys(a.order, b.order))
    .slice(0, PAGE_SIZE)
    .map((entry) => entry.profile);
}

/** A storage.onChanged change. */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/**
 * The first page after one storage.local change event, from the page before it; undefined when
 * that page is not the one of the revision before, when the change is not one atomic write of
 * profiles and revision, or when the page after cannot be known without the other profiles.
 */
export function nextFirstPage(page: FirstPage, changes: Readonly<Record<string, StorageChange>>): FirstPage | undefined {
  const revision = changes[REVISION_KEY];
  if (!revision || revision.oldValue !== page.revision || typeof revision.newValue !== 'string') return undefined;
  // A removal's first write (./door.ts writeProfiles): more changes follow under another revision.
  if (revision.newValue.startsWith(PENDING_REVISION_PREFIX)) return undefined;
  const marker = changes[SHORTLIST_KEY];
  if (marker && JSON.stringify(marker.newValue) !== JSON.stringify({ version: SHORTLIST_VERSION })) return undefined;

  const changed = new Set<string>();
  const candidates: SavedProfile[] = [];
  let total = page.total;
  for (const [storageKey, change] of Object.entries(changes)) {
    if (!storageKey.startsWith(PROFILE_PREFIX)) continue;
    const key = storageKey.slice(PROFILE_PREFIX.length);
    changed.add(key);
    const existed = change.oldValue !== undefined && change.oldValue !== null;
    const exists = change.newValue !== undefined && change.newValue !== null;
    total += (exists ? 1 : 0) - (existed ? 1 : 0);
    if (!exists) continue;
    const profile = readStoredProfile(change.newValue);
    // Unreadable, or stored under a key that is not its own: the dashboard's full read sorts that out.
    if (!profile || profileKey(profile.platform, profile.handle) !== key) return undefined;
    candidates.push(profile);
  }
  if (changed.size === 0) return undefined;
  for (const profile of page.profiles) if (!changed.has(profileKey(profile.platform, profile.handle))) candidates.push(profile);
  candidates.sort(compareOpeningOrder);
  const profiles = candidates.slice(0, PAGE_SIZE);
  // Profiles the page didn't hold all come after its last one: the new page is known when it is
  // full of profiles that come no later than that one, or when it holds every profile.
  const boundary = page.profiles.at(-1);
  const holdsAll = page.total === page.profiles.length;
  if (!holdsAll && (profiles.length < PAGE_SIZE || !boundary || compareOpeningOrder(profiles.at(-1)!, boundary) > 0)) return undefined;
  if (holdsAll && profiles.length !== Math.min(total, PAGE_SIZE)) return undefined;
  return { revision: revision.newValue, total, profiles };
}
