import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { MAIN_PART, startLoader } from '@/lib/content-loader';
import { prefetchLocaleCache, prefetchSettings } from '@/lib/settings-early';
import { profileAt } from '@/lib/sites/url';

declare global {
  /** True in `npm run bench`'s build only (MICROSCOPE_BENCH=1, wxt.config.ts); false in every other. */
  const __MICROSCOPE_BENCH__: boolean | undefined;
}

/**
 * The only script in the manifest's content_scripts (wxt.config.ts adds it): on every page of the
 * five sites, no WXT runtime and no polyfill, only the URL rules. On a profile it imports the main
 * part, entrypoints/content-main (built by WXT, listed as a web-accessible resource of the sites only).
 */
export default defineUnlistedScript(() => {
  try {
    startLoader({
      win: window,
      doc: document,
      isProfile: (href) => profileAt(href) !== undefined,
      load: () => {
        // bench/ times the badge from here: on a profile this is the loader's first task. Only in
        // the bench's build: the page can read every mark, and this one names the extension.
        if (typeof __MICROSCOPE_BENCH__ === 'boolean' && __MICROSCOPE_BENCH__) performance.mark('microscope:content-start');
        const main = import(/* @vite-ignore */ chrome.runtime.getURL(`/${MAIN_PART}`));
        // The badge's first render waits for the settings and the locale cache (what earlier
        // pages learned from Intl and i18n, lib/locale-cache.ts): read them while the import runs.
        try {
          const reader =
            (area: Pick<typeof chrome.storage.local, 'get'>) =>
            (key: string, done: (error: unknown, value?: unknown) => void): void =>
              area.get(key, (items) => done(chrome.runtime.lastError, (items as Record<string, unknown> | undefined)?.[key]));
          prefetchSettings({ read: reader(chrome.storage.sync), onChanged: chrome.storage.onChanged });
          prefetchLocaleCache(reader(chrome.storage.local));
        } catch {
          // no early read: the main part reads them itself
        }
        return main;
      },
      alive: () => chrome.runtime?.id !== undefined,
      // Looked up when used: the loader wakes no extension API on a page that is not a profile.
      messages: {
        addListener: (listener) => chrome.runtime.onMessage.addListener(listener as never),
        removeListener: (listener) => chrome.runtime.onMessage.removeListener(listener as never),
      },
    });
  } catch (error) {
    console.warn('[MicroScope] loader', error);
  }
});
