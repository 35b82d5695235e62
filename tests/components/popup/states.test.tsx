import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Loading } from '@/components/popup/Loading';
import { NoContentScript } from '@/components/popup/NoContentScript';
import { NotAProfile } from '@/components/popup/NotAProfile';
import { PopupFrame } from '@/components/popup/PopupFrame';
import type { RecentItem } from '@/components/popup/RecentList';
import { Unreadable } from '@/components/popup/Unreadable';
import { UnsupportedSite } from '@/components/popup/UnsupportedSite';
import { exact, view } from './views';

afterEach(cleanup);

const now = new Date('2025-11-27T12:00:00.000Z');
const recent: RecentItem[] = [
  {
    platform: 'instagram',
    handle: 'maya.travels',
    url: 'https://www.instagram.com/maya.travels/',
    at: '2025-11-27T11:00:00.000Z',
    tier: 'micro',
    followers: exact(9_500),
    engagementPercent: 2.5,
  },
];

describe('Loading', () => {
  it('is a live status naming the profile being read', () => {
    render(<Loading handle="maya.travels" platform="instagram" />);
    expect(screen.getByRole('status').textContent).toMatch(/Reading @maya\.travels’s profile on Instagram…/);
  });

  it('says "Loading…" before anything is known', () => {
    render(<Loading />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });
});

describe('NotAProfile', () => {
  it('says the page is not a profile and lists the last profiles viewed', () => {
    render(<NotAProfile platform="tiktok" recent={recent} now={now} />);
    expect(screen.getByText('This TikTok page isn’t a profile.')).toBeTruthy();
    const list = screen.getByRole('region', { name: 'Last profiles viewed' });
    expect(within(list).getByRole('link', { name: '@maya.travels' })).toBeTruthy();
  });
});

describe('UnsupportedSite', () => {
  it('names the host and lists the supported sites', () => {
    render(<UnsupportedSite host="www.example.com" supported={['instagram', 'tiktok']} recent={[]} now={now} />);
    expect(screen.getByText('MicroScope doesn’t read www.example.com.')).toBeTruthy();
    const sites = within(screen.getByRole('list', { name: 'Supported sites' })).getAllByRole('listitem');
    expect(sites.map((site) => site.textContent)).toEqual(['Instagram (instagram.com)', 'TikTok (tiktok.com)']);
    expect(screen.getByRole('region', { name: 'Last profiles viewed' })).toBeTruthy();
  });

  it('explains site access when the address is hidden from the extension', () => {
    render(<UnsupportedSite supported={['instagram']} recent={[]} now={now} />);
    expect(screen.getByText('MicroScope doesn’t work on this page.')).toBeTruthy();
    expect(screen.getByText(/may not have given MicroScope access/)).toBeTruthy();
  });
});

describe('NoContentScript', () => {
  it('asks to reload the tab and reloads on click', () => {
    const onReload = vi.fn();
    render(<NoContentScript platform="instagram" onReload={onReload} reloading={false} />);
    expect(screen.getByText('Reload this tab to use MicroScope here.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reload tab' }));
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('shows progress while reloading', () => {
    render(<NoContentScript platform="instagram" onReload={() => undefined} reloading />);
    expect((screen.getByRole('button', { name: 'Reloading…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Waiting for the page…');
  });
});

describe('Unreadable', () => {
  const unreadable = view({ notes: [{ key: 'siteFollowersNotFound' }] });

  it('is what an unreadable profile is', () => {
    expect(unreadable.verdict.state).toBe('unknown');
  });

  it('explains, shows the notes and copies diagnostics on click', () => {
    const onCopy = vi.fn();
    render(<Unreadable verdict={unreadable.verdict} onCopyDiagnostics={onCopy} copyStatus="idle" />);
    expect(screen.getByText('MicroScope couldn’t read this profile’s counts.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '@maya.travels' })).toBeTruthy();
    const notes = screen.getByRole('list', { name: 'What could not be read' });
    expect(within(notes).getByText('Follower count not found in the profile header.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(onCopy).toHaveBeenCalledOnce();
  });

  it('says "Copied"', () => {
    render(<Unreadable verdict={unreadable.verdict} onCopyDiagnostics={() => undefined} copyStatus="copied" />);
    expect(screen.getByRole('status').textContent).toMatch(/^Copied/);
  });

  it('offers the text to copy by hand when the clipboard refused', () => {
    render(
      <Unreadable
        verdict={unreadable.verdict}
        onCopyDiagnostics={() => undefined}
        copyStatus="failed"
        fallbackText="MicroScope diagnostics"
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Couldn’t copy the diagnostics.');
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('MicroScope diagnostics');
  });

  it('asks for a reload when the page gave no report', () => {
    render(<Unreadable verdict={unreadable.verdict} onCopyDiagnostics={() => undefined} copyStatus="unavailable" />);
    expect(screen.getByRole('status').textContent).toMatch(/reload the tab/);
  });
});

describe('PopupFrame', () => {
  it('opens the dashboard', () => {
    const onOpen = vi.fn();
    render(
      <PopupFrame onOpenDashboard={onOpen}>
        <p>body</p>
      </PopupFrame>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open dashboard' }));
    expect(onOpen).toHaveBeenCalledOnce();
    expect(screen.getByText('body')).toBeTruthy();
  });
});
