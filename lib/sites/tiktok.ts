import type { CountReading } from '../count';
import { firstVisible, pageLocale, readJsonScript, textOf } from '../dom';
import { isRecord } from '../is-record';
import { jsonCount, jsonString, pick } from './bootstrap';
import type { PostCounts, ProfileHeader, ProfileReader, ReadOptions } from './types';
import { isTikTokHost, tiktokProfileHandle } from './url/tiktok';
import { attemptFor, countReader, defineAdapter, exactCount, hasPrivateNotice, headerNotes, parseJsonLd, preferExact, sameHandle } from './shared';

/**
 * TikTok's rounding of "783.4K" is not documented (the saved page's 783 427 fits both): the interval covers
 * rounding to the nearest and truncating.
 */
const readCount = countReader('either');
const attempt = attemptFor('tiktok');

/**
 * Where TikTok puts the numbers. One alternative per line: the page variant, and where/when it
 * was seen.
 *
 * Provenance: `/work/shared/pages/tiktok/profile.rendered.html` (desktop web, logged out, en,
 * saved 2025-12) verifies the header hooks, the grid tiles and the embedded JSON; `video.rendered.html`
 * (same date) is a video page. Lines marked "assumed" are not in those pages. Never add generated
 * class names (`css-fhhoo9-…StrongVideoCount`): they change weekly.
 */
const selectors = {
  /** <strong title="Followers" data-e2e="followers-count">783.4K</strong> */
  followers: [
    '[data-e2e="user-page"] [data-e2e="followers-count"]', // desktop, logged out, 2025-12 (profile.rendered.html)
    '[data-e2e="followers-count"]', // the same hook outside the user-page wrapper (other layouts; assumed)
  ],
  following: [
    '[data-e2e="user-page"] [data-e2e="following-count"]', // desktop, logged out, 2025-12 (profile.rendered.html)
    '[data-e2e="following-count"]', // outside the user-page wrapper (assumed)
  ],
  likes: [
    '[data-e2e="user-page"] [data-e2e="likes-count"]', // desktop, logged out, 2025-12: "3.9M" (profile.rendered.html)
    '[data-e2e="likes-count"]', // outside the user-page wrapper (assumed)
  ],
  /** The handle heading: <h1 data-e2e="user-title">illojuan</h1>; where the badge goes. */
  title: [
    '[data-e2e="user-page"] [data-e2e="user-title"]', // desktop, 2025-12: h1 with the handle (profile.rendered.html)
    '[data-e2e="user-title"]', // outside the wrapper; h2 in 2023-24 layouts (assumed)
  ],
  /** The nickname: <h2 data-e2e="user-subtitle">IlloJuan</h2>. */
  subtitle: [
    '[data-e2e="user-page"] [data-e2e="user-subtitle"]', // desktop, 2025-12 (profile.rendered.html)
    '[data-e2e="user-subtitle"]', // outside the wrapper (assumed)
  ],
  /** Anchor fallback when user-title is gone: a heading whose text is the handle. */
  heading: [
    '[data-e2e="user-page"] h1', // desktop, 2025-12: the handle is the page's h1 (profile.rendered.html)
    '[data-e2e="user-page"] h2', // 2023-24 layouts put the handle in an h2 (assumed)
  ],
  /** Embedded page data: __DEFAULT_SCOPE__["webapp.user-detail"].userInfo {user, stats, statsV2, itemList}. */
  bootstrap: 'script#__UNIVERSAL_DATA_FOR_REHYDRATION__', // every page, 2025-12 (profile/video.rendered.html)
  /** schema.org ProfilePage with exact follower and like counts (interactionStatistic). */
  jsonLd: [
    'script[type="application/ld+json"]#ProfilePage', // profile pages, 2025-12 (profile.rendered.html)
    'script[type="application/ld+json"]', // the same without its id (assumed)
  ],
  /** "This account is private" in place of the grid (a <p> title over "Follow this account to see…"). */
  privateNotice: [
    '[data-e2e="user-page"] p', // desktop, private profile (assumed: no saved private page; the wording is TikTok's)
    '[data-e2e="user-page"] h2', // same title as a heading (assumed)
  ],
  /** One grid tile: <div data-e2e="user-post-item" role="button">…<a href=".../@h/video/ID">. */
  postTile: '[data-e2e="user-post-item"]', // videos and reposts tabs, 2025-12: 18 tiles (profile.rendered.html)
  tileLink: [
    'a[href*="/video/"]', // video tiles, 2025-12: absolute href https://www.tiktok.com/@h/video/ID (profile.rendered.html)
    'a[href*="/photo/"]', // photo-mode posts, /@h/photo/ID (assumed, 2024-25 URLs)
  ],
  /** <strong data-e2e="video-views">192.1K</strong> in the tile footer. */
  tileViews: '[data-e2e="video-views"]', // every tile, 2025-12 (profile.rendered.html)
  /** The "Pinned" label on a tile: not in our saved page (nothing pinned there). */
  tileBadge: '[data-e2e="video-card-badge"]', // pinned tiles, 2024 (assumed: used by public Playwright scrapers)
  /** Any small text node in a tile, to find a "Pinned" label whose hook changed. */
  tileText: 'div, span, p', // (defensive; not seen)
} as const;

