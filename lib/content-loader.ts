/**
 * The part of the content script that runs on every page of the five sites: it knows which URLs
 * are profiles (lib/sites/url, pure functions) and nothing else. Only when the tab shows a profile
 * — on load or after an SPA navigation — does it load the main part (entrypoints/content-main:
 * polyfill, controller, adapters, badge UI), which then follows the page by itself.
 *
 * Why: a WXT content script with the webextension polyfill costs ~7–9 ms of script per page load
 * before it does anything; the five sites are mostly not profiles. See bench/README.md.
 *
 * No WXT, no polyfill, no DOM reading here: keep it that way (bench/results.md, "not a profile").
 */

/**
 * The main part as built (WXT builds the unlisted script entrypoints/content-main to this file): the
 * loader imports it, the manifest lists it as the one web-accessible resource (wxt.config.ts).
 */
export const MAIN_PART = 'content-main.js';

/** What the popup asks the tab (lib/messages.ts); anything else is not the content script's. */
const ASKS = new Set(['microscope:get-view', 'microscope:get-diagnostics']);

/** The main part answers the popup through this hook: the loader owns the one message listener. */
const ANSWERS = Symbol.for('microscope.content-answers');

export type Answer = (message: unknown) => Promise<unknown> | undefined;

type WithAnswers = typeof globalThis & { [ANSWERS]?: Answer };

/** Called by the main part: from now on the popup's questions go to `answer`. Returns the undo. */
export function provideAnswers(answer: Answer): () => void {
  (globalThis as WithAnswers)[ANSWERS] = answer;
  return () => {
    if ((globalThis as WithAnswers)[ANSWERS] === answer) delete (globalThis as WithAnswers)[ANSWERS];
  };
}

/** The subset of `chrome.runtime.onMessage` the loader uses (a fake in tests). */
export interface MessageEvents {
  addListener(listener: MessageListener): void;
  removeListener(listener: MessageListener): void;
}
export type MessageListener = (message: unknown, sender: unknown, sendResponse: (response?: unknown) => void) => boolean | undefined;

export interface LoaderDeps {
  win: Window;
  doc: Document;
  /** True when `href` is a profile of a supported site (lib/sites/url profileAt). */
  isProfile(href: string): boolean;
  /** Loads and starts the main part (a dynamic import); resolves once it runs. */
  load(): Promise<unknown>;
  /** False once the extension was reloaded or removed (`chrome.runtime.id` gone). */
  alive(): boolean;
  messages: MessageEvents;
  /** The current URL (injectable for tests). */
  href?: () => string;
  /** How often the URL is compared where no navigation event tells (Firefox before the Navigation API). */
  pollMs?: number;
}

/** How often the loader looks at the URL: as often as WXT's own location watcher. */
export const LOADER_POLL_MS = 1000;

export interface Loader {
  /** The main part's load, once started. */
  readonly loading: Promise<void> | undefined;
  stop(): void;
}

export function startLoader(deps: LoaderDeps): Loader {
  const { win, doc } = deps;
  const href = deps.href ?? (() => win.location.href);
  let loading: Promise<void> | undefined;
  let failed = false;
  let watching = true;
  let listening = false;
  let lastHref = '';

  const answer = (): Answer | undefined => (globalThis as WithAnswers)[ANSWERS];
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;

  const unwatch = (): void => {
    if (!watching) return;
    watching = false;
    win.clearInterval(timer);
    win.removeEventListener('popstate', check);
    doc.removeEventListener('yt-navigate-finish', check);
    navigation?.removeEventListener('currententrychange', check);
  };

  const stop = (): void => {
    unwatch();
    if (!listening) return;
    listening = false;
    try {
      deps.messages.removeListener(onMessage);
    } catch {
      // the extension is gone: so is its listener
    }
  };

  function check(): void {
    try {
      const now = href();
      if (now === lastHref || loading || failed) return;
      const first = lastHref === '';
      lastHref = now;
      // The extension API is touched only when the URL changed or to load: on a page that is not a
      // profile the loader never wakes the extension bindings (~1.5 ms; bench/README.md).
      if (!first && !deps.alive()) {
        stop();
        return;
      }
      if (!deps.isProfile(now)) return;
      if (!deps.alive()) {
        stop();
        return;
      }
      // From here on the main part follows the page (its own navigation watching and teardown).
      unwatch();
      deps.messages.addListener(onMessage);
      listening = true;
      loading = deps.load().then(
        () => undefined,
        (error: unknown) => {
          failed = true;
          // After an extension reload the old script cannot load anything: expected, stay quiet.
          if (deps.alive()) console.warn('[MicroScope] could not load the content script', error);
        },
      );
    } catch (error) {
      failed = true;
      stop();
      console.warn('[MicroScope] loader', error);
    }
  }

  /**
   * The popup's questions, once the main part is loading: answered by it (provideAnswers), after
   * it loaded. Where the main part never loaded the popup does not ask: the URL is not a profile.
   */
  function onMessage(message: unknown, _sender: unknown, sendResponse: (response?: unknown) => void): boolean | undefined {
    try {
      const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
      if (typeof type !== 'string' || !ASKS.has(type)) return undefined;
      const respond = (): boolean => {
        const pending = answer()?.(message);
        if (!pending) {
          sendResponse(null);
          return false;
        }
        pending.then(sendResponse, () => sendResponse(null));
        return true;
      };
      if (!loading) return respond();
      // Asked while the main part is loading: answer once it can.
      loading.then(respond, () => sendResponse(null));
      return true;
    } catch {
      sendResponse(null);
      return false;
    }
  }

  // The Navigation API sees pushState at once (Chrome); popstate and YouTube's own event cover
  // back/forward and YouTube; the interval covers the rest and notices an extension reload.
  navigation?.addEventListener('currententrychange', check);
  win.addEventListener('popstate', check);
  doc.addEventListener('yt-navigate-finish', check);
  const timer = win.setInterval(check, deps.pollMs ?? LOADER_POLL_MS);
  check();

  return {
    get loading() {
      return loading;
    },
    stop,
  };
}
