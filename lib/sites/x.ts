import type { CountReading } from '../count';
import { firstVisible, isVisible, pageLocale, textOf } from '../dom';
import { isRecord } from '../is-record';
import { jsonCount, jsonString, pick } from './bootstrap';
import type { PostCounts, ProfileHeader, ProfileReader, ReadOptions } from './types';
import { isXHost, xProfileHandle } from './url/x';
import { attemptFor, countReader, defineAdapter, exactCount, hasPrivateNotice, headerNotes, preferExact, sameHandle } from './shared';

/**
 * X abbreviates by truncating, not rounding (its number formatter is built with "truncate":
 * 23 961 posts show as "23.9K", 6027 likes as "6K"; profile.rendered.html): "23.9K" is
 * 23 900 … 23 999.
 */
const readCount = countReader('down');
const attempt = attemptFor('x');

/**
 * Where X puts the numbers. One alternative per line: the page variant, and where/when it was seen.
 *
 * Provenance: "verified" lines match the saved rendered profile `/work/shared/pages/x/
 * profile.rendered.html` (x.com/Kikobeats, logged out, desktop, 2025-12). The wording of counts,
 * labels and social contexts in es/de/fr/pt/ja comes from X's own web-client string tables
 * (`client-web/i18n/{lang}.js` in DzikStar/X-SCRAPER, a mirror of X's bundles; string ids cited
 * below). Lines marked "assumed" were not seen on a real page. Never add generated class names
 * (`css-175oi2r`, `r-18u37iz`): they change with every deploy.
 */
const selectors = {
  /** schema.org ProfilePage JSON-LD: exact followers / following / posts. Bootstrap data. */
  profileSchema: [
    'script[data-testid="UserProfileSchema-test"]', // rendered profile, <head>, verified 2025-12 (profile.rendered.html)
    'script[type="application/ld+json"]', // same JSON-LD if the testid is renamed; filtered to @type ProfilePage (defensive, not seen)
  ],
  followersLink: [
    'a[href$="/verified_followers"]', // logged out and other people's profiles: "3,893 Followers", verified 2025-12
    'a[href$="/followers"]', // own profile / older layouts (assumed, 2023-25 scrapers)
  ],
  followingLink: [
    'a[href$="/following"]', // "406 Following", verified 2025-12
  ],
  /** The app bar under the sticky name: "23.9K posts" (on /media "… photos & videos", on /likes "… Likes"). */
  postsSubtitle: [
    '[data-testid="primaryColumn"] h2[role="heading"] + div', // desktop app bar, verified 2025-12
    '[data-testid="primaryColumn"] [role="heading"] + [dir]', // same row if the heading stops being an <h2> (defensive, not seen)
  ],
  /** Display name row, then the "@handle" row. The badge goes after this block. */
  userName: [
    '[data-testid="UserName"]', // profile header, verified 2025-12
  ],
  /** One timeline cell: a post, a repost, the pinned post, a reply in a thread. */
  post: 'article[data-testid="tweet"]', // verified 2025-12
  /** The permalink is the link around <time>; quoted posts show <time> without a link (verified 2025-12). */
  statusLink: 'a[href*="/status/"]', // verified 2025-12
  /** aria-label "785 replies, 890 reposts, 6027 likes, 476 bookmarks, 788311 views": exact, zeros left out. */
  actionGroup: '[role="group"][aria-label]', // verified 2025-12; label built from ids b03835c7 … c58b2ab7
  /** "Pinned" (a div) or "Kiko Beats reposted" (inside a link to the reposter). */
  socialContext: '[data-testid="socialContext"]', // "Pinned" verified 2025-12; the repost line assumed (2024-25 scrapers)
  /** Per-button counts: aria-label "6027 Likes. Like" is exact, the visible "6K" is truncated. */
  replyButton: [
    '[data-testid="reply"]', // verified 2025-12
  ],
  repostButton: [
    '[data-testid="retweet"]', // verified 2025-12
    '[data-testid="unretweet"]', // after the viewer reposted it (assumed, 2023-25 scrapers)
  ],
  likeButton: [
    '[data-testid="like"]', // verified 2025-12
    '[data-testid="unlike"]', // after the viewer liked it (assumed, 2023-25 scrapers)
  ],
  viewsLink: [
    'a[href*="/status/"][href$="/analytics"]', // "788311 views. View post analytics", verified 2025-12
  ],
  /** A protected account: the lock beside the name (aria-label "Protected account"). */
  protectedIcon: [
    '[data-testid="UserName"] [data-testid="icon-lock"]', // profile header, protected account (assumed, 2023-25 scrapers)
  ],
  /** "These posts are protected", the title of the empty timeline of a protected account. */
  protectedNotice: [
    '[data-testid="emptyState"] span', // protected account seen by a non-follower (assumed, 2023-25 scrapers)
  ],
  /** "@h hasn’t posted" on an empty timeline (string id b786a77d). */
  emptyState: [
    '[data-testid="emptyState"]', // assumed (2023-25 scrapers); the wording is X's own
  ],
} as const;

