import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t, uiLanguage } from '@/lib/i18n';
import { App } from './App';
import '@/components/page-base.css';
import './style.css';

const root = document.getElementById('root');
if (root) {
  // index.html is static: say which language the page is in (screen readers, hyphenation).
  document.documentElement.lang = uiLanguage();
  document.title = t('welcomeTitle');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
