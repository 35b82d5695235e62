import type { CountReading } from './count';
import type { ProfileView } from './content-controller';
import type { Platform } from './sites/types';
import type { Tier } from './tiers';

/** One dated reading of a saved profile: what the page showed when it was saved or visited. */
export interface SavedSnapshot {
  /** ISO 8601 time. */
  at: string;
  followers?: CountReading;
  tier?: Tier;
  engagementPercent?: number;
  basis?: 'followers' | 'views';
  sampleSize: number;
}

export interface SavedProfile {
  platform: Platform;
  handle: string;
  displayName?: string;
  url: string;
  savedAt: string;
  lastSeen: string;
  tags: string[];
  note: string;
  /** Oldest first; a new entry only when the numbers changed. */
  history: SavedSnapshot[];
}

export interface Shortlist {
  version: 1;
  profiles: Record<string, SavedProfile>;
}

export const SHORTLIST_KEY = 'microscope:shortlist';
export const EMPTY_SHORTLIST: Shortlist = { version: 1, profiles: {} };

/** Handles are case-insensitive on every supported platform. */
export function profileKey(platform: Platform, handle: string): string {
  return `${platform}:${handle.toLowerCase()}`;
}

function snapshotOf(view: ProfileView, at: string): SavedSnapshot {
  const { verdict } = view;
  return {
    at,
    followers: verdict.followers,
    tier: verdict.tier?.tier,
    engagementPercent: verdict.engagement.ok ? verdict.engagement.percent : undefined,
    basis: verdict.engagement.ok ? verdict.engagement.basis : undefined,
    sampleSize: verdict.engagement.ok ? verdict.engagement.sampleSize : 0,
  };
}

function sameNumbers(a: SavedSnapshot, b: SavedSnapshot): boolean {
  return (
    a.followers?.value === b.followers?.value &&
    a.engagementPercent?.toFixed(2) === b.engagementPercent?.toFixed(2) &&
    a.tier === b.tier
  );
}

/** Saves the profile shown (or adds a dated snapshot to it). Pure: returns the new shortlist. */
export function saveView(list: Shortlist, view: ProfileView, now: Date): Shortlist {
  const at = now.toISOString();
  const key = profileKey(view.verdict.platform, view.verdict.handle);
  const existing = list.profiles[key];
  const snapshot = snapshotOf(view, at);
  const profile: SavedProfile = existing
    ? recordVisit(existing, snapshot)
    : {
        platform: view.verdict.platform,
        handle: view.verdict.handle,
        displayName: view.verdict.displayName,
        url: view.url,
        savedAt: at,
        lastSeen: at,
        tags: [],
        note: '',
        history: [snapshot],
      };
  return { ...list, profiles: { ...list.profiles, [key]: profile } };
}

/** A visit to a saved profile: a new history entry only when its numbers changed. */
export function recordVisit(profile: SavedProfile, snapshot: SavedSnapshot): SavedProfile {
  const last = profile.history.at(-1);
  const changed = !last || !sameNumbers(last, snapshot);
  return {
    ...profile,
    lastSeen: snapshot.at,
    history: changed ? [...profile.history, snapshot] : profile.history,
  };
}
