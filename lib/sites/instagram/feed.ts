import type { PageDataFeed } from '../types';
import { ASK_EVENT, MAX_MESSAGE_CHARS, readPosts, TELL_EVENT } from './channel';
import type { PageDataPost } from './page-data';

/** Posts the content script keeps from the observer, per document (the observer keeps 300). */
export const MAX_FEED_POSTS = 500;
/** Messages waiting for the next task, at most: of a page's flood, the latest are read. */
const MAX_INBOX = 20;

/**
 * The content script's end of the channel (channel.ts): listens, then asks the observer for what
 * it kept. Every message is read a task later, checked (channel.ts readPosts) and kept by shortcode, the latest
 * message winning, at most MAX_FEED_POSTS; listeners hear of each batch. Nothing is dispatched but
 * the one question; nothing a message says is done, only stored as numbers.
 */
export function connectPostsFeed(
  doc: Document,
  signal: AbortSignal,
  schedule: (callback: () => void) => void = (callback) => void setTimeout(callback, 0),
): PageDataFeed {
  const posts = new Map<string, PageDataPost>();
  const listeners = new Set<() => void>();
  let version = 0;

  /** Messages received, read in a task of our own: never inside the dispatcher's call (the page's, or the observer's). */
  const inbox: unknown[] = [];
  const onTell = (event: Event): void => {
    try {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string' || detail.length > MAX_MESSAGE_CHARS) return;
      // A flood keeps its latest messages: the latest numbers win, as they do once read.
      if (inbox.length >= MAX_INBOX) inbox.shift();
      inbox.push(detail);
      if (!scheduled) {
        scheduled = true;
        schedule(readInbox);
      }
    } catch {
      // a detail we cannot read: nothing to take
    }
  };
  let scheduled = false;
  const readInbox = (): void => {
    scheduled = false;
    if (signal.aborted) return;
    for (const detail of inbox.splice(0)) take(detail);
  };
  const take = (detail: unknown): void => {
    try {
      const batch = readPosts(detail);
      if (batch.length === 0) return;
      for (const post of batch) {
        posts.delete(post.code);
        posts.set(post.code, post);
      }
      for (const code of posts.keys()) {
        if (posts.size <= MAX_FEED_POSTS) break;
        posts.delete(code);
      }
      version++;
      for (const listener of [...listeners]) listener();
    } catch (error) {
      console.warn('[MicroScope] instagram posts', error);
    }
  };

  const feed: PageDataFeed = {
    posts: () => [...posts.values()],
    get version() {
      return version;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  if (signal.aborted) return feed;
  doc.addEventListener(TELL_EVENT, onTell, { signal });
  signal.addEventListener('abort', () => listeners.clear(), { once: true });
  try {
    const View = doc.defaultView;
    const Custom = View?.CustomEvent ?? CustomEvent;
    doc.dispatchEvent(new Custom(ASK_EVENT));
  } catch {
    // no observer to ask (a page opened before the extension was installed): the DOM alone
  }
  return feed;
}
