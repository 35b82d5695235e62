import type { ProfileView } from '@/lib/model';
import type { CountReading } from '@/lib/count';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { SavedProfile } from '@/lib/shortlist/schema';
import type { Platform } from '@/lib/platforms';
import type { PostCounts, ProfileSnapshot } from '@/lib/sites/types';
import { buildVerdict } from '@/lib/verdict';

/** Views built the way the content script builds them (buildVerdict), so the popup sees real verdicts. */

export const exact = (n: number): CountReading => ({ value: n, exact: true, min: n, max: n });
export const rounded = (n: number, min: number, max: number): CountReading => ({ value: n, exact: false, min, max });

/** `count` posts with exact likes and comments, newest first; `pinned` more at the top. */
export function posts(count: number, options: { pinned?: number; likes?: number; comments?: number } = {}): PostCounts[] {
  const pinned = Array.from({ length: options.pinned ?? 0 }, (_, index) => ({
    id: `pin${index}`,
    pinned: true,
    likes: exact(9_000),
    comments: exact(900),
  }));
  const recent = Array.from({ length: count }, (_, index) => ({
    id: `p${index}`,
    likes: exact((options.likes ?? 500) + index * 10),
    comments: exact(options.comments ?? 20),
  }));
  return [...pinned, ...recent];
}

export function view(
  snapshot: Partial<ProfileSnapshot> & { platform?: Platform },
  phase: 'reading' | 'settled' = 'settled',
): ProfileView {
  const full: ProfileSnapshot = {
    platform: 'instagram',
    handle: 'maya.travels',
    displayName: 'Maya Chen',
    locale: 'en',
    posts: [],
    notes: [],
    ...snapshot,
  };
  return {
    url: `https://www.instagram.com/${full.handle}/`,
    snapshot: full,
    verdict: buildVerdict(full, DEFAULT_SETTINGS, phase),
  };
}

export function savedProfile(overrides: Partial<SavedProfile> = {}): SavedProfile {
  return {
    platform: 'instagram',
    handle: 'maya.travels',
    url: 'https://www.instagram.com/maya.travels/',
    savedAt: '2025-11-20T10:00:00.000Z',
    lastSeen: '2025-11-20T10:00:00.000Z',
    tags: [],
    note: '',
    history: [],
    ...overrides,
  };
}
