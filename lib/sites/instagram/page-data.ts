/**
 * Instagram's posts as the page's own data requests carry them (issue 15, item 4): the rendered
 * grid holds no like or comment counts (profile-2026.rendered.html: 12 tiles, no numbers), and the
 * server HTML no longer embeds the posts; they reach the page after load, in the responses to its
 * own requests. The observer (lib/sites/instagram/observer.ts, in the page's world) reads those
 * responses with this module and keeps only what is below; the content script checks it again
 * (lib/sites/instagram/feed.ts), as the page can write anything into it.
 *
 * Dependency-free: bundled into the observer, which runs on every Instagram page.
 *
 * Shapes, from the real responses in /work/shared/pages/instagram (README.md there):
 * - posts-query-2024.json, `PolarisProfilePostsQuery` (`POST /api/graphql`; 2026 `/graphql/query`):
 *   `data.xdt_api__v1__feed__user_timeline_graphql_connection.edges[].node` with `code`,
 *   `like_count`, `comment_count`, `taken_at`, `product_type`, `user.username`, `user.pk`;
 *   `timeline_pinned_user_ids` holds the owner's id on pinned posts, `null` on the others.
 * - reels-query-2024.json, the Reels tab: `data.xdt_api__v1__clips__user__connection_v2.edges[]
 *   .node.media` with `code`, `like_count`, `comment_count`, `play_count`, `user.pk` (no username,
 *   no `taken_at`); since 2026-08 at `data.fetch__XDTUserDict.clips_connection` (WebSculpt's log).
 * - the REST feed `/api/v1/feed/user/<id>/`: `items[]` with the same media fields (public scrapers).
 */

/** One post, as much of it as MicroScope keeps: its id, its owner, its numbers. Nothing else. */
export interface PageDataPost {
  /** The shortcode, as in /p/CODE/. */
  code: string;
  /** From the Reels tab's query ('clips') or the profile's timeline ('timeline'). */
  from: 'timeline' | 'clips';
  /** Username of the author (`user.username`), lowercase. */
  owner?: string;
  /** Numeric id of the author (`user.pk`): the Reels tab's data names no username. */
  ownerId?: string;
  likes?: number;
  comments?: number;
  plays?: number;
  /** Unix seconds (`taken_at`). */
  takenAt?: number;
  /** Pinned to the top of the author's grid. */
  pinned?: boolean;
  /** The author hid likes and views (`like_and_view_counts_disabled`): unknown, not zero. */
  likesHidden?: boolean;
  /** `product_type` "clips": a reel. */
  reel?: boolean;
}

/** Bodies longer than this are not read at all (a profile's first page of 12 posts: 271 KB). */
export const MAX_BODY_CHARS = 2_000_000;
/** At most this many posts are taken from one response (Instagram pages by 12; the REST feed by 33). */
export const MAX_POSTS_PER_RESPONSE = 60;
/** A shortcode: Instagram's base64url media code (11 characters today; longer for private ones). */
export const CODE = /^[A-Za-z0-9_-]{5,60}$/;
/** A username: 1-30 letters, digits, "." and "_". */
export const USERNAME = /^[A-Za-z0-9._]{1,30}$/;
/** A user id: digits. */
export const USER_ID = /^\d{1,25}$/;
/** The most a count can be and still be a count (the largest like count ever: ~60 M). */
const MAX_COUNT = 1e11;

/** Connection keys under `data`, newest shape first. Others are found by their `edges` of media. */
const CONNECTIONS: readonly (readonly [path: readonly string[], from: PageDataPost['from']])[] = [
  [['xdt_api__v1__feed__user_timeline_graphql_connection'], 'timeline'], // posts query, 2023-26
  [['fetch__XDTUserDict', 'clips_connection'], 'clips'], // Reels tab, 2026-08
  [['xdt_api__v1__clips__user__connection_v2'], 'clips'], // Reels tab, 2024-26
  [['user', 'edge_owner_to_timeline_media'], 'timeline'], // graphql profile JSON, until 2023
];
/**
 * An opened post or reel (the dialog over the grid, /p/CODE/): PolarisPostActionLoadPostQueryQuery's
 * answer to `POST /graphql/query` with `{"shortcode": …}` in its variables,
 * `data.xdt_api__v1__media__shortcode__web_info.items[]`, media of the same fields (`code`,
 * `like_count`, `comment_count`, `taken_at`, `user.username`, `user.pk`). No saved answer here: the
 * shape as half a dozen independent public projects read it (2024-26, one of them sending a Chrome
 * 152 user agent). It joins the author's timeline posts.
 */
