import type { CountReading } from '../../count';
import { firstVisible, pageLocale, textOf } from '../../dom';
import { isRecord } from '../../is-record';
import { instagramTakenAt } from '../../signals/post-dates';
import { findKeyDeep, jsonCount, jsonScriptsContaining, jsonString, pick } from '../bootstrap';
import type { PostCounts, ProfileHeader, ProfileReader, ReadOptions } from '../types';
import { instagramProfileHandle, isInstagramHost } from '../url/instagram';
import { dataPostsFor, usableDataPosts } from './data-posts';
import { attemptFor, countReader, defineAdapter, exactCount, hasPrivateNotice, headerNotes, renderedOverMeta, sameHandle } from '../shared';

/**
 * Instagram's rounding of "12.3K" is not documented and not verified on a live page: the interval covers
 * rounding to the nearest and truncating.
 */
const readCount = countReader('either');
const attempt = attemptFor('instagram');

/**
 * Where Instagram puts the numbers. One alternative per line: the page variant, and where/when
 * it was seen.
 *
 * Provenance: the only real page we hold is server HTML (`/work/shared/pages/instagram/
 * profile.server.html`, 2025-01): its meta tags are verified. Instagram's *rendered* profile (the
 * header, the grid, its overlays) is NOT verified on a live page here: it is written from the
 * structure public scrapers and our own fixtures (tests/fixtures/instagram/) assume. Each such line
 * says "assumed". Never add generated class names (`x1lliihq`, `_ac2a`): they change weekly.
 */
const selectors = {
  /** "2,362 Followers, 136 Following, 224 Posts - See Instagram photos and videos from Pluto (@pluto__travel)" */
  summaryMeta: [
    'meta[property="og:description"]', // every profile, server HTML, verified 2025-01 (profile.server.html)
    'meta[name="description"]', // same counts, then the bio; verified 2025-01 (profile.server.html)
  ],
  /** "Pluto (@pluto__travel) • Instagram photos and videos" */
  titleMeta: [
    'meta[property="og:title"]', // every profile, server HTML, verified 2025-01 (profile.server.html)
  ],
  followersLink: [
    'header a[href$="/followers/"]', // desktop, logged in: stats inside <header> (assumed, 2024-25 scrapers)
    'main a[href$="/followers/"]', // narrow window / m.instagram.com: stats list below the header (assumed)
    'a[href$="/followers"]', // same, href without the trailing slash (defensive, not seen)
  ],
  followingLink: [
    'header a[href$="/following/"]', // desktop, logged in (assumed, 2024-25 scrapers)
    'main a[href$="/following/"]', // narrow window / m.instagram.com (assumed)
    'a[href$="/following"]', // href without the trailing slash (defensive, not seen)
  ],
  /** Logged out, followers/following are not links: the stats are a 3-item list (posts, followers, following). */
  statsList: [
    'header ul', // desktop, logged out: <header> … <ul><li>224 posts</li><li><button>…followers</button></li>… (assumed)
    'main ul', // narrow window: the same list below the header (assumed)
  ],
  /**
   * Any row whose first three children are the stats (posts, followers, following), whatever the
   * tags and the language: the 2026 header is divs, and followers is not always a link.
   */
  statsRow: [
    'header div', // 2026 desktop, logged in: <div><div>8,276 posts</div><div><a>…followers</a></div><div>…</div></div> (verified 2026-02, profile-2026.rendered.html)
    'header section', // 2023-25 desktop: the stats row directly inside a <section> (assumed)
  ],
  /** "This account is private" heading of a private profile (logged out or not following it). */
  privateNotice: [
    'main h2', // 2023-26 desktop and narrow window: <h2>This account is private</h2> below the header (assumed)
    'main span', // 2025-26 variants writing it in a span (assumed)
  ],
  /** The element holding the exact count in its title ("12,345" while the text says "12.3K"). */
  exactTitle: '[title]', // logged in: <span title="12,345"><span>12.3K</span></span> (assumed, 2023-25 scrapers)
  /** The username heading, where the badge goes. */
  username: [
    'header h2', // desktop 2023-25: <h2>handle</h2> next to the Follow button (assumed)
    'header h1', // older desktop and some A/B variants (assumed)
    'main h2', // narrow window: name row outside <header> (assumed)
  ],
  /** Grid tiles. hrefs are "/p/CODE/" or, since 2024, "/handle/p/CODE/" (assumed). */
  postTile: [
    'main a[href*="/p/"]', // posts tab: photo and carousel tiles (assumed)
    'main a[href*="/reel/"]', // posts and reels tabs: reel tiles (assumed)
  ],
  /** Hover overlay inside a tile: <ul><li>…1,204 <svg aria-label="Like"></li><li>…38 <svg aria-label="Comment"></li></ul>. */
  overlayItem: 'ul li', // desktop hover overlay (assumed; not verified on a live page)
  /** Icons inside a tile: "Pinned post icon", "Clip", "Carousel", "View count icon". */
  tileIcon: 'svg[aria-label], [role="img"][aria-label]', // tile corner icons (assumed)
  /** Anything in a tile whose aria-label may carry a count ("1,204 likes"). */
  labelled: '[aria-label]', // overlay items with spoken counts (assumed)
} as const;

