import { afterAll, describe, expect, it, vi } from 'vitest';
import { adapterFor, readSnapshot } from '../../../lib/sites';
import { tiktok } from '../../../lib/sites/tiktok';
import type { PostCounts, ProfileSnapshot } from '../../../lib/sites/types';
import { closeFixtures, hasSharedPage, loadFixture, loadSharedPage, words } from './fixture';
import { GOTCHA_URLS, PROFILE_URLS } from './gotcha-urls';

afterAll(closeFixtures);

const exact = (value: number) => expect.objectContaining({ value, exact: true });
const rounded = (value: number) => expect.objectContaining({ value, exact: false });

function read(name: string, url: string, trustBootstrap = true): { doc: Document; snapshot: ProfileSnapshot } {
  const doc = loadFixture('tiktok', name, url);
  return { doc, snapshot: readSnapshot(tiktok, doc, url, { trustBootstrap }) };
}

function byId(snapshot: ProfileSnapshot, id: string): PostCounts {
  const post = snapshot.posts.find((p) => p.id === id);
  expect(post, `video ${id} should be read from the grid`).toBeDefined();
  return post!;
}

const ids = (snapshot: ProfileSnapshot, flag: 'pinned' | 'notOwn') =>
  snapshot.posts.filter((post) => post[flag]).map((post) => post.id);

/** Extra TikTok URLs that are not profiles (candidates for the shared GOTCHA_URLS), each with why. */
const TIKTOK_GOTCHAS: [url: string, why: string][] = [
  ['https://www.tiktok.com/', 'home feed: no path'],
  ['https://www.tiktok.com/@', 'an "@" without a handle'],
  ['https://www.tiktok.com/@khaby.lame/live', 'the LIVE room under the handle'],
  ['https://www.tiktok.com/@khaby.lame/video/', 'video route without an id'],
  ['https://www.tiktok.com/@khaby.lame/collection/Recipes-7234567890123456789', 'a collection under the handle'],
  ['https://www.tiktok.com/@khaby.lame/playlist/Series-7234567890123456789', 'a playlist under the handle'],
  ['https://www.tiktok.com/live', 'LIVE feed'],
  ['https://www.tiktok.com/following', 'following feed'],
  ['https://www.tiktok.com/friends', 'friends feed'],
  ['https://www.tiktok.com/discover/sourdough-recipes', 'a discover (SEO) page'],
  ['https://www.tiktok.com/t/ZT8abcDEF/', 'short link on the main host: target unknown until redirected'],
  ['https://vt.tiktok.com/ZSabc123/', 'short link host'],
  ['https://www.tiktok.com/embed/v2/7234567890123456789', 'embedded player'],
  ['https://www.tiktok.com/embed/@khaby.lame', 'embedded profile card, not the profile page'],
  ['https://www.tiktok.com/khaby.lame', 'no "@": not a profile route'],
  ['https://www.tiktok.com/%40khaby.lame', 'an encoded "@": not how TikTok links profiles'],
  ['https://www.tiktok.com/upload', 'own upload page'],
  ['https://www.tiktok.com/messages', 'own messages'],
  ['https://www.tiktok.com/login', 'login'],
  ['https://www.tiktok.com/@has space', 'not a valid username: a space'],
  ['https://www.tiktok.com/@has-dash', 'not a valid username: "-"'],
  ['https://ads.tiktok.com/@khaby.lame', 'another TikTok subdomain'],
  ['https://tiktok.com.evil.example/@khaby.lame', 'look-alike host'],
  ['https://www.tiktokv.com/@khaby.lame', 'TikTok API host, not the site'],
];

