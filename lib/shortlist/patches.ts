import { profileKey } from '../platforms';
import type { ProfileView } from '../model';
import {
  checkProfile,
  checkRecentView,
  isRepeatVisit,
  LIMITS,
  mergeProfile,
  mergeRecent,
  newProfile,
  normaliseQuote,
  normaliseTags,
  recentViewOf,
  sameData,
  visitSeen,
  type Quote,
  type RecentView,
  type SavedProfile,
} from './schema';

/*
 * Every change to the shortlist is a patch: what the user or the page did, never a whole stored
 * value computed from an older read. lib/shortlist/door.ts applies patches, in the order they
 * were committed, to what is stored at the moment of writing, so no context can overwrite what
 * another one wrote meanwhile: a note typed in the dashboard and a visit recorded by a tab both
 * land, whatever their timing. Pure, so the same functions update the zustand view's overlay.
 */

export type Patch =
  /** Save: a new profile, or a snapshot and lastSeen for one already saved. `seen` as newProfile makes it. */
  | { op: 'save'; key: string; seen: SavedProfile }
  /** A visit: a snapshot (when the numbers changed) and lastSeen, only for a saved profile: a visit never saves. */
  | { op: 'visit'; key: string; seen: SavedProfile }
  | { op: 'tags'; key: string; tags: string[] }
  | { op: 'note'; key: string; note: string }
  /** The price the creator quoted; null clears it (an empty price field). */
  | { op: 'quote'; key: string; quote: Quote | null }
  | { op: 'remove'; key: string }
  /** An imported profile: added, or merged with the saved one (every snapshot of both, all tags…). */
  | { op: 'merge'; key: string; profile: SavedProfile }
  /** A profile viewed, saved or not: the popup's recent list. */
  | { op: 'recent'; view: RecentView };

export type ProfilePatch = Exclude<Patch, { op: 'recent' }>;

/** What a patch did to its profile, for the import's report. */
export type Outcome = 'added' | 'changed' | 'unchanged' | 'removed';

/** The patches of a visit: a snapshot for the saved profile, and the recent list. */
export function visitPatches(view: ProfileView, at: string): Patch[] {
  const key = profileKey(view.verdict.platform, view.verdict.handle);
  return [
    { op: 'visit', key, seen: newProfile(view, at) },
    { op: 'recent', view: recentViewOf(view, at) },
  ];
}

/** The patches of pressing Save. */
export function savePatches(view: ProfileView, at: string): Patch[] {
  const key = profileKey(view.verdict.platform, view.verdict.handle);
  return [
    { op: 'save', key, seen: newProfile(view, at) },
    { op: 'recent', view: recentViewOf(view, at) },
  ];
}

/** The profile a patch leaves: undefined when there is none (removed, or never saved). */
export function applyPatch(profile: SavedProfile | undefined, patch: ProfilePatch): SavedProfile | undefined {
  switch (patch.op) {
    case 'save':
      return profile ? visitSeen(profile, patch.seen, true) : patch.seen;
    case 'visit':
      return profile ? visitSeen(profile, patch.seen) : undefined;
    case 'tags': {
      if (!profile) return undefined;
      const tags = normaliseTags(patch.tags);
      return sameData(tags, profile.tags) ? profile : { ...profile, tags };
    }
    case 'note': {
      if (!profile) return undefined;
      const note = patch.note.slice(0, LIMITS.note);
      return note === profile.note ? profile : { ...profile, note };
    }
    case 'quote': {
      if (!profile) return undefined;
      const quote = normaliseQuote(patch.quote);
      if (sameData(quote, profile.quote)) return profile;
      const next: SavedProfile = { ...profile };
      if (quote) next.quote = quote;
      else delete next.quote;
      return next;
    }
    case 'remove':
      return undefined;
    case 'merge': {
      if (!profile) return patch.profile;
      const merged = mergeProfile(profile, patch.profile);
      return sameData(merged, profile) ? profile : merged;
    }
  }
}

/** The recent list after a recent-view patch (the same list when it repeats the newest view). */
export function applyRecent(views: readonly RecentView[], view: RecentView): readonly RecentView[] {
  if (isRepeatVisit(views, view)) return views;
  return mergeRecent([view], views);
}

/**
 * A patch as it arrived in a message, checked: what it names must be a profile of the schema,
 * under its own key. Undefined when it is not a patch (never applied).
 */
export function checkPatch(value: unknown): Patch | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const patch = value as Record<string, unknown>;
  if (patch.op === 'recent') {
    const view = checkRecentView(patch.view);
    return view ? { op: 'recent', view } : undefined;
  }
  const { key } = patch;
  if (typeof key !== 'string' || key.length > 300) return undefined;
  const profileOf = (raw: unknown): SavedProfile | undefined => {
    const checked = checkProfile(raw, 'stored');
    return checked.ok && profileKey(checked.profile.platform, checked.profile.handle) === key ? checked.profile : undefined;
  };
  switch (patch.op) {
    case 'save':
    case 'visit': {
      const seen = profileOf(patch.seen);
      return seen ? { op: patch.op, key, seen } : undefined;
    }
    case 'merge': {
      const profile = profileOf(patch.profile);
      return profile ? { op: 'merge', key, profile } : undefined;
    }
    case 'tags':
      return Array.isArray(patch.tags) && patch.tags.every((tag) => typeof tag === 'string') ? { op: 'tags', key, tags: patch.tags as string[] } : undefined;
    case 'note':
      return typeof patch.note === 'string' ? { op: 'note', key, note: patch.note } : undefined;
    case 'quote': {
      if (patch.quote === null) return { op: 'quote', key, quote: null };
      const quote = typeof patch.quote === 'object' ? normaliseQuote(patch.quote as { amount: unknown; currency: unknown }) : undefined;
      return quote ? { op: 'quote', key, quote } : undefined;
    }
    case 'remove':
      return { op: 'remove', key };
    default:
      return undefined;
  }
}
