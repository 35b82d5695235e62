import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { engagementRate } from '../../../lib/engagement';
import { watchProfile } from '../../../lib/profile-watch';
import { readSnapshot } from '../../../lib/sites';
import { instagram } from '../../../lib/sites/instagram';
import { readPosts, writePosts } from '../../../lib/sites/instagram/channel';
import { dataPostsFor } from '../../../lib/sites/instagram/data-posts';
import { MAX_BODY_CHARS, MAX_POSTS_PER_RESPONSE, postsInBody, type PageDataPost } from '../../../lib/sites/instagram/page-data';
import type { PageDataFeed, ProfileSnapshot } from '../../../lib/sites/types';
import { closeFixtures, loadFixture, SHARED_PAGES, words } from './fixture';

afterAll(closeFixtures);

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'instagram');
const fixtureJson = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const POSTS = fixtureJson('posts-query.json');
const REELS = fixtureJson('reels-query-2026.json');
const PROFILE = 'https://www.instagram.com/mara.kiln/';
/** 2025-12-06: every fixture date (2025) is in the past of it. */
const READ_AT = Date.UTC(2025, 11, 6);

/** A feed holding `posts`, as lib/sites/instagram/feed.ts gives it. */
export function staticFeed(posts: readonly PageDataPost[]): PageDataFeed {
  return { posts: () => posts, version: 1, subscribe: () => () => undefined };
}