describe('tiktok.profileHandle', () => {
  it.each([
    ...PROFILE_URLS.tiktok,
    ['https://tiktok.com/@scout2015', 'scout2015'],
    ['https://www.tiktok.com/@Scout2015?is_from_webapp=1&sender_device=pc', 'Scout2015'],
    ['https://www.tiktok.com/@mara.bakes/#videos', 'mara.bakes'],
    ['http://www.tiktok.com/@mara_bakes', 'mara_bakes'],
    ['https://www.tiktok.com./@mara.bakes', 'mara.bakes'],
  ] as [string, string][])('%s → %s', (url, handle) => {
    expect(tiktok.profileHandle(new URL(url)), 'Is this a profile URL? Yes → fix profileHandle; No → move it to the gotchas').toBe(handle);
  });

  it.each([
    ...GOTCHA_URLS.filter(([url]) => url.includes('tiktok')),
    ...TIKTOK_GOTCHAS,
  ] as [string, string][])('%s is not a profile (%s)', (url) => {
    expect(tiktok.profileHandle(new URL(url)), 'Is this a profile URL after all? Yes → move it to PROFILE_URLS; No → fix profileHandle').toBeUndefined();
  });

  it.each(
    Object.entries(PROFILE_URLS)
      .filter(([platform]) => platform !== 'tiktok')
      .flatMap(([platform, urls]) => urls.map(([url]) => [url, platform] as [string, string])),
  )('%s (%s) is not a TikTok profile', (url) => {
    expect(tiktok.profileHandle(new URL(url))).toBeUndefined();
  });
});

describe('tiktok.matchesHost', () => {
  it.each([
    ['tiktok.com', true],
    ['www.tiktok.com', true],
    ['m.tiktok.com', true],
    ['WWW.TikTok.COM', true],
    ['vm.tiktok.com', false],
    ['vt.tiktok.com', false],
    ['ads.tiktok.com', false],
    ['tiktok.com.evil.example', false],
    ['nottiktok.com', false],
    ['', false],
  ] as [string, boolean][])('%s → %s', (host, mine) => {
    expect(tiktok.matchesHost(host)).toBe(mine);
  });
});

