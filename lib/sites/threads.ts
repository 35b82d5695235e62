import type { CountReading } from '../count';
import { firstVisible, pageLocale, textOf } from '../dom';
import { isRecord } from '../is-record';
import { findKeyDeep, jsonCount, jsonScriptsContaining, jsonString, pick } from './bootstrap';
import type { PostCounts, ProfileHeader, ProfileReader, ReadOptions } from './types';
import { isThreadsHost, threadsProfileHandle, threadsProfileTab } from './url/threads';
import { attemptFor, countReader, defineAdapter, exactCount, headerNotes, preferExact, PRIVATE_NOTICE, sameHandle } from './shared';

/**
 * Threads truncates: 2 190 likes show as "2.1K", 4 890 as "4.8K", 1 436 as "1.4K" (every post of
 * profile.rendered.html against its embedded `like_count`). So "2.1K" is 2 100 … 2 199.
 */
const readCount = countReader('down');
const attempt = attemptFor('threads');

/**
 * Where Threads (www.threads.com, Meta's web client, "Barcelona" in its code) puts the numbers.
 * One alternative per line: the page variant, and where/when it was seen.
 *
 * Provenance: `/work/shared/pages/threads/profile.rendered.html` (web, logged out, en, saved
 * 2025-12) verifies the header, the post containers, their links, times and action bars, and the
 * embedded JSON. Lines marked "assumed" are not in that page (no pinned post, no repost, no private
 * profile in it). The `x…` classes are generated: never use them. Aria-labels ("Like", "Column
 * body") are in the page's language: used only where the language does not matter.
 */
const selectors = {
  /** <a href="/login"><span dir="auto"><span title="5,427,419">5.4M</span> followers</span></a> */
  followersCount: [
    'span[title]', // header, logged out, verified 2025-12 (profile.rendered.html): the only span[title] of the page
  ],
  /**
   * Should the title go: the text around it, "48.2K followers", in the link (logged out: /login) or
   * button (the followers dialog) it sits in. Only texts that start with a number qualify.
   */
  followersText: [
    'a:not([href^="/search"]) span[dir="auto"]', // the title's parent, verified 2025-12 (profile.rendered.html); without the title: assumed. Not the topic tags (/search?q=…)
    '[role="button"] span[dir="auto"]', // logged in, the followers dialog's button (assumed)
  ],
  /** <h1 dir="auto" translate="no">Mark Zuckerberg</h1> beside the avatar (the column title's h1 has no translate). */
  displayName: [
    'h1[translate="no"]', // header, verified 2025-12 (profile.rendered.html)
  ],
  /** The header's tab links name the profile they belong to: /@zuck/replies, /@zuck/media, /@zuck/reposts. */
  profileTabs: [
    'a[href^="/@"][href$="/replies"]', // verified 2025-12 (profile.rendered.html)
    'a[href^="/@"][href$="/reposts"]', // verified 2025-12 (profile.rendered.html)
    'a[href^="/@"][href$="/media"]', // verified 2025-12 (profile.rendered.html)
  ],
  /** One post: avatar, author link, post link with its time, text, media, action bar. */
  post: '[data-pressable-container="true"]', // profile feed, verified 2025-12: 7 posts (profile.rendered.html)
  /** The post's own link: /@{author}/post/{code}, around <time datetime="2025-12-03T22:27:15.000Z">. */
  postLink: 'a[href*="/post/"]', // verified 2025-12 (profile.rendered.html)
  postTime: 'time[datetime]', // inside the post link, verified 2025-12 (profile.rendered.html)
  /**
   * The action bar's buttons: <div role="button"><svg aria-label="Like"/><span dir="auto">…2.1K…</span>,
   * then Comment (replies), Repost (reposts + quotes), Share. Counts absent at zero.
   */
  actionButton: '[role="button"]', // verified 2025-12: Like, Comment, Repost, Share in this order (profile.rendered.html)
  /** "Pinned" above a pinned post: an icon and a word. */
  pinnedIcon: 'svg[aria-label="Pinned"]', // assumed (Threads pins since 2024; none in profile.rendered.html)
  /** Embedded JSON the server rendered the page from ("RelayPrefetchedStreamCache" blobs). */
  json: 'script[type="application/json"]', // verified 2025-12: user with follower_count; mediaData.edges[].node.thread_items[].post
  /** Short texts in the profile column: a private profile's notice, "No threads yet". */
  noticeText: 'span[dir="auto"]', // assumed markup (the page's texts are span[dir=auto], profile.rendered.html)
} as const;