describe('postsInBody: the posts of the page-data responses', () => {
  it('reads every post of the profile posts query (2024 `/api/graphql`, 2026 `/graphql/query` shape)', () => {
    const posts = postsInBody(POSTS);
    expect(posts).toHaveLength(12);
    expect(posts[0]).toEqual({
      code: 'DMk1PinA001',
      from: 'timeline',
      owner: 'mara.kiln',
      ownerId: '48151623420',
      likes: 52410,
      comments: 611,
      takenAt: 1745000000,
      pinned: true,
    });
    expect(posts[2]).toEqual({
      code: 'DMk1Pst0003',
      from: 'timeline',
      owner: 'mara.kiln',
      ownerId: '48151623420',
      likes: 3120,
      comments: 41,
      takenAt: 1764800000,
      reel: true,
    });
    expect(posts.filter((post) => post.pinned).map((post) => post.code)).toEqual(['DMk1PinA001', 'DMk1PinB002']);
    expect(posts.find((post) => post.code === 'DMk1Pst0006')).toMatchObject({ likesHidden: true });
    expect(posts.find((post) => post.code === 'DMk1Pst0007')).toMatchObject({ owner: 'tobi.glaze', ownerId: '27182818284' });
    // Nothing of the rest is kept: no caption, no image URL, no viewer.
    expect(JSON.stringify(posts)).not.toMatch(/caption|cdninstagram|61700000001/);
  });

  it('reads the Reels tab at its 2026 root (data.fetch__XDTUserDict.clips_connection): plays, no username', () => {
    const posts = postsInBody(REELS);
    expect(posts.map((post) => [post.code, post.from, post.owner, post.ownerId, post.likes, post.comments, post.plays])).toEqual([
      ['DMk1Reel001', 'clips', undefined, '48151623420', 6120, 88, 95400],
      ['DMk1Reel002', 'clips', undefined, '48151623420', 4380, 51, 70210],
      ['DMk1Reel003', 'clips', undefined, '48151623420', 9050, 133, 150020],
      ['DMk1Pst0003', 'clips', undefined, '48151623420', 3120, 41, 60450],
    ]);
  });

  it('reads the Reels tab at its 2024 root (xdt_api__v1__clips__user__connection_v2)', () => {
    const json = JSON.parse(REELS) as { data: { fetch__XDTUserDict: { clips_connection: unknown } } };
    const old = JSON.stringify({ data: { xdt_api__v1__clips__user__connection_v2: json.data.fetch__XDTUserDict.clips_connection } });
    expect(postsInBody(old).map((post) => [post.code, post.from, post.plays])).toEqual([
      ['DMk1Reel001', 'clips', 95400],
      ['DMk1Reel002', 'clips', 70210],
      ['DMk1Reel003', 'clips', 150020],
      ['DMk1Pst0003', 'clips', 60450],
    ]);
  });

  it.each([
    ['the anti-hijacking prefix', (body: string) => `for (;;);${body}`, 12],
    ['a streamed answer, one object per line (@defer)', (body: string) => `${JSON.stringify({ data: { xdt_viewer: {} } })}\n${JSON.stringify(JSON.parse(body))}\n{"label":"x","data":{}}`, 12],
    [
      'a connection renamed again, found by its edges of media',
      (body: string) => body.replace('xdt_api__v1__feed__user_timeline_graphql_connection', 'xdt_api__v2__feed__user_timeline_connection'),
      12,
    ],
    ['the REST feed (`items` at the root)', (body: string) => JSON.stringify({ items: (JSON.parse(body) as { data: { xdt_api__v1__feed__user_timeline_graphql_connection: { edges: { node: unknown }[] } } }).data.xdt_api__v1__feed__user_timeline_graphql_connection.edges.map((edge) => edge.node) }), 12],
  ])('reads %s', (_case, change, count) => {
    expect(postsInBody(change(POSTS))).toHaveLength(count);
  });

  it('reads an opened post (the dialog over the grid): its counts join the author\'s posts', () => {
    const post = { code: 'DMk1Old0040', like_count: 1904, comment_count: 22, taken_at: 1750000000, product_type: 'feed', user: { username: 'mara.kiln', pk: '48151623420' }, caption: { text: 'x' } };
    const body = JSON.stringify({ data: { xdt_api__v1__media__shortcode__web_info: { items: [post] } }, extensions: { is_final: true } });
    expect(postsInBody(body)).toEqual([{ code: 'DMk1Old0040', from: 'timeline', owner: 'mara.kiln', ownerId: '48151623420', likes: 1904, comments: 22, takenAt: 1750000000 }]);
    const all = dataPostsFor([...postsInBody(POSTS), ...postsInBody(body)], 'mara.kiln', 'posts', READ_AT);
    expect(all.map((item) => item.id).at(-1), 'the oldest: last in the grid order').toBe('DMk1Old0040');
  });

  it.each([
    ['a body over the size cap', `${POSTS}${' '.repeat(MAX_BODY_CHARS)}`],
    ['a body that is not JSON', `<html>"like_count" ${POSTS.slice(0, 5000)}`],
    ['JSON that names no like count', JSON.stringify({ data: { user: { edge_followed_by: { count: 5 } } } })],
    ['an answer about something else', JSON.stringify({ data: { xdt_api__v1__media__likers: { users: [{ like_count: 3 }] } } })],
    ['a non-string', 42 as unknown as string],
  ])('reads nothing from %s', (_case, body) => {
    expect(postsInBody(body)).toEqual([]);
  });

  it('keeps at most MAX_POSTS_PER_RESPONSE posts, and drops fields that are not counts, codes or names', () => {
    const node = (at: number) => ({ node: { code: `Abcde${String(at).padStart(5, '0')}`, like_count: at, user: { username: 'mara.kiln' } } });
    const many = JSON.stringify({ data: { xdt_api__v1__feed__user_timeline_graphql_connection: { edges: Array.from({ length: 500 }, (_, at) => node(at)) } } });
    expect(postsInBody(many)).toHaveLength(MAX_POSTS_PER_RESPONSE);
    const odd = JSON.stringify({
      data: {
        xdt_api__v1__feed__user_timeline_graphql_connection: {
          edges: [
            { node: { code: 'ok_code_01', like_count: -3, comment_count: 1.5, taken_at: '1700000000', user: { username: 'Mara.Kiln', pk: 'x1' } } },
            { node: { code: '<img src=x>', like_count: 10 } },
            { node: { code: 'ok_code_02', like_count: 1e12, comment_count: 4, user: { username: 'not a handle!' } } },
          ],
        },
      },
    });
    expect(postsInBody(odd)).toEqual([
      { code: 'ok_code_01', from: 'timeline', owner: 'mara.kiln' },
      { code: 'ok_code_02', from: 'timeline', comments: 4 },
    ]);
  });
});

