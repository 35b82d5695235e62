import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { tierLabel } from '@/components/words/tiers';
import { createController } from '@/lib/content-controller';
import { startLifetime } from '@/lib/content-lifetime';
import type { ProfileView } from '@/lib/model';
import { diagnosticsForPage } from '@/lib/diagnostics';
import type { GetDiagnosticsResponse, GetViewResponse, Message, TabSummary } from '@/lib/messages';
import { onTemplateLearned } from '@/lib/i18n';
import { setNumberSource } from '@/lib/number-source';
import { boundedLanguageTag } from '@/lib/locale-tag';
import { isMessage } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { loadSettings, watchSettings } from '@/lib/settings-storage';
import { recordProfileVisit } from '@/lib/shortlist/door';
import { ADAPTERS, adapterForHost } from '@/lib/sites';
import { connectPostsFeed } from '@/lib/sites/instagram/feed';
import { isInstagramHost } from '@/lib/sites/url/instagram';
import { loadLocaleCache, saveLocaleCache } from '@/lib/warm-start/locale-cache';
import { packNumberSource } from '@/lib/warm-start/number-pack';
import { switchLanguage } from './language';
import { mountBadge } from './mount-badge';

declare global {
  /** True in `npm run bench`'s build only (MICROSCOPE_BENCH=1, wxt.config.ts); false in every other. */
  const __MICROSCOPE_BENCH__: boolean | undefined;
}

/**
 * The content script: not in the manifest. The background puts it into a tab once the tab shows a
 * profile (lib/injector.ts); from then on it follows the page's navigations itself.
 *
 * An unlisted script, not a WXT content script: WXT's ContentScriptContext announces itself to the
 * page with a DOM event named after the extension and stops when the page sends the same event
 * (issue 14). lib/content-lifetime.ts is its replacement: no event into the page, none obeyed.
 */
export default defineUnlistedScript(() => {
  try {
    // bench/ times the badge from here: the content script's first task. Only in the bench's
    // build (MICROSCOPE_BENCH=1): the page can read every mark, and this one names the extension.
    if (typeof __MICROSCOPE_BENCH__ === 'boolean' && __MICROSCOPE_BENCH__) performance.mark('microscope:content-start');
    start();
  } catch (error) {
    console.warn('[MicroScope]', error);
  }
});

