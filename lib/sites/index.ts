import { bluesky } from './bluesky';
import { instagram } from './instagram';
import { threads } from './threads';
import { tiktok } from './tiktok';
import { x } from './x';
import { youtube } from './youtube';
import type { PostCounts, ProfileReader, ProfileSnapshot, ReadOptions, SiteAdapter } from './types';

/**
 * Every site MicroScope reads, one adapter per platform. To add a platform: import its adapter
 * and append it here; the conformance test (tests/lib/sites/conformance.test.ts) then checks it
 * against every other platform's URLs and the shared gotchas.
 */
export const ADAPTERS: readonly SiteAdapter[] = [instagram, tiktok, youtube, x, bluesky, threads];

/** The adapter for a hostname ("www.instagram.com"), or undefined. */
export function adapterForHost(
  hostname: string,
  adapters: readonly SiteAdapter[] = ADAPTERS,
): SiteAdapter | undefined {
  return adapters.find((adapter) => {
    try {
      return adapter.matchesHost(hostname);
    } catch {
      return false;
    }
  });
}

/**
 * The adapter and profile handle for a URL, or undefined when the URL is not a profile we read.
 * @example adapterFor('https://www.instagram.com/pluto__travel/') // { adapter: instagram, handle: 'pluto__travel' }
 */
export function adapterFor(
  url: URL | string,
  adapters: readonly SiteAdapter[] = ADAPTERS,
): { adapter: SiteAdapter; handle: string } | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  const adapter = adapterForHost(parsed.hostname, adapters);
  if (!adapter) return undefined;
  let handle: string | undefined;
  try {
    handle = adapter.profileHandle(parsed);
  } catch {
    return undefined;
  }
  return handle ? { adapter, handle } : undefined;
}

/** Fills the gaps of `into` with what a later duplicate of the same post knows. */
function mergePost(into: PostCounts, from: PostCounts): void {
  for (const key of Object.keys(from) as (keyof PostCounts)[]) {
    if (into[key] === undefined) (into as unknown as Record<string, unknown>)[key] = from[key];
  }
}

const COUNT_KEYS = ['likes', 'comments', 'shares', 'views', 'replies', 'reposts'] as const;

/** A tile's read over the page data's entry of the same post; exact counts are kept. */
function takeTile(into: PostCounts, tile: PostCounts): void {
  const before = { ...into };
  Object.assign(into, tile);
  for (const key of COUNT_KEYS) {
    if (before[key]?.exact && !tile[key]?.exact) into[key] = before[key];
  }
}

/**
 * One complete read of a profile page: the header plus every post tile now in the document, in
 * page order, de-duplicated by id (a later duplicate only fills gaps). Never throws.
 */
export function readSnapshot(
  adapter: SiteAdapter,
  doc: Document,
  url: URL | string,
  options: ReadOptions,
): ProfileSnapshot {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    parsed = new URL('about:blank');
  }
  const fallback: ProfileSnapshot = { platform: adapter.platform, handle: '', locale: 'en', posts: [], notes: [] };
  let reader: ProfileReader;
  try {
    reader = adapter.reader(doc, parsed, options);
  } catch (error) {
    console.warn('[MicroScope] reader', adapter.platform, parsed.href, error);
    return fallback;
  }
  const posts: PostCounts[] = [];
  const byId = new Map<string, PostCounts>();
  let elements: Element[];
  try {
    elements = [...doc.querySelectorAll(reader.postSelector)];
  } catch {
    elements = [];
  }
  // Posts the page data describes (YouTube's server HTML before its grid renders): first, in their
  // order, as watchProfile does; tiles of the same id fill their gaps.
  let fromData: PostCounts[];
  try {
    fromData = reader.dataPosts?.() ?? [];
  } catch {
    fromData = [];
  }
  const dataOnly = new Set<string>();
  for (const post of fromData) {
    if (byId.has(post.id)) continue;
    byId.set(post.id, post);
    dataOnly.add(post.id);
    posts.push(post);
  }
  for (const element of elements) {
    let post: PostCounts | undefined;
    try {
      post = reader.post(element);
    } catch {
      post = undefined;
    }
    if (!post) continue;
    const seen = byId.get(post.id);
    if (seen && dataOnly.delete(post.id)) {
      // The tile is what the page renders now: it wins over the page data, except that an exact
      // count is never traded for a rounded one (as watchProfile merges).
      takeTile(seen, post);
    } else if (seen) {
      mergePost(seen, post);
    } else {
      byId.set(post.id, post);
      posts.push(post);
    }
  }
  try {
    return { ...reader.header(), posts };
  } catch (error) {
    console.warn('[MicroScope] header', adapter.platform, parsed.href, error);
    return { ...fallback, posts };
  }
}
