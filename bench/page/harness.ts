/**
 * Runs inside a real Chromium page (bundled by bench/harness-bundle.ts, evaluated over CDP, so the
 * page's `script-src 'none'` does not stop it). The same lib/ code the content script runs, timed
 * with performance.now() around exactly the per-page and per-batch work.
 */
import { watchProfile } from '../../lib/profile-watch';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { adapterFor, readSnapshot } from '../../lib/sites';
import type { PostCounts, ProfileSnapshot, SiteAdapter } from '../../lib/sites/types';
import { buildVerdict } from '../../lib/verdict';

export interface ScrapeTiming {
  firstMs: number;
  /** Every later read of the same page, ms. */
  laterMs: number[];
  posts: number;
  followers?: number;
}

function found(): { adapter: SiteAdapter; handle: string } {
  const hit = adapterFor(location.href);
  if (!hit) throw new Error(`no adapter sees a profile at ${location.href}`);
  return hit;
}

/** One full read of the page (header + every tile), as readSnapshot does it, `repeat` + 1 times. */
export function scrape(repeat: number): ScrapeTiming {
  const { adapter } = found();
  const read = (): ProfileSnapshot => readSnapshot(adapter, document, location.href, { trustBootstrap: true });
  let start = performance.now();
  const snapshot = read();
  const firstMs = performance.now() - start;
  const laterMs: number[] = [];
  for (let index = 0; index < repeat; index++) {
    start = performance.now();
    read();
    laterMs.push(performance.now() - start);
  }
  return { firstMs, laterMs, posts: snapshot.posts.length, followers: snapshot.followers?.value };
}

interface Grid {
  parent: Element;
  template: Element;
  id: string;
  next: number;
  /** Whether a clone shows counts of its own, so that new posts can enter the sample. */
  counted: boolean;
}

let grid: Grid | undefined;

const COUNTS = ['likes', 'comments', 'shares', 'views', 'replies', 'reposts'] as const;

/**
 * The tile to clone and what makes it unique: its post id, as the adapter reads it. Clones get a
 * new id written wherever the old one appears in an attribute (href, data-*). The last tile whose
 * clone still shows a count in its own DOM is preferred (counts the page embedded as JSON are only
 * known for the original ids): then new posts qualify for the sample, as on a real profile.
 */
function findGrid(): Grid {
  const { adapter } = found();
  const reader = adapter.reader(document, new URL(location.href), { trustBootstrap: true });
  const tiles = [...document.querySelectorAll(reader.postSelector)].reverse();
  let fallback: Grid | undefined;
  for (const tile of tiles) {
    // A tile inside another tile (YouTube: a lockup inside its rich-grid item) is not where the
    // page adds posts: its clones would all land inside one outer tile, which the watcher then
    // re-reads whole on every batch. The outermost tile's parent is the grid.
    if (!tile.parentElement || tile.parentElement.closest(reader.postSelector)) continue;
    const id = reader.post(tile)?.id;
    if (!id) continue;
    // The tile itself, or where the reader reads a clone beside it only with its wrappers (a
    // feed's item: feedItem), the tile with them.
    for (const unit of new Set([tile, feedItem(tile)])) {
      if (!unit.parentElement) continue;
      const candidate: Grid = { parent: unit.parentElement, template: unit, id, next: 0, counted: false };
      fallback ??= candidate;
      const read = readClone(reader, unit, id);
      if (!read) continue;
      if (COUNTS.some((key) => read[key] !== undefined) && !read.likesHidden && !read.pinned && !read.notOwn) return { ...candidate, counted: true };
      break;
    }
  }
  if (fallback) return fallback;
  throw new Error('no post tile with an id on this page: nothing to clone');
}

/** A clone of `unit` (its post id renewed), read where the page would have it: beside `unit`. */
function readClone(reader: ReturnType<SiteAdapter['reader']>, unit: Element, id: string): PostCounts | undefined {
  const probe = unit.cloneNode(true) as Element;
  const probeId = cloneId(id, 899_999);
  rewrite(probe, id, probeId);
  unit.parentElement!.insertBefore(probe, unit.nextSibling);
  try {
    const tile = probe.matches(reader.postSelector) ? probe : probe.querySelector(reader.postSelector);
    const read = tile ? reader.post(tile) : undefined;
    return read?.id === probeId ? read : undefined;
  } finally {
    probe.remove();
  }
}

/**
 * What the page adds per post: `tile` with the wrappers around it that hold nothing else (an
 * ancestor with a single child). A feed wraps each post in elements of its own (Threads: three
 * <div>s, whose grandparent groups a thread's posts, so a tile cloned beside its siblings would
 * read as a reply in the first post's thread); a grid's tile is its own item.
 */
function feedItem(tile: Element): Element {
  let unit = tile;
  while (unit.parentElement && unit.parentElement !== document.body && unit.parentElement.childElementCount === 1) unit = unit.parentElement;
  return unit;
}

/**
 * A clone's post id: digits appended (valid in shortcodes, numeric video ids, status ids and
 * Bluesky record keys alike), except for ids of YouTube's fixed length (11 characters, which its
 * adapter requires): their last six characters become the digits.
 */
