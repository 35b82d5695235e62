import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLATFORMS, PROFILE_HOSTS, profileKey, type Platform } from '@/lib/platforms';
import { profileAt } from '@/lib/sites/url';
import { canonicalProfileUrl, MAX_PROFILE_URL_LENGTH, profileOfUrl, sameProfile, type ProfileRef } from '@/lib/sites/url/canonical';
import { isInstagramHandle } from '@/lib/sites/url/instagram';
import { isXHandle } from '@/lib/sites/url/x';
import { isThreadsHandle } from '@/lib/sites/url/threads';
import { GOTCHA_URLS, PROFILE_URLS } from './gotcha-urls';

afterEach(() => {
  vi.unstubAllGlobals();
});

const ref = (platform: Platform, handle: string): ProfileRef => ({ platform, handle });
/** A URL of exactly `length` characters: `start` padded in its query (or fragment) with "a". */
const padded = (start: string, length: number) => start + 'a'.repeat(length - start.length);

describe('canonicalProfileUrl', () => {
  it.each<[platform: Platform, handle: string, url: string]>([
    ['instagram', 'maya.travels', 'https://www.instagram.com/maya.travels/'], // Instagram writes its profiles with a trailing slash
    ['instagram', 'Maya.Travels', 'https://www.instagram.com/Maya.Travels/'], // case kept: the handle as the URL wrote it
    ['tiktok', 'khaby.lame', 'https://www.tiktok.com/@khaby.lame'], // "@" before the handle, no slash after
    ['youtube', 'MrBeast', 'https://www.youtube.com/@MrBeast'], // a handle: /@handle, not /c/ or /user/
    ['youtube', 'UCX6OQ3DkcsbYNE6H8uQQuVA', 'https://www.youtube.com/channel/UCX6OQ3DkcsbYNE6H8uQQuVA'], // a channel id: /channel/UC…
    ['youtube', '山の湯', 'https://www.youtube.com/@%E5%B1%B1%E3%81%AE%E6%B9%AF'], // non-ASCII handle, percent-encoded as YouTube links it
    ['youtube', 'café·crème', 'https://www.youtube.com/@caf%C3%A9%C2%B7cr%C3%A8me'], // "·" is a handle character too, and not ASCII
    ['x', 'NASA', 'https://x.com/NASA'], // x.com, not twitter.com nor www.x.com
    ['bluesky', 'jay.bsky.team', 'https://bsky.app/profile/jay.bsky.team'], // a domain handle
    ['bluesky', 'did:plc:z72i7hdynmk6r22z27h6tvur', 'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur'], // ":" stays raw, as bsky.app writes DIDs
    ['bluesky', 'did:web:example.com%3A8080', 'https://bsky.app/profile/did:web:example.com%253A8080'], // a "%" of the DID is itself encoded
    ['threads', 'ana.tidepool', 'https://www.threads.com/@ana.tidepool'], // threads.com (threads.net redirects there), "@", no slash
    // Not handles: still one path segment on the platform's host, naming no profile.
    ['instagram', 'maya/p/DAtp02bRsTu', 'https://www.instagram.com/maya%2Fp%2FDAtp02bRsTu/'], // "/" cannot add a path segment
    ['x', 'jack?lang=en#top', 'https://x.com/jack%3Flang%3Den%23top'], // "?" and "#" cannot start a query or fragment
    ['tiktok', '\uD800', 'https://www.tiktok.com/@%EF%BF%BD'], // a lone surrogate: encodeURIComponent would throw
  ])('%s %s → %s', (platform, handle, url) => {
    expect(canonicalProfileUrl(platform, handle)).toBe(url);
    expect(new URL(url).href, 'written as the URL parser writes it').toBe(url);
  });
});