type ActionKey = 'replies' | 'reposts' | 'likes' | 'views';

/**
 * Words of the action-group aria-label per UI language, from X's string tables (ids b03835c7
 * replies, g4a195e7 reposts, e089b42d likes, c58b2ab7 views; c9940955 / dfad425d / dac92b0d /
 * c7073f5b for the buttons). Bookmarks ("476 bookmarks", "Lesezeichen", "elementos guardados") are
 * deliberately not listed: they are read past.
 */
const ACTION_WORDS: Record<string, Record<ActionKey, RegExp>> = {
  en: { replies: /\brepl(?:y|ies)\b/i, reposts: /\b(?:reposts?|retweets?)\b/i, likes: /\blikes?\b/i, views: /\bviews?\b/i },
  es: { replies: /respuestas?/i, reposts: /\breposts?\b/i, likes: /me gusta/i, views: /reproducci(?:ón|ones)|visualizaci(?:ón|ones)/i },
  de: { replies: /\bantwort(?:en)?\b/i, reposts: /\breposts?\b/i, likes: /gefällt mir/i, views: /mal angezeigt/i },
  // X's fr table writes the label's likes as "J''aime" (ICU-escaped apostrophe), the button's as "J'aime".
  fr: { replies: /réponses?/i, reposts: /\breposts?\b/i, likes: /j['’]{1,2}aime/i, views: /(?:^|\s)vues?(?:\s|$)/i },
  pt: { replies: /respostas?/i, reposts: /\breposts?\b/i, likes: /curtidas?/i, views: /visualizaç(?:ão|ões)/i },
  ja: { replies: /返信/, reposts: /リポスト/, likes: /いいね/, views: /表示/ },
};
const ACTION_KEYS: readonly ActionKey[] = ['replies', 'reposts', 'likes', 'views'];

/** Social-context words. Pinned: sent by X's server (not in the client tables), per language (assumed beyond en). */
const labels = {
  pinned: /\bpinned\b|fijad|anclad|angeheftet|angepinnt|épingl|epingl|fixad|固定/i,
  // "{name} reposted" (fcd931ed), "You reposted" (ae408b76) in en, es, de, fr, pt, ja.
  reposted: /\breposted\b|\bretweeted\b|reposte(?:ó|aste)|hat repostet|du hast repostet|a reposté|avez reposté|repostou|リポスト/i,
} as const;

/** Tabs whose app-bar subtitle counts something else ("12 photos & videos", "340 Likes"). */
const NOT_POSTS_SUBTITLE = new Set(['media', 'likes']);
/** "/handle/status/123…" and whatever follows (/photo/1, /analytics). */
const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d{1,25})(?:\/|$)/;

const profileHandle = xProfileHandle;

/** The tab of a profile URL ('' for the posts tab). */
function profileTab(url: URL): string {
  return url.pathname.split('/')[2] ?? '';
}

/** The author and status id of a status link ("/Kikobeats/status/1987…"), or undefined. */
function parseStatusHref(href: string | null, base: URL): { author: string; id: string } | undefined {
  if (!href) return undefined;
  const url = new URL(href, base);
  if (!isXHost(url.hostname)) return undefined;
  const match = STATUS_PATH.exec(url.pathname);
  return match ? { author: match[1]!, id: match[2]! } : undefined;
}

/** Visible text with emoji images as their alt text ("Noor Haddad 🏺"), skipping links and icons. */
function nameText(root: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.tagName.toLowerCase();
        if (tag === 'img') out += el.getAttribute('alt') ?? '';
        else if (tag !== 'svg' && tag !== 'a') walk(el);
      }
    }
  };
  walk(root);
  return out.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Language tables to try for a page language: its own first, then every other. */