describe('profile.html: rounded header, exact statsV2 for the same handle', () => {
  const url = 'https://www.tiktok.com/@mara.bakes';

  it('trusted: exact followers/following/likes and the video count from statsV2', () => {
    const { snapshot } = read('profile', url);
    expect(snapshot).toMatchObject({ platform: 'tiktok', handle: 'mara.bakes', locale: 'en', displayName: 'Mara Okonkwo' });
    expect(snapshot.followers, 'statsV2 "48213" beats the header "48.2K"').toEqual(exact(48_213));
    expect(snapshot.following).toEqual(exact(312));
    expect(snapshot.totalLikes, 'statsV2 heartCount, not stats (1 100 000, rounded by TikTok)').toEqual(exact(1_104_518));
    expect(snapshot.postsCount).toEqual(exact(87));
    expect(words(snapshot.notes)).toEqual([]);
  });

  it('untrusted: the header\'s rounded text only, with its rounding interval', () => {
    const { snapshot } = read('profile', url, false);
    expect(snapshot.followers, 'rounding unknown: nearest or truncated').toEqual({ value: 48_200, exact: false, min: 48_150, max: 48_299 });
    expect(snapshot.following, '"312" is exact as written').toEqual(exact(312));
    expect(snapshot.totalLikes).toEqual(rounded(1_100_000));
    expect(snapshot.postsCount, 'the header never shows the video count').toBeUndefined();
    expect(snapshot.displayName, 'user-subtitle is in the DOM').toBe('Mara Okonkwo');
    expect(words(snapshot.notes)).toEqual(['Follower count is rounded on the page; the exact number is not shown.']);
  });

  it('reads 5 tiles in page order with views, kinds and the pinned badge', () => {
    const { snapshot } = read('profile', url);
    expect(snapshot.posts.map((post) => [post.id, post.kind, post.views?.value, post.views?.exact])).toEqual([
      ['7301000000000000001', 'video', 1_200_000, false],
      ['7302000000000000002', 'video', 12_300, false],
      ['7303000000000000003', 'post', 980, true],
      ['7304000000000000004', 'video', 45_000, false],
      ['7305000000000000005', 'video', 0, true],
    ]);
    expect(ids(snapshot, 'pinned')).toEqual(['7301000000000000001']);
    expect(ids(snapshot, 'notOwn')).toEqual([]);
    expect(snapshot.posts.every((post) => post.likes === undefined && post.comments === undefined), 'the grid shows views only').toBe(true);
  });

  it('finds a "Pinned" label without the badge hook, and the page\'s own word for it', () => {
    const doc = loadFixture('tiktok', 'profile', url);
    const badge = doc.querySelector('[data-e2e="video-card-badge"]')!;
    badge.removeAttribute('data-e2e');
    expect(readSnapshot(tiktok, doc, url, { trustBootstrap: false }).posts.filter((p) => p.pinned).map((p) => p.id)).toEqual([
      '7301000000000000001',
    ]);
    badge.textContent = 'Pinnwand-Favorit';
    const script = doc.querySelector('#__UNIVERSAL_DATA_FOR_REHYDRATION__')!;
    script.textContent = (script.textContent ?? '').replace('"profile_page_pin":"Pinned"', '"profile_page_pin":"Pinnwand-Favorit"');
    expect(readSnapshot(tiktok, doc, url, { trustBootstrap: false }).posts.filter((p) => p.pinned).map((p) => p.id)).toEqual([
      '7301000000000000001',
    ]);
  });

  it('marks tiles by other authors (reposts tab) as not the owner\'s', () => {
    const doc = loadFixture('tiktok', 'profile', url);
    doc.querySelector('[data-e2e="user-post-item-list"]')!.innerHTML =
      '<div data-e2e="user-post-item"><a href="https://www.tiktok.com/@kofi.draws/video/7321000000000000001"><strong data-e2e="video-views">310.4K</strong></a></div>' +
      '<div data-e2e="user-post-item"><a href="/@Mara.Bakes/video/7306000000000000006"><strong data-e2e="video-views">7,021</strong></a></div>';
    const snapshot = readSnapshot(tiktok, doc, url, { trustBootstrap: true });
    expect(ids(snapshot, 'notOwn')).toEqual(['7321000000000000001']);
    expect(byId(snapshot, '7306000000000000006').views, 'relative href, handle in another case').toEqual(exact(7021));
  });

  it('reads a tile once even when it appears twice, and skips tiles without a video link', () => {
    const doc = loadFixture('tiktok', 'profile', url);
    const list = doc.querySelector('[data-e2e="user-post-item-list"]')!;
    list.insertAdjacentHTML(
      'beforeend',
      '<div data-e2e="user-post-item"><a href="https://www.tiktok.com/@mara.bakes/video/7302000000000000002"><strong data-e2e="video-views">12.3K</strong></a></div>' +
        '<div data-e2e="user-post-item"><a href="https://www.tiktok.com/@mara.bakes">no video</a></div>',
    );
    expect(readSnapshot(tiktok, doc, url, { trustBootstrap: true }).posts).toHaveLength(5);
  });

  it('anchors at the handle heading, else next to the followers count', () => {
    const doc = loadFixture('tiktok', 'profile', url);
    const reader = tiktok.reader(doc, new URL(url), { trustBootstrap: true });
    expect(reader.anchor()?.getAttribute('data-e2e')).toBe('user-title');
    doc.querySelector('[data-e2e="user-title"]')!.removeAttribute('data-e2e');
    expect(reader.anchor()?.tagName, 'the h1 with the handle').toBe('H1');
    doc.querySelector('h1')!.remove();
    expect(reader.anchor()?.querySelector('[data-e2e="followers-count"]')).not.toBeNull();
  });

  it('skips hidden duplicates of the followers count (first visible match)', () => {
    for (const hiding of ['style="display:none"', 'hidden', 'aria-hidden="true"']) {
      const doc = loadFixture('tiktok', 'profile', url);
      doc.querySelector('h3')!.insertAdjacentHTML('afterbegin', `<div ${hiding}><strong data-e2e="followers-count">99.9M</strong></div>`);
      const header = tiktok.reader(doc, new URL(url), { trustBootstrap: false }).header();
      expect(header.followers, `a copy with ${hiding} is not what the user sees`).toEqual(rounded(48_200));
    }
  });

  it('uses the ProfilePage JSON-LD when userInfo is missing', () => {
    const doc = loadFixture('tiktok', 'profile', url);
    doc.querySelector('#__UNIVERSAL_DATA_FOR_REHYDRATION__')!.remove();
    const header = tiktok.reader(doc, new URL(url), { trustBootstrap: true }).header();
    expect(header.followers).toEqual(exact(48_213));
    expect(header.totalLikes).toEqual(exact(1_104_518));
    expect(header.following).toEqual(exact(312));
    expect(header.postsCount).toBeUndefined();
  });

  it('does not take statsV2 for exact when it is just the rounded stats again', () => {
    const doc = loadFixture('tiktok', 'profile', url);
    doc.querySelector('script[type="application/ld+json"]')!.remove();
    const script = doc.querySelector('#__UNIVERSAL_DATA_FOR_REHYDRATION__')!;
    script.textContent = (script.textContent ?? '').replace('"followerCount":"48213"', '"followerCount":"48200"');
    const header = tiktok.reader(doc, new URL(url), { trustBootstrap: true }).header();
    expect(header.followers, 'statsV2 "48200" = stats 48200: maybe rounded, like authorStatsV2 on video pages').toEqual(rounded(48_200));
  });

  it('parses the embedded JSON once per reader', () => {
    const doc = loadFixture('tiktok', 'profile', url);
    const reader = tiktok.reader(doc, new URL(url), { trustBootstrap: true });
    const parse = vi.spyOn(JSON, 'parse');
    reader.header();
    const afterFirst = parse.mock.calls.length;
    expect(afterFirst).toBeGreaterThan(0);
    for (const tile of doc.querySelectorAll(reader.postSelector)) reader.post(tile);
    reader.header();
    expect(parse.mock.calls.length).toBe(afterFirst);
  });
});