/** The own link of a post: "/@{author}/post/{code}" (codes are Instagram-style shortcodes). */
const POST_PATH = /^\/@([A-Za-z0-9._]{1,30})\/post\/([A-Za-z0-9_-]{1,64})\/?$/;
/** The header's tab links: "/@{owner}/replies" etc. */
const TAB_PATH = /^\/@([A-Za-z0-9._]{1,30})\/(?:replies|media|reposts)\/?$/;
/** A count in a title attribute: digits with group separators only ("5,427,419", "5.427.419"). */
const TITLE_NUMBER = /^\d[\d.,'\s\u00a0\u202f]*$/;
/** "48.2K followers", "1,234 seguidores": a number first, then a word; at most 40 characters. */
const FOLLOWERS_TEXT = /^\d[\d.,'\s\u00a0\u202f]*(?:[KMBkmb]|mil|mill\.?|Mio\.?|Mrd\.?)?\+?\s+\D/;
/** Threads' own words for a private profile (en, assumed: no saved page shows one), beside the shared notices. */
const THREADS_PRIVATE = /^this profile is private/i;
/** "No threads yet" on a profile without posts (en, assumed). */
const NO_THREADS = /^no threads yet/i;

/** One post as the embedded JSON describes it. */
interface JsonPost {
  author?: string;
  likes?: number;
  replies?: number;
  /** reposts + quotes: what the Repost button shows (161 = 140 + 21 in profile.rendered.html). */
  reposts?: number;
  shares?: number;
  likesHidden: boolean;
  pinned: boolean;
  takenAt?: number;
}

/** What the server HTML says about the profile it was rendered for. */
interface Bootstrap {
  followers?: CountReading;
  name?: string;
  isPrivate?: boolean;
  /** The profile's first page of posts was embedded and is empty. */
  noPosts?: boolean;
  posts: Map<string, JsonPost>;
}

const MAX_JSON_POSTS = 200;

function readJsonPost(value: unknown): JsonPost | undefined {
  if (!isRecord(value)) return undefined;
  const info = value.text_post_app_info;
  const reposts = jsonCount(pick(info, 'repost_count'));
  const quotes = jsonCount(pick(info, 'quote_count'));
  return {
    author: jsonString(pick(value, 'user', 'username')),
    likes: jsonCount(value.like_count),
    replies: jsonCount(pick(info, 'direct_reply_count')),
    reposts: reposts === undefined ? undefined : reposts + (quotes ?? 0),
    shares: jsonCount(pick(info, 'reshare_count')),
    likesHidden: value.like_and_view_counts_disabled === true,
    pinned: pick(info, 'pinned_post_info', 'is_pinned_to_profile') === true,
    takenAt: jsonCount(value.taken_at),
  };
}

/** The embedded user record named `handle` and the embedded posts, each by code. */
function readBootstrap(doc: Document, handle: string): Bootstrap {
  const out: Bootstrap = { posts: new Map() };
  for (const json of jsonScriptsContaining(doc, ['follower_count', 'thread_items'], selectors.json)) {
    for (const user of findKeyDeep(json, 'user')) {
      if (!isRecord(user) || !sameHandle(jsonString(user.username), handle)) continue;
      const followers = jsonCount(user.follower_count);
      if (followers !== undefined && !out.followers) out.followers = exactCount(followers);
      out.name ??= jsonString(user.full_name)?.trim() || undefined;
      if (typeof user.text_post_app_is_private === 'boolean') out.isPrivate ??= user.text_post_app_is_private;
    }
    for (const media of findKeyDeep(json, 'mediaData')) {
      const edges = pick(media, 'edges');
      if (Array.isArray(edges) && edges.length === 0) out.noPosts ??= true;
      else if (Array.isArray(edges)) out.noPosts = false;
    }
    for (const items of findKeyDeep(json, 'thread_items')) {
      for (const item of Array.isArray(items) ? items : []) {
        const post = pick(item, 'post');
        // A repost carries the original post: the rendered link is the original's code.
        for (const candidate of [post, pick(post, 'text_post_app_info', 'share_info', 'reposted_post')]) {
          const code = jsonString(pick(candidate, 'code'));
          const read = code ? readJsonPost(candidate) : undefined;
          if (code && read && !out.posts.has(code) && out.posts.size < MAX_JSON_POSTS) out.posts.set(code, read);
        }
      }
    }
  }
  return out;
}

function createReader(doc: Document, url: URL, options: ReadOptions): ProfileReader {
  const handle = threadsProfileHandle(url) ?? '';
  const tab = threadsProfileTab(url);
  const locale = pageLocale(doc);
  const trust = options.trustBootstrap === true && handle !== '';

  let bootstrapCache: Bootstrap | undefined;
  const bootstrap = (): Bootstrap => {
    bootstrapCache ??= (trust ? attempt('bootstrap', () => readBootstrap(doc, handle)) : undefined) ?? { posts: new Map() };
    return bootstrapCache;
  };

  const outsidePosts = (el: Element) => !el.closest(selectors.post);

  /** The handle the rendered header's tab links name, or undefined before they render. */
  const shownOwner = (): string | undefined => {
    const link = firstVisible(doc, selectors.profileTabs, outsidePosts);
    const path = link?.getAttribute('href') ?? '';
    return TAB_PATH.exec(path)?.[1];
  };

  /** The header's follower count element, unless the header still shows another profile (SPA navigation). */
  const headerParts = (): { followers?: Element; other?: string } => {
    const shown = shownOwner();
    if (shown && !sameHandle(shown, handle)) return { other: shown };
    const followers =
      firstVisible(
        doc,
        selectors.followersCount,
        (el) => outsidePosts(el) && TITLE_NUMBER.test((el.getAttribute('title') ?? '').trim()) && /\d/.test(textOf(el)),
      ) ??
      firstVisible(doc, selectors.followersText, (el) => {
        const text = textOf(el);
        return outsidePosts(el) && text.length <= 40 && FOLLOWERS_TEXT.test(text);
      });
    return { followers };
  };

  /** The exact count in the title ("5,427,419"), else the visible (truncated) text ("5.4M"). */
  const readFollowers = (el: Element | undefined): CountReading | undefined => {
    if (!el) return undefined;
    const shown = readCount(textOf(el), locale);
    const titled = readCount(el.getAttribute('title'), locale);
    // The title must agree with the text beside it: a title that is something else is not the count.
    if (titled?.exact && (!shown || (titled.value >= shown.min && titled.value <= shown.max))) return titled;
    return shown;
  };

  const hasNotice = (pattern: RegExp): boolean =>
    firstVisible(doc, [selectors.noticeText], (el) => {
      const text = textOf(el);
      return text.length <= 120 && pattern.test(text) && outsidePosts(el);
    }) !== undefined;

  const header = (): ProfileHeader => {
    const result: ProfileHeader = { platform: 'threads', handle, locale, notes: [] };
    if (!handle) {
      result.notes.push({ key: 'siteNotThreads' });
      return result;
    }
    const found = attempt('header', headerParts) ?? {};
    const data = bootstrap();
    const followers = preferExact(found.other ? undefined : readFollowers(found.followers), data.followers);
    if (followers) result.followers = followers;

    const shownName = found.other ? '' : textOf(firstVisible(doc, selectors.displayName, outsidePosts));
    const displayName = shownName || data.name;
    if (displayName) result.displayName = displayName;

    const isPrivate =
      !found.other &&
      (data.isPrivate === true || attempt('private notice', () => hasNotice(PRIVATE_NOTICE) || hasNotice(THREADS_PRIVATE)) === true);
    const empty =
      !found.other && !isPrivate && tab === '' && (data.noPosts === true || attempt('no posts', () => hasNotice(NO_THREADS)) === true);
    result.notes.push(
      ...headerNotes({
        handle,
        followers,
        // Threads' header shows followers only: no following or post count.
        rendered: !!found.followers,
        shownHandle: found.other,
        noPosts: empty,
      }),
    );
    if (isPrivate) result.notes.push({ key: 'sitePrivateAccount' });
    // Nothing more will render: the verdict may settle now (as TikTok's and X's private profiles).
    if ((isPrivate || empty) && followers) result.final = true;
    return result;
  };

  /** The post's own link (not a quoted post's): the first post link that belongs to this container. */
  const ownLink = (item: Element): { author: string; code: string; link: Element } | undefined => {
    for (const link of item.querySelectorAll(selectors.postLink)) {
      if (link.closest(selectors.post) !== item) continue;
      const target = new URL(link.getAttribute('href') ?? '', url);
      const match = isThreadsHost(target.hostname) ? POST_PATH.exec(target.pathname) : null;
      if (match) return { author: match[1]!, code: match[2]!, link };
    }
    return undefined;
  };

  const timeOf = (link: Element): number | undefined => {
    const at = Date.parse(link.querySelector(selectors.postTime)?.getAttribute('datetime') ?? '');
    return Number.isFinite(at) ? at : undefined;
  };

  /**
   * The four action buttons (like, reply, repost, share) of this post, by position: their labels
   * are in the page's language, their order is the same in every post. The bar is the last row of
   * at least four siblings that each hold one button with an icon.
   */
  const actionButtons = (item: Element): Element[] => {
    const buttons = [...item.querySelectorAll(selectors.actionButton)].filter(
      (button) => button.closest(selectors.post) === item && button.querySelector('svg') !== null,
    );
    for (let i = buttons.length - 1; i >= 0; i--) {
      const row = buttons[i]!.parentElement?.parentElement;
      if (!row || row.childElementCount < 4) continue;
      const cells = [...row.children].map((cell) => cell.querySelector(selectors.actionButton));
      if (cells.slice(0, 4).every((cell) => cell && buttons.includes(cell))) return cells.slice(0, 4) as Element[];
    }
    return [];
  };

  /**
   * A multi-part thread renders its parts as containers in one group, the first being the thread
   * itself (profile.rendered.html: DR0Wsy0EhCP then three replies to it, each with their own bar).
   * The parts are replies to the thread, not posts of the profile: counting them would weigh one
   * thread four times and drag the median down (937, 268, 268 likes against 2 730 for the thread).
   * A part is by the same author, published no earlier than the first, which is not pinned; so a
   * feed whose posts were not grouped (newest first) is not taken for one thread.
   */
  const isThreadPart = (item: Element, author: string, at: number | undefined): boolean => {
    const group = item.parentElement?.parentElement;
    if (!group) return false;
    const first = [...group.querySelectorAll(selectors.post)].find((el) => !el.parentElement?.closest(selectors.post));
    if (!first || first === item) return false;
    const root = ownLink(first);
    if (!root || !sameHandle(root.author, author) || first.querySelector(selectors.pinnedIcon)) return false;
    const rootAt = timeOf(root.link);
    return at !== undefined && rootAt !== undefined && at >= rootAt;
  };

  const post = (element: Element): PostCounts | undefined => {
    if (!handle || !element.matches(selectors.post)) return undefined;
    // A quoted post inside a post is part of that post.
    if (element.parentElement?.closest(selectors.post)) return undefined;
    const own = ownLink(element);
    if (!own) return undefined;
    const renderedAt = timeOf(own.link);
    if (isThreadPart(element, own.author, renderedAt)) return undefined;
    const json = bootstrap().posts.get(own.code);

    const counts: PostCounts = { id: own.code, kind: 'post' };
    // Others' posts on the profile: reposts (the link is the original's) and, on the Replies tab,
    // the posts replied to. The Reposts tab holds only others' posts.
    if (!sameHandle(own.author, handle) || tab === 'reposts') counts.notOwn = true;
    if (element.querySelector(selectors.pinnedIcon) || json?.pinned) counts.pinned = true;
    const at = renderedAt ?? (json?.takenAt !== undefined ? json.takenAt * 1000 : undefined);
    if (at !== undefined) counts.postedAt = at;

    const buttons = actionButtons(element);
    // The number sits in a span beside the icon; the icon's <title> ("Like") is text too.
    const [like, reply, repost, share] = buttons.map((button) =>
      readCount([...button.querySelectorAll('span')].map((span) => textOf(span)).find((text) => /\d/.test(text)), locale),
    );
    const bar = buttons.length === 4;
    const exact = (value: number | undefined) => (value === undefined ? undefined : exactCount(value));
    /**
     * A count as the page renders it now. With the action bar rendered, a missing number is 0
     * (Threads omits zeros), whatever the JSON of the first load said; the JSON's exact number
     * stands only for a rounded one it agrees with (preferExact). Without a bar, the trusted JSON.
     */
    const rendered = (shown: CountReading | undefined, data: number | undefined): CountReading | undefined =>
      bar ? (shown ? preferExact(shown, exact(data)) : exactCount(0)) : exact(data);
    let likes: CountReading | undefined;
    if (like) {
      likes = rendered(like, json?.likes);
    } else if (json?.likesHidden) {
      counts.likesHidden = true;
    } else if (json?.likes !== undefined && (!bar || json.likes === 0)) {
      likes = exactCount(json.likes);
    } else {
      // No like number: 0 likes and hidden likes look the same (the icon alone). Without the page
      // data to tell them apart (or with data that contradicts the page now), the post's
      // engagement is unknown: no counts, so it is left out ("likes hidden ≠ zero") rather than
      // counted as a post nobody liked.
      return counts;
    }
    const replies = rendered(reply, json?.replies);
    const reposts = rendered(repost, json?.reposts);
    // Hiding likes hides the share count too (Threads' "Hide like and share counts").
    const shares = counts.likesHidden && !share ? undefined : rendered(share, json?.shares);
    if (likes) counts.likes = likes;
    if (replies) counts.replies = replies;
    if (reposts) counts.reposts = reposts;
    if (shares) counts.shares = shares;
    return counts;
  };

  const anchor = (): Element | null =>
    attempt('anchor', () => {
      if (!handle) return null;
      const found = headerParts();
      if (found.other) return null;
      return firstVisible(doc, selectors.displayName, outsidePosts) ?? found.followers?.parentElement ?? null;
    }) ?? null;

  return { postSelector: selectors.post, header, post, anchor };
}

/** Threads: profiles at www.threads.com/@{handle} (and threads.net), with their tabs. */
export const threads = defineAdapter({
  platform: 'threads',
  isHost: isThreadsHost,
  profileHandle: threadsProfileHandle,
  createReader,
  manualCheckUrls: [
    'https://www.threads.com/@zuck', // our saved page (2025-12): exact followers in span[title], a four-part thread
    'https://www.threads.com/@threads', // official account, pinned posts
    'https://www.threads.com/@mosseri', // many reposts and quotes
    'https://www.threads.net/@instagram', // the old host: redirects to threads.com
    'https://www.threads.com/@zuck/replies', // replies tab: posts by other people above each reply
  ],
});