function actionTables(locale: string): Record<ActionKey, RegExp>[] {
  const base = locale.toLowerCase().split('-')[0] ?? 'en';
  const own = ACTION_WORDS[base];
  const others = Object.entries(ACTION_WORDS)
    .filter(([lang]) => lang !== base)
    .map(([, table]) => table);
  return own ? [own, ...others] : others;
}

/** Which count an aria-label fragment names ("890 reposts" → reposts), in the page's language first. */
function actionKind(fragment: string, tables: readonly Record<ActionKey, RegExp>[]): ActionKey | undefined {
  const words = fragment.replace(/\d+/g, ' ');
  for (const table of tables) {
    for (const key of ACTION_KEYS) if (table[key].test(words)) return key;
  }
  return undefined;
}

/**
 * Counts from the action group's aria-label. Fragments are joined with ", " (ja "、") by X's list
 * formatter (id i0135403); the numbers are raw integers ("6027"), some locales may group them
 * ("1.204"), so a comma only separates fragments when a space follows it.
 * @example readActionLabel('785 replies, 890 reposts, 6027 likes, 476 bookmarks, 788311 views', 'en')
 */
function readActionLabel(label: string, locale: string): Partial<Record<ActionKey, CountReading>> {
  const found: Partial<Record<ActionKey, CountReading>> = {};
  const tables = actionTables(locale);
  for (const fragment of label.split(/[,，]\s+|[、，;；]\s*/)) {
    if (!/\d/.test(fragment)) continue;
    const key = actionKind(fragment, tables);
    if (!key || found[key]) continue;
    const value = readCount(fragment, locale);
    if (value) found[key] = value;
  }
  return found;
}