describe('profile-stale-bootstrap.html: embedded data still describes the previous profile', () => {
  const url = 'https://www.tiktok.com/@kofi.draws';

  it.each([true, false])('ignores statsV2 of another uniqueId (trustBootstrap=%s)', (trustBootstrap) => {
    const { snapshot } = read('profile-stale-bootstrap', url, trustBootstrap);
    expect(snapshot.handle).toBe('kofi.draws');
    expect(snapshot.followers, 'the header, not mara.bakes\'s 48 213').toEqual(rounded(2_500_000));
    expect(snapshot.following).toEqual(exact(1024));
    expect(snapshot.totalLikes).toEqual(rounded(88_100_000));
    expect(snapshot.postsCount, 'videoCount 87 is mara.bakes\'s').toBeUndefined();
    expect(snapshot.displayName).toBe('Kofi Mensah');
    expect(snapshot.posts.map((post) => post.views?.value)).toEqual([310_400, 2_200_000]);
  });

  it('reads nothing from a header that still shows another handle', () => {
    const { snapshot, doc } = read('profile-stale-bootstrap', 'https://www.tiktok.com/@mara.bakes', true);
    expect(snapshot.followers?.value, 'trusted statsV2 is mara.bakes\'s own: fine').toBe(48_213);
    expect(snapshot.totalLikes).toEqual(exact(1_104_518));
    expect(snapshot.displayName, 'the DOM name is Kofi\'s: the JSON nickname instead').toBe('Mara Okonkwo');
    expect(words(snapshot.notes)).toContain('The page still shows @kofi.draws, not @mara.bakes: waiting for the profile to load.');
    expect(ids(snapshot, 'notOwn')).toEqual(['7321000000000000001', '7322000000000000002']);

    const untrusted = readSnapshot(tiktok, doc, 'https://www.tiktok.com/@mara.bakes', { trustBootstrap: false });
    expect(untrusted.followers, '2.5M is kofi.draws\'s').toBeUndefined();
    expect(untrusted.following).toBeUndefined();
    expect(tiktok.reader(doc, new URL('https://www.tiktok.com/@mara.bakes'), { trustBootstrap: false }).anchor()).toBeNull();
  });
});

describe('profile-de.html: German UI', () => {
  const url = 'https://www.tiktok.com/@lena.wandert?lang=de-DE';

  it('reads "1,2 Mio." with the page locale', () => {
    const { snapshot } = read('profile-de', url);
    expect(snapshot.locale).toBe('de-DE');
    expect(snapshot.followers).toEqual({ value: 1_200_000, exact: false, min: 1_150_000, max: 1_299_999 });
    expect(snapshot.following).toEqual(exact(845));
    expect(snapshot.totalLikes).toEqual(rounded(23_400_000));
    expect(snapshot.displayName).toBe('Lena Wandert');
  });

  it('reads German view counts and the "Angeheftet" badge', () => {
    const { snapshot } = read('profile-de', url);
    expect(snapshot.posts.map((post) => [post.id, post.views?.value, post.views?.exact])).toEqual([
      ['7311000000000000001', 3_400_000, false],
      ['7312000000000000002', 12_345, true],
      ['7313000000000000003', 987, true],
    ]);
    expect(ids(snapshot, 'pinned')).toEqual(['7311000000000000001']);
  });
});

