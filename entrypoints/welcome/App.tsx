import { browser } from 'wxt/browser';
import { Welcome } from '@/components/welcome/Welcome';

/** Opens the dashboard (or one of its pages: '#settings') in a new tab, beside the welcome tab. */
function openDashboard(hash: '' | '#settings'): void {
  browser.tabs
    .create({ url: `${browser.runtime.getURL('/dashboard.html')}${hash}` })
    .catch((error: unknown) => console.warn('[MicroScope] could not open the dashboard', error));
}

/** The welcome tab (lib/first-run.ts opens it once, after install), with the steps of this browser. */
export function App() {
  return (
    <Welcome
      pinSteps={import.meta.env.FIREFOX ? 'firefox' : 'chrome'}
      onOpenDashboard={() => openDashboard('')}
      onOpenSettings={() => openDashboard('#settings')}
    />
  );
}