const OPENED_POST = 'xdt_api__v1__media__shortcode__web_info';
/**
 * What a body must contain to be parsed: a profile timeline or Reels tab connection by (part of)
 * its name, or the REST feed's `items` with like counts. Parts, not whole names, so a renamed
 * connection (`xdt_api__v2__feed__user_timeline…`) still passes.
 */
const POSTS_MARKERS = ['__feed__user_timeline', '__clips__user__', 'clips_connection', 'edge_owner_to_timeline_media', '__media__shortcode__', '"items":[{'];

/**
 * The GraphQL query names (`fb_api_req_friendly_name` in the request's form body) whose answers may
 * hold a profile's posts: PolarisProfilePostsQuery (posts-query-2024.json's request),
 * PolarisProfilePostsTabContentQuery_connection and PolarisProfileReelsTabContentQuery (public
 * scrapers, 2024-26); PolarisPostActionLoadPostQueryQuery, an opened post. Answers to other named queries are not read at all; unnamed ones are.
 * @example mayHoldPosts('PolarisProfilePostsQuery') // true
 */
export function mayHoldPosts(queryName: string): boolean {
  return /profile.*(post|reel|clip|timeline|media)|(post|reel|clip|timeline|media).*profile|user_?timeline|clips_?user|loadpost|shortcode/i.test(queryName);
}

/**
 * The query name a request's form body carries, or undefined (not a form, or no name in its first 8 KB).
 * @example queryNameOf('av=0&fb_api_req_friendly_name=PolarisProfilePostsQuery&doc_id=1') // 'PolarisProfilePostsQuery'
 */
export function queryNameOf(form: string): string | undefined {
  const match = /(?:^|&)fb_api_req_friendly_name=([A-Za-z0-9_.%-]{1,120})(?:&|$)/.exec(form.slice(0, 8192));
  return match?.[1];
}

/** Keys of `data` looked through for an unknown connection holding `edges`, at most. */
const MAX_KEYS = 40;

/**
 * The URL paths of the page's own data requests that may carry a profile's posts: the GraphQL
 * endpoints (2024 `/api/graphql`, 2026 `/graphql/query`) and the REST feeds. Nothing else is read.
 * @example isPostsEndpoint('/graphql/query') // true
 */
export function isPostsEndpoint(pathname: string): boolean {
  return (
    pathname === '/api/graphql' ||
    pathname === '/api/graphql/' ||
    pathname === '/graphql/query' ||
    pathname === '/graphql/query/' ||
    pathname.startsWith('/api/v1/feed/user/') ||
    pathname.startsWith('/api/v1/clips/user/')
  );
}

/**
 * The posts in one response body, or [] when it holds none. Bounded: bodies over MAX_BODY_CHARS are
 * not parsed, nor bodies that name no like count; a streamed body (one JSON object per line, as
 * `@defer` answers come) is read line by line, at most 20 lines.
 * @example postsInBody('for (;;);{"data":{…}}') // Instagram's anti-JSON-hijacking prefix is skipped
 */
