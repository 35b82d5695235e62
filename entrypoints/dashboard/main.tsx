import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { t, uiLanguage } from '@/lib/i18n';
import { takeSettingsFrom, useSettings, whenSettingsHydrated } from '@/lib/settings-storage';
import { shortlistDoor } from '@/lib/shortlist/door';
import type { FirstPage } from '@/lib/shortlist/layout';
import { prefetchShortlist } from '@/lib/shortlist/store';
import { applyLanguage } from '@/lib/ui-messages';
import { App } from './App';
import { takeEarlyFirstPage, takeEarlyShortlist } from '@/lib/warm-start/dashboard';
import { takePrefetchedSettings } from '@/lib/warm-start/settings-early';
import '@/components/page-base.css';
import './style.css';

/** index.html is static: say which language the page is in (screen readers, hyphenation). */
function nameThePage(): void {
  document.documentElement.lang = uiLanguage();
  document.title = t('dashboardTitle');
}

const root = document.getElementById('root');
if (root) {
  nameThePage();
  // The <head>'s early script (lib/warm-start/dashboard.ts) started the first reads while this
  // module loaded: the settings store takes its read from there.
  takeSettingsFrom(takePrefetchedSettings);
  // The small reads first (a few ms each): the settings and the stored first page, which the
  // table shows while the whole shortlist is read (100–250 ms for 5 000 profiles: storage answers
  // in order, so a small read asked for after it would wait for it). Started by the early script
  // too; without it they are asked for now.
  const early = takeEarlyFirstPage();
  const door = shortlistDoor();
  const reads = Promise.all([early ? door.loadFirstPage(early).catch(() => door.loadFirstPage()) : door.loadFirstPage(), whenSettingsHydrated()]);
  // The whole shortlist is asked for once the first page is rendered (at once when there is none
  // to show): for 5 000 profiles the browser process spends 35–60 ms of CPU on that read, which
  // would run beside the render on this project's 2 cores; after it, beside layout and paint.
  // When the early script found the stored page not current, it asked for everything at once.
  let ask: () => void = () => undefined;
  const release = prefetchShortlist(new Promise<void>((resolve) => (ask = resolve)), takeEarlyShortlist());
  const start = (firstPage: FirstPage | undefined): void => {
    // With a first page to show: painted before the whole shortlist is decoded (a long task).
    release(firstPage ? new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))) : undefined);
    if (!firstPage) ask();
    const app = createRoot(root);
    // Rendered in this task, not in React's time slices the shortlist's reply could come between.
    flushSync(() =>
      app.render(
        <StrictMode>
          <App firstPage={firstPage} />
        </StrictMode>,
      ),
    );
    ask();
    // The language setting changed (here or in another browser): drawn anew in the new language,
    // with a new key so no word of the old one stays.
    let drawn = 0;
    const follow = (): void => {
      // Nothing to do (undefined) while the language shown is the one set.
      void applyLanguage(useSettings.getState().settings.language)?.then((changed) => {
        if (!changed) return;
        nameThePage();
        drawn += 1;
        app.render(
          <StrictMode>
            <App key={drawn} firstPage={firstPage} />
          </StrictMode>,
        );
      });
    };
    useSettings.subscribe(follow);
    // A change while the first render waited for its language.
    follow();
  };
  // A language picked in the settings: its messages before the first render (the browser's,
  // the default, need no wait).
  const ready = (firstPage: FirstPage | undefined): void => {
    const switching = applyLanguage(useSettings.getState().settings.language);
    if (!switching) start(firstPage);
    else
      void switching.then(() => {
        nameThePage();
        start(firstPage);
      });
  };
  reads.then(
    ([firstPage]) => ready(firstPage),
    () => ready(undefined),
  );
}