describe('profile-late.html: header rendered after load', () => {
  const url = 'https://www.tiktok.com/@late.bloomer';
  const renderHeader = (doc: Document, followers: string) => {
    doc.querySelector('#header-slot')!.innerHTML =
      '<h1 data-e2e="user-title">late.bloomer</h1><h2 data-e2e="user-subtitle">Sam Okafor</h2><h3>' +
      '<div><strong data-e2e="following-count">287</strong><span>Following</span></div>' +
      `<div><strong data-e2e="followers-count">${followers}</strong><span>Followers</span></div>` +
      '<div><strong data-e2e="likes-count">91.2K</strong><span>Likes</span></div></h3>';
    doc.querySelector('[data-e2e="user-post-item-list"]')!.innerHTML =
      '<div data-e2e="user-post-item"><a href="/@late.bloomer/video/7331000000000000001"><strong data-e2e="video-views">2,048</strong></a></div>';
  };

  it('untrusted: nothing before the header renders, everything after', () => {
    const doc = loadFixture('tiktok', 'profile-late', url);
    const reader = tiktok.reader(doc, new URL(url), { trustBootstrap: false });
    const before = reader.header();
    expect(before.followers).toBeUndefined();
    expect(words(before.notes)).toEqual(['Follower count not shown yet: the profile header has not loaded.']);
    expect(reader.anchor()).toBeNull();
    expect(doc.querySelectorAll(reader.postSelector)).toHaveLength(0);

    renderHeader(doc, '5,310');
    const after = reader.header();
    expect(after).toMatchObject({ followers: exact(5310), following: exact(287), totalLikes: rounded(91_200), displayName: 'Sam Okafor' });
    expect(words(after.notes)).toEqual([]);
    expect(reader.anchor()?.textContent).toBe('late.bloomer');
    const tile = doc.querySelector(reader.postSelector)!;
    expect(reader.post(tile)).toMatchObject({ id: '7331000000000000001', views: exact(2048) });
  });

  it('trusted: statsV2 fills in until the header renders, then agrees with it', () => {
    const doc = loadFixture('tiktok', 'profile-late', url);
    const reader = tiktok.reader(doc, new URL(url), { trustBootstrap: true });
    expect(reader.header()).toMatchObject({
      followers: exact(5310),
      following: exact(287),
      totalLikes: exact(91_244),
      postsCount: exact(61),
      displayName: 'Sam Okafor',
    });
    renderHeader(doc, '5,312');
    expect(reader.header().followers, 'the live page gained 2 followers since load').toEqual(exact(5312));
    expect(reader.header().totalLikes, 'exact statsV2 replaces the header\'s "91.2K"').toEqual(exact(91_244));
  });
});

describe('profile-no-posts.html', () => {
  it('reads 0 videos and says why there is nothing to measure', () => {
    const { snapshot } = read('profile-no-posts', 'https://www.tiktok.com/@fresh.start.studio');
    expect(snapshot.postsCount).toEqual(exact(0));
    expect(snapshot.followers).toEqual(exact(17));
    expect(snapshot.following).toEqual(exact(3));
    expect(snapshot.totalLikes).toEqual(exact(0));
    expect(snapshot.posts).toEqual([]);
    expect(words(snapshot.notes)).toEqual(['No posts yet: engagement cannot be measured.']);
  });
});

describe('video-page.html: a video, not a profile', () => {
  const url = 'https://www.tiktok.com/@mara.bakes/video/7302000000000000002';

  it('is not routed to the adapter', () => {
    expect(adapterFor(url, [tiktok])).toBeUndefined();
    expect(tiktok.profileHandle(new URL(url))).toBeUndefined();
  });

  it('gives an empty snapshot when read anyway', () => {
    const { snapshot } = read('video-page', url);
    expect(snapshot).toMatchObject({ handle: '', posts: [] });
    expect(words(snapshot.notes)).toEqual(['This page is not a TikTok profile.']);
    expect(snapshot.followers).toBeUndefined();
  });

  it('does not take the video\'s counts or authorStatsV2 for the author\'s profile', () => {
    const { snapshot } = read('video-page', 'https://www.tiktok.com/@mara.bakes');
    expect(snapshot.followers).toBeUndefined();
    expect(snapshot.totalLikes).toBeUndefined();
    expect(snapshot.posts).toEqual([]);
  });
});

