import { MAIN_PART_KEY } from './injector';

/**
 * The main part's lifetime and its view of the page's navigations, in place of WXT's
 * ContentScriptContext, whose two DOM events the page can hear and forge (issue 14):
 * - on start it dispatched `<extension id>:content:wxt:content-script-started` on `document`, and
 *   stopped itself when that event came with `contentScriptName: 'content'` — from any page script,
 *   the id being public in the stores;
 * - its location watcher dispatched `<extension id>:content:wxt:locationchange` on `window` at every
 *   SPA navigation: a page could tell the extension was there, and fake a navigation.
 * (WXT 0.20: wxt/dist/utils/content-script-context.mjs stopOldScripts/listenForNewerScripts, and
 * utils/internal/location-watcher.mjs; every content script built with defineContentScript has it.)
 *
 * Here nothing is dispatched into the page. It ends when the extension goes (reload, update,
 * removal: `alive()` false, checked every poll and before every timer) or when a newer main part in
 * the same extension world replaces it; a page event neither stops nor restarts it. Navigations are
 * read from the URL itself: a page event only makes us look at `location.href` sooner.
 */

export interface LifetimeDeps {
  win: Window;
  doc: Document;
  /** False once the extension was reloaded or removed (`chrome.runtime.id` gone). */
  alive(): boolean;
  /** Called with the new URL after the document's URL changed (pushState, back/forward, …). */
  onNavigate(href: string): void;
  /** The current URL (injectable for tests). */
  href?: () => string;
  /** How often the URL and the extension are looked at where no event tells. */
  pollMs?: number;
}

export interface Lifetime {
  /** Aborted when this main part ends. */
  readonly signal: AbortSignal;
  /** `setTimeout` that does not run once ended (and ends it if the extension went meanwhile). */
  setTimeout(callback: () => void, ms: number): void;
  /** Runs `callback` when this main part ends (at once if it has). Returns the undo. */
  onEnd(callback: () => void): () => void;
  /** Looks at the URL now (a mutation showed the page changed before any navigation event). */
  checkUrl(): void;
  /** Ends it: every timer, listener and `onEnd` callback. Idempotent. */
  end(): void;
}

/** As often as WXT's own watcher looks at the URL where no event tells. */
export const LIFETIME_POLL_MS = 1000;

/**
 * The running main part of this extension world (not the page's: content scripts have their own
 * globals); the background's probe looks here before it injects (lib/injector.ts).
 */
const CURRENT = Symbol.for(MAIN_PART_KEY);
type WithCurrent = typeof globalThis & { [CURRENT]?: Lifetime };

export function startLifetime(deps: LifetimeDeps): Lifetime {
  const { win, doc } = deps;
  const href = deps.href ?? (() => win.location.href);
  const controller = new AbortController();
  const { signal } = controller;
  let lastHref = href();
  const timers = new Set<number>();

  const end = (): void => {
    if (signal.aborted) return;
    controller.abort();
    win.clearInterval(timer);
    for (const id of timers) win.clearTimeout(id);
    timers.clear();
    if ((globalThis as WithCurrent)[CURRENT] === lifetime) delete (globalThis as WithCurrent)[CURRENT];
  };

  const isAlive = (): boolean => {
    if (signal.aborted) return false;
    let alive = false;
    try {
      alive = deps.alive();
    } catch {
      // the extension API itself is gone
    }
    if (!alive) end();
    return alive;
  };

  /** A navigation YouTube has not announced the end of yet (yt-navigate-finish). */
  let finishPending = false;

  const check = (): void => {
    if (!isAlive()) return;
    const now = href();
    if (now === lastHref) return;
    lastHref = now;
    finishPending = true;
    deps.onNavigate(now);
  };

  /**
   * YouTube changes the URL first and replaces the old channel's elements only later, then says
   * so with yt-navigate-finish: the page is read again then, so nothing read from the old
   * channel's grid stays. Only after a URL change this main part saw: the event alone (any page
   * can dispatch it) changes nothing.
   */
  const finished = (): void => {
    const before = lastHref;
    check();
    if (lastHref !== before || !finishPending || signal.aborted) {
      finishPending = false;
      return;
    }
    finishPending = false;
    deps.onNavigate(lastHref);
  };

  const listen = { signal, passive: true } as const;
  // The Navigation API sees pushState at once (Chrome); popstate covers back/forward, YouTube's own
  // event its in-app navigations (Firefox ESR 140 has no Navigation API); the poll the rest.
  (win as Window & { navigation?: EventTarget }).navigation?.addEventListener('currententrychange', check, listen);
  win.addEventListener('popstate', check, listen);
  doc.addEventListener('yt-navigate-finish', finished, listen);
  const timer = win.setInterval(check, deps.pollMs ?? LIFETIME_POLL_MS);

  const lifetime: Lifetime = {
    signal,
    setTimeout(callback, ms) {
      if (signal.aborted) return;
      const id = win.setTimeout(() => {
        timers.delete(id);
        if (isAlive()) callback();
      }, ms);
      timers.add(id);
    },
    onEnd(callback) {
      if (signal.aborted) {
        callback();
        return () => undefined;
      }
      signal.addEventListener('abort', callback, { once: true });
      return () => signal.removeEventListener('abort', callback);
    },
    checkUrl: check,
    end,
  };

  // A newer main part replaces an older one of the same world (an extension reload that kept the
  // page): the old badge goes before the new one mounts.
  (globalThis as WithCurrent)[CURRENT]?.end();
  (globalThis as WithCurrent)[CURRENT] = lifetime;
  return lifetime;
}
