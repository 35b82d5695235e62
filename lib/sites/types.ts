import type { CountReading } from '../count';
import type { NoteCode } from '../i18n';
import type { Platform } from '../platforms';
import type { PageDataPost } from './instagram/page-data';

/** What a post tile or post shows, each number exact or rounded as the page wrote it. */
export interface PostCounts {
  /** Stable id within the profile (shortcode, video id, status id, URL path). Used to de-duplicate. */
  id: string;
  likes?: CountReading;
  comments?: CountReading;
  shares?: CountReading;
  views?: CountReading;
  replies?: CountReading;
  reposts?: CountReading;
  /** The author hid the like count of this post: engagement is unknown, not zero. */
  likesHidden?: boolean;
  /** Pinned to the top of the profile: not part of the recent sample by default. */
  pinned?: boolean;
  /** Not the profile owner's own work (a repost of someone else, a post they are only tagged in). */
  notOwn?: boolean;
  /** Upcoming premiere or live stream: its counts are not comparable. */
  live?: boolean;
  kind?: 'post' | 'reel' | 'video' | 'short' | 'stream';
  /**
   * When it was published (epoch ms), where the page says so: Instagram's `taken_at`, YouTube's
   * "3 weeks ago" counted back from ReadOptions.readAt. Absent for TikTok, X and Bluesky, whose
   * ids are dates (lib/signals/post-dates.ts postDate reads them).
   */
  postedAt?: number;
  /** `postedAt` is a relative text counted back ("3 weeks ago"): only approximate. */
  postedAtApprox?: boolean;
}

/** Everything an adapter read from one profile page. Counts missing from the page are absent. */
export interface ProfileSnapshot {
  platform: Platform;
  /** As written in the URL, without "@". */
  handle: string;
  /** BCP 47 locale the page is written in (`<html lang>`), used to read its numbers. */
  locale: string;
  displayName?: string;
  followers?: CountReading;
  following?: CountReading;
  postsCount?: CountReading;
  /** TikTok's lifetime likes ("heartCount"). */
  totalLikes?: CountReading;
  /** Visible posts in page order (newest first, pinned ones marked). */
  posts: PostCounts[];
  /**
   * Why a number is missing, for the user, as codes ({ key: 'siteFollowersNotFound' }): the UI makes
   * the words (lib/i18n noteText), so the adapters run without browser.i18n.
   */
  notes: NoteCode[];
  /**
   * The page itself says there is nothing more to read (a private account, a channel without
   * uploads or hiding its subscriber count): the verdict settles now instead of after the timeout.
   */
  final?: boolean;
}

/** How far the adapter may trust data the page embedded for the page it first loaded. */
export interface ReadOptions {
  /**
   * True only while the document still shows the URL it was loaded with. After SPA navigation
   * bootstrap data (meta tags, embedded JSON) describes the previous profile and must be ignored.
   */
  trustBootstrap: boolean;
  /**
   * Epoch ms the page is read at: relative ages ("3 weeks ago") count back from it. Default:
   * Date.now() when the reader is made (YouTube's texts are as old as the page data they came with).
   */
  readAt?: number;
  /**
   * Posts the page's own data requests carried, as the observer in the page's world read them
   * (Instagram: lib/sites/instagram/observer.ts). Not bootstrap data: each post names its author,
   * so it is used after SPA navigations too, for that author's profile only.
   */
  pageData?: PageDataFeed;
}

/** The posts the page received in this document so far, from its own requests (lib/sites/instagram/feed.ts). */
export interface PageDataFeed {
  /** Oldest first, one per shortcode (the latest message about it). */
  posts(): readonly PageDataPost[];
  /** Grows with every batch received. */
  readonly version: number;
  /** Calls `listener` after each batch; returns the undo. */
  subscribe(listener: () => void): () => void;
}

/** The profile-level part of a snapshot: everything but the posts. */
export type ProfileHeader = Omit<ProfileSnapshot, 'posts'>;

/**
 * Reads one profile page. Created once per navigation, so it may cache what it parsed once
 * (embedded JSON). Every method is cheap and never throws: missing numbers are left out.
 */
export interface ProfileReader {
  /** Matches one post container; the content script reads each new match once with `post()`. */
  readonly postSelector: string;
  header(): ProfileHeader;
  post(element: Element): PostCounts | undefined;
  /** Where the badge goes (next to the name or follower count); null while not rendered. */
  anchor(): Element | null;
  /**
   * Posts the page's own data describes before (or without) rendering them as tiles: YouTube's
   * server HTML holds a channel's videos in `ytInitialData` with no grid in the DOM. Same ids as
   * the tiles, so a tile read later merges into its entry. Empty when the data is not trusted.
   */
  dataPosts?(): PostCounts[];
}

/** One per platform: URL → handle, document → reader. Pure functions of their inputs. */
export interface SiteAdapter {
  readonly platform: Platform;
  /** True for the platform's own hosts (www., m., mobile. variants included). */
  matchesHost(hostname: string): boolean;
  /** The profile handle shown by this URL (without "@"), or undefined when it is not a profile. */
  profileHandle(url: URL): string | undefined;
  reader(doc: Document, url: URL, options: ReadOptions): ProfileReader;
  /** Real public profiles to check by hand when the site changes. */
  readonly manualCheckUrls: readonly string[];
  /**
   * The grid shows a post's counts only while the user reveals them (Instagram's hover overlays):
   * the controller keeps what a profile tab read within the document, so opening a post or another
   * profile and coming back loses none of it. Sites whose grids render every count leave it off
   * (YouTube even keeps the previous channel's elements after its URL changed).
   */
  readonly revealsCountsOnDemand?: boolean;
}
