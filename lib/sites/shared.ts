import { parseCountDetailed, type CountReading, type Rounding } from '../count';
import { firstVisible, pageLocale, textOf } from '../dom';
// Types only: adapters return note codes, and the UI makes the words (components, lib/i18n noteText).
import type { MessageKey, NoteCode } from '../i18n';
import type { Platform } from '../platforms';
import type { ProfileReader, ReadOptions, SiteAdapter } from './types';

/** Handles are case-insensitive on every supported platform. */
export function sameHandle(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export function exactCount(value: number): CountReading {
  return { value, exact: true, min: value, max: value };
}

/**
 * A count reader for a site's rounding convention: reads one count from a label like
 * "48.2K followers", "1,2 Mio. Follower", "Like (3,817 likes)" (the first number, the words
 * around it ignored). A doubtful text gives undefined, never a guess.
 */
export function countReader(rounding: Rounding) {
  const options = { rounding };
  return (text: string | null | undefined, locale: string): CountReading | undefined => {
    const clean = (text ?? '').replace(/\s+/g, ' ').trim();
    if (!/\d/.test(clean)) return undefined;
    const reading = parseCountDetailed(clean, locale, options);
    return reading && Number.isSafeInteger(reading.value) && reading.value >= 0 ? reading : undefined;
  };
}

/** Whether an exact count lies inside a rounded one's interval, so it can stand for it. */
export function agrees(exact: CountReading, rounded: CountReading): boolean {
  return exact.value >= rounded.min && exact.value <= rounded.max;
}

/**
 * The primary (live DOM) reading when exact; else an exact reading from elsewhere (bootstrap
 * data, a label) that agrees with it; else whatever there is.
 */
export function preferExact(primary: CountReading | undefined, other: CountReading | undefined): CountReading | undefined {
  if (primary?.exact) return primary;
  if (other?.exact && (!primary || agrees(other, primary))) return other;
  return primary ?? other;
}

/** The same reading, no longer claimed exact (its interval kept): a number that may be stale. */
export function approximate(reading: CountReading): CountReading {
  return { ...reading, exact: false };
}

/**
 * What the rendered page shows now wins over bootstrap meta data, which can lag behind it
 * (Instagram's og:description was 10 % stale, issue 15): an exact meta count stands only for a
 * rounded rendered count it agrees with; without a rendered count it is approximate, `fromMeta`.
 */
export function renderedOverMeta(
  rendered: CountReading | undefined,
  meta: CountReading | undefined,
): { reading?: CountReading; fromMeta: boolean } {
  if (rendered) return { reading: preferExact(rendered, meta), fromMeta: false };
  return meta ? { reading: approximate(meta), fromMeta: true } : { fromMeta: false };
}

/**
 * A private account's notice where its posts would be: Instagram's and TikTok's "This account is
 * private", X's "These posts are protected", in the UI languages we test (en, de, es, pt, fr, it,
 * nl, pl, tr, ru, ja, ko, zh, id, sv). The sentence's start, so a bio that quotes it later does not
 * count. Wording assumed from the platforms' UIs; no saved real page holds a private profile.
 */
export const PRIVATE_NOTICE =
  /^(?:this account is private|dieses konto ist privat|esta cuenta es privada|esta conta é privada|ce compte est privé|questo account è privato|dit account is privé|to konto jest prywatne|bu hesap gizli|это закрытый аккаунт|このアカウントは非公開です|비공개 계정입니다|这是私密账户|這是私人帳號|akun ini bersifat pribadi|det här kontot är privat|these (?:posts|tweets) are protected|diese (?:posts|tweets) sind geschützt|estos (?:posts|tweets) están protegidos|esses (?:posts|tweets) estão protegidos|ces (?:posts|tweets) sont protégés)/i;

/**
 * Whether the first visible element of `selectors` whose short text starts with a private notice
 * exists (outside `exclude`, e.g. the profile header holding the bio). Never throws.
 */
export function hasPrivateNotice(doc: Document, selectors: readonly string[], exclude?: string): boolean {
  try {
    return (
      firstVisible(doc, selectors, (el) => {
        if (exclude && el.closest(exclude)) return false;
        const text = textOf(el);
        return text.length <= 120 && PRIVATE_NOTICE.test(text);
      }) !== undefined
    );
  } catch {
    return false;
  }
}

/** What a profile header showed, for headerNotes. */
export interface HeaderNoteFacts {
  /** The handle of the URL. */
  handle: string;
  followers: CountReading | undefined;
  following?: CountReading;
  postsCount?: CountReading;
  /** This profile's header has rendered: a count missing now is "not found", before it "not shown yet". */
  rendered: boolean;
  /** The counts besides followers this site's header shows: a missing one is noted once rendered. */
  shows?: { following?: boolean; postsCount?: boolean };
  /** YouTube's words: subscribers, videos, the channel header. */
  channel?: boolean;
  /** Another profile's header is still on screen (SPA navigation): the handle it shows. */
  shownHandle?: string;
  /** The follower count came from the page's summary meta tag, not the rendered header (Instagram). */
  followersFromMeta?: boolean;
  /** The channel hides its subscriber count (YouTube). */
  subscribersHidden?: boolean;
  /** This tab shows no post count (X's Replies, Media…: open the Posts tab). */
  postsOnOtherTab?: boolean;
  /** Whether to say there are no posts yet; by default when the post count is 0. */
  noPosts?: boolean;
}

/**
 * The notes every adapter gives about its header's counts, in this order: a stale header, the
 * follower count (missing, not yet rendered, from meta, rounded), a missing following count, a
 * missing post count, no posts yet. Adapters append their own (private account, hidden likes).
 * @example headerNotes({ handle: 'mara', followers: undefined, rendered: false }) // [{ key: 'siteFollowersNotYet' }]
 */
export function headerNotes(facts: HeaderNoteFacts): NoteCode[] {
  const notes: NoteCode[] = [];
  const note = (key: MessageKey, ...args: (string | number)[]) => notes.push(args.length > 0 ? { key, args } : { key });
  const channel = facts.channel === true;
  if (facts.shownHandle !== undefined) note('siteStaleHandle', facts.shownHandle, facts.handle);
  if (facts.subscribersHidden) {
    note('siteSubscribersHidden');
  } else if (!facts.followers) {
    // Under another profile's header, saying why this one's count is missing would mislead.
    if (facts.shownHandle === undefined) {
      if (channel) note(facts.rendered ? 'siteSubscribersNotFound' : 'siteSubscribersNotYet');
      else note(facts.rendered ? 'siteFollowersNotFound' : 'siteFollowersNotYet');
    }
  } else if (facts.followersFromMeta) {
    note('siteFollowersFromMeta');
  } else if (!facts.followers.exact) {
    note(channel ? 'siteSubscribersRounded' : 'siteFollowersRounded');
  }
  if (facts.shows?.following && !facts.following && facts.rendered) note('siteFollowingNotFound');
  if (facts.shows?.postsCount && !facts.postsCount && facts.rendered) {
    if (channel) note('siteVideosNotFound');
    else note(facts.postsOnOtherTab ? 'sitePostsOtherTab' : 'sitePostsNotFound');
  }
  if (facts.noPosts ?? facts.postsCount?.value === 0) note(channel ? 'siteNoVideos' : 'siteNoPosts');
  return notes;
}

/** Runs `read`, logging and swallowing any surprise: adapters never throw into the page. */
export function attemptFor(platform: Platform) {
  return <T>(what: string, read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      console.debug(`[MicroScope] ${platform}:`, what, error);
      return undefined;
    }
  };
}