function start(): void {
  // The start-up optimisations (lib/warm-start): numbers from the stored pack when there is one.
  setNumberSource(packNumberSource);
  const lifetime = startLifetime({
    win: window,
    doc: document,
    // After an extension reload, the orphaned script's runtime has no id.
    alive: () => chrome.runtime?.id !== undefined,
    onNavigate: guard(() => controller.navigate(location.href)),
  });
  let settings: Settings = DEFAULT_SETTINGS;
  let lastSummary = '';
  let lastVisit = '';
  let cacheSaveQueued = false;
  // What this page learned from Intl and i18n, for the next one: soon after each view of the
  // profile, and after a text first needed later (the card's). A warm page writes nothing.
  const queueCacheSave = (): void => {
    if (cacheSaveQueued) return;
    cacheSaveQueued = true;
    lifetime.setTimeout(() => {
      cacheSaveQueued = false;
      saveLocaleCache().catch(quietly);
    }, CACHE_SAVE_DELAY_MS);
  };
  onTemplateLearned(queueCacheSave);
  lifetime.onEnd(() => onTemplateLearned(undefined));
  const publish = (view: ProfileView | null): void => {
    // A settled profile is a visit: recent list, and a dated snapshot if it is saved and changed.
    if (view && view.verdict.state !== 'loading') {
      const visit = JSON.stringify([view.url, view.verdict.followers?.value, view.verdict.engagement.ok && view.verdict.engagement.percent]);
      if (visit !== lastVisit) {
        lastVisit = visit;
        recordProfileVisit(view).catch(quietly);
      }
    }
    if (view) queueCacheSave();
    const summary: TabSummary | null =
      view?.verdict.tier !== undefined
        ? {
            platform: view.verdict.platform,
            handle: view.verdict.handle,
            glyph: view.verdict.tier.glyph,
            colour: view.verdict.tier.colour,
            title: `@${view.verdict.handle}: ${tierLabel(view.verdict.tier.tier)}`,
          }
        : null;
    const key = JSON.stringify(summary);
    if (key === lastSummary) return;
    lastSummary = key;
    const message: Message = { type: 'microscope:tab-summary', summary };
    browser.runtime.sendMessage(message).catch(quietly);
  };

  // Instagram's posts as the page's own requests brought them (the observer in the page's world,
  // entrypoints/instagram-posts.content.ts): the grid shows no counts (issue 15, item 4).
  const pageData = isInstagramHost(location.hostname) ? connectPostsFeed(document, lifetime.signal, (read) => lifetime.setTimeout(guard(read), 0)) : undefined;
  const controller = createController({
    doc: document,
    ...(pageData && { pageData }),
    adapters: ADAPTERS,
    mountBadge: (anchor, view, signal) => mountBadge(lifetime, anchor, view, signal),
    publish,
    settings: () => settings,
    setTimeout: (callback, ms) => lifetime.setTimeout(guard(callback), ms),
    signal: lifetime.signal,
    initialUrl: loadedUrl(),
    // Through the lifetime's URL check: one navigation, whichever notices it first.
    onUrlChanged: () => lifetime.checkUrl(),
  });

  // Settings live in storage.sync: a change in the dashboard re-renders open badges at once.
  const applySettings = guard((next: Settings) => {
    if (JSON.stringify(next) === JSON.stringify(settings)) return;
    const platformsChanged = JSON.stringify(next.platforms) !== JSON.stringify(settings.platforms);
    const languageChanged = next.language !== settings.language;
    settings = next;
    // Another language: its messages first (one storage read), then the profile read again, so
    // the badge is drawn anew in it rather than half in each.
    if (languageChanged) {
      switchLanguage(next.language)
        .then(() => {
          if (settings.language === next.language) controller.navigate(location.href);
        })
        .catch(quietly);
    } else if (platformsChanged) controller.navigate(location.href);
    else controller.refresh();
  });
  lifetime.onEnd(watchSettings(applySettings));

  // The first read waits for the saved settings (a few ms), so the badge never shows a tier of
  // a scheme the marketer switched away from, and for the locale cache, so it needs no Intl.
  // Resolves once it ran (or could not start): the popup's question waits for it.
  const firstNavigation = (loaded: Settings, cached: boolean): Promise<void> =>
    new Promise<void>((resolve) => {
      settings = loaded;
      // Nothing stored yet (the first profile since install, a browser update, a new UI
      // language): the read will start ICU, 30-50 ms of CPU where the page's scripts have not;
      // in a task of its own, so that it and the read are two tasks, not one long one.
      if (!cached) lifetime.setTimeout(guard(startIntl), 0);
      lifetime.setTimeout(() => {
        guard(() => controller.navigate(location.href))();
        resolve();
      }, 0);
    });
  const firstRead = Promise.all([loadSettings().catch(() => DEFAULT_SETTINGS), loadLocaleCache()])
    .then(([loaded, cached]) =>
      // The browser's language (the default) goes on at once; a language picked in the settings
      // needs its messages first: one storage read more (language.ts).
      loaded.language === 'browser'
        ? firstNavigation(loaded, cached)
        : switchLanguage(loaded.language).then((used) => firstNavigation(loaded, used)),
    )
    .catch(quietly);

  const onMessage = (message: unknown): Promise<GetViewResponse | GetDiagnosticsResponse> | undefined => {
    if (!isMessage(message)) return undefined;
    // Asked before the first read (the popup opened while the page loads): answered after it, not
    // with "no view", which the popup would take for "not a profile".
    if (message.type === 'microscope:get-view') return firstRead.then(() => controller.current());
    if (message.type !== 'microscope:get-diagnostics') return undefined;
    try {
      return Promise.resolve(
        diagnosticsForPage(document, controller.current(), {
          url: location.href,
          version: browser.runtime.getManifest().version,
          userAgent: navigator.userAgent,
          platform: adapterForHost(location.hostname)?.platform,
        }),
      );
    } catch (error) {
      console.warn('[MicroScope] diagnostics', location.href, error);
      return Promise.resolve(null);
    }
  };
  // The popup's questions (lib/messages.ts): answered while this main part runs.
  const listener = (message: unknown): Promise<unknown> | undefined => {
    try {
      return onMessage(message);
    } catch {
      return undefined;
    }
  };
  browser.runtime.onMessage.addListener(listener);
  lifetime.onEnd(() => {
    try {
      browser.runtime.onMessage.removeListener(listener);
    } catch {
      // the extension is gone: so is its listener
    }
    controller.stop();
  });
}

/**
 * The locale cache is written this long after the view that needed it: in a task of its own, off
 * the badge's path (a first page derives its number pack there), yet before a quick visitor leaves.
 */
const CACHE_SAVE_DELAY_MS = 300;

function startIntl(): void {
  try {
    // The lang as the adapters read it (lib/dom.ts pageLocale): bounded, whatever the page wrote.
    new Intl.NumberFormat(boundedLanguageTag(document.documentElement.getAttribute('lang'))).format(1);
  } catch {
    // an odd lang attribute: count.ts copes with it, nothing to warm
  }
}

/**
 * The URL this document was loaded with: its embedded bootstrap data describes that page only.
 * Not location.href: the background injects this part when a profile shows, maybe after SPA navigations.
 */
function loadedUrl(): string {
  try {
    const entry = performance.getEntriesByType('navigation')[0];
    if (entry?.name) return entry.name;
  } catch {
    // no Navigation Timing: the URL now is the best guess
  }
  return location.href;
}

let warned = false;
/** Every entry from the page runs through here: errors are logged once and never reach the page. */
function guard<A extends unknown[]>(callback: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      callback(...args);
    } catch (error) {
      if (!warned) console.warn('[MicroScope]', location.href, error);
      warned = true;
    }
  };
}

/** After an extension reload the old script's messages fail: expected, so one quiet line at most. */
function quietly(error: unknown): void {
  const text = String(error);
  if (/context invalidated|Receiving end does not exist/i.test(text)) return;
  console.debug('[MicroScope]', text);
}
