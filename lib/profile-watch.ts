import type { PostCounts, ProfileHeader, ProfileReader, ProfileSnapshot, ReadOptions, SiteAdapter } from './sites/types';

/**
 * After a batch that only added, removed or changed post tiles, the header is not read again at
 * once (adapters' header selectors search the whole document and force a style update: per batch
 * 0.3 ms at 100 posts, 2 ms at 5 000 on the bench machine, bench/README.md) but at most this long
 * after, in case an adapter's header does look inside posts.
 */
export const HEADER_RECHECK_MS = 1000;

export interface ProfileWatchOptions extends ReadOptions {
  adapter: SiteAdapter;
  handle: string;
  doc: Document;
  url: URL;
  /** Aborting stops the observer and every pending read; nothing is reported after it. */
  signal: AbortSignal;
  /** Called with a fresh snapshot whenever what the page shows changed. */
  onSnapshot: (snapshot: ProfileSnapshot) => void;
  /** Called once when the document's URL no longer is `url` (SPA navigation seen in a mutation). */
  onUrlChanged?: () => void;
  /** How to wait between a mutation and the read it triggers (injectable for tests). */
  schedule?: (callback: () => void, ms: number) => void;
  /**
   * At most one read per this many ms while the page keeps changing. The first change after a
   * quiet spell is read in the next task (a header rendered late shows at once); changes that
   * follow within batchMs of a read wait for the end of that spell, together. 0: every batch of
   * mutations is read in the next task.
   */
  batchMs?: number;
  /** A clock in ms, for batchMs (injectable for tests). */
  now?: () => number;
  /** The extension's own nodes (the badge's host): adding or removing them is no change of the page. */
  ownNode?: (node: Node) => boolean;
  /** Current URL of the document (injectable for tests). */
  currentHref?: () => string;
  /**
   * Posts read from this profile's page earlier in the same document (the controller's memory of a
   * visit before an opened post or another profile): first, and what the page shows now merges in.
   */
  seedPosts?: readonly PostCounts[];
}

export interface ProfileWatch {
  /** The latest snapshot (header re-read now, posts as collected so far). */
  snapshot(): ProfileSnapshot;
  readonly reader: ProfileReader;
  /** Posts read so far, mainly for tests and benchmarks. */
  readonly postCount: number;
}

/**
 * Follows one profile page: reads the header and every post once, then only what mutations add
 * or change. Work per mutation batch is proportional to the added nodes, not to the page:
 * posts already read are kept by id (so a virtualised list that drops old rows keeps its sample),
 * a post is re-read only when a mutation lands inside it, and the header is re-read only when
 * something outside the posts changed, or whether the page has any post at all (X shows "no posts
 * yet" from that), or HEADER_RECHECK_MS after a batch of posts alone.
 */
