import { CODE, USER_ID, USERNAME, type PageDataPost } from './page-data';

/**
 * The channel between the observer (page's world, lib/sites/instagram/observer.ts) and the content
 * script (lib/sites/instagram/feed.ts): two events on `document`, each with a JSON string as detail
 * (a string crosses from the page's world to the extension's in Chromium and Firefox alike, where
 * objects do not). Named after nothing of ours (STYLE.md, "The page is not on our side").
 *
 * Who speaks first: the content script arrives late (lib/injector.ts, after the page may already
 * have received its posts), so it asks; the observer answers with what it kept, and from then on
 * tells each new batch. Before anyone asks, the observer dispatches nothing.
 *
 * The page can dispatch both events too: asking gets it the numbers it received itself; telling
 * feeds the content script numbers, as the page can do with its DOM. Nothing else is obeyed:
 * every message is only data, checked by `readPosts` below.
 */
export const ASK_EVENT = 'posts-data:ask';
export const TELL_EVENT = 'posts-data:tell';

/** A message longer than this is dropped unread (the observer keeps at most 300 posts: ~40 KB). */
export const MAX_MESSAGE_CHARS = 200_000;
/** At most this many posts are taken from one message. */
export const MAX_MESSAGE_POSTS = 300;

/** A batch of posts as sent on the channel. */
export function writePosts(posts: readonly PageDataPost[]): string {
  return JSON.stringify(posts.slice(-MAX_MESSAGE_POSTS));
}

/**
 * The posts of a message, each checked field by field: whatever the page put there, only posts of
 * the PageDataPost shape come out, with valid codes, names and counts. Anything else: [].
 */
export function readPosts(detail: unknown): PageDataPost[] {
  if (typeof detail !== 'string' || detail.length > MAX_MESSAGE_CHARS) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const posts: PageDataPost[] = [];
  for (const item of parsed.slice(0, MAX_MESSAGE_POSTS)) {
    const post = checkPost(item);
    if (post) posts.push(post);
  }
  return posts;
}

function checkPost(item: unknown): PageDataPost | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const raw = item as Record<string, unknown>;
  if (typeof raw.code !== 'string' || !CODE.test(raw.code)) return undefined;
  if (raw.from !== 'timeline' && raw.from !== 'clips') return undefined;
  const post: PageDataPost = { code: raw.code, from: raw.from };
  if (typeof raw.owner === 'string' && USERNAME.test(raw.owner)) post.owner = raw.owner.toLowerCase();
  if (typeof raw.ownerId === 'string' && USER_ID.test(raw.ownerId)) post.ownerId = raw.ownerId;
  for (const key of ['likes', 'comments', 'plays', 'takenAt'] as const) {
    const value = raw[key];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) post[key] = value;
  }
  for (const key of ['pinned', 'likesHidden', 'reel'] as const) if (raw[key] === true) post[key] = true;
  return post;
}
