import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { t, uiLanguage } from '@/lib/i18n';
import { whenSettingsHydrated } from '@/lib/settings-storage';
import { loadFirstPage, type FirstPage } from '@/lib/storage';
import { prefetchShortlist } from '@/lib/store';
import { App } from './App';
import './style.css';

const root = document.getElementById('root');
if (root) {
  // index.html is static: say which language the page is in (screen readers, hyphenation).
  document.documentElement.lang = uiLanguage();
  document.title = t('dashboardTitle');
  // The small reads first (a few ms each): the settings and the stored first page, which the
  // table shows while the whole shortlist is read (100–250 ms for 5 000 profiles: storage answers
  // in order, so a small read asked for after it would wait for it).
  const reads = Promise.all([loadFirstPage(), whenSettingsHydrated()]);
  // Asked for after the small reads (storage answers in order), before React starts.
  const release = prefetchShortlist();
  const start = (firstPage: FirstPage | undefined): void => {
    // With a first page to show: painted before the whole shortlist is decoded (a long task).
    release(firstPage ? new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))) : undefined);
    const app = createRoot(root);
    // Rendered in this task, not in React's time slices the shortlist's reply could come between.
    flushSync(() =>
      app.render(
        <StrictMode>
          <App firstPage={firstPage} />
        </StrictMode>,
      ),
    );
  };
  reads.then(
    ([firstPage]) => start(firstPage),
    () => start(undefined),
  );
}
