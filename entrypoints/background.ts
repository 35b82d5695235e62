import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { injectMainPart } from '@/lib/inject-main-part';
import { createInjector } from '@/lib/injector';
import { createFirstRun } from '@/lib/first-run';
import { isMessage } from '@/lib/messages';
import { SITE_MATCHES } from '@/lib/platforms';
import { serveShortlistWrites, shortlistDoor } from '@/lib/shortlist/door';
import { touchesProfiles } from '@/lib/shortlist/first-page';
import { profileAt } from '@/lib/sites/url';
import { loadSettings, watchSettings } from '@/lib/settings-storage';
import { answerUiMessages, storeUiMessages } from '@/lib/ui-messages';

/**
 * The toolbar badge of each tab: the tier glyph in the tier colour while the tab shows a profile,
 * nothing otherwise. Chrome clears tab-specific badges when a tab loads a new document; SPA
 * navigations are reported by the content script.
 */
export default defineBackground(() => {
  // The shortlist's one writer: every context's changes are applied here, one at a time
  // (lib/shortlist/door.ts). Registered first, in the worker's first task, so a message that
  // wakes the service worker finds it.
  serveShortlistWrites();

  // The content script: put into a tab when it shows a profile (lib/injector.ts), nowhere else.
  const injector = createInjector({
    isProfile: (url) => profileAt(url) !== undefined,
    inject: injectMainPart,
    warn: (message, error) => console.warn(message, error),
  });
  const onUpdated = (tabId: number, change: { url?: string; status?: string }, tab: { url?: string }): void => injector.onUpdated(tabId, change, tab);
  // Firefox can filter the event: only the sites' tabs, only URL and status changes, so the
  // background is not called for every title change in every tab. Chrome takes no filter.
  if (import.meta.env.FIREFOX) {
    const addFiltered = browser.tabs.onUpdated.addListener as (listener: typeof onUpdated, filter: { urls: string[]; properties: string[] }) => void;
    addFiltered.call(browser.tabs.onUpdated, onUpdated, { urls: [...SITE_MATCHES], properties: ['url', 'status'] });
  } else browser.tabs.onUpdated.addListener(onUpdated);
  // Installed, updated or reloaded: the profiles already open get their badge without a reload
  // (an older main part in them ends itself, lib/content-lifetime.ts).
  browser.runtime.onInstalled.addListener(() => {
    browser.tabs
      .query({ url: [...SITE_MATCHES] })
      .then((tabs) => Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : injector.ensure(tab.id, tab.url)))))
      .catch((error: unknown) => console.warn('[MicroScope] open tabs', error));
  });
  // Installed into this profile: one welcome tab, once (lib/first-run.ts); never on an update of
  // MicroScope or of the browser, nor on a developer-mode reload.
  const firstRun = createFirstRun({
    local: browser.storage.local,
    openWelcome: () => browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }),
    version: browser.runtime.getManifest().version,
    warn: (message, error) => console.warn(message, error),
  });
  browser.runtime.onInstalled.addListener(({ reason }) => void firstRun(reason));

  // The messages of a language picked in the settings, kept in storage.local for the content
  // script, which cannot read the extension's files (lib/ui-messages.ts): whenever the setting
  // changes (in the dashboard or synced from another browser), at start and after an update.
  const keepUiMessages = (): void => {
    loadSettings()
      .then((settings) => storeUiMessages(settings.language))
      .catch((error: unknown) => console.warn('[MicroScope] messages of the picked language', error));
  };
  watchSettings((settings) => {
    storeUiMessages(settings.language).catch((error: unknown) => console.warn('[MicroScope] messages of the picked language', error));
  });
  browser.runtime.onInstalled.addListener(keepUiMessages);
  browser.runtime.onStartup.addListener(keepUiMessages);
  // A content script that found none of this build: made now and answered.
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isMessage(message) || message.type !== 'microscope:ui-messages') return undefined;
    return answerUiMessages(message.locale).catch((error: unknown) => {
      console.warn('[MicroScope] messages of the picked language', error);
      return undefined;
    });
  });

  const action = browser.action ?? browser.browserAction;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage(message) || message.type !== 'microscope:tab-summary') return undefined;
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const { summary } = message;
    const done = Promise.all([
      action.setBadgeText({ tabId, text: summary?.glyph ?? '' }),
      summary ? action.setBadgeBackgroundColor({ tabId, color: summary.colour }) : undefined,
      summary && 'setBadgeTextColor' in action ? action.setBadgeTextColor({ tabId, color: '#FFFFFF' }) : undefined,
      action.setTitle({ tabId, title: summary ? `MicroScope — ${summary.title}` : 'MicroScope' }),
    ]).catch((error: unknown) => console.warn('[MicroScope] toolbar badge', error));
    return done.then(() => undefined);
  });

  // The dashboard's stored first page follows each change to the profiles (lib/shortlist/first-page.ts),
  // one event at a time and in order, so the next dashboard visit can show it at once. A removal's
  // remove() event has no revision in it: every event that touches profiles or the revision goes.
  let following: Promise<unknown> = Promise.resolve();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !touchesProfiles(changes)) return;
    following = following.then(() => shortlistDoor().followFirstPage(changes)).catch((error: unknown) => console.warn('[MicroScope] first page', error));
  });
});
