import { afterAll, describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor, readSnapshot } from '../../../lib/sites';
import { PLATFORMS } from '../../../lib/platforms';
import type { SiteAdapter } from '../../../lib/sites/types';
import { closeFixtures, documentFrom } from './fixture';
import { GOTCHA_URLS, PROFILE_URLS } from './gotcha-urls';

/** Documents no adapter should choke on. */
const GARBAGE_DOCUMENTS: [name: string, html: string][] = [
  ['empty document', ''],
  ['text only', 'just some text 12.3K followers'],
  [
    'random markup',
    '<header><ul><li>x</li><li>12K</li></ul></header><main><a href="/p/">/p/</a><a href="/reel/%%%/">r</a>' +
      '<a href="javascript:void(0)">j</a><a>no href</a><span title="">t</span><span title="1e999">big</span>' +
      '<ul><li aria-label="NaN likes">NaN</li><li>-5</li></ul></main>',
  ],
  [
    'broken bootstrap data',
    '<meta property="og:description" content="lots of Followers, -1 Following (@ghost)">' +
      '<meta property="og:description">' +
      '<script type="application/json">{"xdt_api__v1__feed__user_timeline_graphql_connection":{"edges":[null,1,{"node":{"code":{}}}]}}</script>' +
      '<script type="application/json">{not json edge_owner_to_timeline_media</script>' +
      '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">[[[[]]]]</script>' +
      '<script>var ytInitialData = {"broken": </script>',
  ],
  ['deeply nested', '<div>'.repeat(300) + '<a href="/x/followers/">1</a>' + '</div>'.repeat(300)],
];

/** URLs that are odd but parse. `profileHandle` must return a string or undefined, never throw. */
const ODD_URLS = [
  'about:blank',
  'file:///C:/Users/me/profile.html',
  'data:text/html,<p>hi</p>',
  'https://www.instagram.com//',
  'https://www.instagram.com/%E0%A4%A/',
  'https://www.instagram.com/%2e%2e/',
  'https://WWW.INSTAGRAM.COM./NASA/',
  'https://www.tiktok.com/@',
  'https://x.com/%00',
  'https://bsky.app/profile/',
  'https://www.youtube.com/@/videos',
  'chrome-extension://abcdefghijklmnop/popup.html',
  'https://user:pass@www.instagram.com:8443/nasa/',
  `https://www.instagram.com/${'a'.repeat(5000)}/`,
];

afterAll(closeFixtures);