/**
 * The "Pinned" label in the languages we test. The page also embeds its own word
 * (`webapp.i18n-translation` → Webapp.profile_page_pin, "Pinned" in profile.rendered.html), used too.
 */
const PINNED = /^(pinned|angeheftet|angepinnt|fijado|épinglé|epingle|fixado|fissato|sabitlendi|vastgezet|przypięty|закреплено|ピン留め|置顶|置頂|고정됨|disematkan|đã ghim)$/i;

/** Tile hrefs: "/@author/video/ID" or "/@author/photo/ID". */
const POST_PATH = /^\/@([^/]+)\/(video|photo)\/(\d+)\/?$/;

/** Counts at or above this are abbreviated on the page ("25.5K"); below it they are written in full ("2156"). */
const ROUNDED_FROM = 10_000; // video.rendered.html: share-count "2156", like-count "25.5K"

const profileHandle = tiktokProfileHandle;

/** A tile's post: id, author and kind from its href. */
function parsePostHref(href: string | null, base: URL): { id: string; author: string; kind: 'video' | 'photo' } | undefined {
  if (!href) return undefined;
  const url = new URL(href, base);
  if (!isTikTokHost(url.hostname)) return undefined;
  const match = POST_PATH.exec(url.pathname);
  if (!match) return undefined;
  return { author: decodeURIComponent(match[1]!), kind: match[2] === 'photo' ? 'photo' : 'video', id: match[3]! };
}

/**
 * A number TikTok may have rounded in `stats` (783400 for 783 427): the value as the page wrote
 * it, never re-rounded, with the interval its trailing zeros allow (nearest or truncated: 783 350
 * … 783 499). A number without trailing zeros cannot have been rounded.
 */
function roundedFromJson(value: number | undefined): CountReading | undefined {
  if (value === undefined || !Number.isSafeInteger(value) || value < 0) return undefined;
  let step = 1;
  while (value % (step * 10) === 0 && value >= step * 10) step *= 10;
  if (step === 1) return exactCount(value);
  return { value, exact: false, min: Math.max(0, value - step / 2), max: value + step - 1 };
}

/** The profile's numbers from the embedded JSON, once we know it describes this handle. */
interface Bootstrap {
  nickname?: string;
  followers?: CountReading;
  following?: CountReading;
  likes?: CountReading;
  videos?: CountReading;
  privateAccount?: boolean;
}

/**
 * One count from userInfo: `statsV2` holds exact strings ("783427"), `stats` TikTok's rounded
 * numbers (783400). On video pages `authorStatsV2` is as rounded as `authorStats`
 * (video.rendered.html: "783400"), so a statsV2 value equal to its `stats` twin and shaped like a
 * rounded number is not trusted as exact: it reads as the rounded number it may be.
 */
function jsonStat(userInfo: unknown, key: string): CountReading | undefined {
  const v2 = jsonCount(pick(userInfo, 'statsV2', key));
  const v1 = jsonCount(pick(userInfo, 'stats', key));
  const maybeRounded = v2 !== undefined && v2 === v1 && v2 >= ROUNDED_FROM && v2 % 100 === 0;
  if (v2 !== undefined && !maybeRounded) return exactCount(v2);
  return roundedFromJson(v1 ?? v2);
}

