import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '@/lib/sites';
import { PROFILE_URL_RULES, profileAt } from '@/lib/sites/url';
import { PLATFORMS } from '@/lib/platforms';
import { GOTCHA_URLS, PROFILE_URLS } from './gotcha-urls';

/** Not profiles, and pages the loader must not load the main part on. */
const NOT_PROFILES = [
  'https://www.instagram.com/',
  'https://www.instagram.com/p/DAtp02bRsTu/',
  'https://www.instagram.com/explore/',
  'https://www.tiktok.com/@mara.bakes/video/7302000000000000002',
  'https://www.tiktok.com/foryou',
  'https://www.youtube.com/watch?v=ckKtlCorn03',
  'https://www.youtube.com/@copperkettle/live',
  'https://www.youtube.com/',
  'https://x.com/home',
  'https://x.com/ink_club/status/1869000000000000003',
  'https://x.com/noor_ceramics/followers',
  'https://bsky.app/profile/juniper-oakes.bsky.social/post/3lm5c2wxyz22a',
  'https://bsky.app/',
  'https://example.com/ana.tidepool/',
  'not a url',
  '',
];

describe('profileAt: the URL rules the loader runs on every page', () => {
  it('has one rule per platform, in the adapters\' order', () => {
    expect(PROFILE_URL_RULES.map((rule) => rule.platform)).toEqual(ADAPTERS.map((adapter) => adapter.platform));
    expect([...PROFILE_URL_RULES.map((rule) => rule.platform)].sort()).toEqual([...PLATFORMS].sort());
  });

  it.each(PLATFORMS.flatMap((platform) => PROFILE_URLS[platform].map(([url, handle]) => [platform, url, handle] as const)))(
    '%s: %s is the profile of %s',
    (platform, url, handle) => {
      expect(profileAt(url)).toEqual({ platform, handle });
    },
  );

  it.each(NOT_PROFILES)('%s is not a profile', (url) => {
    expect(profileAt(url)).toBeUndefined();
  });

  // One source of truth: the adapters say exactly what the loader says, on every URL we know.
  it.each([...PLATFORMS.flatMap((platform) => PROFILE_URLS[platform].map(([url]) => url)), ...GOTCHA_URLS.map(([url]) => url), ...NOT_PROFILES])(
    'agrees with the adapters on %s',
    (url) => {
      const found = adapterFor(url);
      expect(profileAt(url)).toEqual(found ? { platform: found.adapter.platform, handle: found.handle } : undefined);
    },
  );

  it('never throws, even when a rule does', () => {
    const throwing = [{ platform: 'instagram' as const, isHost: () => true, profileHandle: () => { throw new Error('boom'); } }];
    expect(profileAt('https://www.instagram.com/ana/', throwing)).toBeUndefined();
  });
});
