import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createController, type ProfileView } from '@/lib/content-controller';
import { diagnosticsForPage } from '@/lib/diagnostics';
import type { GetDiagnosticsResponse, GetViewResponse, Message, TabSummary } from '@/lib/messages';
import { isMessage } from '@/lib/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { ADAPTERS, adapterForHost } from '@/lib/sites';
import { SITE_MATCHES } from '@/lib/sites/hosts';
import { mountBadge } from './mount-badge';

export default defineContentScript({
  matches: [...SITE_MATCHES],
  // The badge brings its own CSS into its shadow root (mount-badge.tsx): nothing goes into the page.
  cssInjectionMode: 'manual',
  main(ctx) {
    let lastSummary = '';
    const publish = (view: ProfileView | null): void => {
      const summary: TabSummary | null =
        view?.verdict.tier !== undefined
          ? {
              platform: view.verdict.platform,
              handle: view.verdict.handle,
              glyph: view.verdict.tier.glyph,
              colour: view.verdict.tier.colour,
              title: `@${view.verdict.handle}: ${view.verdict.tier.label}`,
            }
          : null;
      const key = JSON.stringify(summary);
      if (key === lastSummary) return;
      lastSummary = key;
      const message: Message = { type: 'microscope:tab-summary', summary };
      browser.runtime.sendMessage(message).catch(quietly);
    };

    const controller = createController({
      doc: document,
      adapters: ADAPTERS,
      mountBadge: (anchor, view, signal) => mountBadge(ctx, anchor, view, signal),
      publish,
      settings: () => DEFAULT_SETTINGS,
      setTimeout: (callback, ms) => ctx.setTimeout(guard(callback), ms),
      signal: ctx.signal,
      initialUrl: location.href,
      onUrlChanged: () => controller.navigate(location.href),
    });

    ctx.addEventListener(window, 'wxt:locationchange', guard(() => controller.navigate(location.href)));
    // YouTube reuses the page across navigations and announces the new one with its own event.
    ctx.addEventListener(document, 'yt-navigate-finish', guard(() => controller.navigate(location.href)));

    const onMessage = (message: unknown): Promise<GetViewResponse | GetDiagnosticsResponse> | undefined => {
      if (!isMessage(message)) return undefined;
      if (message.type === 'microscope:get-view') return Promise.resolve(controller.current());
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
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      controller.stop();
    });

    guard(() => controller.navigate(location.href))();
  },
});

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
