import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '@/lib/sites';
import { PROFILE_URL_RULES, profileAt } from '@/lib/sites/url';
import { PLATFORMS, PROFILE_HOSTS, SITE_MATCHES } from '@/lib/platforms';
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
  'https://x.com/ink_club/status/1869442503275446275',
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

/*
 * The manifest asks for exactly the hosts the URL rules read (issue 14): https, no subdomain
 * wildcard. A host the rules accept but the manifest lacks would never get the badge; one the
 * manifest names but the rules refuse would run the loader for nothing.
 */
describe('the manifest\'s hosts are the URL rules\' hosts', () => {
  it.each(PROFILE_URL_RULES.map((rule) => [rule.platform, rule] as const))('%s: every listed host is read, and no other', (platform, rule) => {
    for (const host of PROFILE_HOSTS[platform]) expect(rule.isHost(host), host).toBe(true);
    const others = PROFILE_URL_RULES.filter((other) => other !== rule).flatMap((other) => PROFILE_HOSTS[other.platform]);
    for (const host of others) expect(rule.isHost(host), host).toBe(false);
  });

  it.each([
    'help.instagram.com', // help centre: no profiles
    'about.instagram.com',
    'business.tiktok.com',
    'studio.youtube.com', // creators' own studio, signed in
    'music.youtube.com',
    'blog.x.com',
    'developer.x.com',
    'blueskyweb.xyz',
    'evil-instagram.com',
  ])('%s is no host of any rule, and not in the manifest', (host) => {
    expect(PROFILE_URL_RULES.some((rule) => rule.isHost(host))).toBe(false);
    expect(SITE_MATCHES.some((pattern) => pattern === `https://${host}/*`)).toBe(false);
  });

  it('every pattern is https and names one host', () => {
    for (const pattern of SITE_MATCHES) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    expect(SITE_MATCHES).toHaveLength(Object.values(PROFILE_HOSTS).flat().length);
  });
});