/** Words in aria-labels, per meaning, for the languages we test (en, de, es, fr, it, pt). */
const labels = {
  pinned: /pinned|angeheftet|angepinnt|fijad|épingl|epingl|fissat|fixad/i,
  comments: /comment|kommentar|comentári|comentari/i,
  likes: /\blikes?\b|gefällt|me gusta|j[’']aime|mi piace|curtid|curtir/i,
  views: /\bplays?\b|\bviews?\b|play count|view count|reproducci|reprodu[cç]|wiedergabe|aufrufe|lectures?\b|\bvues?\b|visualizza|riproduzion|visualiza/i,
  reel: /^(clip|reel)s?\b/i,
  /** The followers stat, in Instagram's UI languages (en, de, es, pt, fr, it, nl, pl, tr, ru, ja, ko, zh, id, sv, no/da, fi). */
  followers:
    /follower|seguidor|abonn[ée]s|volgers|obserwuj[ąa]cy|takip[çc]i|подписчик|フォロワー|팔로워|粉丝|粉絲|pengikut|följare|følgere|seuraaj/i,
  /** The following stat, same languages. */
  following:
    /following|gefolgt|seguidos|seguindo|abonnements|suivi|seguiti|volgend|obserwowan|takip edilen|подписк|フォロー中|팔로잉|关注|追蹤中|mengikuti|följer|følger|seurattu/i,
} as const;

/**
 * One number written as one token ("8,276", "1,2 Mio.", "698M", "投稿87件"), not digits inside a
 * Latin word ("user123": handles are Latin letters, digits, "." and "_").
 */
const NUMBER_TOKEN = /(?<![\p{N}\p{Script=Latin}_])\d(?:[\d.,'’\u00a0\u202f ]*\d)?/gu;
/** A username as the header shows it (a bio heading or display name has spaces or other characters). */
const HANDLE_TEXT = /^[A-Za-z0-9._]{1,30}$/;
/** A title holding a whole count in digits and group separators only: "698,079,524", "1.234", "12 345". */
const TITLE_INTEGER = /^\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3})*$|^\d+$/;
/** og:description longer than this is not the summary we read (the stats come in its first ~80 characters). */
const MAX_META_CHARS = 1000;

/**
 * The part of og:description before its first " - " (or en/em dash between spaces): the stats.
 * One pass, no regex backtracking: `split(/\s+[-–—]\s+/)` took quadratic time on long runs of
 * spaces (issue 14). Input is bounded by the caller.
 * @example statsBeforeDash('2,362 Followers, 136 Following, 224 Posts - See …') // '2,362 Followers, 136 Following, 224 Posts'
 */
export function statsBeforeDash(text: string): string {
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c);
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i];
    if ((c === '-' || c === '–' || c === '—') && space(text[i - 1]) && space(text[i + 1])) return text.slice(0, i).trimEnd();
  }
  return text;
}

/** Tile hrefs: "/p/CODE/", "/reel/CODE/", "/tv/CODE/", or the same under "/owner/". */
const POST_PATH = /^\/(?:([A-Za-z0-9._]{1,30})\/)?(p|reel|tv)\/([A-Za-z0-9_-]{5,})\/?$/;
/** The embedded timelines: old `graphql.user` shape, the 2023+ "xdt" shape, and the reels tab. */
const TIMELINE_KEYS = [
  'edge_owner_to_timeline_media', // graphql profile JSON, until 2023
  'xdt_api__v1__feed__user_timeline_graphql_connection', // profile posts query, 2023-25
  'xdt_api__v1__clips__user__connection_v2', // reels tab query, 2024-25
] as const;

