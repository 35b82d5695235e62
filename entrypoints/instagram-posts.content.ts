import { defineContentScript } from 'wxt/utils/define-content-script';
import { PLATFORM_MATCHES } from '@/lib/platforms';
import { installPostsObserver } from '@/lib/sites/instagram/observer';

/**
 * The Instagram posts observer (lib/sites/instagram/observer.ts): in the page's world, from
 * document start, on Instagram's profile hosts only (https), top frame only. Every Instagram page,
 * not only profiles: an SPA navigation from the feed to a profile fetches the posts then, before
 * the content script is injected (issue 15, item 4).
 *
 * The one script in the manifest (the rest is injected on profiles: lib/injector.ts): Chrome 111+
 * and Firefox 128+ run `world: "MAIN"` content scripts, in MV3 and Firefox's MV2 alike.
 */
export default defineContentScript({
  matches: [...PLATFORM_MATCHES.instagram],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: false,
  main() {
    try {
      installPostsObserver(window);
    } catch {
      // never into the page: Instagram works as without us
    }
  },
});
