import { ASK_EVENT, TELL_EVENT, writePosts } from './channel';
import { isPostsEndpoint, MAX_BODY_CHARS, mayHoldPosts, postsInBody, postsInJson, queryNameOf, type PageDataPost } from './page-data';

/**
 * The posts observer: runs in the page's own world on every Instagram page from document start
 * (entrypoints/instagram-posts.content.ts), because the posts reach the page in the responses to
 * its own requests, after load and after every SPA navigation to a profile, and the content script
 * arrives later (lib/injector.ts). No request of ours: it reads a copy of what the page receives.
 *
 * What it does to the page: `fetch` and `XMLHttpRequest.prototype.open/send` are wrapped. The page
 * gets the very promise, response and request object it would have got; only responses of the
 * posts endpoints (page-data.ts isPostsEndpoint, same origin) are read, from `response.clone()` or
 * `responseText` after `load`, parsed a task later, bodies over MAX_BODY_CHARS never. Each wrapper
 * keeps the original's name and length; nothing it does can throw into the page.
 *
 * What it keeps: at most MAX_KEPT posts, each as page-data.ts PageDataPost (code, owner, counts,
 * date, pinned): no caption, no URL, no viewer data. What it says: nothing until the content
 * script asks (channel.ts), then what it kept, then each new batch.
 *
 * The page can rewrite everything here (it is the page's world): at most it feeds wrong numbers,
 * as it can with its DOM. The content script treats every message as untrusted data.
 */

/** Posts kept for the content script, across the profiles of one document (SPA navigations). */
export const MAX_KEPT = 300;

type PageWindow = Window & typeof globalThis;

/** Installs the observer into `win`. Returns false where the page's world lacks what it wraps. */
export function installPostsObserver(win: PageWindow): boolean {
  const doc = win.document;
  // What the observer calls to talk and to wrap, taken before any page script ran: a page that
  // replaces them later does not change it. The document's own dispatchEvent/addEventListener (found
  // on its prototype chain), not EventTarget's: touching an interface object (EventTarget, URL,
  // Request, URLSearchParams, CustomEvent) makes the page's world build it, about 0.1–0.2 ms of the
  // observer's ≤ 1 ms per page (bench/README.md). Those are read from the page when first needed:
  // a page that replaced them can only make the observer look at, or past, its own requests, and
  // every answer is checked field by field anyway.
  const PageXhr = win.XMLHttpRequest;
  const originalFetch = win.fetch;
  const setTimer = win.setTimeout.bind(win);
  const dispatch = doc.dispatchEvent;
  const listen = doc.addEventListener;
  const origin = win.location.origin;

  const kept = new Map<string, PageDataPost>();
  let asked = false;

  const tell = (posts: readonly PageDataPost[]): void => {
    try {
      dispatch.call(doc, new win.CustomEvent(TELL_EVENT, { detail: writePosts(posts) }));
    } catch {
      // nothing to tell to: the document went
    }
  };

  const keep = (posts: readonly PageDataPost[]): void => {
    if (posts.length === 0) return;
    for (const post of posts) {
      kept.delete(post.code);
      kept.set(post.code, post);
    }
    for (const code of kept.keys()) {
      if (kept.size <= MAX_KEPT) break;
      kept.delete(code);
    }
    if (asked) tell(posts);
  };

  /** Parses in a task of its own: never inside the page's callback. */
  const later = (read: () => readonly PageDataPost[]): void => {
    setTimer(() => {
      try {
        keep(read());
      } catch {
        // a body we could not read: the page has it, we do without
      }
    }, 0);
  };

  /** The URL of a request, without calling anything of the page's (no toString of its objects). */
  const urlOf = (input: unknown): string | undefined => {
    if (typeof input === 'string') return input;
    if (input instanceof win.URL) return input.href;
    if (typeof win.Request === 'function' && input instanceof win.Request) return input.url;
    return undefined;
  };

  const watched = (input: unknown): boolean => {
    const href = urlOf(input);
    if (href === undefined) return false;
    try {
      const url = new win.URL(href, win.location.href);
      return url.origin === origin && isPostsEndpoint(url.pathname);
    } catch {
      return false;
    }
  };

  /**
   * Whether a request's body names a query that cannot hold a profile's posts (home feed, stories,
   * comments…): its answer is not even copied. A body we cannot read as a form says nothing.
   */
  const otherQuery = (body: unknown): boolean => {
    let name: string | null | undefined;
    if (typeof body === 'string') name = queryNameOf(body);
    else if (typeof win.URLSearchParams === 'function' && body instanceof win.URLSearchParams) name = body.get( 'fb_api_req_friendly_name');
    return typeof name === 'string' && name !== '' && !mayHoldPosts(name);
  };

  listen.call(doc, ASK_EVENT, () => {
    asked = true;
    // Nothing kept yet (no posts answer so far): no event; each batch is told as it comes.
    if (kept.size > 0) tell([...kept.values()]);
  });

  if (typeof originalFetch === 'function') {
    const readResponse = (response: Response): void => {
      try {
        if (!response.ok) return;
        const length = Number(response.headers.get('content-length'));
        if (length > MAX_BODY_CHARS * 2) return;
        response
          .clone()
          .text()
          .then((body) => later(() => postsInBody(body)))
          .catch(() => undefined);
      } catch {
        // the body was taken already: nothing to read
      }
    };
    const fetch = function fetch(this: unknown, ...args: Parameters<typeof win.fetch>): Promise<Response> {
      const result = Reflect.apply(originalFetch, this, args) as Promise<Response>;
      try {
        // Registered before the page's own `then` (it gets `result` only when we return): the
        // copy is made before the page reads the body.
        const init = args[1] as { body?: unknown } | undefined;
        if (watched(args[0]) && !otherQuery(init?.body)) result.then(readResponse, () => undefined);
      } catch {
        // never into the page
      }
      return result;
    };
    disguise(fetch, originalFetch);
    win.fetch = fetch;
  }

  const proto = PageXhr?.prototype;
  if (proto && typeof proto.open === 'function' && typeof proto.send === 'function') {
    const originalOpen = proto.open;
    const originalSend = proto.send;
    const targets = new WeakSet<XMLHttpRequest>();
    function onLoad(this: XMLHttpRequest): void {
      try {
        const type = this.responseType;
        if (type === '' || type === 'text') {
          const body = this.responseText;
          later(() => postsInBody(body));
        } else if (type === 'json') {
          const json: unknown = this.response;
          later(() => postsInJson(json));
        }
      } catch {
        // never into the page
      }
    }
    const open = function open(this: XMLHttpRequest, ...args: unknown[]): void {
      try {
        if (watched(args[1])) targets.add(this);
        else targets.delete(this);
      } catch {
        // never into the page
      }
      Reflect.apply(originalOpen, this, args);
    };
    const send = function send(this: XMLHttpRequest, ...args: unknown[]): void {
      try {
        if (targets.has(this) && !otherQuery(args[0])) listen.call(this, 'load', onLoad, { once: true });
      } catch {
        // never into the page
      }
      Reflect.apply(originalSend, this, args);
    };
    disguise(open, originalOpen);
    disguise(send, originalSend);
    proto.open = open as typeof proto.open;
    proto.send = send;
  }
  return true;
}

/** The wrapper answers `name` and `length` as the original does. */
function disguise(wrapper: (...args: never[]) => unknown, original: (...args: never[]) => unknown): void {
  try {
    Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
    Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  } catch {
    // a frozen function: the wrapper keeps its own
  }
}