/** One post as the page's embedded JSON describes it. */
interface JsonPost {
  code: string;
  owner?: string;
  ownerId?: string;
  likes?: number;
  comments?: number;
  views?: number;
  likesHidden: boolean;
  pinnedFor: string[];
  isPinned: boolean;
  /** Unix seconds it was published (`taken_at`; `taken_at_timestamp` in the old graphql shape). */
  takenAt?: number;
}

function readJsonPost(node: unknown): JsonPost | undefined {
  const media = isRecord(pick(node, 'media')) ? pick(node, 'media') : node;
  if (!isRecord(media)) return undefined;
  const code = jsonString(media.code) ?? jsonString(media.shortcode);
  if (!code) return undefined;
  const pinnedFor: string[] = [];
  for (const id of Array.isArray(media.timeline_pinned_user_ids) ? media.timeline_pinned_user_ids : []) {
    const s = jsonString(id);
    if (s) pinnedFor.push(s);
  }
  for (const user of Array.isArray(media.pinned_for_users) ? media.pinned_for_users : []) {
    const s = jsonString(pick(user, 'id')) ?? jsonString(pick(user, 'pk'));
    if (s) pinnedFor.push(s);
  }
  return {
    code,
    owner: jsonString(pick(media, 'owner', 'username')) ?? jsonString(pick(media, 'user', 'username')),
    ownerId:
      jsonString(pick(media, 'owner', 'id')) ??
      jsonString(pick(media, 'owner', 'pk')) ??
      jsonString(pick(media, 'user', 'pk')) ??
      jsonString(pick(media, 'user', 'id')),
    likes:
      jsonCount(media.like_count) ??
      jsonCount(pick(media, 'edge_liked_by', 'count')) ??
      jsonCount(pick(media, 'edge_media_preview_like', 'count')),
    comments: jsonCount(media.comment_count) ?? jsonCount(pick(media, 'edge_media_to_comment', 'count')),
    views:
      jsonCount(media.play_count) ??
      jsonCount(media.ig_play_count) ??
      jsonCount(media.view_count) ??
      jsonCount(media.video_view_count),
    likesHidden: media.like_and_view_counts_disabled === true,
    pinnedFor,
    isPinned: media.is_pinned === true,
    // posts-query-2024.json: `taken_at` 1707… seconds on every node (the reels query has none).
    takenAt: jsonCount(media.taken_at) ?? jsonCount(media.taken_at_timestamp),
  };
}

/** Every post in the page's embedded timelines, by shortcode (first occurrence wins). */
function readJsonPosts(doc: Document): Map<string, JsonPost> {
  const posts = new Map<string, JsonPost>();
  for (const json of jsonScriptsContaining(doc, TIMELINE_KEYS)) {
    for (const key of TIMELINE_KEYS) {
      for (const timeline of findKeyDeep(json, key)) {
        const edges = pick(timeline, 'edges');
        if (!Array.isArray(edges)) continue;
        for (const edge of edges) {
          const post = attempt('json post', () => readJsonPost(pick(edge, 'node')));
          if (post && !posts.has(post.code)) posts.set(post.code, post);
        }
      }
    }
  }
  return posts;
}

/** The profile owner's posts, and whether the JSON is about this profile at all. */
interface Bootstrap {
  posts: Map<string, JsonPost>;
  /** The profile owner's user id, from their own posts. */
  ownerId?: string;
}

/** The grid tile's post path: shortcode, kind, and the owner named in the href (2024+). */
function parsePostHref(href: string | null, base: URL): { code: string; segment: string; owner?: string } | undefined {
  if (!href) return undefined;
  const url = new URL(href, base);
  if (!isInstagramHost(url.hostname)) return undefined;
  const match = POST_PATH.exec(url.pathname);
  if (!match) return undefined;
  return { code: match[3]!, segment: match[2]!, owner: match[1] };
}

const profileHandle = instagramProfileHandle;

