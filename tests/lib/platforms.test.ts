import { describe, expect, it } from 'vitest';
import { EXPECTED_SITE_MATCHES } from '../e2e/manifest-expected';
import {
  CANONICAL_HOSTS,
  isProfileHost,
  PLATFORM_DOMAINS,
  PLATFORM_MATCHES,
  PLATFORM_NAMES,
  PLATFORMS,
  PROFILE_HOSTS,
  profileKey,
  SITE_MATCHES,
  type Platform,
} from '@/lib/platforms';

/** Whether a match pattern of ours ("https://x.com/*": https, one exact host) covers a host. */
function patternCovers(pattern: string, host: string): boolean {
  const match = /^https:\/\/([^/*]+)\/\*$/.exec(pattern);
  if (!match) throw new Error(`not a pattern of the form https://host/*: ${pattern}`);
  return host === match[1];
}

/** Where a profile host is not covered by the manifest: the content script never runs there. None since issue 14. */
const NOT_IN_MANIFEST: readonly string[] = [];

describe('lib/platforms', () => {
  it('keeps the stored order of the platforms (profile-codec stores the index)', () => {
    expect(PLATFORMS).toEqual(['instagram', 'tiktok', 'youtube', 'x', 'bluesky', 'threads']);
  });

  it.each(PLATFORMS)('%s has a name, domains, profile hosts, a canonical host and match patterns', (platform) => {
    expect(PLATFORM_NAMES[platform]).not.toBe('');
    expect(PLATFORM_DOMAINS[platform].length).toBeGreaterThan(0);
    expect(PROFILE_HOSTS[platform], 'The canonical host must be one we read').toContain(CANONICAL_HOSTS[platform]);
    expect(PLATFORM_MATCHES[platform].length).toBeGreaterThan(0);
  });

  it.each(PLATFORMS.flatMap((platform) => PROFILE_HOSTS[platform].map((host) => [host, platform] as const)))(
    '%s (%s) is lowercase, under its own domains, and no other platform\'s',
    (host, platform) => {
      expect(host).toBe(host.toLowerCase());
      const owners = PLATFORMS.filter((other) => PLATFORM_DOMAINS[other].some((domain) => host === domain || host.endsWith(`.${domain}`)));
      expect(owners).toEqual([platform]);
    },
  );

  it.each(PLATFORMS.flatMap((platform) => PROFILE_HOSTS[platform].map((host) => [host, platform] as const)))(
    'the manifest lets the content script run on %s (%s)',
    (host, platform) => {
      const covered = PLATFORM_MATCHES[platform].some((pattern) => patternCovers(pattern, host));
      expect(covered, `Add a match pattern for ${host}, or list it in NOT_IN_MANIFEST with the reason`).toBe(!NOT_IN_MANIFEST.includes(host));
    },
  );

  it('asks for no host but the profile hosts (not help., l., studio.: issue 14)', () => {
    for (const platform of PLATFORMS) {
      for (const pattern of PLATFORM_MATCHES[platform]) {
        const host = /^https:\/\/([^/*]+)\/\*$/.exec(pattern)?.[1] ?? '';
        expect(PROFILE_HOSTS[platform], pattern).toContain(host);
      }
    }
  });

  it('lists the match patterns in platform order: https only, one per profile host (issue 14)', () => {
    // Written out once, by hand, in what the manifests must say (a change there is a change of what users grant).
    expect(SITE_MATCHES).toEqual(EXPECTED_SITE_MATCHES);
  });
});

describe('isProfileHost', () => {
  it.each<[host: string, platform: Platform, mine: boolean]>([
    ['www.instagram.com', 'instagram', true],
    ['WWW.Instagram.COM', 'instagram', true], // hosts are case-insensitive
    ['www.youtube.com.', 'youtube', true], // FQDN with the root dot
    ['twitter.com', 'x', true], // the old name still serves X
    ['l.instagram.com', 'instagram', false], // the outbound link shim: Instagram's, never a profile
    ['vm.tiktok.com', 'tiktok', false], // short links: the target is unknown until redirected
    ['instagram.com.evil.example', 'instagram', false], // look-alike host
    ['www.instagram.com', 'tiktok', false], // another platform's host
    ['', 'x', false], // no host at all (file: URLs)
    ['www.threads.net', 'threads', true], // the old Threads host still serves (redirects to threads.com)
    ['l.threads.com', 'threads', false], // Threads' outbound link shim (profile.rendered.html)
  ])('%s is %s\'s: %s', (host, platform, mine) => {
    expect(isProfileHost(platform, host)).toBe(mine);
  });
});

describe('profileKey', () => {
  it.each<[platform: Platform, handle: string, key: string]>([
    ['instagram', 'Maya.Travels', 'instagram:maya.travels'], // handles are case-insensitive
    ['youtube', 'ÉCOLE_42', 'youtube:école_42'], // non-ASCII letters are lowered too (locale-independent)
    ['x', 'maya', 'x:maya'], // the platform keeps "maya" on X apart from "maya" on Instagram
    ['threads', 'Maya.Travels', 'threads:maya.travels'], // the same username as on Instagram, another profile
  ])('%s %s → %s', (platform, handle, key) => {
    expect(profileKey(platform, handle)).toBe(key);
  });
});
