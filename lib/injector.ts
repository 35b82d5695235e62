/**
 * The content script is not in the manifest: the background puts it into a tab when the tab's URL
 * becomes a profile (issue 14, "no loader on every page"). Pages that are not profiles run nothing
 * of ours, and no file of the extension is web-accessible. The measurements: bench/README.md.
 *
 * `tabs.onUpdated` reports a tab's URL for the sites in the host permissions (no `tabs`
 * permission): on a full load (`status: 'loading'` with the URL, then `'complete'`) and on an SPA
 * navigation (`url` alone, pushState included). Once in a document the main part follows the
 * page's navigations itself (lib/content-lifetime.ts); the injector only makes sure one runs.
 */

/** The file WXT builds from entrypoints/content-main (an unlisted script): what is injected. */
export const MAIN_PART = 'content-main.js';

/**
 * Where the running main part keeps its lifetime in the extension's world (the content scripts'
 * own globals, not the page's): set by lib/content-lifetime.ts, read by MAIN_PART_GUARD.
 */
export const MAIN_PART_KEY = 'microscope.content-main';

/** What the guard finds of a main part in a document. */
export interface RunningMainPart {
  readonly signal: AbortSignal;
  checkUrl(): void;
}

/**
 * Runs in the tab before anything else of the injected file (MAIN_PART_GUARD): true when a live
 * main part runs there already, which it then makes look at the URL now (an SPA navigation is
 * noticed at once, even where no navigation event tells it: Firefox ESR). Self-contained: its
 * source is put in front of the built file (wxt.config.ts).
 */
export function probeMainPart(key: string): boolean {
  const running = (globalThis as Record<symbol, RunningMainPart | undefined>)[Symbol.for(key)];
  if (!running) return false;
  running.checkUrl();
  return !running.signal.aborted;
}

/**
 * What wxt.config.ts wraps the built content script in: where a live main part runs, injecting the
 * file again evaluates nothing of it but this check (V8 reuses the compiled script within the
 * page's process). So the background injects on every profile URL of a tab, without first asking
 * the tab (a round trip on the way to the badge, measured: bench/README.md).
 */
export const MAIN_PART_GUARD = {
  before: `if(!(${probeMainPart.toString()})(${JSON.stringify(MAIN_PART_KEY)})){`,
  after: '\n}',
};

export interface InjectorDeps {
  /** True when `url` is a profile of a supported site (lib/sites/url profileAt). */
  isProfile(url: string): boolean;
  /** The main part (guarded: MAIN_PART_GUARD) into the tab's top frame. */
  inject(tabId: number): Promise<void>;
  /** Where an injection failed for another reason than a tab that went or navigated on. */
  warn?(message: string, error: unknown): void;
}

/** The parts of `tabs.onUpdated`'s arguments the injector reads. */
export interface TabChange {
  url?: string;
  status?: string;
}

export interface Injector {
  /** `tabs.onUpdated`: ensures a main part where the tab now shows a profile. */
  onUpdated(tabId: number, change: TabChange, tab: { url?: string }): void;
  /** Ensures a main part in the tab if its URL is a profile (an install, a tab found open). */
  ensure(tabId: number, url: string | undefined): Promise<void>;
}

export function createInjector(deps: InjectorDeps): Injector {
  const ensure = async (tabId: number, url: string | undefined): Promise<void> => {
    if (url === undefined || !deps.isProfile(url)) return;
    try {
      await deps.inject(tabId);
    } catch (error) {
      // The tab closed, navigated on, or shows an error page meanwhile: the next event tells.
      if (!isExpected(error)) deps.warn?.('[MicroScope] could not start on the tab', error);
    }
  };

  return {
    onUpdated(tabId, change, tab) {
      // A full load: the URL with 'loading' (the injection waits for the document to be idle),
      // and 'complete' in case the first came before the new document was there. An SPA
      // navigation: the URL (Chrome also says 'loading' and 'complete' for it). The guard makes
      // every injection after the first one in a document a look at the URL, nothing more.
      if (change.url === undefined && change.status !== 'complete') return;
      void ensure(tabId, change.url ?? tab.url);
    },
    ensure,
  };
}

/** Errors of a tab that went away or cannot take scripts: nothing to report. */
function isExpected(error: unknown): boolean {
  return /No tab with id|Frame with ID|frame was removed|No frame with id|Missing host permission|Cannot access|error page|Invalid tab ID|tab was closed|document was unloaded|Receiving end/i.test(
    String(error),
  );
}
