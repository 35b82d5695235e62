import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startLoader } from '@/lib/content-loader';
import { prefetchSettings } from '@/lib/settings-early';
import { profileAt } from '@/lib/sites/url';

/**
 * The only script in the manifest's content_scripts (wxt.config.ts adds it): on every page of the
 * five sites, no WXT runtime and no polyfill, only the URL rules. On a profile it imports the main
 * part, entrypoints/content (built by WXT, listed as a web-accessible resource of the sites only).
 */
export default defineUnlistedScript(() => {
  try {
    startLoader({
      win: window,
      doc: document,
      isProfile: (href) => profileAt(href) !== undefined,
      load: () => {
        // bench/ times the badge from here: on a profile this is the loader's first task.
        performance.mark('microscope:content-start');
        const main = import(/* @vite-ignore */ chrome.runtime.getURL('/content-scripts/content.js'));
        // The badge's first render waits for the settings: read them while the import runs.
        try {
          prefetchSettings({
            read: (key, done) =>
              chrome.storage.sync.get(key, (items) => done(chrome.runtime.lastError, (items as Record<string, unknown> | undefined)?.[key])),
            onChanged: chrome.storage.onChanged,
          });
        } catch {
          // no early read: the main part reads the settings itself
        }
        // The renderer's first Intl call starts ICU (25-50 ms of CPU when the page's own scripts
        // haven't yet, as with page scripts off in bench/): in a task of its own while the import
        // is fetched, not inside the main part's first read (one long task otherwise). When ICU
        // is running already, this costs a fraction of a millisecond.
        setTimeout(() => {
          try {
            new Intl.NumberFormat(document.documentElement.lang || undefined).format(1);
          } catch {
            // an odd lang attribute: count.ts copes with it, nothing to warm
          }
        }, 0);
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
