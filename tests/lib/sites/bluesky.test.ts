import { afterAll, describe, expect, it } from 'vitest';
import { adapterFor, readSnapshot } from '../../../lib/sites';
import { bluesky } from '../../../lib/sites/bluesky';
import type { PostCounts, ProfileSnapshot } from '../../../lib/sites/types';
import { closeFixtures, hasSharedPage, loadFixture, loadSharedPage, words } from './fixture';
import { GOTCHA_URLS, PROFILE_URLS } from './gotcha-urls';

afterAll(closeFixtures);

const exact = (value: number) => expect.objectContaining({ value, exact: true });
/** Bluesky truncates: "3.8K" is 3 800 … 3 899 (see truncated() in bluesky.ts). */
const truncated = (min: number, max: number) => ({ value: min, exact: false, min, max });

function read(name: string, url: string, trustBootstrap = true): { doc: Document; snapshot: ProfileSnapshot } {
  const doc = loadFixture('bluesky', name, url);
  return { doc, snapshot: readSnapshot(bluesky, doc, url, { trustBootstrap }) };
}

function byId(snapshot: ProfileSnapshot, id: string): PostCounts {
  const post = snapshot.posts.find((p) => p.id === id);
  expect(post, `post ${id} should be read from the feed`).toBeDefined();
  return post!;
}

const ids = (snapshot: ProfileSnapshot, flag: 'pinned' | 'notOwn') =>
  snapshot.posts.filter((post) => post[flag]).map((post) => post.id);

const DID = 'did:plc:j7uq3kz5rbm2xw4ndv6aeh2c';
const HANDLE = 'juniper-oakes.bsky.social';

/**
 * Extra Bluesky URLs that are not profiles (candidates for the shared GOTCHA_URLS), each with why.
 * bsky.app has no URL per profile tab (social-app src/routes.ts): Posts/Replies/Media/Likes switch
 * in the page, so "/profile/h/replies" is not a route and every deeper path is another page.
 */
