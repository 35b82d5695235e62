import { t } from '@/lib/i18n';
import { PLATFORM_DOMAINS, PLATFORM_NAMES, PLATFORMS, type Platform } from '@/lib/platforms';
import { Brand } from '@/components/Brand';

/** Whose toolbar the pinning steps describe: Chrome's (and other Chromium browsers') or Firefox's. */
export type PinSteps = 'chrome' | 'firefox';

export interface WelcomeProps {
  pinSteps: PinSteps;
  onOpenDashboard: () => void;
  onOpenSettings: () => void;
  /** The sites listed; every platform MicroScope reads unless a test says otherwise. */
  platforms?: readonly Platform[];
}

const STEPS = {
  chrome: ['welcomePinChromeOpen', 'welcomePinChromePin'],
  firefox: ['welcomePinFirefoxOpen', 'welcomePinFirefoxPin'],
} as const;

/**
 * The welcome tab, opened once after install (lib/first-run.ts): what MicroScope does and where,
 * that nothing leaves the browser, how to pin its toolbar button, and the way to the dashboard and
 * its settings. Links to nothing outside the extension.
 */
export function Welcome({ pinSteps, onOpenDashboard, onOpenSettings, platforms = PLATFORMS }: WelcomeProps) {
  return (
    <>
      <header className="masthead">
        <Brand />
      </header>
      <main className="welcome">
        <section className="hero" aria-labelledby="welcome-title">
          <h1 id="welcome-title">{t('welcomeTitle')}</h1>
          <p className="lead">{t('welcomeIntro')}</p>
          <button type="button" className="button button-primary button-large" onClick={onOpenDashboard}>
            {t('openDashboard')}
          </button>
        </section>
        <div className="cards">
          <section className="card" aria-labelledby="welcome-sites">
            <h2 id="welcome-sites">{t('welcomeSitesHeading')}</h2>
            <p>{t('welcomeSitesText')}</p>
            <ul className="sites" aria-label={t('supportedSites')}>
              {platforms.map((platform) => (
                <li key={platform}>
                  <span className="site-name">{PLATFORM_NAMES[platform]}</span> <span className="site-domain">{PLATFORM_DOMAINS[platform][0]}</span>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="welcome-pin">
            <h2 id="welcome-pin">{t('welcomePinHeading')}</h2>
            <p>{t('welcomePinIntro')}</p>
            <ol className="steps">
              {STEPS[pinSteps].map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ol>
          </section>
          <section className="card card-wide card-row" aria-labelledby="welcome-dashboard">
            <div>
              <h2 id="welcome-dashboard">{t('welcomeDashboardHeading')}</h2>
              <p>{t('welcomeDashboardText')}</p>
            </div>
            <button type="button" className="button" onClick={onOpenSettings}>
              {t('welcomeOpenSettings')}
            </button>
          </section>
          <section className="card card-wide privacy" aria-labelledby="welcome-privacy">
            <svg className="privacy-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <rect x="5" y="11" width="14" height="10" rx="2" />
              <path d="M8 11V7a4 4 0 0 1 8 0v4" />
            </svg>
            <div>
              <h2 id="welcome-privacy">{t('welcomePrivacyHeading')}</h2>
              <p>{t('welcomePrivacyText')}</p>
            </div>
          </section>
        </div>
      </main>
    </>
  );
}