function createReader(doc: Document, url: URL, options: ReadOptions): ProfileReader {
  const handle = profileHandle(url) ?? '';
  const locale = pageLocale(doc);
  const trust = options.trustBootstrap === true && handle !== '';
  const tab = profileTab(url);

  /** Whether a link's href is this profile's /followers (or /verified_followers, /following) page. */
  const linksTo = (el: Element, pages: readonly string[]): boolean => {
    const target = new URL(el.getAttribute('href') ?? '', url);
    const parts = target.pathname.split('/').filter(Boolean);
    return isXHost(target.hostname) && parts.length === 2 && sameHandle(parts[0], handle) && pages.includes(parts[1] ?? '');
  };
  const followersLink = (): Element | undefined =>
    firstVisible(doc, selectors.followersLink, (a) => linksTo(a, ['verified_followers', 'followers']));
  const followingLink = (): Element | undefined => firstVisible(doc, selectors.followingLink, (a) => linksTo(a, ['following']));

  /** "@handle" in the header's name block: this profile's header, not the previous one still on screen. */
  const namesHandle = (el: Element): boolean => {
    const at = `@${handle.toLowerCase()}`;
    // The "@handle" row is its own element; the block's whole text runs rows together ("Ana@ana").
    return [...el.querySelectorAll('span, div')].some((node) => textOf(node).toLowerCase() === at);
  };
  const userName = (): Element | undefined => firstVisible(doc, selectors.userName, namesHandle);
  /** A rendered header that shows someone else: after SPA navigation, before X re-renders. */
  const otherUserName = (): boolean => !!firstVisible(doc, selectors.userName, (el) => !namesHandle(el));

  /** The app bar's "23.9K posts", above this profile's header and outside any post. */
  const postsSubtitle = (): Element | undefined => {
    if (NOT_POSTS_SUBTITLE.has(tab)) return undefined;
    const name = userName();
    if (!name && otherUserName()) return undefined;
    return firstVisible(doc, selectors.postsSubtitle, (el) => {
      const text = textOf(el);
      if (!/\d/.test(text) || text.length > 40) return false;
      if (el.closest(selectors.post) || el.closest(selectors.userName[0])) return false;
      // DOCUMENT_POSITION_FOLLOWING (4): the header comes after the app bar.
      return !name || (el.compareDocumentPosition(name) & 4) !== 0;
    });
  };

  /** The ProfilePage JSON-LD, only when it is this page's bootstrap data and names this handle. */
  let schemaCache: { followers?: CountReading; following?: CountReading; posts?: CountReading; name?: string } | undefined;
  const schema = () => {
    if (schemaCache) return schemaCache;
    schemaCache = {};
    if (!trust) return schemaCache;
    for (const selector of selectors.profileSchema) {
      for (const script of doc.querySelectorAll(selector)) {
        const person = attempt('JSON-LD', () => profilePerson(script.textContent ?? ''));
        if (!person) continue;
        // additionalName is the handle, url the profile URL, identifier the numeric user id (profile.rendered.html).
        const named = [jsonString(person.additionalName), schemaUrlHandle(jsonString(person.url))].filter(
          (name): name is string => !!name,
        );
        if (named.length === 0 || !named.every((name) => sameHandle(name, handle))) continue;
        const stats = Array.isArray(person.interactionStatistic) ? person.interactionStatistic : [];
        for (const stat of stats) {
          const type = `${jsonString(pick(stat, 'interactionType')) ?? jsonString(pick(stat, 'interactionType', '@type')) ?? ''} ${jsonString(pick(stat, 'name')) ?? ''}`;
          const count = jsonCount(pick(stat, 'userInteractionCount'));
          if (count === undefined) continue;
          if (/FollowAction|\bFollows\b/.test(type)) schemaCache.followers ??= exactCount(count);
          else if (/SubscribeAction|\bFriends\b/.test(type)) schemaCache.following ??= exactCount(count);
          else if (/WriteAction|\bTweets\b/.test(type)) schemaCache.posts ??= exactCount(count);
        }
        const name = jsonString(person.name)?.trim();
        if (name) schemaCache.name = name;
        return schemaCache;
      }
    }
    return schemaCache;
  };

  const header = (): ProfileHeader => {
    const result: ProfileHeader = { platform: 'x', handle, locale, notes: [] };
    if (!handle) {
      result.notes.push({ key: 'siteNotX' });
      return result;
    }
    const followersEl = attempt('followers link', followersLink);
    const followingEl = attempt('following link', followingLink);
    const name = attempt('user name', userName);
    const rendered = !!followersEl || !!followingEl || !!name;
    const fromSchema = attempt('JSON-LD', schema) ?? {};

    const followers = preferExact(
      attempt('followers', () => readCount(textOf(followersEl), locale)),
      fromSchema.followers,
    );
    const following = preferExact(
      attempt('following', () => readCount(textOf(followingEl), locale)),
      fromSchema.following,
    );
    const postsCount = preferExact(
      attempt('posts count', () => readCount(textOf(attempt('posts subtitle', postsSubtitle)), locale)),
      fromSchema.posts,
    );
    if (followers) result.followers = followers;
    if (following) result.following = following;
    if (postsCount) result.postsCount = postsCount;
    const displayName = (name && attempt('display name', () => displayNameOf(name))) || fromSchema.name;
    if (displayName) result.displayName = displayName;

    const emptyTimeline =
      !!attempt('empty state', () => firstVisible(doc, selectors.emptyState)) && !doc.querySelector(selectors.post);
    // Protected: the timeline will stay empty, so the verdict may settle at once (issue 15 item 3).
    const isPrivate =
      !!attempt('protected icon', () => firstVisible(doc, selectors.protectedIcon)) ||
      attempt('protected notice', () => hasPrivateNotice(doc, selectors.protectedNotice)) === true;
    result.notes.push(
      ...headerNotes({
        handle,
        followers,
        following,
        postsCount,
        rendered,
        shows: { following: true, postsCount: true },
        postsOnOtherTab: NOT_POSTS_SUBTITLE.has(tab),
        // A protected account says so instead (below): its timeline is empty for another reason.
        noPosts: !isPrivate && (postsCount?.value === 0 || (emptyTimeline && tab === '')),
      }),
    );
    if (isPrivate) {
      result.notes.push({ key: 'sitePrivateAccount' });
      if (followers) result.final = true;
    }
    return result;
  };

  /** The first of `candidates` that belongs to this post (not to a post nested in it). */
  const own = (article: Element, candidates: readonly string[]): Element | undefined => {
    for (const selector of candidates) {
      for (const el of article.querySelectorAll(selector)) {
        if (el.closest(selectors.post) === article) return el;
      }
    }
    return undefined;
  };

  /** Counts from the per-button aria-labels ("6027 Likes. Like"), else their visible text ("6K"). */
  const readButtons = (article: Element, counts: PostCounts, visibleToo: boolean): void => {
    const buttons: [ActionKey, readonly string[]][] = [
      ['replies', selectors.replyButton],
      ['reposts', selectors.repostButton],
      ['likes', selectors.likeButton],
      ['views', selectors.viewsLink],
    ];
    for (const [key, candidates] of buttons) {
      if (counts[key]) continue;
      const button = own(article, candidates);
      if (!button) continue;
      const label = button.getAttribute('aria-label') ?? '';
      const value = /\d/.test(label) ? readCount(label, locale) : visibleToo ? readCount(textOf(button), locale) : undefined;
      if (value) counts[key] = value;
    }
  };

  const post = (element: Element): PostCounts | undefined => {
    if (!handle || !element.matches(selectors.post)) return undefined;
    let status: { author: string; id: string } | undefined;
    for (const link of element.querySelectorAll(selectors.statusLink)) {
      if (link.closest(selectors.post) !== element || !link.querySelector('time')) continue;
      status = parseStatusHref(link.getAttribute('href'), url);
      if (status) break;
    }
    // Ads and "This post is unavailable" have no permalink: nothing to count.
    if (!status) return undefined;
    const counts: PostCounts = { id: status.id, kind: 'post' };
    // Reposts of others, thread parents and replies by others: the permalink names their author.
    if (!sameHandle(status.author, handle)) counts.notOwn = true;
    const context = own(element, [selectors.socialContext]);
    const contextText = context ? textOf(context) : '';
    if (contextText && labels.pinned.test(contextText) && !labels.reposted.test(contextText)) counts.pinned = true;

    attempt('action group', () => {
      const group = own(element, [selectors.actionGroup]);
      const label = group?.getAttribute('aria-label') ?? '';
      const fromLabel = /\d/.test(label) ? readActionLabel(label, locale) : {};
      for (const key of ACTION_KEYS) {
        const value = fromLabel[key];
        if (value) counts[key] = value;
      }
      readButtons(element, counts, !/\d/.test(label));
      // The label leaves zero counts out ("3 reposts, 40 likes"): once X wrote one, a reply, repost
      // or like it does not name is 0, not unknown, so a quiet post still counts in the sample.
      if (label) for (const key of ['replies', 'reposts', 'likes'] as const) counts[key] ??= exactCount(0);
    });
    return counts;
  };

  const anchor = (): Element | null =>
    attempt('anchor', () => (handle ? (userName() ?? null) : null)) ?? null;

  return {
    postSelector: selectors.post,
    header,
    post,
    anchor,
  };
}