function cloneId(id: string, n: number): string {
  return id.length === 11 ? `${id.slice(0, 5)}${String(n).slice(-6)}` : `${id}${String(n)}`;
}

function rewrite(element: Element, from: string, to: string): void {
  for (const node of [element, ...element.querySelectorAll('*')]) {
    for (const attribute of [...node.attributes]) {
      if (attribute.value.includes(from)) node.setAttribute(attribute.name, attribute.value.replaceAll(from, to));
    }
  }
}

function clones(count: number): Element[] {
  grid ??= findGrid();
  const made: Element[] = [];
  for (let index = 0; index < count; index++) {
    const clone = grid.template.cloneNode(true) as Element;
    rewrite(clone, grid.id, cloneId(grid.id, 900_000 + grid.next++));
    made.push(clone);
  }
  return made;
}

/** Whether this page has a tile to clone, and whether its clones show counts of their own. */
export function template(): { found: boolean; counted: boolean } {
  try {
    grid ??= findGrid();
    return { found: true, counted: grid.counted };
  } catch {
    return { found: false, counted: false };
  }
}

/** Grows the page to `total` tiles by cloning its last tile, as infinite scroll would. */
export function grow(total: number): number {
  const { adapter } = found();
  const reader = adapter.reader(document, new URL(location.href), { trustBootstrap: true });
  const have = document.querySelectorAll(reader.postSelector).length;
  if (total > have) {
    grid ??= findGrid();
    grid.parent.append(...clones(total - have));
  }
  return document.querySelectorAll(reader.postSelector).length;
}

let flush: (() => void) | undefined;
let posts = 0;
let verdictMs = 0;
const spent = { header: 0, post: 0 };

/** The adapter with its reader's header() and post() timed, to split a batch's time. */
function timed(adapter: SiteAdapter): SiteAdapter {
  return {
    ...adapter,
    reader(doc, url, options) {
      const reader = adapter.reader(doc, url, options);
      return {
        postSelector: reader.postSelector,
        anchor: () => reader.anchor(),
        header() {
          const start = performance.now();
          try {
            return reader.header();
          } finally {
            spent.header += performance.now() - start;
          }
        },
        post(element) {
          const start = performance.now();
          try {
            return reader.post(element);
          } finally {
            spent.post += performance.now() - start;
          }
        },
      };
    },
  };
}

/**
 * Starts the content script's watcher on the page as it is now, with the verdict computed for each
 * snapshot as the controller does. Returns the time of that first full read (+ verdict), ms.
 */
export function watch(): { startMs: number; posts: number } {
  const { adapter, handle } = found();
  const start = performance.now();
  const watcher = watchProfile({
    adapter: timed(adapter),
    handle,
    doc: document,
    url: new URL(location.href),
    signal: new AbortController().signal,
    trustBootstrap: true,
    currentHref: () => location.href,
    // The flush is run by batch() below, right after the observer queued it, not 50 ms later.
    schedule: (callback) => {
      flush = callback;
    },
    onSnapshot: (snapshot) => {
      const before = performance.now();
      buildVerdict(snapshot, DEFAULT_SETTINGS, 'reading');
      verdictMs = performance.now() - before;
      posts = snapshot.posts.length;
    },
  });
  return { startMs: performance.now() - start, posts: watcher.postCount };
}

export interface BatchTiming {
  /** The flush: reader.post on the new tiles, the header, onSnapshot → buildVerdict (wall), ms. */
  totalMs: number;
  /** reader.header() and reader.post() inside the flush (adapter code), ms. */
  headerMs: number;
  postMs: number;
  verdictMs: number;
  posts: number;
}

/**
 * One infinite-scroll batch in two steps, so that the main thread's CPU time can be read around
 * the second: append() inserts `size` tiles (the observer's callback runs as a microtask right
 * after it and queues the flush); flushInTask() runs that flush (reader.post on the new tiles, the
 * header unless skipped, onSnapshot → buildVerdict).
 */
export function append(size: number): void {
  flush = undefined;
  grid!.parent.append(...clones(size));
}

/** Lets the page render the appended tiles first, so that their style and layout are not ours. */
export function rendered(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Runs the flush from a timer, as the content script does (ctx.setTimeout): the main thread's
 * ScriptDuration counts script that Blink calls (timers, events) but not CDP evaluations nor
 * promise continuations, so only this way does the flush show up in it.
 */
export function flushInTask(): Promise<BatchTiming> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(runFlush());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0),
  );
}

/** The same timer with nothing in it: what the measurement itself costs. */
export function emptyTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function runFlush(): BatchTiming {
  const pending = flush;
  if (!pending) throw new Error('the watcher did not react to the added tiles');
  flush = undefined;
  spent.header = 0;
  spent.post = 0;
  verdictMs = 0;
  const start = performance.now();
  pending();
  return { totalMs: performance.now() - start, headerMs: spent.header, postMs: spent.post, verdictMs, posts };
}
