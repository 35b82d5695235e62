import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/welcome/App';
import { Welcome } from '@/components/welcome/Welcome';
import { PLATFORM_DOMAINS, PLATFORM_NAMES, PLATFORMS } from '@/lib/platforms';
import { useLocale } from '../../i18n-fake';

/* The welcome tab against WXT's fake browser (a Chrome build: import.meta.env.FIREFOX is false). */

beforeEach(() => {
  fakeBrowser.reset();
});

const noop = () => undefined;

describe('welcome tab', () => {
  it('says what MicroScope does, on every platform of lib/platforms.ts, in order', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to MicroScope' })).toBeTruthy();
    expect(screen.getByText(/tier and engagement rate right on their profile/)).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Supported sites' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(PLATFORMS.map((platform) => `${PLATFORM_NAMES[platform]} ${PLATFORM_DOMAINS[platform][0]}`));
  });

  it('says nothing leaves the browser, and links nowhere', () => {
    const { container } = render(<App />);
    expect(screen.getByRole('heading', { name: 'Nothing leaves your browser' })).toBeTruthy();
    expect(screen.getByText(/no servers, needs no account and sends no usage data/)).toBeTruthy();
    expect(container.querySelectorAll('a, [href], img, iframe, form')).toHaveLength(0);
  });

  it('gives the pinning steps of the browser it runs in', () => {
    render(<App />);
    const steps = screen.getByRole('heading', { name: 'Pin the toolbar button' }).parentElement!.querySelectorAll('ol li');
    expect([...steps].map((step) => step.textContent)).toEqual([
      'Click the Extensions button (the puzzle piece) to the right of the address bar.',
      'Click the pin next to MicroScope.',
    ]);
  });

  it('gives Firefox its own steps', () => {
    render(<Welcome pinSteps="firefox" onOpenDashboard={noop} onOpenSettings={noop} />);
    expect(screen.getByText('Click the gear next to MicroScope and choose “Pin to Toolbar”.')).toBeTruthy();
    expect(screen.queryByText('Click the pin next to MicroScope.')).toBeNull();
  });

  it('opens the dashboard, and its settings, in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    render(<App />);
    const dashboard = fakeBrowser.runtime.getURL('/dashboard.html');
    expect(dashboard).toMatch(/^chrome-extension:\/\/.+\/dashboard\.html$/);
    fireEvent.click(screen.getByRole('button', { name: 'Open dashboard' }));
    expect(create).toHaveBeenLastCalledWith({ url: dashboard });
    expect(screen.getByText(/The settings are there too, under Settings/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(create).toHaveBeenLastCalledWith({ url: `${dashboard}#settings` });
    expect(create).toHaveBeenCalledTimes(2);
    // The fake browser really opened them.
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toEqual(expect.arrayContaining([dashboard, `${dashboard}#settings`]));
  });

  it('speaks the UI language', () => {
    useLocale('de');
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Willkommen bei MicroScope' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dashboard öffnen' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Unterstützte Websites' })).toBeTruthy();
  });
});
