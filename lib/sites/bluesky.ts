import type { CountReading } from '../count';
import { firstVisible, pageLocale, textOf } from '../dom';
import { isRecord } from '../is-record';
import { jsonCount, jsonString, pick } from './bootstrap';
import type { PostCounts, ProfileHeader, ProfileReader, ReadOptions } from './types';
import { blueskyProfileHandle, decodeSegment, isBlueskyHost } from './url/bluesky';
import { attemptFor, countReader, defineAdapter, exactCount, headerNotes, parseJsonLd, preferExact } from './shared';

/**
 * Bluesky truncates: 3 817 likes show as "3.8K", 2 006 as "2K", 6 257 as "6.2K" (social-app
 * src/view/com/util/numeric/format.ts `truncateRounding`; checked against every like in
 * profile.rendered.html). So "3.8K" is 3 800 … 3 899.
 */
const readCount = countReader('down');
const attempt = attemptFor('bluesky');

/**
 * Where Bluesky (bsky.app, the social-app web client) puts the numbers. One alternative per line:
 * the page variant, and where/when it was seen.
 *
 * Provenance: `/work/shared/pages/bluesky/profile.rendered.html` (web, logged out, en, saved
 * 2026-01) verifies the header, the feed items, the post controls and the server's JSON-LD and meta
 * tags. Lines marked "source" come from bluesky-social/social-app (Metrics.tsx, PostControls,
 * RepostButton.web.tsx, PostFeedReason.tsx) but are not in that page. `data-testid`s are set by
 * the app's own tests (`testID`), so they are its most stable hooks; the `css-…`/`r-…` classes are
 * generated: never use them.
 */
const selectors = {
  /** <a href="/profile/h/followers" aria-label="1101177 followers"><span>1.1M </span><span>followers</span></a> */
  followersLink: [
    'a[data-testid="profileHeaderFollowersButton"]', // web, logged out, 2026-01 (profile.rendered.html)
    '[data-testid="profileView"] a[href$="/followers"]', // the same link by href, should the testid go (assumed)
  ],
  /** <a href="/profile/h/follows" aria-label="3 following">… */
  followsLink: [
    'a[data-testid="profileHeaderFollowsButton"]', // web, logged out, 2026-01 (profile.rendered.html)
    '[data-testid="profileView"] a[href$="/follows"]', // by href (assumed)
  ],
  /** <div dir="auto" data-testid="profileHeaderDisplayName">Stephen King<div>…badge…</div></div> */
  displayName: [
    '[data-testid="profileHeaderDisplayName"]', // web, 2026-01 (profile.rendered.html)
  ],
  /** The "@handle" line under the display name: no testid, a short text starting with "@". */
  handleLine: '[data-testid="profileView"] [dir="auto"]', // web, 2026-01: <div dir="auto">@stephenking.bsky.social</div> (profile.rendered.html)
  /** One post in the profile feed; the suffix is the author's handle (reposts: the original author). */
  feedItem: '[data-testid^="feedItem-by-"]', // profile feed, 2026-01: 28 items (profile.rendered.html)
  /** The post's own timestamp link: /profile/{author}/post/{rkey}; quoted posts add more links after it. */
  postLink: 'a[href*="/post/"]', // every feed item, 2026-01 (profile.rendered.html)
  /** aria-label "Like (3,817 likes)" (exact), "Unlike (…)" once liked (source: PostControls). */
  likeButton: '[data-testid="likeBtn"]', // 2026-01 (profile.rendered.html)
  /** The visible, truncated like count: "3.8K". */
  likeCount: '[data-testid="likeCount"]', // 2026-01 (profile.rendered.html)
  /** aria-label "Reply (124 replies)" (exact); visible "124", absent at zero. */
  replyButton: '[data-testid="replyBtn"]', // 2026-01 (profile.rendered.html)
  /** The visible, truncated repost+quote count: "2.1K". The button's label has no number. */
  repostCount: '[data-testid="repostCount"]', // 2026-01: label "Repost or quote post" (profile.rendered.html)
  repostButton: '[data-testid="repostBtn"]', // logged in only (source: RepostButton.web.tsx), not in our page
  /** The author's avatar: the first thing after the context line ("Reposted by …", "Pinned"). */
  avatar: '[data-testid="userAvatarImage"]', // every feed item, 2026-01 (profile.rendered.html)
  /** "Reposted by Stephen King": a link to the reposter, before the avatar. */
  contextLink: 'a[href^="/profile/"]', // reposts, 2026-01: aria-label "Reposted by Stephen King" (profile.rendered.html)
  /** "Pinned": plain text before the avatar, no link (source: PostFeedReason.tsx; nothing pinned in our page). */
  contextText: '[dir="auto"]', // (source, assumed markup: the app's <Text> renders <div dir="auto">)
  /** Server HTML (bskyweb): schema.org ProfilePage with exact followers, following and posts. */
  jsonLd: 'script[type="application/ld+json"]', // 2026-01 (profile.rendered.html)
  /** <meta property="profile:username" content="stephenking.bsky.social"> */
  usernameMeta: 'meta[property="profile:username"]', // server HTML, 2026-01 (profile.rendered.html)
  /** <meta name="twitter:value1" content="did:plc:…"> next to twitter:label1 "Account DID". */
  didMeta: 'meta[name="twitter:value1"]', // server HTML, 2026-01 (profile.rendered.html)
} as const;