function createReader(doc: Document, url: URL, options: ReadOptions): ProfileReader {
  const handle = profileHandle(url) ?? '';
  const locale = pageLocale(doc);
  const trust = options.trustBootstrap === true && handle !== '';
  const tileSelector = selectors.postTile.join(', ');
  /** Post links without the `main` scope, for `closest()`. */
  const anyTile = 'a[href*="/p/"], a[href*="/reel/"]';
  const taggedTab = /\/tagged\/?$/.test(url.pathname);
  const readAt = options.readAt ?? Date.now();
  const tab = taggedTab ? 'tagged' : /\/reels\/?$/.test(url.pathname) ? 'reels' : 'posts';

  /** This profile's posts from the page's own requests (the observer's feed), converted once per batch. */
  let fedCache: { version: number; posts: PostCounts[] } | undefined;
  const dataPosts = (): PostCounts[] => {
    const feed = options.pageData;
    if (!feed || !handle) return [];
    if (fedCache?.version === feed.version) return fedCache.posts;
    const posts = attempt('page data', () => dataPostsFor(feed.posts(), handle, tab, readAt)) ?? [];
    fedCache = { version: feed.version, posts };
    return posts;
  };

  /** Whether a link's href is this profile's /followers/ (or /following/) page. */
  const linksTo = (el: Element, page: 'followers' | 'following'): boolean => {
    const target = new URL(el.getAttribute('href') ?? '', url);
    const parts = target.pathname.split('/').filter(Boolean);
    return isInstagramHost(target.hostname) && parts.length === 2 && sameHandle(parts[0], handle) && parts[1] === page;
  };

  /** A list of at least three stats (posts, followers, following), not a tile overlay, not stale. */
  const isStatsList = (ul: Element): boolean => {
    if (ul.closest(anyTile)) return false;
    const items = [...ul.children].filter((child) => child.tagName === 'LI');
    if (items.length < 3 || !items.slice(0, 3).every((li) => /\d/.test(textOf(li)))) return false;
    // A list linking to someone else's followers is the previous profile, still on screen.
    const links = ul.querySelectorAll('a[href*="/followers"], a[href*="/following"]');
    return [...links].every((a) => linksTo(a, 'followers') || linksTo(a, 'following'));
  };

  /** A row's children that show something (React leaves empty wrappers around). */
  const statChildren = (row: Element): Element[] => [...row.children].filter((child) => textOf(child) !== '');

  /** A row of three or four short stats, each one number, not a tile, not the previous profile's. */
  const isStatsRow = (row: Element): boolean => {
    if (row.closest(anyTile)) return false;
    const items = statChildren(row);
    if (items.length < 3 || items.length > 4) return false;
    for (const item of items.slice(0, 3)) {
      const text = textOf(item);
      if (text.length > 60 || (text.match(NUMBER_TOKEN) ?? []).length !== 1) return false;
    }
    const links = row.querySelectorAll('a[href*="/followers"], a[href*="/following"]');
    return [...links].every((a) => linksTo(a, 'followers') || linksTo(a, 'following'));
  };

  /**
   * Which stat is which: by its word where we know the language, else by Instagram's order
   * (posts, followers, following), the same in every UI language.
   */
  const pickStats = (items: Element[]): { posts?: Element; followers?: Element; following?: Element } => {
    const words = items.map((item) => textOf(item));
    let followingAt = words.findIndex((text) => labels.following.test(text));
    let followersAt = words.findIndex((text, at) => at !== followingAt && labels.followers.test(text));
    if (followersAt < 0) followersAt = followingAt === 1 ? 2 : 1;
    if (followingAt < 0) followingAt = followersAt === 2 ? 1 : 2;
    const postsAt = [0, 1, 2].find((at) => at !== followersAt && at !== followingAt) ?? 0;
    return { posts: items[postsAt], followers: items[followersAt], following: items[followingAt] };
  };

  const followersLink = (): Element | undefined =>
    firstVisible(doc, selectors.followersLink, (a) => linksTo(a, 'followers'));
  const followingLink = (): Element | undefined =>
    firstVisible(doc, selectors.followingLink, (a) => linksTo(a, 'following'));

  /** Whether the header's username heading names another handle (the previous profile, still on screen). */
  const showsOtherHandle = (): boolean => {
    const heading = firstVisible(doc, selectors.username.slice(0, 2), (el) => HANDLE_TEXT.test(textOf(el)));
    return heading !== undefined && !sameHandle(textOf(heading), handle);
  };

  /** The stat items in page order (posts, followers, following), and which is which. */
  const stats = (): { posts?: Element; followers?: Element; following?: Element; rendered: boolean } => {
    const followers = followersLink();
    const following = followingLink();
    if (followers) {
      // The row holding both links: its children are the three stats, whatever their tags.
      let row: Element | null = followers.parentElement;
      while (row && following && !row.contains(following)) row = row.parentElement;
      if (row && !following) row = followers.closest('ul') ?? row.parentElement;
      const statItem = (el: Element): Element | undefined => {
        let item: Element | null = el;
        while (item && item.parentElement !== row) item = item.parentElement;
        return item ?? undefined;
      };
      if (row) {
        const items = [...row.children].filter((child) => /\d/.test(textOf(child)));
        const followersItem = statItem(followers);
        const followingItem = following ? statItem(following) : undefined;
        const posts = items.find(
          (item) => item !== followersItem && item !== followingItem && !item.querySelector('a[href*="/follow"]'),
        );
        return { posts, followers, following, rendered: true };
      }
    }
    const list = firstVisible(doc, selectors.statsList, isStatsList);
    if (list) {
      const items = [...list.children].filter((child) => child.tagName === 'LI');
      // Logged out, the count sits in a <button> (it opens the login prompt) inside the item.
      const control = (item: Element | undefined) => item?.querySelector('a, button') ?? item;
      const picked = pickStats(items);
      return {
        posts: picked.posts,
        followers: followers ?? control(picked.followers),
        following: following ?? control(picked.following),
        rendered: true,
      };
    }
    // Followers not a link (another UI language, logged out) and no list: a row of any tags. With
    // no link naming the handle, the username heading tells this profile from the previous one.
    if (showsOtherHandle()) return { rendered: true };
    const row = firstVisible(doc, selectors.statsRow, isStatsRow);
    if (row) {
      const picked = pickStats(statChildren(row));
      return { posts: picked.posts, followers: followers ?? picked.followers, following: following ?? picked.following, rendered: true };
    }
    return { followers, following, rendered: !!followers || !!following };
  };

  /** The exact number in a title attribute, else the visible text. */
  const readStat = (el: Element | undefined): CountReading | undefined => {
    if (!el) return undefined;
    const titled = [...(el.matches(selectors.exactTitle) ? [el] : []), ...el.querySelectorAll(selectors.exactTitle)];
    for (const node of titled) {
      const title = node.getAttribute('title')?.trim();
      if (!title || !/\d/.test(title)) continue;
      // A title of digits and group separators is a whole count, whatever the page's locale.
      if (TITLE_INTEGER.test(title)) {
        const value = Number(title.replace(/\D/g, ''));
        if (Number.isSafeInteger(value)) return exactCount(value);
      }
      const reading = readCount(title, locale);
      if (reading) return reading;
    }
    return readCount(textOf(el), locale);
  };

  /** Counts from og:description, only when it is this page's bootstrap data and names this handle. */
  let metaCache: { followers?: CountReading; following?: CountReading; posts?: CountReading; name?: string } | undefined;
  const meta = () => {
    if (metaCache) return metaCache;
    metaCache = {};
    if (!trust) return metaCache;
    const names = (text: string) => text.toLowerCase().includes(`(@${handle.toLowerCase()})`);
    for (const selector of selectors.summaryMeta) {
      const content = doc.querySelector(selector)?.getAttribute('content')?.slice(0, MAX_META_CHARS).trim();
      if (!content || !names(content)) continue;
      // "2,362 Followers, 136 Following, 224 Posts - See …": the stats come before " - ", in this order.
      const stats = statsBeforeDash(content);
      const parts = stats.split(/[,،，]\s+|、|，/);
      if (parts.length < 3) continue;
      metaCache.followers = readCount(parts[0], locale);
      metaCache.following = readCount(parts[1], locale);
      metaCache.posts = readCount(parts[2], locale);
      break;
    }
    const title = doc.querySelector(selectors.titleMeta[0])?.getAttribute('content') ?? '';
    const at = title.toLowerCase().indexOf(`(@${handle.toLowerCase()})`);
    const name = at > 0 ? title.slice(0, at).trim() : '';
    if (name) metaCache.name = name;
    return metaCache;
  };

  /** Whether the page says this profile is private (the notice in place of the grid). */
  const privateNotice = (): boolean => hasPrivateNotice(doc, selectors.privateNotice, 'header');

  /** Embedded timeline JSON: parsed once per reader, used only when it is this profile's. */
  let bootstrapCache: Bootstrap | undefined;
  const bootstrap = (): Bootstrap => {
    if (bootstrapCache) return bootstrapCache;
    bootstrapCache = { posts: new Map() };
    if (!trust) return bootstrapCache;
    const posts = attempt('embedded JSON', () => readJsonPosts(doc)) ?? new Map<string, JsonPost>();
    const own = [...posts.values()].filter((post) => sameHandle(post.owner, handle));
    // JSON with none of this handle's posts is another profile's (stale after navigation): ignore it.
    if (own.length === 0) return bootstrapCache;
    bootstrapCache = { posts, ownerId: own.find((post) => post.ownerId)?.ownerId };
    return bootstrapCache;
  };

  const header = (): ProfileHeader => {
    const result: ProfileHeader = { platform: 'instagram', handle, locale, notes: [] };
    if (!handle) {
      result.notes.push({ key: 'siteNotInstagram' });
      return result;
    }
    const found = attempt('header stats', stats) ?? { rendered: false };
    const fromMeta = attempt('og:description', meta) ?? {};
    // The rendered header is the current value; og:description may lag behind it (issue 15).
    const fromFollowers = renderedOverMeta(attempt('followers', () => readStat(found.followers)), fromMeta.followers);
    const followers = fromFollowers.reading;
    const following = renderedOverMeta(attempt('following', () => readStat(found.following)), fromMeta.following).reading;
    const postsCount = renderedOverMeta(attempt('posts count', () => readStat(found.posts)), fromMeta.posts).reading;
    if (followers) result.followers = followers;
    if (following) result.following = following;
    if (postsCount) result.postsCount = postsCount;
    if (fromMeta.name) result.displayName = fromMeta.name;

    result.notes.push(
      ...headerNotes({
        handle,
        followers,
        following,
        postsCount,
        rendered: found.rendered,
        shows: { following: true, postsCount: true },
        followersFromMeta: fromFollowers.fromMeta,
      }),
    );
    // Nothing more will render: a private account's grid, or a rendered header saying 0 posts.
    // Only with this profile's header read: a notice under a previous profile's header is not ours.
    const isPrivate = !!followers && found.rendered && attempt('private notice', privateNotice) === true;
    if (isPrivate) result.notes.push({ key: 'sitePrivateAccount' });
    if (isPrivate || (followers && found.rendered && postsCount?.exact && postsCount.value === 0)) result.final = true;

    // Where the sample's numbers came from, when the grid showed none of them (issue 15, item 4).
    attempt('page data note', () => {
      const usable = usableDataPosts(dataPosts());
      if (usable > 0) result.notes.push({ key: 'sitePostsFromPageData', args: [usable] });
    });
    attempt('hidden likes note', () => {
      const fromJson = [...bootstrap().posts.values()].filter((post) => sameHandle(post.owner, handle));
      const fromData = dataPosts().filter((post) => !bootstrap().posts.has(post.id));
      const own = [...fromJson.map((post) => ({ likesHidden: post.likesHidden })), ...fromData.map((post) => ({ likesHidden: post.likesHidden === true }))];
      const hidden = own.filter((post) => post.likesHidden).length;
      if (hidden === 0) return;
      result.notes.push(hidden === own.length ? { key: 'siteLikesHiddenAll' } : { key: 'siteLikesHiddenSome', args: [hidden, own.length] });
    });
    return result;
  };

  /** The count next to an icon or inside a labelled element, within `scope`. */
  const countNear = (icon: Element, scope: Element): CountReading | undefined => {
    const label = icon.getAttribute('aria-label') ?? '';
    if (/\d/.test(label)) return readCount(label, locale);
    for (let node = icon.parentElement; node && scope.contains(node); node = node.parentElement) {
      if (/\d/.test(textOf(node))) return readCount(textOf(node), locale);
      if (node === scope) break;
    }
    return undefined;
  };

  /** Likes/comments from the hover overlay, views from the reels tab's play count. */
  const readTileCounts = (tile: Element, counts: PostCounts): void => {
    // 'li' then closest('ul'), not querySelectorAll('ul li'): Chromium matches a descendant
    // combinator against ancestors outside the tile too, a cost that grows with the page
    // (bench/results.md, infinite-scroll batches).
    for (const item of [...tile.querySelectorAll('li')].filter((li) => li.closest('ul'))) {
      const labelled = [item, ...item.querySelectorAll(selectors.labelled)].filter((el) => el.hasAttribute('aria-label'));
      const words = labelled.map((el) => el.getAttribute('aria-label') ?? '').join(' ');
      const spoken = labelled.map((el) => el.getAttribute('aria-label') ?? '').find((label) => /\d/.test(label));
      const value = readCount(spoken ?? textOf(item), locale);
      if (!value) continue;
      if (labels.comments.test(words)) counts.comments ??= value;
      else if (labels.likes.test(words)) counts.likes ??= value;
      else if (labels.views.test(words)) counts.views ??= value;
    }
    // Unlabelled overlay: likes then comments, in that order (assumed from the desktop layout).
    if (!counts.likes && !counts.comments) {
      const list = tile.querySelector('ul');
      const items = list ? [...list.children].filter((child) => child.tagName === 'LI') : [];
      if (items.length === 2) {
        const likes = readCount(textOf(items[0]), locale);
        const comments = readCount(textOf(items[1]), locale);
        if (likes) counts.likes = likes;
        if (comments) counts.comments = comments;
      }
    }
    for (const icon of tile.querySelectorAll(selectors.tileIcon)) {
      const label = icon.getAttribute('aria-label') ?? '';
      if (labels.pinned.test(label)) counts.pinned = true;
      else if (labels.reel.test(label)) counts.kind = 'reel';
      else if (!counts.views && labels.views.test(label) && !icon.closest('ul')) {
        const views = countNear(icon, tile);
        if (views) counts.views = views;
      }
    }
  };

  const post = (element: Element): PostCounts | undefined => {
    if (!handle) return undefined;
    const tile = element.matches(anyTile) ? element : element.querySelector(anyTile);
    if (!tile) return undefined;
    const path = parsePostHref(tile.getAttribute('href'), url);
    if (!path) return undefined;
    const counts: PostCounts = { id: path.code, kind: path.segment === 'reel' ? 'reel' : path.segment === 'tv' ? 'video' : 'post' };
    if (taggedTab || (path.owner && !sameHandle(path.owner, handle))) counts.notOwn = true;
    attempt('tile', () => readTileCounts(tile, counts));

    attempt('tile JSON', () => {
      const data = bootstrap();
      const json = data.posts.get(path.code);
      if (!json) return;
      const own = sameHandle(json.owner, handle);
      if (json.owner && !own) counts.notOwn = true;
      if (json.isPinned || (data.ownerId ? json.pinnedFor.includes(data.ownerId) : json.pinnedFor.length > 0)) {
        counts.pinned = true;
      }
      if (json.likesHidden) counts.likesHidden = true;
      const date = json.takenAt === undefined ? undefined : instagramTakenAt(json.takenAt, readAt);
      if (date) counts.postedAt = date.at;
      // Exact counts only for the owner's own posts (the brief: JSON counts must be this handle's).
      if (!own) return;
      if (json.likes !== undefined && !json.likesHidden) counts.likes = exactCount(json.likes);
      if (json.comments !== undefined) counts.comments = exactCount(json.comments);
      if (json.views !== undefined && !json.likesHidden) counts.views = exactCount(json.views);
    });
    if (counts.likesHidden) delete counts.likes;
    return counts;
  };

  const anchor = (): Element | null =>
    attempt('anchor', () => {
      if (!handle) return null;
      const name = firstVisible(doc, selectors.username, (el) => sameHandle(textOf(el), handle));
      if (name) return name;
      const found = stats();
      return found.followers?.parentElement ?? null;
    }) ?? null;

  return {
    postSelector: tileSelector,
    header,
    post,
    anchor,
    dataPosts,
  };
}

/** Instagram: profiles at instagram.com/{handle}/ (and its reels/tagged tabs). */
export const instagram = defineAdapter({
  platform: 'instagram',
  isHost: isInstagramHost,
  profileHandle,
  createReader,
  // Likes and comments appear only in the hover overlay of the tile under the mouse.
  revealsCountsOnDemand: true,
  manualCheckUrls: [
    'https://www.instagram.com/instagram/', // huge account: "700M followers", rounded text, title exact
    'https://www.instagram.com/natgeo/reels/', // reels tab: play counts on tiles
    'https://www.instagram.com/pluto__travel/', // small account: exact counts in text (our saved server page)
    'https://www.instagram.com/nasa/tagged/', // tagged tab: every tile is someone else's post
    'https://www.instagram.com/instagram/?hl=de', // German UI: "Mio. Follower", "Beiträge"
  ],
});