describe('profileOfUrl', () => {
  it.each<[url: string, profile: ProfileRef, why: string]>([
    ['http://www.instagram.com/maya.travels/', ref('instagram', 'maya.travels'), 'http: (old links): the same profile, canonicalProfileUrl upgrades it'],
    ['HTTPS://WWW.INSTAGRAM.COM/maya.travels/', ref('instagram', 'maya.travels'), 'scheme and host in capitals'],
    ['https://www.instagram.com/maya.travels/?igsh=MTc4MmM1YmI2Ng%3D%3D&utm_source=qr', ref('instagram', 'maya.travels'), 'Instagram share link: igsh= and utm_* tracking'],
    ['https://www.instagram.com/maya.travels/#grid', ref('instagram', 'maya.travels'), 'fragment'],
    ['https://www.instagram.com/maya.travels', ref('instagram', 'maya.travels'), 'no trailing slash'],
    ['https://www.instagram.com/Maya.Travels/', ref('instagram', 'Maya.Travels'), 'uppercase handle: kept as written (sameProfile ignores case)'],
    ['https://m.instagram.com/maya.travels/reels/', ref('instagram', 'maya.travels'), 'mobile host, reels tab: the profile, not a reel'],
    ['https://www.tiktok.com/@khaby.lame?_t=8lqabc&_r=1', ref('tiktok', 'khaby.lame'), 'TikTok share link: _t= and _r= tracking'],
    ['https://m.tiktok.com/@scout2015/', ref('tiktok', 'scout2015'), 'mobile host, trailing slash'],
    ['https://www.youtube.com/@MrBeast/videos?si=AbCdEf123', ref('youtube', 'MrBeast'), 'YouTube share link: si= tracking, videos tab'],
    ['https://m.youtube.com/@veritasium', ref('youtube', 'veritasium'), 'mobile host'],
    ['https://www.youtube.com/@%E5%B1%B1%E3%81%AE%E6%B9%AF', ref('youtube', '山の湯'), 'non-ASCII handle, percent-encoded: decoded'],
    ['https://www.youtube.com/@山の湯/shorts', ref('youtube', '山の湯'), 'non-ASCII handle as a user types it: the URL parser encodes it'],
    ['https://www.youtube.com/channel/UCX6OQ3DkcsbYNE6H8uQQuVA/featured?hl=es', ref('youtube', 'UCX6OQ3DkcsbYNE6H8uQQuVA'), 'channel id: a profile of its own key (not provably any @handle)'],
    ['https://twitter.com/jack?s=20&t=AbCdEf', ref('x', 'jack'), 'the old domain, with X\'s share tracking'],
    ['https://mobile.twitter.com/NASA/media', ref('x', 'NASA'), 'mobile host, media tab'],
    ['https://x.com/NASA/', ref('x', 'NASA'), 'trailing slash'],
    ['https://x.com/ja\tck', ref('x', 'jack'), 'a tab inside: the URL parser drops tabs and newlines, as the browser does'],
    ['  https://x.com/jack  ', ref('x', 'jack'), 'spaces around a pasted URL: the URL parser trims them'],
    ['https://bsky.app/profile/jay.bsky.team?ref_src=embed', ref('bluesky', 'jay.bsky.team'), 'query on a Bluesky profile'],
    ['https://bsky.app/profile/did%3Aplc%3Az72i7hdynmk6r22z27h6tvur', ref('bluesky', 'did:plc:z72i7hdynmk6r22z27h6tvur'), 'an encoded DID: bsky.app decodes it'],
    ['https://www.bsky.app/profile/jay.bsky.team', ref('bluesky', 'jay.bsky.team'), 'www. host: redirects to bsky.app'],
    ['https://www.youtube.com./@veritasium', ref('youtube', 'veritasium'), 'host with the root dot'],
    ['https://www.threads.net/@Ana.Tidepool?igshid=abc', ref('threads', 'Ana.Tidepool'), 'the old Threads host, an Instagram share query'],
    ['https://www.threads.com/@ana.tidepool/reposts', ref('threads', 'ana.tidepool'), 'Threads reposts tab: the profile'],
  ])('%s is %o (%s)', (url, profile) => {
    expect(profileOfUrl(url)).toEqual(profile);
  });

  it.each<[url: string, why: string]>([
    ['https://l.instagram.com/?u=https%3A%2F%2Fwww.instagram.com%2Fmaya.travels%2F&e=AT0', 'Instagram\'s link redirector: the profile is only in the query, never followed'],
    ['https://t.co/AbCdEf1234', 'X\'s link shortener: the target is unknown until redirected'],
    ['https://www.youtube.com/redirect?q=https%3A%2F%2Fx.com%2Fjack&event=video_description', 'YouTube\'s link redirector'],
    ['https://www.google.com/url?q=https://www.instagram.com/maya.travels/', 'a search engine\'s redirector'],
    ['https://vm.tiktok.com/ZMabc123/', 'TikTok short link'],
    ['https://go.bsky.app/AbCdEf', 'Bluesky short link'],
    ['https://l.threads.com/?u=https%3A%2F%2Fwww.threads.com%2F%40zuck', 'Threads\' link shim'],
    ['https://www.threads.com/@zuck/post/DR0Wsy0EhCP', 'a Threads post, not its author'],
    ['https://www.instagram.com/p/DAtp02bRsTu/', 'a post, not its author'],
    ['https://www.instagram.com/maya.travels/p/DAtp02bRsTu/', 'a post under the author\'s handle (2024+)'],
    ['https://www.instagram.com/explore/', 'a route, not a user called "explore"'],
    ['https://www.tiktok.com/@khaby.lame/video/7234567890123456789?is_from_webapp=1', 'a video under the author\'s handle'],
    ['https://x.com/NASA/status/1234567890123456789?s=20', 'a post under the author\'s handle'],
    ['https://bsky.app/profile/jay.bsky.team/post/3kabc123xyz2a', 'a post under the author\'s handle'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&ab_channel=MrBeast', 'a video naming its channel in the query'],
    ['https://www.youtube.com/c/Veritasium', 'legacy custom URL: its name is not provably the @handle (top of canonical.ts)'],
    ['https://www.youtube.com/user/PewDiePie/videos', 'legacy user URL: the same, and the adapter does read it (profileAt)'],
    ['https://x.com/NASA//', 'an empty segment after the handle'],
    ['ftp://www.instagram.com/maya.travels/', 'not http(s), though the host and path are a profile\'s (profileAt would say yes)'],
    ['javascript://www.instagram.com/maya.travels/%0Aalert(1)', 'a script URL whose "host" is Instagram\'s'],
    ['https://maya@www.instagram.com/maya.travels/', 'credentials: no platform links a profile that way'],
    ['https://www.instagram.com.evil.example/maya.travels/', 'look-alike host'],
    ['https://www.instagram.com@evil.example/maya.travels/', 'the real host is evil.example'],
    ['https://www.instagram.com:8443/maya.travels/', 'another port: not the platform\'s site'],
    ['www.instagram.com/maya.travels/', 'no scheme: not a URL (a caller may add https:// for typed text)'],
    ['https://www.instagram.com/m%61ya/', 'percent-encoded letters: the Instagram rule reads the path as written'],
    ['', 'empty'],
    ['not a url', 'not a URL'],
  ])('%s is no profile (%s)', (url) => {
    expect(profileOfUrl(url)).toBeUndefined();
  });

  // Long URLs by their length (the titles would be the URLs otherwise).
  it.each<[length: number, start: string, profile: ProfileRef | undefined, why: string]>([
    [MAX_PROFILE_URL_LENGTH, 'https://www.instagram.com/maya.travels/?utm_source=', ref('instagram', 'maya.travels'), 'exactly at the bound: still read'],
    [MAX_PROFILE_URL_LENGTH + 1, 'https://www.instagram.com/maya.travels/#', undefined, 'one over the bound, in the fragment'],
    [2_100, 'https://www.instagram.com/maya.travels/?utm_source=', undefined, 'a profile URL of 2 100 characters, tracking in the query'],
    [2_100, 'https://x.com/jack?s=', undefined, 'the same on X'],
  ])('a %i-character URL starting %s is %o (%s)', (length, start, profile) => {
    const url = padded(start, length);
    expect(url).toHaveLength(length);
    expect(profileOfUrl(url)).toEqual(profile);
    const short = profileOfUrl(start)!; // the same URL without the padding names the profile
    expect(sameProfile(url, short.platform, short.handle)).toBe(profile !== undefined);
  });

  it('refuses a 1.5 MB fragment without parsing it', () => {
    const huge = `https://www.instagram.com/maya.travels/#${'x'.repeat(1_500_000)}`;
    let parsed = 0;
    const counting = new Proxy(URL, {
      construct: (target, args: unknown[]) => {
        parsed++;
        return Reflect.construct(target, args) as URL;
      },
    });
    vi.stubGlobal('URL', counting);
    const started = performance.now();
    expect(profileOfUrl(huge)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
    expect(parsed, 'the length is checked before new URL()').toBe(0);
    expect(profileOfUrl('https://x.com/jack')).toEqual(ref('x', 'jack'));
    expect(parsed, 'the count sees a parse').toBe(1);
  });

  it('reads every profile URL of the shared list (gotcha-urls.ts)', () => {
    for (const platform of PLATFORMS) {
      for (const [url, handle] of PROFILE_URLS[platform]) expect(profileOfUrl(url), url).toEqual(ref(platform, handle));
    }
  });

  it.each(GOTCHA_URLS)('%s is no profile here either (%s)', (url) => {
    expect(profileOfUrl(url)).toBeUndefined();
  });
});

describe('sameProfile', () => {
  it.each<[url: string, platform: Platform, handle: string, same: boolean, why: string]>([
    ['https://www.instagram.com/Maya.Travels/?igsh=abc', 'instagram', 'maya.travels', true, 'case and tracking do not matter'],
    ['http://m.instagram.com/maya.travels/tagged/', 'instagram', 'MAYA.TRAVELS', true, 'http, mobile host, a tab, stored handle in capitals'],
    ['https://twitter.com/Jack', 'x', 'jack', true, 'the old domain is the same X account'],
    ['https://www.youtube.com/@%E5%B1%B1%E3%81%AE%E6%B9%AF/videos', 'youtube', '山の湯', true, 'encoded in the URL, decoded in storage'],
    ['https://bsky.app/profile/Jay.Bsky.Team', 'bluesky', 'jay.bsky.team', true, 'Bluesky handles are domain names: case-insensitive'],
    ['https://www.instagram.com/maya.travel/', 'instagram', 'maya.travels', false, 'another handle'],
    ['https://www.instagram.com/maya.travels.uk/', 'instagram', 'maya.travels', false, 'another handle that starts with this one'],
    ['https://x.com/maya_travels', 'instagram', 'maya_travels', false, 'the same handle on another platform'],
    ['https://www.instagram.com/p/DAtp02bRsTu/', 'instagram', 'p', false, 'a post, though its first segment could be read as a handle'],
    ['https://www.youtube.com/c/Veritasium', 'youtube', 'Veritasium', false, '/c/ name vs handle: cannot be proven the same channel'],
    ['https://www.youtube.com/channel/UCHnyfMqiRRG1u-2MsSQLbXA', 'youtube', 'veritasium', false, 'channel id vs handle: cannot be proven from the URL'],
    ['https://l.instagram.com/?u=https%3A%2F%2Fwww.instagram.com%2Fmaya.travels%2F', 'instagram', 'maya.travels', false, 'a redirector naming the profile in its query'],
  ])('%s is %s %s: %s (%s)', (url, platform, handle, same) => {
    expect(sameProfile(url, platform, handle)).toBe(same);
  });
});

// Each platform's handle alphabet, as the URL rules (lib/sites/url) define it.
const chars = (text: string) => [...text];
const LOWER = chars('abcdefghijklmnopqrstuvwxyz');
const ALNUM = [...LOWER, ...chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')];
/** Some letters, marks and digits of other scripts: YouTube handles take any (\p{L}\p{M}\p{N}). */
const WORLD = chars('éßøŁЖжΩλا東京山の湯한글ñü\u0301٣३');
const from = (alphabet: readonly string[], minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const label = from([...ALNUM, '-'], 1, 20).filter((text) => !text.startsWith('-') && !text.endsWith('-'));

const HANDLES: Readonly<Record<Platform, fc.Arbitrary<string>>> = {
  instagram: from([...ALNUM, '.', '_'], 1, 30).filter(isInstagramHandle), // also drops /p/, /explore/ … (Instagram's routes)
  tiktok: from([...ALNUM, '.', '_'], 1, 32),
  youtube: fc.oneof(
    from([...ALNUM, ...WORLD, '.', '_', '-', '·'], 3, 30),
    from([...ALNUM, '_', '-'], 22, 22).map((id) => `UC${id}`), // channel ids
  ),
  x: from([...ALNUM, '_'], 1, 15).filter(isXHandle), // also drops /home, /i, /explore … (X's routes)
  bluesky: fc.oneof(
    fc
      .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom(...LOWER, ...chars('ABC')), from([...ALNUM, '-'], 0, 8))
      .filter(([, , rest]) => !rest.endsWith('-'))
      .map(([labels, first, rest]) => `${labels.join('.')}.${first}${rest}`), // domain names: the last label starts with a letter
    from(chars('abcdefghijklmnopqrstuvwxyz234567'), 24, 24).map((id) => `did:plc:${id}`),
    fc.array(from([...ALNUM, '.', '%', '-'], 1, 12), { minLength: 1, maxLength: 3 }).map((parts) => `did:web:${parts.join(':')}`),
  ),
  threads: from([...ALNUM, '.', '_'], 1, 30).filter(isThreadsHandle), // Instagram usernames, no route to avoid: every profile path has "@"
};

describe('canonical URLs, for every handle', () => {
  it.each(PLATFORMS)('%s: profileOfUrl(canonicalProfileUrl(h)) is h, and canonicalProfileUrl is idempotent through it', (platform) => {
    fc.assert(
      fc.property(HANDLES[platform], (handle) => {
        const url = canonicalProfileUrl(platform, handle);
        const found = profileOfUrl(url);
        expect(found, `${url}: is ${JSON.stringify(handle)} a ${platform} handle? Yes → fix canonicalProfileUrl or the rule`).toEqual(ref(platform, handle));
        expect(profileKey(found!.platform, found!.handle)).toBe(profileKey(platform, handle));
        expect(canonicalProfileUrl(found!.platform, found!.handle)).toBe(url);
        expect(new URL(url).href).toBe(url);
        expect(new URL(url).search + new URL(url).hash).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  /** URLs made of profile hosts and path pieces that profile URLs, posts and routes are made of. */
  const messyUrl = fc
    .tuple(
      fc.constantFrom('https:', 'http:', 'HTTPS:'),
      fc.constantFrom(...PLATFORMS.flatMap((platform) => PROFILE_HOSTS[platform]), 'WWW.YouTube.com', 'l.instagram.com', 'example.com'),
      fc.array(
        fc.oneof(
          HANDLES.instagram,
          HANDLES.youtube.map((handle) => `@${handle}`),
          HANDLES.bluesky,
          HANDLES.threads.map((handle) => `@${handle}`),
          fc.constantFrom('profile', 'channel', 'c', 'user', 'reels', 'tagged', 'videos', 'p', 'status', 'video', 'with_replies', 'post', 'replies', '', '%E5%B1%B1', '%', '@'),
        ),
        { maxLength: 4 },
      ),
      fc.constantFrom('', '/', '?igsh=abc', '?si=x&utm_source=y', '#top', '/?u=https%3A%2F%2Fx.com%2Fjack'),
    )
    .map(([scheme, host, segments, tail]) => `${scheme}//${host}/${segments.join('/')}${tail}`);

  it('the canonical URL of any profile URL names the same profile; none is ever thrown', () => {
    fc.assert(
      fc.property(messyUrl, (url) => {
        const found = profileOfUrl(url);
        if (found) {
          expect(profileOfUrl(canonicalProfileUrl(found.platform, found.handle)), url).toEqual(found);
          expect(sameProfile(url, found.platform, found.handle.replace(/[a-z]/g, (letter) => letter.toUpperCase()))).toBe(true);
          // Never more than the adapters read: profileOfUrl is profileAt, minus what it refuses.
          expect(profileAt(url)).toEqual(found);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl({ withQueryParameters: true, withFragments: true })), (text) => {
        expect(() => profileOfUrl(text)).not.toThrow();
        expect(() => sameProfile(text, 'x', 'jack')).not.toThrow();
      }),
    );
  });
});