/** The display name row of the header's name block (the first row that is not "@handle"). */
function displayNameOf(block: Element): string | undefined {
  for (const row of block.querySelectorAll('[dir]')) {
    if (!isVisible(row)) continue;
    const text = nameText(row);
    if (text && !text.startsWith('@')) return text;
  }
  return undefined;
}

/** The Person of a schema.org ProfilePage in JSON-LD text (`mainEntity`, or `author` in older pages). */
function profilePerson(text: string): Record<string, unknown> | undefined {
  if (!text.includes('ProfilePage')) return undefined;
  const json = JSON.parse(text) as unknown;
  for (const node of Array.isArray(json) ? json : [json]) {
    if (!isRecord(node) || node['@type'] !== 'ProfilePage') continue;
    const person = isRecord(node.mainEntity) ? node.mainEntity : isRecord(node.author) ? node.author : undefined;
    if (person) return person;
  }
  return undefined;
}

/** The handle in a JSON-LD profile url ("https://x.com/Kikobeats"), or undefined. */
function schemaUrlHandle(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return profileHandle(new URL(href));
  } catch {
    return undefined;
  }
}

/** X (formerly Twitter): profiles at x.com/{handle} and their timeline tabs. */
export const x = defineAdapter({
  platform: 'x',
  isHost: isXHost,
  profileHandle,
  createReader,
  manualCheckUrls: [
    'https://x.com/Kikobeats', // our saved page: "3,893 Followers" exact, "23.9K posts", a pinned post
    'https://x.com/NASA', // huge account: "M" followers, every count truncated
    'https://x.com/NASA?lang=es', // Spanish UI: "mil", "M", "respuestas … reproducciones"
    'https://x.com/XDevelopers/with_replies', // replies tab: thread parents by other people
    'https://x.com/X', // one-character handle
  ],
});
