import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startLoader } from '@/lib/content-loader';
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
        return import(/* @vite-ignore */ chrome.runtime.getURL('/content-scripts/content.js'));
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