describe('the saved real pages', () => {
  const page = 'tiktok/profile.rendered.html';
  const url = 'https://www.tiktok.com/@illojuan';
  const available = hasSharedPage(page);
  const skip = `${available ? '' : ' (skipped: /work/shared/pages is missing outside CI)'}`;
  let cached: Document | undefined;
  const doc = () => (cached ??= loadSharedPage(page, url));

  it.skipIf(!available && !process.env.CI)(
    `reads @illojuan: followers 783427 and likes 3922256 exact from statsV2, following 0, 18 tiles${skip}`,
    () => {
      expect(available, 'CI must provide /work/shared/pages/tiktok/profile.rendered.html').toBe(true);
      const snapshot = readSnapshot(tiktok, doc()!, url, { trustBootstrap: true });
      expect(snapshot).toMatchObject({ handle: 'illojuan', locale: 'en', displayName: 'IlloJuan' });
      expect(snapshot.followers).toEqual(exact(783_427));
      expect(snapshot.following).toEqual(exact(0));
      expect(snapshot.totalLikes).toEqual(exact(3_922_256));
      expect(snapshot.postsCount, 'statsV2 videoCount "19" (18 tiles shown logged out)').toEqual(exact(19));
      expect(words(snapshot.notes)).toEqual([]);
      expect(snapshot.posts).toHaveLength(18);
      expect(snapshot.posts[0]).toEqual({
        id: '7571863205253778710',
        kind: 'video',
        views: { value: 192_100, exact: false, min: 192_050, max: 192_199 },
      });
      expect(snapshot.posts.map((post) => post.views?.value)).toEqual([
        192_100, 1_900_000, 4_400_000, 2_300_000, 2_000_000, 1_000_000, 2_500_000, 1_100_000, 1_900_000,
        548_800, 434_500, 414_600, 4_800_000, 826_400, 4_000_000, 513_900, 414_100, 344_900,
      ]);
      expect(snapshot.posts.some((post) => post.pinned || post.notOwn), 'nothing pinned, all by @illojuan').toBe(false);
      expect(tiktok.reader(doc()!, new URL(url), { trustBootstrap: true }).anchor()?.textContent).toBe('illojuan');
    },
    30_000,
  );

  it.skipIf(!available && !process.env.CI)(
    `untrusted: followers ≈ 783.4K rounded (783 350 … 783 449), likes ≈ 3.9M${skip}`,
    () => {
      expect(available, 'CI must provide /work/shared/pages/tiktok/profile.rendered.html').toBe(true);
      const snapshot = readSnapshot(tiktok, doc()!, url, { trustBootstrap: false });
      expect(snapshot.followers, 'contains the exact 783 427').toEqual({ value: 783_400, exact: false, min: 783_350, max: 783_499 });
      expect(snapshot.following).toEqual(exact(0));
      expect(snapshot.totalLikes).toEqual(rounded(3_900_000));
      expect(snapshot.postsCount).toBeUndefined();
      expect(snapshot.posts).toHaveLength(18);
      expect(words(snapshot.notes)).toEqual(['Follower count is rounded on the page; the exact number is not shown.']);
    },
    30_000,
  );

  const video = 'tiktok/video.rendered.html';
  const videoUrl = 'https://www.tiktok.com/@illojuan/video/7571863205253778710';
  const hasVideo = hasSharedPage(video);

  it.skipIf(!hasVideo && !process.env.CI)(
    `the video page is not a profile, and gives no profile numbers when read as one${hasVideo ? '' : ' (skipped: /work/shared/pages is missing outside CI)'}`,
    () => {
      expect(hasVideo, 'CI must provide /work/shared/pages/tiktok/video.rendered.html').toBe(true);
      expect(tiktok.profileHandle(new URL(videoUrl))).toBeUndefined();
      const videoDoc = loadSharedPage(video, videoUrl)!;
      expect(readSnapshot(tiktok, videoDoc, videoUrl, { trustBootstrap: true })).toMatchObject({ handle: '', posts: [] });
      const asProfile = readSnapshot(tiktok, videoDoc, url, { trustBootstrap: true });
      expect(asProfile.followers, 'authorStatsV2 "783400" is not the profile\'s').toBeUndefined();
      expect(asProfile.totalLikes).toBeUndefined();
      expect(asProfile.posts).toEqual([]);
    },
    30_000,
  );
});
