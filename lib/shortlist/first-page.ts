import { profileKey } from '../platforms';
import { PENDING_REVISION_PREFIX, PROFILE_PREFIX, REVISION_KEY, SHORTLIST_KEY } from '../storage-keys';
import { readStoredProfile, type FirstPage } from './layout';
import { SHORTLIST_VERSION, type SavedProfile } from './schema';

/*
 * The dashboard's first page (./layout.ts FirstPage), kept current between dashboard visits.
 * The dashboard stores it from everything it read; after that, each change the badge or another
 * context makes to the profiles arrives at the background as storage.onChanged events holding the
 * changed profiles and the revision before and after. When the stored page was the page of the
 * revision before, the page after follows from the page and the change alone: a visit moves a
 * profile to the top, a save adds one, a removal takes one out.
 *
 * A removal's place on the page goes to a profile that came after it: the stored page holds
 * FIRST_PAGE_SLACK profiles beyond the PAGE_SIZE the table shows, so it still knows the first
 * PAGE_SIZE after that many removals of its profiles (saves and visits bring profiles to the top,
 * which gives the slack back; only the dashboard's full read refills it otherwise).
 *
 * A removal is written as three events (./door.ts writeProfiles): a set() under a pending revision
 * (R0 → pending:X, with the removal's other changes), the remove() of the profile keys (no
 * revision in it), and the new revision alone (pending:X → R1). nextFirstPage follows each from
 * the page after the one before; the pages in between are pending (their revision says so) and are
 * never stored: the background holds them in memory until the last event.
 *
 * When the page after cannot be known (more removals than the slack, a profile moved below the
 * page, an event that does not line up), the page is left as it is: no longer current, the next
 * dashboard visit reads everything first and stores the page again.
 */

/** Rows per page of the dashboard's table. */
export const PAGE_SIZE = 100;

/**
 * Profiles the stored first page holds beyond PAGE_SIZE, so it can follow that many removals of
 * its own profiles. Profiles are removed one at a time outside the dashboard (the popup's button);
 * a bulk removal happens in the dashboard, which stores the page again itself a second later. Each
 * costs ~440 bytes in the page (the bench's 5 000 profiles of 5 snapshots: 100 rows 43.5 KB, 120
 * rows 52.3 KB; its storage.local.get from an extension page took a median 0.5 ms at either size
 * in Chromium 2026-12-07, decoding either ~3 ms in Node), written again with every change the
 * background follows.
 */
export const FIRST_PAGE_SLACK = 20;

/** Profiles the stored first page holds when it is made from all profiles. */
export const STORED_PAGE_SIZE = PAGE_SIZE + FIRST_PAGE_SLACK;

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

/**
 * The dashboard's first page of these profiles as it is stored: the first STORED_PAGE_SIZE in the
 * opening order (each profile's date parsed once, not per comparison). The table shows PAGE_SIZE of them.
 */
export function firstPageOf(profiles: readonly SavedProfile[]): SavedProfile[] {
  return profiles
    .map((profile) => ({ profile, order: openingKey(profile) }))
    .sort((a, b) => compareKeys(a.order, b.order))
    .slice(0, STORED_PAGE_SIZE)
    .map((entry) => entry.profile);
}

/** A storage.onChanged change. */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** Whether a revision is a removal's first write's, after which more changes come (./door.ts writeProfiles). */
export function isPendingRevision(revision: string): boolean {
  return revision.startsWith(PENDING_REVISION_PREFIX);
}

/** Whether a storage.local change event can change the first page (it changes profiles or the revision). */
export function touchesProfiles(changes: Readonly<Record<string, StorageChange>>): boolean {
  return Object.keys(changes).some((key) => key === REVISION_KEY || key.startsWith(PROFILE_PREFIX));
}

/**
 * A first page as nextFirstPage follows it. In the middle of a removal its revision is pending and
 * it says whether the removal's remove() has been seen: only then does the revision alone end it.
 */
export interface FollowedPage extends FirstPage {
  removalSeen?: boolean;
}

/**
 * The first page after one storage.local change event, from the page before it; undefined when
 * the event does not follow that page (another revision; profiles removed without a revision
 * while no removal is under way; anything but profile removals in a removal's remove() event; a
 * removal's last write before its remove(); an unreadable profile), or when the page after cannot
 * be known without the other profiles. In the middle of a removal the page after has a pending
 * revision: hold it for the next event, never store it.
 */
export function nextFirstPage(page: FollowedPage, changes: Readonly<Record<string, StorageChange>>): FollowedPage | undefined {
  const revision = changes[REVISION_KEY];
  const pending = isPendingRevision(page.revision);
  let next: string;
  if (revision) {
    if (revision.oldValue !== page.revision || typeof revision.newValue !== 'string') return undefined;
    next = revision.newValue;
    // A removal's writes come in order: its set(), its remove(), then the new revision (not pending).
    if (pending && (!page.removalSeen || isPendingRevision(next))) return undefined;
  } else {
    // A removal's remove(): profile keys removed, the revision (pending) unchanged. Nothing else
    // ever writes profiles without a revision: any other such event is not followed.
    if (!pending || Object.keys(changes).length === 0) return undefined;
    for (const [storageKey, change] of Object.entries(changes)) {
      const removed = change.oldValue !== undefined && change.oldValue !== null && (change.newValue === undefined || change.newValue === null);
      if (!storageKey.startsWith(PROFILE_PREFIX) || !removed) return undefined;
    }
    next = page.revision;
  }
  /** The page after, with its place in a removal's writes. */
  const after = (total: number, profiles: SavedProfile[]): FollowedPage =>
    isPendingRevision(next) ? { revision: next, total, profiles, removalSeen: !revision } : { revision: next, total, profiles };
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
  // The revision alone: a removal's first write with nothing else to set (→ pending) or its last
  // (pending →). A new revision alone otherwise says profiles changed without saying how.
  if (changed.size === 0) return pending || isPendingRevision(next) ? after(page.total, page.profiles) : undefined;
  for (const profile of page.profiles) if (!changed.has(profileKey(profile.platform, profile.handle))) candidates.push(profile);
  candidates.sort(compareOpeningOrder);
  // Profiles the page didn't hold all come after its last one: of the candidates, those that come
  // no later than that one are the first profiles after the change, in order, and no others are.
  const boundary = page.profiles.at(-1);
  const holdsAll = page.total === page.profiles.length;
  if (holdsAll && candidates.length !== total) return undefined;
  if (!holdsAll && !boundary) return undefined;
  const known = holdsAll ? candidates : candidates.filter((profile) => compareOpeningOrder(profile, boundary!) <= 0);
  const profiles = known.slice(0, STORED_PAGE_SIZE);
  // Known only when the table's page is: PAGE_SIZE profiles, or every one there is.
  if (total < profiles.length || profiles.length < Math.min(total, PAGE_SIZE)) return undefined;
  return after(total, profiles);
}