const BLUESKY_GOTCHAS: [url: string, why: string][] = [
  ['https://bsky.app/profile/', 'profile route without a name'],
  ['https://bsky.app/profile/jay.bsky.team/followers', 'list of followers, not the profile'],
  ['https://bsky.app/profile/jay.bsky.team/follows', 'list of follows, not the profile'],
  ['https://bsky.app/profile/jay.bsky.team/known-followers', 'followers you know'],
  ['https://bsky.app/profile/jay.bsky.team/search?q=x', 'search within a profile'],
  ['https://bsky.app/profile/jay.bsky.team/lists/3kabc123xyz2a', 'a list owned by the profile'],
  ['https://bsky.app/profile/jay.bsky.team/post/3kabc123xyz2a/liked-by', 'who liked a post'],
  ['https://bsky.app/profile/jay.bsky.team/post/3kabc123xyz2a/reposted-by', 'who reposted a post'],
  ['https://bsky.app/profile/jay.bsky.team/post/3kabc123xyz2a/quotes', 'quotes of a post'],
  ['https://bsky.app/profile/jay.bsky.team/labeler/liked-by', 'a labeler\'s likes'],
  ['https://bsky.app/profile/jay.bsky.team/rss', 'the RSS feed of the profile (XML, not a page)'],
  ['https://bsky.app/profile/jay.bsky.team/replies', 'not a route: profile tabs have no URL'],
  ['https://bsky.app/profile/jay.bsky.team/media', 'not a route: profile tabs have no URL'],
  ['https://bsky.app/profile/jay.bsky.team/likes', 'not a route: profile tabs have no URL'],
  ['https://bsky.app/feeds', 'feed directory'],
  ['https://bsky.app/lists', 'own lists'],
  ['https://bsky.app/moderation', 'moderation settings'],
  ['https://bsky.app/messages', 'direct messages'],
  ['https://bsky.app/messages/3kabc123xyz2a', 'a conversation'],
  ['https://bsky.app/starter-pack/jay.bsky.team/3kabc123xyz2a', 'a starter pack'],
  ['https://bsky.app/start/jay.bsky.team/3kabc123xyz2a', 'starter pack landing page'],
  ['https://bsky.app/hashtag/lichens', 'hashtag page'],
  ['https://bsky.app/settings/account', 'own settings'],
  ['https://bsky.app/profile/localhost', 'not a valid handle: one label'],
  ['https://bsky.app/profile/has_underscore.bsky.social', 'not a valid handle: "_"'],
  ['https://bsky.app/profile/alice.123', 'not a valid handle: top-level label starts with a digit'],
  ['https://bsky.app/profile/did:plc:tooshort', 'not a valid DID'],
  ['https://bsky.app/profile/did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'did:key is not an account DID'],
  ['https://staging.bsky.app/profile/jay.bsky.team', 'staging host'],
  ['https://go.bsky.app/AbCdEf1', 'short link host'],
  ['https://bsky.social/about', 'the company site'],
  ['https://bsky.app.evil.example/profile/jay.bsky.team', 'look-alike host'],
];

describe('bluesky.profileHandle', () => {
  it.each([
    ...PROFILE_URLS.bluesky,
    ['https://bsky.app/profile/alice.bsky.social', 'alice.bsky.social'],
    ['https://bsky.app/profile/Alice.Bsky.Social', 'Alice.Bsky.Social'],
    ['https://www.bsky.app/profile/alice.bsky.social', 'alice.bsky.social'],
    ['https://bsky.app/profile/alice.bsky.social?ref_src=embed', 'alice.bsky.social'],
    ['https://bsky.app/profile/alice.bsky.social#posts', 'alice.bsky.social'],
    ['https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur', 'did:plc:z72i7hdynmk6r22z27h6tvur'],
    ['https://bsky.app/profile/did%3Aplc%3Az72i7hdynmk6r22z27h6tvur', 'did:plc:z72i7hdynmk6r22z27h6tvur'],
    ['https://bsky.app/profile/did:web:lichen.example.org', 'did:web:lichen.example.org'],
    ['https://bsky.app/profile/xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['http://bsky.app/profile/juniper-oakes.bsky.social', 'juniper-oakes.bsky.social'],
  ] as [string, string][])('%s → %s', (url, handle) => {
    expect(bluesky.profileHandle(new URL(url)), 'Is this a profile URL? Yes → fix profileHandle; No → move it to the gotchas').toBe(handle);
  });

  it.each([
    ...GOTCHA_URLS.filter(([url]) => url.includes('bsky')),
    ...BLUESKY_GOTCHAS,
  ] as [string, string][])('%s is not a profile (%s)', (url) => {
    expect(bluesky.profileHandle(new URL(url)), 'Is this a profile URL after all? Yes → move it to PROFILE_URLS; No → fix profileHandle').toBeUndefined();
  });

  it.each(
    Object.entries(PROFILE_URLS)
      .filter(([platform]) => platform !== 'bluesky')
      .flatMap(([platform, urls]) => urls.map(([url]) => [url, platform] as [string, string])),
  )('%s (%s) is not a Bluesky profile', (url) => {
    expect(bluesky.profileHandle(new URL(url))).toBeUndefined();
  });
});

describe('bluesky.matchesHost', () => {
  it.each([
    ['bsky.app', true],
    ['www.bsky.app', true],
    ['BSKY.APP', true],
    ['staging.bsky.app', false],
    ['go.bsky.app', false],
    ['bsky.social', false],
    ['bsky.app.evil.example', false],
    ['', false],
  ] as [string, boolean][])('%s → %s', (host, mine) => {
    expect(bluesky.matchesHost(host)).toBe(mine);
  });
});

describe('profile.html: exact aria-labels, JSON-LD, pinned, repost, quote', () => {
  const url = `https://bsky.app/profile/${HANDLE}`;

  it.each([true, false])('reads exact followers/following from the aria-labels (trustBootstrap=%s)', (trustBootstrap) => {
    const { snapshot } = read('profile', url, trustBootstrap);
    expect(snapshot).toMatchObject({ platform: 'bluesky', handle: HANDLE, locale: 'en', displayName: 'Juniper Oakes' });
    expect(snapshot.followers, '"48213 followers", not the visible "48.2K"').toEqual(exact(48_213));
    expect(snapshot.following).toEqual(exact(310));
  });

  it('posts count: exact from the JSON-LD when trusted, the truncated "1.2K" otherwise', () => {
    expect(read('profile', url, true).snapshot.postsCount).toEqual(exact(1234));
    const untrusted = read('profile', url, false).snapshot;
    expect(untrusted.postsCount).toEqual(truncated(1200, 1299));
    expect(words(untrusted.notes)).toEqual([]);
  });

  it('reads 5 posts in order with exact likes/replies and truncated reposts', () => {
    const { snapshot } = read('profile', url);
    expect(snapshot.posts.map((post) => post.id)).toEqual([
      '3lk2a7pinq22b', '3lm5c2wxyz22a', '3lm4q7rpst22c', '3lm3d6quot22d', '3lm2e5zero22e',
    ]);
    expect(byId(snapshot, '3lk2a7pinq22b')).toEqual({
      id: '3lk2a7pinq22b',
      kind: 'post',
      pinned: true,
      likes: exact(1024),
      replies: exact(38),
      reposts: exact(112),
    });
    expect(byId(snapshot, '3lm5c2wxyz22a')).toMatchObject({ likes: exact(2468), replies: exact(57), reposts: truncated(1300, 1399) });
    expect(ids(snapshot, 'pinned')).toEqual(['3lk2a7pinq22b']);
    expect(ids(snapshot, 'notOwn'), 'the repost of @sam.rivers').toEqual(['3lm4q7rpst22c']);
  });

  it('takes the quote post\'s own id, and its visible counts when the like label is missing', () => {
    const { snapshot } = read('profile', url);
    const quote = byId(snapshot, '3lm3d6quot22d');
    expect(quote.notOwn, 'the quoted post is someone else\'s; the post is not').toBeUndefined();
    expect(quote.likes, 'visible "5.6K", truncated').toEqual(truncated(5600, 5699));
    expect(quote.reposts, 'visible "2K", truncated: 2 000 … 2 999').toEqual(truncated(2000, 2999));
    expect(quote.replies).toEqual(exact(9));
    expect(snapshot.posts.some((post) => post.id === '3lm1a2otherq')).toBe(false);
  });

  it('reads zero counts from the labels; no repost count when none is shown', () => {
    const { snapshot } = read('profile', url);
    const zero = byId(snapshot, '3lm2e5zero22e');
    expect(zero.likes).toEqual(exact(0));
    expect(zero.replies).toEqual(exact(0));
    expect(zero.reposts, 'hidden at zero; engagement counts a missing repost count as 0').toBeUndefined();
  });

  it('reads a post once when it appears twice (another tab\'s feed)', () => {
    const doc = loadFixture('bluesky', 'profile', url);
    const feed = doc.querySelector('[data-testid="postsFeed"]')!;
    feed.insertAdjacentHTML('afterend', `<div data-testid="postsFeed" style="display:none">${feed.innerHTML}</div>`);
    expect(readSnapshot(bluesky, doc, url, { trustBootstrap: true }).posts).toHaveLength(5);
  });

  it('by DID: trusted JSON-LD pairs the DID with the handle the page links to', () => {
    const { snapshot } = read('profile', `https://bsky.app/profile/${DID}`, true);
    expect(snapshot.handle).toBe(DID);
    expect(snapshot.followers).toEqual(exact(48_213));
    expect(ids(snapshot, 'notOwn')).toEqual(['3lm4q7rpst22c']);
  });

  it('by DID, untrusted: the header cannot be checked, so it is taken as shown', () => {
    const { snapshot } = read('profile', `https://bsky.app/profile/${DID}`, false);
    expect(snapshot.followers).toEqual(exact(48_213));
    expect(ids(snapshot, 'notOwn')).toEqual(['3lm4q7rpst22c']);
  });

  it('reads nothing from a previous profile still on screen (URL names another handle)', () => {
    const other = 'https://bsky.app/profile/sam.rivers.bsky.social';
    for (const trustBootstrap of [true, false]) {
      const { doc, snapshot } = read('profile', other, trustBootstrap);
      expect(snapshot.followers, 'the header links name @juniper-oakes').toBeUndefined();
      expect(snapshot.following).toBeUndefined();
      expect(snapshot.postsCount, 'JSON-LD names @juniper-oakes too').toBeUndefined();
      expect(snapshot.displayName).toBeUndefined();
      expect(words(snapshot.notes)).toEqual([`The page still shows @${HANDLE}, not @sam.rivers.bsky.social: waiting for the profile to load.`]);
      expect(ids(snapshot, 'notOwn'), 'only the repost is by sam.rivers').toEqual([
        '3lk2a7pinq22b', '3lm5c2wxyz22a', '3lm3d6quot22d', '3lm2e5zero22e',
      ]);
      expect(bluesky.reader(doc, new URL(other), { trustBootstrap }).anchor()).toBeNull();
    }
  });

  it('anchors at the display name, else next to the followers link', () => {
    const doc = loadFixture('bluesky', 'profile', url);
    const reader = bluesky.reader(doc, new URL(url), { trustBootstrap: true });
    expect(reader.anchor()?.getAttribute('data-testid')).toBe('profileHeaderDisplayName');
    doc.querySelector('[data-testid="profileHeaderDisplayName"]')!.remove();
    expect(reader.anchor()?.querySelector('[data-testid="profileHeaderFollowersButton"]')).not.toBeNull();
  });

  it('skips hidden duplicates of the followers link (first visible match)', () => {
    for (const hiding of ['style="display:none"', 'hidden', 'aria-hidden="true"']) {
      const doc = loadFixture('bluesky', 'profile', url);
      doc.querySelector('[data-testid="profileView"]')!.insertAdjacentHTML(
        'afterbegin',
        `<div ${hiding}><a href="/profile/${HANDLE}/followers" aria-label="99999 followers" data-testid="profileHeaderFollowersButton">99.9K followers</a></div>`,
      );
      const header = bluesky.reader(doc, new URL(url), { trustBootstrap: false }).header();
      expect(header.followers, `a copy with ${hiding} is not what the user sees`).toEqual(exact(48_213));
    }
  });

  it('falls back to the visible truncated text when the aria-label has no number', () => {
    const doc = loadFixture('bluesky', 'profile', url);
    doc.querySelector('[data-testid="profileHeaderFollowersButton"]')!.setAttribute('aria-label', 'Followers');
    const header = bluesky.reader(doc, new URL(url), { trustBootstrap: false }).header();
    expect(header.followers, '"48.2K": 48 200 … 48 299').toEqual(truncated(48_200, 48_299));
    expect(words(header.notes)).toEqual(['Follower count is rounded on the page; the exact number is not shown.']);
    const trusted = bluesky.reader(doc, new URL(url), { trustBootstrap: true }).header();
    expect(trusted.followers, 'the JSON-LD\'s exact 48 213 agrees with "48.2K"').toEqual(exact(48_213));
  });
});

describe('profile-ja.html: Japanese UI', () => {
  const url = 'https://bsky.app/profile/hanami.kobo.jp';

  it('reads Japanese labels with the page locale', () => {
    const { snapshot } = read('profile-ja', url);
    expect(snapshot).toMatchObject({ locale: 'ja', displayName: '花見工房' });
    expect(snapshot.followers).toEqual(exact(12_345));
    expect(snapshot.following).toEqual(exact(87));
    expect(snapshot.postsCount).toEqual(exact(640));
  });

  it('reads Japanese post labels, the pinned post and the repost', () => {
    const { snapshot } = read('profile-ja', url);
    expect(byId(snapshot, '3lkza2pinj22a')).toMatchObject({ pinned: true, likes: exact(6321), replies: exact(4), reposts: exact(88) });
    expect(byId(snapshot, '3lnwb2ylkj22b')).toMatchObject({ likes: exact(63_561), replies: exact(120), reposts: exact(1204) });
    expect(ids(snapshot, 'pinned')).toEqual(['3lkza2pinj22a']);
    expect(ids(snapshot, 'notOwn')).toEqual(['3ln7c3rpsj22c']);
  });

  it('reads the visible "1.2万" and "6.3万" as truncated counts', () => {
    const doc = loadFixture('bluesky', 'profile-ja', url);
    doc.querySelector('[data-testid="profileHeaderFollowersButton"]')!.removeAttribute('aria-label');
    for (const button of doc.querySelectorAll('[data-testid="likeBtn"]')) button.removeAttribute('aria-label');
    const snapshot = readSnapshot(bluesky, doc, url, { trustBootstrap: false });
    expect(snapshot.followers).toEqual(truncated(12_000, 12_999));
    expect(byId(snapshot, '3lnwb2ylkj22b').likes).toEqual(truncated(63_000, 63_999));
  });
});

describe('profile-late.html: header rendered after load', () => {
  const url = 'https://bsky.app/profile/late-bloomer.bsky.social';
  const render = (doc: Document, followersLabel: string) => {
    doc.querySelector('#root')!.innerHTML =
      '<div data-testid="profileView"><div><div dir="auto" data-testid="profileHeaderDisplayName">Sam Okafor</div>' +
      '<div dir="auto">@late-bloomer.bsky.social</div></div><div>' +
      `<a href="/profile/late-bloomer.bsky.social/followers" aria-label="${followersLabel}" data-testid="profileHeaderFollowersButton"><span>5.3K </span><span>followers</span></a>` +
      '<a href="/profile/late-bloomer.bsky.social/follows" aria-label="287 following" data-testid="profileHeaderFollowsButton"><span>287 </span><span>following</span></a>' +
      '<div dir="auto">61 <span>posts</span></div></div></div>';
  };

  it('untrusted: nothing before the header renders, everything after', () => {
    const doc = loadFixture('bluesky', 'profile-late', url);
    const reader = bluesky.reader(doc, new URL(url), { trustBootstrap: false });
    const before = reader.header();
    expect(before.followers).toBeUndefined();
    expect(words(before.notes)).toEqual(['Follower count not shown yet: the profile header has not loaded.']);
    expect(reader.anchor()).toBeNull();

    render(doc, '5312 followers');
    const after = reader.header();
    expect(after).toMatchObject({ followers: exact(5312), following: exact(287), postsCount: exact(61), displayName: 'Sam Okafor' });
    expect(words(after.notes)).toEqual([]);
    expect(reader.anchor()?.textContent).toBe('Sam Okafor');
  });

  it('trusted: the JSON-LD fills in until the header renders; then the live header wins', () => {
    const doc = loadFixture('bluesky', 'profile-late', url);
    const reader = bluesky.reader(doc, new URL(url), { trustBootstrap: true });
    expect(reader.header()).toMatchObject({ followers: exact(5310), following: exact(287), postsCount: exact(61), displayName: 'Sam Okafor' });
    render(doc, '5312 followers');
    expect(reader.header().followers, 'gained 2 followers since the server rendered').toEqual(exact(5312));
  });
});

describe('profile-no-posts.html', () => {
  it('reads 0 posts and says why there is nothing to measure', () => {
    const { snapshot } = read('profile-no-posts', 'https://bsky.app/profile/fresh-start.bsky.social');
    expect(snapshot.postsCount).toEqual(exact(0));
    expect(snapshot.followers).toEqual(exact(17));
    expect(snapshot.following).toEqual(exact(3));
    expect(snapshot.posts).toEqual([]);
    expect(words(snapshot.notes)).toEqual(['No posts yet: engagement cannot be measured.']);
  });
});

describe('post-thread.html: a post thread, not a profile', () => {
  const url = `https://bsky.app/profile/${HANDLE}/post/3lm5c2wxyz22a`;

  it('is not routed to the adapter', () => {
    expect(adapterFor(url, [bluesky])).toBeUndefined();
  });

  it('gives an empty snapshot when read anyway', () => {
    const { snapshot } = read('post-thread', url);
    expect(snapshot).toMatchObject({ handle: '', posts: [] });
    expect(words(snapshot.notes)).toEqual(['This page is not a Bluesky profile.']);
  });

  it('does not take the thread\'s counts for the author\'s profile', () => {
    const { snapshot } = read('post-thread', `https://bsky.app/profile/${HANDLE}`);
    expect(snapshot.followers).toBeUndefined();
    expect(snapshot.following).toBeUndefined();
    expect(snapshot.postsCount).toBeUndefined();
    expect(snapshot.posts, 'thread items are not feed items').toEqual([]);
  });
});

describe('the saved real page (logged out, 2026-01)', () => {
  const page = 'bluesky/profile.rendered.html';
  const url = 'https://bsky.app/profile/stephenking.bsky.social';
  const available = hasSharedPage(page);
  const skip = `${available ? '' : ' (skipped: /work/shared/pages is missing outside CI)'}`;
  let cached: Document | undefined;
  const doc = () => (cached ??= loadSharedPage(page, url));

  it.skipIf(!available && !process.env.CI)(
    `reads followers 1101177 exact, following 3, posts 329, 28 posts with exact likes${skip}`,
    () => {
      expect(available, 'CI must provide /work/shared/pages/bluesky/profile.rendered.html').toBe(true);
      for (const trustBootstrap of [true, false]) {
        const snapshot = readSnapshot(bluesky, doc()!, url, { trustBootstrap });
        expect(snapshot).toMatchObject({ handle: 'stephenking.bsky.social', locale: 'en', displayName: 'Stephen King' });
        expect(snapshot.followers, 'aria-label "1101177 followers" (visible "1.1M")').toEqual(exact(1_101_177));
        expect(snapshot.following).toEqual(exact(3));
        expect(snapshot.postsCount).toEqual(exact(329));
        expect(words(snapshot.notes)).toEqual([]);
        expect(snapshot.posts).toHaveLength(28);
      }
      const snapshot = readSnapshot(bluesky, doc()!, url, { trustBootstrap: true });
      expect(snapshot.posts[0]).toEqual({
        id: '3mddvy5bv6k27',
        kind: 'post',
        likes: exact(3817),
        replies: exact(124),
        reposts: exact(622),
      });
      expect(byId(snapshot, '3md4rhnginc2m')).toMatchObject({ likes: exact(9392), replies: exact(303), reposts: truncated(2100, 2199) });
      expect(byId(snapshot, '3md274jjoss2f').reposts, 'visible "1K", truncated').toEqual(truncated(1000, 1999));
      expect(ids(snapshot, 'notOwn'), 'two posts "Reposted by Stephen King"').toEqual(['3mb3o6pp36k2h', '3mb3oaodwhc2a']);
      expect(ids(snapshot, 'pinned')).toEqual([]);
      expect(snapshot.posts.every((post) => post.likes?.exact && post.replies?.exact && post.reposts)).toBe(true);
      const likes = snapshot.posts.map((post) => post.likes?.value);
      expect(likes.reduce((sum, n) => sum! + n!, 0), 'sum of the 28 like labels').toBe(81_698);
      expect(bluesky.reader(doc()!, new URL(url), { trustBootstrap: true }).anchor()?.getAttribute('data-testid')).toBe(
        'profileHeaderDisplayName',
      );
    },
    30_000,
  );

  it.skipIf(!available && !process.env.CI)(
    `every visible like count is the truncation of its exact label (so truncated() is right)${skip}`,
    () => {
      expect(available, 'CI must provide /work/shared/pages/bluesky/profile.rendered.html').toBe(true);
      const snapshot = readSnapshot(bluesky, doc()!, url, { trustBootstrap: false });
      const items = [...doc()!.querySelectorAll('[data-testid^="feedItem-by-"]')];
      expect(items).toHaveLength(28);
      const reader = bluesky.reader(doc()!, new URL(url), { trustBootstrap: false });
      for (const [index, item] of items.entries()) {
        const shown = item.querySelector('[data-testid="likeCount"]')?.textContent ?? '';
        // A detached copy without the exact label: the reader falls back to the visible text.
        const copy = item.cloneNode(true) as Element;
        copy.querySelector('[data-testid="likeBtn"]')!.removeAttribute('aria-label');
        const fromText = reader.post(copy)?.likes;
        const real = snapshot.posts[index]!.likes!.value;
        expect(fromText, `"${shown}"`).toBeDefined();
        expect(real >= fromText!.min && real <= fromText!.max, `${real} likes shown as "${shown}" → ${fromText!.min} … ${fromText!.max}`).toBe(true);
      }
    },
    30_000,
  );
});