/**
 * A JSON-LD script's object. Servers write raw line breaks inside strings (bsky.app's description
 * in profile.rendered.html), which JSON.parse refuses: control characters become spaces first
 * (between tokens they are whitespace anyway).
 */
export function parseJsonLd(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    let clean = '';
    for (const ch of text) clean += ch < ' ' ? ' ' : ch;
    return JSON.parse(clean) as unknown;
  } catch {
    return undefined;
  }
}

/** What a platform file provides; defineAdapter makes every entry point of it safe. */
export interface AdapterSpec {
  platform: Platform;
  isHost(hostname: string): boolean;
  profileHandle(url: URL): string | undefined;
  /** The reader's methods may throw: defineAdapter turns a surprise into a partial answer. */
  createReader(doc: Document, url: URL, options: ReadOptions): ProfileReader;
  manualCheckUrls: readonly string[];
  revealsCountsOnDemand?: boolean;
}

/** Matches nothing: a reader that could not be built reads no posts. */
const NO_POSTS = ':not(*)';

/**
 * One factory for every site adapter [github-better-line-counts]: the platform file says where
 * the numbers are, this wraps each method so that nothing it does can throw into the page.
 */
export function defineAdapter(spec: AdapterSpec): SiteAdapter {
  const attempt = attemptFor(spec.platform);
  const profileHandle = (url: URL): string | undefined => attempt('url', () => spec.profileHandle(url));
  return {
    platform: spec.platform,
    manualCheckUrls: spec.manualCheckUrls,
    ...(spec.revealsCountsOnDemand && { revealsCountsOnDemand: true }),
    matchesHost: (hostname) => attempt('host', () => spec.isHost(hostname)) ?? false,
    profileHandle,
    reader(doc, url, options) {
      const reader = attempt('reader', () => spec.createReader(doc, url, options));
      const empty = () => ({ platform: spec.platform, handle: profileHandle(url) ?? '', locale: pageLocale(doc), notes: [] });
      return {
        postSelector: reader?.postSelector ?? NO_POSTS,
        header: () => (reader && attempt('header', () => reader.header())) ?? empty(),
        post: (element) => (reader ? attempt('post', () => reader.post(element)) : undefined),
        anchor: () => (reader && attempt('anchor', () => reader.anchor())) ?? null,
        dataPosts: () => (reader?.dataPosts && attempt('data posts', () => reader.dataPosts?.())) ?? [],
      };
    },
  };
}