describe('the channel: readPosts takes numbers only, whatever the page sends', () => {
  it('round-trips what the observer writes', () => {
    const posts = postsInBody(POSTS);
    expect(readPosts(writePosts(posts))).toEqual(posts);
  });

  it.each([
    ['an object, not a string', { code: 'DMk1Pst0003' }],
    ['a string over the size cap', `[${'0,'.repeat(150_000)}0]`],
    ['not JSON', '{'],
    ['not a list', '{"code":"DMk1Pst0003","from":"timeline"}'],
  ])('ignores %s', (_case, detail) => {
    expect(readPosts(detail)).toEqual([]);
  });

  it('keeps only the known fields, each checked', () => {
    const forged = JSON.stringify([
      { code: 'DMk1Pst0003', from: 'timeline', owner: 'Mara.Kiln', likes: 5, comments: -1, plays: 'many', pinned: 'yes', likesHidden: true, url: 'https://evil.example/', __proto__: { polluted: 1 } },
      { code: '../../x', from: 'timeline', likes: 5 },
      { code: 'DMk1Pst0004', from: 'elsewhere', likes: 5 },
      { code: 'DMk1Pst0005', from: 'clips', ownerId: '12a', takenAt: 1e20 },
    ]);
    expect(readPosts(forged)).toEqual([
      { code: 'DMk1Pst0003', from: 'timeline', owner: 'mara.kiln', likes: 5, likesHidden: true },
      { code: 'DMk1Pst0005', from: 'clips' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('dataPostsFor: the profile\'s own posts, as its tab shows them', () => {
  const timeline = postsInBody(POSTS);
  const reels = postsInBody(REELS);

  it('on the grid: the timeline\'s posts of this handle, pinned first then newest first, exact counts and dates', () => {
    const posts = dataPostsFor([...reels, ...timeline], 'Mara.Kiln', 'posts', READ_AT);
    expect(posts.map((post) => post.id)).toEqual([
      'DMk1PinA001', 'DMk1PinB002', 'DMk1Pst0003', 'DMk1Pst0004', 'DMk1Pst0005', 'DMk1Pst0006',
      'DMk1Pst0008', 'DMk1Pst0009', 'DMk1Pst0010', 'DMk1Pst0011', 'DMk1Pst0012',
    ]);
    expect(posts[2]).toEqual({
      id: 'DMk1Pst0003',
      kind: 'reel',
      likes: { value: 3120, exact: true, min: 3120, max: 3120 },
      comments: { value: 41, exact: true, min: 41, max: 41 },
      postedAt: 1764800000_000,
    });
    expect(posts.find((post) => post.id === 'DMk1Pst0006'), 'hidden likes are unknown, not 0').toMatchObject({ likesHidden: true });
    expect(posts.find((post) => post.id === 'DMk1Pst0006')?.likes).toBeUndefined();
  });

  it('on the Reels tab: the clips query\'s reels, owned by id (the same data names the handle\'s id)', () => {
    const posts = dataPostsFor([...timeline, ...reels], 'mara.kiln', 'reels', READ_AT);
    expect(posts.map((post) => [post.id, post.views?.value])).toEqual([
      ['DMk1Reel001', 95400],
      ['DMk1Reel002', 70210],
      ['DMk1Reel003', 150020],
      ['DMk1Pst0003', 60450],
    ]);
    // Without a post naming the handle next to its id, the reels are nobody's.
    expect(dataPostsFor(reels, 'mara.kiln', 'reels', READ_AT)).toEqual([]);
  });

  it('on the tagged tab, or for another handle: nothing', () => {
    expect(dataPostsFor(timeline, 'mara.kiln', 'tagged', READ_AT)).toEqual([]);
    expect(dataPostsFor(timeline, 'someone.else', 'posts', READ_AT)).toEqual([]);
    expect(dataPostsFor(timeline, 'tobi.glaze', 'posts', READ_AT).map((post) => post.id)).toEqual(['DMk1Pst0007']);
  });
});

describe('the adapter with the page\'s data: a grid without counts gets its engagement', () => {
  it('reads the 2026 grid (no counts) and takes the counts from the page data, saying so', () => {
    const doc = loadFixture('instagram', 'profile-page-data', PROFILE);
    const without = readSnapshot(instagram, doc, PROFILE, { trustBootstrap: true, readAt: READ_AT });
    expect(without.followers).toEqual({ value: 61208, exact: true, min: 61208, max: 61208 });
    expect(engagementRate(without).ok, 'no counts in the grid: unknown').toBe(false);

    const feed = staticFeed(postsInBody(POSTS));
    const snapshot = readSnapshot(instagram, doc, PROFILE, { trustBootstrap: false, readAt: READ_AT, pageData: feed });
    const rate = engagementRate(snapshot);
    expect(rate.ok).toBe(true);
    if (!rate.ok) return;
    // Own, not pinned, likes shown: 3, 4, 5, 8, 9, 10, 11, 12. Likes + comments: 3161, 2913, 4506,
    // 3702, 2239, 2813, 3350, 2570; median (2913 + 3161) / 2 = 3037 → 3037 / 61,208.
    expect(rate.sampleSize).toBe(8);
    expect(rate.percent).toBeCloseTo((3037 / 61208) * 100, 10);
    expect(rate.excluded).toMatchObject({ pinned: 2, likesHidden: 1 });
    expect(words(snapshot.notes)).toEqual(
      expect.arrayContaining([
        "Likes and comments of the 8 latest posts: from the page's data (what Instagram sent this page; its grid shows no counts).",
        'Likes are hidden on 1 of 11 recent posts: engagement for those is unknown.',
      ]),
    );
  });

  it('merges the data into tiles by shortcode: the tile says the kind, the data the numbers', () => {
    const doc = loadFixture('instagram', 'profile-page-data', PROFILE);
    doc.getElementById('grid')!.innerHTML = '<a href="/mara.kiln/reel/DMk1Pst0003/"><div></div></a><a href="/tobi.glaze/p/DMk1Pst0007/"><div></div></a>';
    const snapshot = readSnapshot(instagram, doc, PROFILE, { trustBootstrap: false, readAt: READ_AT, pageData: staticFeed(postsInBody(POSTS)) });
    expect(snapshot.posts.find((post) => post.id === 'DMk1Pst0003')).toMatchObject({ kind: 'reel', likes: { value: 3120, exact: true } });
    // The collaborator's post: its tile names another owner, the data gives it no counts here.
    expect(snapshot.posts.find((post) => post.id === 'DMk1Pst0007')).toMatchObject({ notOwn: true });
    expect(snapshot.posts.find((post) => post.id === 'DMk1Pst0007')?.likes).toBeUndefined();
  });
});

describe('the real responses (/work/shared/pages/instagram, 2024)', () => {
  const postsFile = join(SHARED_PAGES, 'instagram/posts-query-2024.json');
  const reelsFile = join(SHARED_PAGES, 'instagram/reels-query-2024.json');
  const available = existsSync(postsFile) && existsSync(reelsFile);

  it.skipIf(!available && !process.env.CI)('reads the posts query the profile page received: 12 posts, 3 pinned, exact counts', () => {
    expect(available, 'CI must provide /work/shared/pages/instagram/posts-query-2024.json and reels-query-2024.json').toBe(true);
    const posts = postsInBody(readFileSync(postsFile, 'utf8'));
    expect(posts).toHaveLength(12);
    expect(posts.every((post) => post.owner === 'anasaiaofficial' && post.ownerId === '50269116275' && post.from === 'timeline')).toBe(true);
    expect(posts.filter((post) => post.pinned).map((post) => post.code)).toEqual(['CygtX9ivC0U', 'CszG_zEMnYL', 'CmaYvrqrNWz']);
    expect(posts[0]).toMatchObject({ code: 'CygtX9ivC0U', likes: 817982, comments: 3000, takenAt: 1697569769, reel: true });
    expect(posts[3]).toMatchObject({ code: 'C36TGmyve1w', likes: 2220, comments: 16, takenAt: 1709165919 });
    expect(posts.some((post) => post.likesHidden || post.plays !== undefined)).toBe(false);

    const own = dataPostsFor(posts, 'anasaiaofficial', 'posts', Date.UTC(2024, 2, 1));
    expect(own.filter((post) => !post.pinned)).toHaveLength(9);
    expect(own[3]?.postedAt).toBe(1709165919_000);
  });

  it.skipIf(!available && !process.env.CI)('reads the same account\'s Reels tab response, owned through the posts query\'s id', () => {
    expect(available).toBe(true);
    const posts = postsInBody(readFileSync(postsFile, 'utf8'));
    const reels = postsInBody(readFileSync(reelsFile, 'utf8'));
    expect(reels).toHaveLength(12);
    expect(reels[0]).toMatchObject({ code: 'C38wAnKPWRX', from: 'clips', ownerId: '50269116275', likes: 6340, comments: 31, plays: 131421 });
    expect(reels.every((post) => post.owner === undefined && post.takenAt === undefined)).toBe(true);
    const tab = dataPostsFor([...posts, ...reels], 'anasaiaofficial', 'reels', Date.UTC(2024, 2, 1));
    expect(tab).toHaveLength(12);
    expect(tab[0]).toMatchObject({ id: 'C38wAnKPWRX', views: { value: 131421, exact: true } });
  });
});

describe('watching the profile: the page data arrives after the tiles, and later reads of the page merge with it', () => {
  it('adds the posts when they come, says where from, and lets a rendered count that disagrees win', async () => {
    const html = readFileSync(join(FIXTURES, 'profile-page-data.html'), 'utf8');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<script>[\s\S]*?<\/script>/, '');
    let posts: PageDataPost[] = [];
    let version = 0;
    const listeners = new Set<() => void>();
    const feed: PageDataFeed = { posts: () => posts, get version() { return version; }, subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
    const snapshots: ProfileSnapshot[] = [];
    const run = new AbortController();
    watchProfile({
      adapter: instagram,
      handle: 'mara.kiln',
      doc: document,
      url: new URL(PROFILE),
      currentHref: () => PROFILE,
      trustBootstrap: false,
      readAt: READ_AT,
      pageData: feed,
      signal: run.signal,
      batchMs: 0,
      onSnapshot: (snapshot) => snapshots.push(structuredClone(snapshot)),
    });
    expect(snapshots.at(-1)?.posts).toEqual([]);

    // The page's request answers: the observer's batch reaches the feed.
    posts = postsInBody(POSTS);
    version++;
    for (const listener of listeners) listener();
    const withData = snapshots.at(-1)!;
    expect(withData.posts).toHaveLength(11);
    expect(words(withData.notes)).toContain("Likes and comments of the 8 latest posts: from the page's data (what Instagram sent this page; its grid shows no counts).");

    // Hover overlays the user reveals: one agrees with the data ("3.1K" for 3,120: the exact one
    // stays), one does not ("9.9K" for 2,875: the page shows it now, the data was older).
    const tile = (code: string, likes: string) =>
      `<a href="/mara.kiln/p/${code}/"><div></div><ul><li><span>${likes}</span><svg aria-label="Like"></svg></li><li><span>7</span><svg aria-label="Comment"></svg></li></ul></a>`;
    document.getElementById('grid')!.innerHTML = tile('DMk1Pst0003', '3.1K') + tile('DMk1Pst0004', '9.9K');
    await vi.waitFor(() => expect(snapshots.at(-1)?.posts.find((post) => post.id === 'DMk1Pst0004')?.likes?.exact).toBe(false));
    const after = snapshots.at(-1)!;
    expect(after.posts.find((post) => post.id === 'DMk1Pst0003')?.likes).toEqual({ value: 3120, exact: true, min: 3120, max: 3120 });
    expect(after.posts.find((post) => post.id === 'DMk1Pst0004')?.likes).toMatchObject({ value: 9900, exact: false });
    run.abort();
    expect(listeners.size, 'the watch stops listening when its run ends').toBe(0);
  });
});