export function watchProfile(options: ProfileWatchOptions): ProfileWatch {
  const { adapter, doc, url, signal, onSnapshot } = options;
  const schedule = options.schedule ?? ((callback, ms) => setTimeout(callback, ms));
  const batchMs = options.batchMs ?? 50;
  const now = options.now ?? (() => performance.now());
  const currentHref = options.currentHref ?? (() => doc.location?.href ?? url.href);
  const readOptions: ReadOptions = { trustBootstrap: options.trustBootstrap };
  if (options.readAt !== undefined) readOptions.readAt = options.readAt;
  if (options.pageData) readOptions.pageData = options.pageData;
  const reader = adapter.reader(doc, url, readOptions);
  const selector = reader.postSelector;

  // Posts in the order first seen (page order: newest first, infinite scroll appends).
  const postList: PostCounts[] = [];
  const indexOf = new Map<string, number>();
  const idOf = new WeakMap<Element, string>();
  const dirty = new Set<Element>();
  let flushPending = false;
  let lastFlushAt = -Infinity;
  let postsVersion = 0;
  let reportedVersion = -1;
  let reportedHeader = '';
  let urlChangeReported = false;
  // The header as last read, and whether anything outside the posts changed since.
  let header: ProfileHeader | undefined;
  let headerSignature = '';
  let headerDirty = true;
  let postsAtHeaderRead = false;
  let recheckPending = false;

  const readPost = (element: Element): boolean => {
    const post = reader.post(element);
    if (!post) return false;
    const previousId = idOf.get(element);
    // A recycled row (virtual lists reuse elements) now shows another post: forget the old id
    // only if this element was its sole source, which is the case for such lists.
    if (previousId !== undefined && previousId !== post.id) idOf.delete(element);
    idOf.set(element, post.id);
    return addPost(post);
  };

  /** Adds a post, or merges it into the one of the same id read before; true when that changed anything. */
  const addPost = (post: PostCounts): boolean => {
    const index = indexOf.get(post.id);
    const before = index === undefined ? undefined : postList[index];
    if (before && samePost(before, post)) return false;
    if (index === undefined || !before) {
      indexOf.set(post.id, postList.length);
      postList.push(post);
    } else {
      postList[index] = mergePost(before, post);
    }
    postsVersion++;
    return true;
  };

  // The posts array is shared, not copied: snapshots are read-only by contract, and copying
  // thousands of posts on every batch would make the cost grow with the page.
  const build = (): ProfileSnapshot => ({ ...reader.header(), posts: postList });

  const hasPosts = (): boolean => {
    try {
      return doc.querySelector(selector) !== null;
    } catch {
      return false;
    }
  };

  const readHeader = (): ProfileHeader => {
    header = reader.header();
    headerSignature = JSON.stringify(header);
    headerDirty = false;
    postsAtHeaderRead = hasPosts();
    return header;
  };

  /** Reports when header or posts changed. `fresh`: read the header even after a posts-only batch. */
  const report = (fresh: boolean): void => {
    if (signal.aborted) return;
    // Cheap checks first: hasPosts() stops at the first post of the document.
    const reuse = !fresh && !headerDirty && header !== undefined && postsAtHeaderRead && hasPosts();
    const current = reuse && header ? header : readHeader();
    if (reuse && !recheckPending) {
      recheckPending = true;
      schedule(() => {
        recheckPending = false;
        report(true);
      }, HEADER_RECHECK_MS);
    }
    if (headerSignature === reportedHeader && postsVersion === reportedVersion) return;
    reportedHeader = headerSignature;
    reportedVersion = postsVersion;
    onSnapshot({ ...current, posts: postList });
  };

  const flush = (): void => {
    flushPending = false;
    if (signal.aborted) return;
    lastFlushAt = now();
    for (const element of dirty) readPost(element);
    dirty.clear();
    report(false);
  };

  const requestFlush = (): void => {
    if (flushPending) return;
    flushPending = true;
    schedule(flush, Math.max(0, lastFlushAt + batchMs - now()));
  };

  const markSubtree = (node: Node): void => {
    if (node.nodeType !== 1) {
      // Text or comment: a count rendered into an existing post.
      const parent = node.parentElement;
      const post = parent?.closest(selector);
      if (post) dirty.add(post);
      return;
    }
    const element = node as Element;
    const enclosing = element.closest(selector);
    if (enclosing) dirty.add(enclosing);
    // querySelectorAll on the added subtree only: cost follows what was added.
    if (element.firstElementChild) for (const post of element.querySelectorAll(selector)) dirty.add(post);
  };

  /**
   * Whether an added or removed node holds posts and nothing else (a grid row, a tile, blank text):
   * the header can't have changed with it. Walks the node down to its posts, no further.
   */
  const onlyPosts = (node: Node): boolean => {
    if (node.nodeType === 3) return (node.textContent ?? '').trim() === '';
    if (node.nodeType === 8) return true;
    if (node.nodeType !== 1) return false;
    const element = node as Element;
    if (element.matches(selector)) return true;
    if (!element.firstChild) return false;
    for (let child: ChildNode | null = element.firstChild; child; child = child.nextSibling) if (!onlyPosts(child)) return false;
    return true;
  };

  /** Whether a mutation only added or removed nodes of the extension's own (mounting the badge). */
  const ownNode = options.ownNode;
  const ours = (mutation: MutationRecord): boolean => {
    if (!ownNode || mutation.type !== 'childList') return false;
    for (const node of mutation.addedNodes) if (!ownNode(node)) return false;
    for (const node of mutation.removedNodes) if (!ownNode(node)) return false;
    return true;
  };

  /** Whether a mutation stayed inside posts, or added/removed whole posts only. */
  const postsOnly = (mutation: MutationRecord): boolean => {
    const target = mutation.target.nodeType === 1 ? (mutation.target as Element) : mutation.target.parentElement;
    if (target?.closest(selector)) return true;
    if (mutation.type !== 'childList') return false;
    for (const node of mutation.addedNodes) if (!onlyPosts(node)) return false;
    for (const node of mutation.removedNodes) if (!onlyPosts(node)) return false;
    return true;
  };

  const observer = new (doc.defaultView?.MutationObserver ?? MutationObserver)((mutations) => {
    try {
      if (signal.aborted) return;
      if (!urlChangeReported && currentHref() !== url.href) {
        urlChangeReported = true;
        options.onUrlChanged?.();
        return;
      }
      let changed = false;
      for (const mutation of mutations) {
        if (ours(mutation)) continue;
        changed = true;
        if (mutation.type === 'characterData') markSubtree(mutation.target);
        else for (const node of mutation.addedNodes) markSubtree(node);
        if (!headerDirty && !postsOnly(mutation)) headerDirty = true;
      }
      if (changed) requestFlush();
    } catch (error) {
      console.warn('[MicroScope] observer', adapter.platform, url.href, error);
    }
  });

  // Videos the page data describes before any tile renders (YouTube's server HTML): first, in
  // their order; the tiles merge into them by id.
  for (const post of options.seedPosts ?? []) addPost(post);
  for (const post of reader.dataPosts?.() ?? []) addPost(post);
  for (const element of doc.querySelectorAll(selector)) readPost(element);
  if (!signal.aborted) {
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    // Posts the page's own requests bring later (Instagram: after load, after each navigation):
    // merged by id like tiles, and the header read again for its note on where they came from.
    const unsubscribe = options.pageData?.subscribe(() => {
      try {
        if (signal.aborted) return;
        for (const post of reader.dataPosts?.() ?? []) addPost(post);
        report(true);
      } catch (error) {
        console.warn('[MicroScope] page data', adapter.platform, url.href, error);
      }
    });
    if (unsubscribe) signal.addEventListener('abort', unsubscribe, { once: true });
  }
  report(true);

  return {
    snapshot: build,
    reader,
    get postCount() {
      return postList.length;
    },
  };
}

const COUNT_KEYS = ['likes', 'comments', 'shares', 'views', 'replies', 'reposts'] as const;
const FLAG_KEYS = ['likesHidden', 'pinned', 'notOwn', 'live'] as const;

function samePost(a: PostCounts, b: PostCounts): boolean {
  for (const key of COUNT_KEYS) if (a[key]?.value !== b[key]?.value || a[key]?.exact !== b[key]?.exact) return false;
  for (const key of FLAG_KEYS) if (Boolean(a[key]) !== Boolean(b[key])) return false;
  return a.kind === b.kind;
}

/**
 * A later read of the same post wins, but never trades an exact count for a rounded one that agrees
 * with it; a rounded count that does not (its interval leaves the exact one out) is what the page
 * shows now, and the exact one was stale (page data received minutes before a hover overlay).
 */
function mergePost(before: PostCounts, after: PostCounts): PostCounts {
  const merged: PostCounts = { ...before, ...after };
  for (const key of COUNT_KEYS) {
    const old = before[key];
    const next = after[key];
    if (old?.exact && (!next || (!next.exact && old.value >= next.min && old.value <= next.max))) merged[key] = old;
  }
  return merged;
}
