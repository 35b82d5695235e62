import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t, uiLanguage } from '@/lib/i18n';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { loadSettings, watchSettings } from '@/lib/settings-storage';
import { applyLanguage } from '@/lib/ui-messages';
import { App } from './App';
import '@/components/page-base.css';
import './style.css';

const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  let drawn = 0;
  const draw = (): void => {
    // index.html is static: say which language the page is in (screen readers, hyphenation).
    document.documentElement.lang = uiLanguage();
    document.title = t('actionTitle');
    // A new key after a change of language: every word is made again, none kept from the last.
    drawn += 1;
    app.render(
      <StrictMode>
        <App key={drawn} />
      </StrictMode>,
    );
  };
  // The language setting first (lib/ui-messages.ts): the browser's draws at once, a picked one
  // once its messages are read. A change in the dashboard redraws the open popup in it.
  loadSettings()
    .catch(() => DEFAULT_SETTINGS)
    .then((settings) => {
      watchSettings((next) => void applyLanguage(next.language)?.then((changed) => changed && draw()));
      const switching = applyLanguage(settings.language);
      if (switching) void switching.then(draw);
      else draw();
    })
    .catch((error: unknown) => console.warn('[MicroScope] popup', error));
}