/** Post links: "/profile/{author}/post/{rkey}" (rkey: a record key, 13-char TID in practice). */
const POST_PATH = /^\/profile\/([^/]+)\/post\/([A-Za-z0-9._:~-]{1,512})\/?$/;
/** Header links: "/profile/{name}/followers" and "/profile/{name}/follows". */
const HEADER_LINK_PATH = /^\/profile\/([^/]+)\/(followers|follows)\/?$/;

const ITEM_PREFIX = 'feedItem-by-';

function same(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

const decode = decodeSegment;

const profileHandle = blueskyProfileHandle;

/** What the server HTML says about the profile it was rendered for. */
interface Bootstrap {
  handle?: string;
  did?: string;
  name?: string;
  followers?: CountReading;
  following?: CountReading;
  posts?: CountReading;
}

/** The ProfilePage JSON-LD and meta tags, when they name `urlName` (handle or DID). */
function readBootstrap(doc: Document, urlName: string): Bootstrap {
  const out: Bootstrap = {};
  for (const script of doc.querySelectorAll(selectors.jsonLd)) {
    const json = parseJsonLd(script.textContent);
    const person = pick(json, 'mainEntity');
    if (pick(json, '@type') !== 'ProfilePage' || !isRecord(person)) continue;
    const did = jsonString(person.identifier);
    const handle = jsonString(person.alternateName)?.replace(/^@/, '');
    if (!same(did, urlName) && !same(handle, urlName)) continue;
    out.did = did;
    out.handle = handle;
    out.name = jsonString(person.name)?.trim() || undefined;
    const counter = (list: unknown, action: string): CountReading | undefined => {
      for (const stat of Array.isArray(list) ? list : []) {
        const type = JSON.stringify(pick(stat, 'interactionType') ?? '');
        const count = jsonCount(pick(stat, 'userInteractionCount'));
        if (count !== undefined && type.includes(action)) return exactCount(count);
      }
      return undefined;
    };
    // interactionStatistic: what others do to the account; agentInteractionStatistic: what it does.
    out.followers = counter(person.interactionStatistic, 'FollowAction');
    out.following = counter(person.agentInteractionStatistic, 'FollowAction');
    out.posts = counter(person.agentInteractionStatistic, 'WriteAction');
    break;
  }
  if (!out.handle && !out.did) {
    const handle = doc.querySelector(selectors.usernameMeta)?.getAttribute('content')?.trim();
    const did = doc.querySelector(selectors.didMeta)?.getAttribute('content')?.trim();
    if (same(handle, urlName) || same(did, urlName)) {
      out.handle = handle || undefined;
      out.did = did?.startsWith('did:') ? did : undefined;
    }
  }
  return out;
}

function createReader(doc: Document, url: URL, options: ReadOptions): ProfileReader {
  const urlName = profileHandle(url) ?? '';
  const handle = urlName;
  const isDid = urlName.startsWith('did:');
  const locale = pageLocale(doc);
  const trust = options.trustBootstrap === true && urlName !== '';

  let bootstrapCache: Bootstrap | undefined;
  const bootstrap = (): Bootstrap => {
    bootstrapCache ??= trust ? (attempt('bootstrap', () => readBootstrap(doc, urlName)) ?? {}) : {};
    return bootstrapCache;
  };

  /** The account a header link points at ("/profile/{name}/followers"), or undefined. */
  const linkOwner = (el: Element | undefined): string | undefined => {
    const href = el?.getAttribute('href');
    if (!href) return undefined;
    const target = new URL(href, url);
    const match = isBlueskyHost(target.hostname) ? HEADER_LINK_PATH.exec(target.pathname) : null;
    return match ? decode(match[1]!) : undefined;
  };

  /** The handle the rendered header names: its followers/follows link, else the "@handle" line. */
  const shownOwner = (): string | undefined => {
    for (const selector of [...selectors.followersLink, ...selectors.followsLink]) {
      const name = linkOwner(firstVisible(doc, [selector]));
      if (name) return name;
    }
    const line = firstVisible(
      doc,
      [selectors.handleLine],
      (el) => el.childElementCount === 0 && /^@\S+$/.test(textOf(el)) && !el.closest(selectors.feedItem),
    );
    return line ? textOf(line).slice(1) : undefined;
  };

  /**
   * Names (lowercase) that mean "this profile": the URL's, and the handle/DID the server HTML pairs
   * with it. A DID URL without trusted bootstrap cannot be checked against a header that shows the
   * handle: then the header's own owner is taken as this profile's.
   */
  const owners = (): Set<string> => {
    const names = new Set([urlName.toLowerCase()]);
    const data = bootstrap();
    if (data.handle) names.add(data.handle.toLowerCase());
    if (data.did) names.add(data.did.toLowerCase());
    if (isDid && !data.handle) {
      const shown = attempt('header owner', shownOwner);
      if (shown) names.add(shown.toLowerCase());
    }
    return names;
  };

  const isOwner = (name: string | undefined): boolean => !!name && owners().has(name.toLowerCase());

  /** The header elements, unless the header still shows another profile (SPA navigation). */
  const headerParts = (): { followers?: Element; follows?: Element; posts?: Element; other?: string } => {
    const shown = shownOwner();
    if (shown && !isOwner(shown)) return { other: shown };
    const ours = (el: Element) => {
      const owner = linkOwner(el);
      return !owner || isOwner(owner);
    };
    const followers = firstVisible(doc, selectors.followersLink, ours);
    const follows = firstVisible(doc, selectors.followsLink, ours);
    // "329 posts" is the unlabelled sibling after the two links (profile.rendered.html, Metrics.tsx).
    const row = (follows ?? followers)?.parentElement;
    const posts = row
      ? [...row.children].find(
          (child) => child !== followers && child !== follows && !child.matches('a') && !child.querySelector('a') && /\d/.test(textOf(child)),
        )
      : undefined;
    return { followers, follows, posts };
  };

  /** The exact number in the link's aria-label, else its visible (truncated) text. */
  const readLink = (el: Element | undefined): CountReading | undefined => {
    if (!el) return undefined;
    return readCount(el.getAttribute('aria-label'), locale) ?? readCount(textOf(el), locale);
  };

  const header = (): ProfileHeader => {
    const result: ProfileHeader = { platform: 'bluesky', handle, locale, notes: [] };
    if (!urlName) {
      result.notes.push({ key: 'siteNotBluesky' });
      return result;
    }
    const found = attempt('header', headerParts) ?? {};
    const data = bootstrap();
    const followers = preferExact(readLink(found.followers), data.followers);
    const following = preferExact(readLink(found.follows), data.following);
    const postsCount = preferExact(readCount(textOf(found.posts), locale), data.posts);
    if (followers) result.followers = followers;
    if (following) result.following = following;
    if (postsCount) result.postsCount = postsCount;

    const shownName = found.other ? '' : textOf(firstVisible(doc, selectors.displayName));
    const displayName = shownName || data.name;
    if (displayName) result.displayName = displayName;

    const rendered = !!(found.followers || found.follows);
    result.notes.push(
      ...headerNotes({
        handle,
        followers,
        following,
        postsCount,
        rendered,
        shows: { following: true, postsCount: true },
        shownHandle: found.other,
      }),
    );
    return result;
  };

  /** The context line above the post: a "Reposted by" link, or plain text ("Pinned"). */
  const context = (item: Element): { link?: Element; text: string } => {
    const avatar = item.querySelector(selectors.avatar) ?? item.querySelector(selectors.postLink);
    if (!avatar) return { text: '' };
    // 4 = Node.DOCUMENT_POSITION_FOLLOWING (a number: no `Node` global needed, realm-neutral).
    const before = (el: Element) => !el.contains(avatar) && (el.compareDocumentPosition(avatar) & 4) !== 0;
    const link = [...item.querySelectorAll(selectors.contextLink)].find(before);
    const text = [...item.querySelectorAll(selectors.contextText)]
      .filter(before)
      .map((el) => textOf(el))
      .find(Boolean);
    return { link, text: text ?? '' };
  };

  /** An exact count from a button's aria-label, else the visible (truncated) count. */
  const readControl = (button: Element | null, visible: Element | null): CountReading | undefined =>
    readCount(button?.getAttribute('aria-label'), locale) ?? readCount(textOf(visible), locale);

  const post = (element: Element): PostCounts | undefined => {
    if (!urlName || !element.matches(selectors.feedItem)) return undefined;
    const author = (element.getAttribute('data-testid') ?? '').slice(ITEM_PREFIX.length);
    const links = [...element.querySelectorAll(selectors.postLink)]
      .map((a) => {
        const target = new URL(a.getAttribute('href') ?? '', url);
        const match = isBlueskyHost(target.hostname) ? POST_PATH.exec(target.pathname) : null;
        return match ? { author: decode(match[1]!), rkey: match[2]! } : undefined;
      })
      .filter((link) => link !== undefined);
    // The item's own post comes first and is by the item's author; quoted posts follow.
    const own = links.find((link) => same(link.author, author)) ?? links[0];
    if (!own) return undefined;
    const counts: PostCounts = { id: own.rkey, kind: 'post' };
    // Reposts of others, and thread parents on the Replies tab, are someone else's posts.
    if (!isOwner(author) && !isOwner(own.author)) counts.notOwn = true;
    const { link, text } = context(element);
    // Profiles show two context lines (PostFeedReason.tsx): "Reposted by …" (a link) and "Pinned" (text).
    if (text && !link) counts.pinned = true;

    const likes = readControl(element.querySelector(selectors.likeButton), element.querySelector(selectors.likeCount));
    const replies = readControl(element.querySelector(selectors.replyButton), element.querySelector(selectors.replyButton));
    const reposts = readControl(element.querySelector(selectors.repostButton), element.querySelector(selectors.repostCount));
    if (likes) counts.likes = likes;
    if (replies) counts.replies = replies;
    if (reposts) counts.reposts = reposts;
    return counts;
  };

  const anchor = (): Element | null =>
    attempt('anchor', () => {
      if (!urlName) return null;
      const found = headerParts();
      if (found.other) return null;
      const name = firstVisible(doc, selectors.displayName);
      if (name && (found.followers || found.follows)) return name;
      return found.followers?.parentElement ?? name ?? null;
    }) ?? null;

  return {
    postSelector: selectors.feedItem,
    header,
    post,
    anchor,
  };
}

/** Bluesky: profiles at bsky.app/profile/{handle or DID}. */
export const bluesky = defineAdapter({
  platform: 'bluesky',
  isHost: isBlueskyHost,
  profileHandle,
  createReader,
  manualCheckUrls: [
    'https://bsky.app/profile/stephenking.bsky.social', // our saved page (2026-01): exact followers in the aria-label, reposts
    'https://bsky.app/profile/bsky.app', // official account
    'https://bsky.app/profile/jay.bsky.team', // custom-domain handle
    'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur', // a profile by DID (bsky.app's account)
    'https://bsky.app/profile/pfrazee.com', // custom-domain handle, many replies and quote posts
  ],
});