export function postsInBody(body: string): PageDataPost[] {
  if (typeof body !== 'string' || body.length > MAX_BODY_CHARS) return [];
  // Cheap refusals first: most of the page's GraphQL answers are about something else (the home
  // feed's carry like counts too, and are not a profile's).
  if (!POSTS_MARKERS.some((marker) => body.includes(marker))) return [];
  const text = body.startsWith('for (;;);') ? body.slice(9) : body;
  const parsed = parseJson(text);
  if (parsed !== undefined) return postsInJson(parsed);
  const posts: PageDataPost[] = [];
  const lines = text.split('\n', 20);
  for (const line of lines) {
    const part = line.trim();
    if (!part.startsWith('{')) continue;
    const json = parseJson(part);
    if (json !== undefined) posts.push(...postsInJson(json));
    if (posts.length >= MAX_POSTS_PER_RESPONSE) break;
  }
  return posts.slice(0, MAX_POSTS_PER_RESPONSE);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The posts in a parsed response: the known connections under `data`, else any with media edges. */
export function postsInJson(json: unknown): PageDataPost[] {
  const posts: PageDataPost[] = [];
  const add = (post: PageDataPost | undefined) => {
    if (post && posts.length < MAX_POSTS_PER_RESPONSE) posts.push(post);
  };
  const data = field(json, 'data') ?? field(json, 'graphql');
  // The REST feed: `items` at the root.
  const items = field(json, 'items');
  if (Array.isArray(items)) for (const item of items.slice(0, MAX_POSTS_PER_RESPONSE)) add(readMedia(item, 'timeline'));
  if (!isObject(data)) return posts;
  const opened = field(data[OPENED_POST], 'items');
  if (Array.isArray(opened)) for (const item of opened.slice(0, MAX_POSTS_PER_RESPONSE)) add(readMedia(item, 'timeline'));
  const seen = new Set<unknown>();
  const readEdges = (connection: unknown, from: PageDataPost['from']): void => {
    const edges = field(connection, 'edges');
    if (!Array.isArray(edges) || seen.has(connection)) return;
    seen.add(connection);
    for (const edge of edges.slice(0, MAX_POSTS_PER_RESPONSE)) {
      const node = field(edge, 'node');
      const media = field(node, 'media');
      add(readMedia(isObject(media) ? media : node, from));
    }
  };
  for (const [path, from] of CONNECTIONS) {
    let at: unknown = data;
    for (const key of path) at = field(at, key);
    readEdges(at, from);
  }
  if (posts.length > 0) return posts;
  // A connection renamed again: any `edges` one or two levels under `data` whose nodes are media.
  // What it came from is not known: 'clips' if its media are all reels, else the timeline.
  for (const [key, value] of Object.entries(data).slice(0, MAX_KEYS)) {
    const candidates = isObject(value) ? [value, ...Object.values(value).slice(0, MAX_KEYS)] : [];
    for (const candidate of candidates) {
      const before = posts.length;
      readEdges(candidate, 'timeline');
      const found = posts.slice(before);
      if (found.length > 0 && (/clips|reels/i.test(key) || found.every((post) => post.reel && post.takenAt === undefined))) {
        for (const post of found) post.from = 'clips';
      }
    }
  }
  return posts;
}

function readMedia(media: unknown, from: PageDataPost['from']): PageDataPost | undefined {
  if (!isObject(media)) return undefined;
  const code = text(media.code) ?? text(media.shortcode);
  if (code === undefined || !CODE.test(code)) return undefined;
  const post: PageDataPost = { code, from };
  const user = isObject(media.user) ? media.user : isObject(media.owner) ? media.owner : undefined;
  const owner = text(field(user, 'username'));
  if (owner !== undefined && USERNAME.test(owner)) post.owner = owner.toLowerCase();
  const ownerId = text(field(user, 'pk')) ?? text(field(user, 'id'));
  if (ownerId !== undefined && USER_ID.test(ownerId)) post.ownerId = ownerId;
  const likes = count(media.like_count) ?? count(field(media.edge_liked_by, 'count')) ?? count(field(media.edge_media_preview_like, 'count'));
  if (likes !== undefined) post.likes = likes;
  const comments = count(media.comment_count) ?? count(field(media.edge_media_to_comment, 'count'));
  if (comments !== undefined) post.comments = comments;
  const plays = count(media.play_count) ?? count(media.ig_play_count) ?? count(media.video_view_count);
  if (plays !== undefined) post.plays = plays;
  const takenAt = count(media.taken_at) ?? count(media.taken_at_timestamp);
  if (takenAt !== undefined) post.takenAt = takenAt;
  if (media.like_and_view_counts_disabled === true) post.likesHidden = true;
  if (media.product_type === 'clips' || media.media_type === 2) post.reel = true;
  // posts-query-2024.json: the owner's id in `timeline_pinned_user_ids` on the three pinned posts,
  // `null` on the rest. Someone else's id there (a collaborator pinned it) is not this grid's pin.
  const pinnedFor = Array.isArray(media.timeline_pinned_user_ids) ? media.timeline_pinned_user_ids.slice(0, 10) : [];
  if (media.is_pinned === true || pinnedFor.some((id) => text(id) !== undefined && (post.ownerId === undefined || text(id) === post.ownerId))) {
    post.pinned = true;
  }
  return post;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT ? value : undefined;
}