describe.each(ADAPTERS.map((adapter) => [adapter.platform, adapter] as [string, SiteAdapter]))(
  '%s adapter conformance',
  (platform, adapter) => {
    it('has profile URLs to test against', () => {
      expect(
        PROFILE_URLS[adapter.platform].length,
        `Add real-looking profile URLs for ${platform} to PROFILE_URLS in gotcha-urls.ts`,
      ).toBeGreaterThan(0);
    });

    it.each(PROFILE_URLS[adapter.platform])('reads its own profile URL %s as %s', (url, handle) => {
      const parsed = new URL(url);
      expect(adapter.matchesHost(parsed.hostname), `Is ${parsed.hostname} one of ${platform}'s hosts? Yes → fix matchesHost`).toBe(true);
      expect(
        adapter.profileHandle(parsed),
        'Is this a profile URL? Yes → fix profileHandle; No → move it to GOTCHA_URLS',
      ).toBe(handle);
      expect(adapterFor(url)?.adapter, 'ADAPTERS must route this URL to its own adapter').toBe(adapter);
    });

    const others = PLATFORMS.filter((p) => p !== adapter.platform).flatMap((p) =>
      PROFILE_URLS[p].map(([url]) => [url, p] as [string, string]),
    );
    it.each(others)('says "not mine" to %s (a %s profile)', (url, owner) => {
      const parsed = new URL(url);
      expect(
        adapter.matchesHost(parsed.hostname),
        `${parsed.hostname} belongs to ${owner}: make ${platform}.matchesHost stricter`,
      ).toBe(false);
      expect(
        adapter.profileHandle(parsed),
        `A ${owner} URL must not give a ${platform} handle: check the host in profileHandle first`,
      ).toBeUndefined();
    });

    it.each(GOTCHA_URLS)('is not fooled by %s (%s)', (url) => {
      expect(
        adapter.profileHandle(new URL(url)),
        'Is this a profile URL after all? Yes → move it to PROFILE_URLS with its handle; No → fix profileHandle',
      ).toBeUndefined();
    });

    it.each(ODD_URLS)('never throws on the odd URL %s', (url) => {
      const parsed = new URL(url);
      expect(() => adapter.matchesHost(parsed.hostname), 'matchesHost must not throw').not.toThrow();
      const handle = adapter.profileHandle(parsed);
      expect(
        handle === undefined || (typeof handle === 'string' && handle.length > 0),
        'profileHandle returns a non-empty handle or undefined',
      ).toBe(true);
    });

    const profileUrl = PROFILE_URLS[adapter.platform][0]?.[0] ?? 'https://example.com/';
    it.each(GARBAGE_DOCUMENTS)('never throws on a garbage document: %s', (_name, html) => {
      for (const trustBootstrap of [true, false]) {
        const doc = documentFrom(html, profileUrl);
        const reader = adapter.reader(doc, new URL(profileUrl), { trustBootstrap });
        const header = reader.header();
        expect(header.platform, 'header().platform names the adapter').toBe(adapter.platform);
        expect(Array.isArray(header.notes), 'header().notes is always an array').toBe(true);
        for (const count of [header.followers, header.following, header.postsCount, header.totalLikes]) {
          if (count) {
            expect(Number.isSafeInteger(count.value) && count.value >= 0, 'counts are non-negative integers, never NaN').toBe(true);
          }
        }
        expect(() => reader.anchor(), 'anchor() must return null, not throw').not.toThrow();
        for (const element of doc.querySelectorAll('*')) {
          expect(() => reader.post(element), 'post() must return undefined for things it cannot read').not.toThrow();
        }
        const snapshot = readSnapshot(adapter, doc, profileUrl, { trustBootstrap });
        expect(new Set(snapshot.posts.map((post) => post.id)).size, 'posts are de-duplicated by id').toBe(snapshot.posts.length);
      }
    });

    it('never throws when reading a document for an odd URL', () => {
      const doc = documentFrom('<main><header><ul><li>1</li><li>2</li><li>3</li></ul></header></main>', 'https://example.com/');
      for (const url of ODD_URLS) {
        expect(() => readSnapshot(adapter, doc, url, { trustBootstrap: true }), `reading at ${url}`).not.toThrow();
      }
    });

    it('lists real profiles to check by hand', () => {
      expect(adapter.manualCheckUrls.length, 'Add a few real public profile URLs to manualCheckUrls').toBeGreaterThan(0);
      for (const url of adapter.manualCheckUrls) {
        expect(adapter.profileHandle(new URL(url)), `manualCheckUrls must be profile URLs: ${url}`).toBeDefined();
      }
    });
  },
);

describe('adapterFor', () => {
  it.each(GOTCHA_URLS)('gives no adapter for %s (%s)', (url) => {
    expect(adapterFor(url), 'A gotcha URL must not reach any adapter').toBeUndefined();
  });

  it.each(['', 'not a url', 'instagram.com/nasa', '//www.instagram.com/nasa/'])('gives undefined for the unparsable %j', (url) => {
    expect(adapterFor(url)).toBeUndefined();
  });

  it('accepts a URL object as well as a string', () => {
    const adapter = ADAPTERS[0];
    const [url, handle] = adapter ? (PROFILE_URLS[adapter.platform][0] ?? ['', '']) : ['', ''];
    if (!adapter || !url) return;
    expect(adapterFor(new URL(url))).toEqual({ adapter, handle });
    expect(adapterFor(url)).toEqual({ adapter, handle });
  });
});
