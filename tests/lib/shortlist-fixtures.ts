import { profileKey } from '@/lib/platforms';
import type { ProfileView } from '@/lib/model';
import type { CountReading } from '@/lib/count';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { SHORTLIST_VERSION, type SavedProfile, type SavedSnapshot } from '@/lib/shortlist/schema';
import { storedProfile } from '@/lib/shortlist/layout';
import type { Platform } from '@/lib/platforms';
import type { PostCounts } from '@/lib/sites/types';
import { canonicalProfileUrl } from '@/lib/sites/url/canonical';
import { buildVerdict } from '@/lib/verdict';

export function exact(value: number): CountReading {
  return { value, exact: true, min: value, max: value };
}


export interface ViewOptions {
  platform?: Platform;
  handle?: string;
  displayName?: string;
  /** Undefined: the page has not shown the count yet. */
  followers?: number | null;
  /** Likes per post (12 posts); undefined: no posts read yet. */
  likes?: number | null;
  settings?: Partial<Settings>;
}

/** A profile view as the content script builds it, from made-up page numbers. */
export function makeView(options: ViewOptions = {}): ProfileView {
  const platform = options.platform ?? 'instagram';
  const handle = options.handle ?? 'maya';
  const followers = options.followers === null ? undefined : (options.followers ?? 8_000);
  const likes = options.likes === null ? undefined : (options.likes ?? 200);
  const posts: PostCounts[] =
    likes === undefined
      ? []
      : Array.from({ length: 12 }, (_, index) => ({ id: `p${index}`, likes: exact(likes), comments: exact(10), views: exact(likes * 10) }));
  const snapshot = {
    platform,
    handle,
    locale: 'en',
    displayName: options.displayName,
    followers: followers === undefined ? undefined : exact(followers),
    posts,
    notes: [],
  };
  return {
    // As the tab's address bar has it: with share tracking, which is never stored.
    url: `${canonicalProfileUrl(platform, handle)}?igsh=c2hhcmU%3D&utm_source=ig_web_copy_link#top`,
    snapshot,
    verdict: buildVerdict(snapshot, { ...DEFAULT_SETTINGS, ...options.settings }, 'settled'),
  };
}

/** A saved profile of the current schema with the given follower history (one snapshot per day). */
export function makeProfile(options: {
  platform?: Platform;
  handle?: string;
  displayName?: string;
  followers?: number[];
  engagement?: number;
  tags?: string[];
  note?: string;
  start?: string;
}): SavedProfile {
  const platform = options.platform ?? 'instagram';
  const handle = options.handle ?? 'maya';
  const start = Date.parse(options.start ?? '2025-01-01T10:00:00.000Z');
  const counts = options.followers ?? [8_000];
  const history: SavedSnapshot[] = counts.map((value, index) => ({
    at: new Date(start + index * 86_400_000).toISOString(),
    followers: exact(value),
    tier: value < 1_000 ? 'nano' : value < 10_000 ? 'micro' : value < 100_000 ? 'mid' : value < 1_000_000 ? 'macro' : 'mega',
    scheme: 'founding',
    engagementPercent: options.engagement ?? 2.5,
    basis: 'followers',
    method: 'median',
    sampleSize: 12,
    benchmark: 'typical',
    benchmarksVersion: '2025-11',
  }));
  const profile: SavedProfile = {
    platform,
    handle,
    url: canonicalProfileUrl(platform, handle),
    savedAt: history[0]!.at,
    lastSeen: history.at(-1)!.at,
    tags: options.tags ?? [],
    note: options.note ?? '',
    history,
  };
  if (options.displayName) profile.displayName = options.displayName;
  return profile;
}

export function byKey(...profiles: SavedProfile[]): Record<string, SavedProfile> {
  return Object.fromEntries(profiles.map((profile) => [profileKey(profile.platform, profile.handle), profile]));
}

/** Storage items of a current-version shortlist holding these profiles. */
export function storedItems(...profiles: SavedProfile[]): Record<string, unknown> {
  const items: Record<string, unknown> = { 'microscope:shortlist': { version: SHORTLIST_VERSION } };
  for (const profile of profiles) items[`microscope:profile:${profileKey(profile.platform, profile.handle)}`] = storedProfile(profile);
  return items;
}