/** schema.org ProfilePage (profile.rendered.html): identifier/alternateName = handle, exact counts. */
function readJsonLd(doc: Document, handle: string): { followers?: CountReading; likes?: CountReading } {
  for (const selector of selectors.jsonLd) {
    for (const script of doc.querySelectorAll(selector)) {
      const json = parseJsonLd(script.textContent);
      const person = pick(json, 'mainEntity');
      if (pick(json, '@type') !== 'ProfilePage' || !isRecord(person)) continue;
      const names = [jsonString(person.identifier), jsonString(person.alternateName)];
      if (!names.some((name) => sameHandle(name?.replace(/^@/, ''), handle))) continue;
      const out: { followers?: CountReading; likes?: CountReading } = {};
      for (const stat of Array.isArray(person.interactionStatistic) ? person.interactionStatistic : []) {
        const type = JSON.stringify(pick(stat, 'interactionType') ?? '');
        const count = jsonCount(pick(stat, 'userInteractionCount'));
        if (count === undefined) continue;
        if (/FollowAction/.test(type)) out.followers ??= exactCount(count);
        else if (/LikeAction/.test(type)) out.likes ??= exactCount(count);
      }
      return out;
    }
  }
  return {};
}

function createReader(doc: Document, url: URL, options: ReadOptions): ProfileReader {
  const handle = profileHandle(url) ?? '';
  const locale = pageLocale(doc);
  const trust = options.trustBootstrap === true && handle !== '';

  /** Parsed once per reader: the embedded JSON is ~250 KB. */
  let jsonCache: { value: unknown } | undefined;
  const json = (): unknown => {
    jsonCache ??= { value: attempt('embedded JSON', () => readJsonScript(doc, selectors.bootstrap)) };
    return jsonCache.value;
  };

  /** The page's own word for "Pinned": UI text, not profile data, so still right after navigation. */
  let pinWord: string | undefined | null = null;
  const pinnedWord = (): string | undefined => {
    if (pinWord === null) {
      pinWord = jsonString(pick(json(), '__DEFAULT_SCOPE__', 'webapp.i18n-translation', 'Webapp', 'profile_page_pin'))?.trim();
    }
    return pinWord;
  };
  const isPinnedLabel = (text: string): boolean => {
    if (!text || text.length > 40 || /\d/.test(text)) return false;
    if (PINNED.test(text)) return true;
    const word = pinnedWord();
    return !!word && text.toLowerCase() === word.toLowerCase();
  };

  /** userInfo numbers, only while trusted and only when userInfo.user.uniqueId is this handle. */
  let bootstrapCache: Bootstrap | undefined;
  const bootstrap = (): Bootstrap => {
    if (bootstrapCache) return bootstrapCache;
    bootstrapCache = {};
    if (!trust) return bootstrapCache;
    const found = attempt('userInfo', (): Bootstrap => {
      const out: Bootstrap = {};
      const userInfo = pick(json(), '__DEFAULT_SCOPE__', 'webapp.user-detail', 'userInfo');
      if (sameHandle(jsonString(pick(userInfo, 'user', 'uniqueId')), handle)) {
        out.nickname = jsonString(pick(userInfo, 'user', 'nickname'))?.trim() || undefined;
        out.followers = jsonStat(userInfo, 'followerCount');
        out.following = jsonStat(userInfo, 'followingCount');
        out.likes = jsonStat(userInfo, 'heartCount') ?? jsonStat(userInfo, 'heart');
        out.videos = jsonStat(userInfo, 'videoCount');
        // user.privateAccount: false on the saved public profile (profile.rendered.html, 2025-12).
        out.privateAccount = pick(userInfo, 'user', 'privateAccount') === true;
      }
      // The ProfilePage JSON-LD carries the same exact numbers; it fills what userInfo lacks.
      const ld = readJsonLd(doc, handle);
      if (!out.followers?.exact && ld.followers) out.followers = ld.followers;
      if (!out.likes?.exact && ld.likes) out.likes = ld.likes;
      return out;
    });
    bootstrapCache = found ?? {};
    return bootstrapCache;
  };

  /** The handle the rendered header names (user-title), without "@"; undefined while not rendered. */
  const headerHandle = (): string | undefined => {
    const title = firstVisible(doc, selectors.title);
    const text = textOf(title).replace(/^@/, '');
    return text || undefined;
  };

  /** The header stats, unless the header still shows another profile (SPA navigation). */
  const headerStats = (): { followers?: Element; following?: Element; likes?: Element; other?: string } => {
    const shown = headerHandle();
    if (shown && !sameHandle(shown, handle)) return { other: shown };
    return {
      followers: firstVisible(doc, selectors.followers),
      following: firstVisible(doc, selectors.following),
      likes: firstVisible(doc, selectors.likes),
    };
  };

  const header = (): ProfileHeader => {
    const result: ProfileHeader = { platform: 'tiktok', handle, locale, notes: [] };
    if (!handle) {
      result.notes.push({ key: 'siteNotTiktok' });
      return result;
    }
    const found = attempt('header stats', headerStats) ?? {};
    const data = bootstrap();
    const followers = preferExact(readCount(textOf(found.followers), locale), data.followers);
    const following = preferExact(readCount(textOf(found.following), locale), data.following);
    const totalLikes = preferExact(readCount(textOf(found.likes), locale), data.likes);
    if (followers) result.followers = followers;
    if (following) result.following = following;
    if (totalLikes) result.totalLikes = totalLikes;
    if (data.videos) result.postsCount = data.videos;

    const subtitle = found.other ? '' : textOf(firstVisible(doc, selectors.subtitle));
    const displayName = subtitle || data.nickname;
    if (displayName) result.displayName = displayName;

    const rendered = !!(found.followers || found.following || found.likes);
    result.notes.push(...headerNotes({ handle, followers, postsCount: result.postsCount, rendered, shownHandle: found.other }));
    // Private: no video will render, so the verdict may settle at once (issue 15 item 3).
    const isPrivate = !found.other && (data.privateAccount === true || attempt('private notice', () => hasPrivateNotice(doc, selectors.privateNotice)) === true);
    if (isPrivate) {
      result.notes.push({ key: 'sitePrivateAccount' });
      if (followers) result.final = true;
    }
    return result;
  };

  const post = (element: Element): PostCounts | undefined => {
    if (!handle || !element.matches(selectors.postTile)) return undefined;
    let path: ReturnType<typeof parsePostHref>;
    for (const selector of selectors.tileLink) {
      for (const link of element.querySelectorAll(selector)) {
        path ??= attempt('tile href', () => parsePostHref(link.getAttribute('href'), url));
      }
    }
    if (!path) return undefined;
    const counts: PostCounts = { id: path.id, kind: path.kind === 'photo' ? 'post' : 'video' };
    // The reposts and liked tabs show other people's videos under the same URL: the href says whose.
    if (!sameHandle(path.author, handle)) counts.notOwn = true;
    const views = readCount(textOf(element.querySelector(selectors.tileViews)), locale);
    if (views) counts.views = views;
    const badges = [...element.querySelectorAll(selectors.tileBadge)];
    const labels = badges.length > 0 ? badges : [...element.querySelectorAll(selectors.tileText)].filter((el) => el.childElementCount === 0);
    if (labels.some((el) => isPinnedLabel(textOf(el)))) counts.pinned = true;
    // Per-video likes/comments/shares are not on the profile page: the saved page's
    // userInfo.itemList is empty (logged out, 2025-12); TikTok loads the grid from its API.
    return counts;
  };

  const anchor = (): Element | null =>
    attempt('anchor', () => {
      if (!handle) return null;
      const isHandle = (el: Element) => sameHandle(textOf(el).replace(/^@/, ''), handle);
      const title = firstVisible(doc, selectors.title, isHandle) ?? firstVisible(doc, selectors.heading, isHandle);
      if (title) return title;
      const found = headerStats();
      return found.followers?.parentElement ?? null;
    }) ?? null;

  return {
    postSelector: selectors.postTile,
    header,
    post,
    anchor,
  };
}

/** TikTok: profiles at tiktok.com/@{handle}. */
export const tiktok = defineAdapter({
  platform: 'tiktok',
  isHost: isTikTokHost,
  profileHandle,
  createReader,
  manualCheckUrls: [
    'https://www.tiktok.com/@illojuan', // our saved page (2025-12): "783.4K" followers, statsV2 exact, 18 tiles
    'https://www.tiktok.com/@khaby.lame', // very large account: counts in "M"
    'https://www.tiktok.com/@scout2015', // handle with digits (TikTok's own embed/API example)
    'https://www.tiktok.com/@tiktok?lang=de-DE', // German UI: number format and the "Pinned" badge word
    'https://www.tiktok.com/@nasa', // organisation account
  ],
});
