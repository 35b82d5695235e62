import type { Platform } from '@/lib/sites/types';

/** How the UI names each platform. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  x: 'X',
  bluesky: 'Bluesky',
};

/** The address a user knows each platform by, for "works on …" lists. */
export const PLATFORM_HOSTS: Readonly<Record<Platform, string>> = {
  instagram: 'instagram.com',
  tiktok: 'tiktok.com',
  youtube: 'youtube.com',
  x: 'x.com',
  bluesky: 'bsky.app',
};
