import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY } from '@/lib/storage-keys';
import { fakeBrowser } from 'wxt/testing';
import { resetBrowser } from '../../shortlist-env';
import { App } from '@/entrypoints/dashboard/App';
import { exportBackup } from '@/lib/shortlist/backup';
import { reloadSettings, settingsWritesSettled } from '@/lib/settings-storage';
import { shortlistDoor } from '@/lib/shortlist/door';
import { PAGE_SIZE, STORED_PAGE_SIZE } from '@/lib/shortlist/first-page';
import { REVISION_KEY } from '@/lib/storage-keys';
import { reloadShortlist, shortlistWritesSettled, useShortlist } from '@/lib/shortlist/store';
import { byKey, makeProfile, storedItems } from '../../lib/shortlist-fixtures';

beforeEach(async () => {
  resetBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  location.hash = '';
  await reloadShortlist();
  await reloadSettings();
});

afterEach(async () => {
  cleanup();
  await shortlistWritesSettled();
  await settingsWritesSettled();
});

describe('dashboard', () => {
  it('waits for storage before rendering anything else', async () => {
    await fakeBrowser.storage.local.set(storedItems(makeProfile({ handle: 'maya' })));
    vi.resetModules();
    const fresh = await import('@/entrypoints/dashboard/App');
    render(<fresh.App />);
    expect(screen.getByRole('status').textContent).toBe('Loading your shortlist…');
    expect(await screen.findByRole('link', { name: '@maya' })).toBeTruthy();
  });

  it('shows the stored first page at once, then the whole shortlist once read, and keeps that page current', async () => {
    // Stored by an earlier visit: a page holding maya only, for the current revision, of 2 profiles.
    await fakeBrowser.storage.local.set({ ...storedItems(makeProfile({ handle: 'maya' }), makeProfile({ handle: 'zoe', start: '2024-01-01T00:00:00.000Z' })), [REVISION_KEY]: 'r1' });
    const page = { revision: 'r1', total: 2, profiles: [makeProfile({ handle: 'maya' })] };
    vi.resetModules();
    const fresh = await import('@/entrypoints/dashboard/App');
    const store = await import('@/lib/shortlist/store');
    // As entrypoints/dashboard/main.tsx: settings read, the whole shortlist asked for, then React.
    await (await import('@/lib/settings-storage')).whenSettingsHydrated();
    const release = store.prefetchShortlist();
    render(<fresh.App firstPage={page} />);
    // The stored page, before the shortlist was read: the count of all, and "Loading…".
    expect(screen.getByRole('link', { name: '@maya' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: '@zoe' })).toBeNull();
    expect(screen.getByText('2 profiles · Loading…')).toBeTruthy();
    release();
    expect(await screen.findByRole('link', { name: '@zoe' })).toBeTruthy();
    expect(screen.getByText('2 profiles')).toBeTruthy();
    // A second after the last change, the page (now maya and zoe) is stored for this revision.
    await vi.waitFor(async () => expect((await shortlistDoor().loadFirstPage())?.profiles.map((profile) => profile.handle)).toEqual(['maya', 'zoe']), { timeout: 3000 });
  });

  it('shows the stored page’s first PAGE_SIZE profiles only: the rest is slack for following removals, not rows', async () => {
    // Newest first: c0 … c119, of 200 saved.
    const stored = Array.from({ length: STORED_PAGE_SIZE }, (_, index) =>
      makeProfile({ handle: `c${index}`, start: new Date(Date.UTC(2025, 0, 1) + (400 - index) * 86_400_000).toISOString(), tags: index < PAGE_SIZE ? [] : ['slack-only'] }),
    );
    const page = { revision: 'r1', total: 200, profiles: stored };
    vi.resetModules();
    const fresh = await import('@/entrypoints/dashboard/App');
    await (await import('@/lib/settings-storage')).whenSettingsHydrated();
    // The whole shortlist is never read here: what shows is the stored page alone.
    render(<fresh.App firstPage={page} />);
    expect(screen.getByText('200 profiles · Loading…')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /^@c\d+$/ }).map((link) => link.textContent)).toEqual(stored.slice(0, PAGE_SIZE).map((profile) => `@${profile.handle}`));
    expect(screen.queryByRole('option', { name: 'slack-only' })).toBeNull();
  });

  it('an empty shortlist explains how to save profiles', async () => {
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Your shortlist is empty' })).toBeTruthy();
  });

  it('shows changes from other tabs at once', async () => {
    render(<App />);
    await screen.findByRole('heading', { name: 'Your shortlist is empty' });
    await act(() => fakeBrowser.storage.local.set(storedItems(makeProfile({ handle: 'maya' }))));
    expect(screen.getByRole('link', { name: '@maya' })).toBeTruthy();
  });

  it('imports a backup and reports the rows it refused, and why', async () => {
    useShortlist.getState().importBackup(exportBackup({ profiles: byKey(makeProfile({ handle: 'maya', note: 'ours' })) }));
    render(<App />);
    await screen.findByRole('link', { name: '@maya' });
    const backup = JSON.parse(exportBackup({ profiles: byKey(makeProfile({ handle: 'maya', note: 'theirs', tags: ['food'] }), makeProfile({ handle: 'zoe' })) }));
    backup.profiles.push({ platform: 'instagram', handle: 'evil', url: 'javascript:alert(1)', savedAt: '2025-01-01T00:00:00Z', lastSeen: '2025-01-01T00:00:00Z', tags: [], note: '', history: [] });
    backup.profiles.push({ platform: 'myspace', handle: 'tom' });
    const file = new File([JSON.stringify(backup)], 'backup.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Import backup…'), { target: { files: [file] } });
    });
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(within(report).getByRole('status').textContent).toBe(
      'Imported backup.json: 1 new profile, 1 profile merged with saved ones, 0 profiles already up to date.',
    );
    const refused = within(report).getByRole('table', { name: 'Refused rows' });
    const rows = within(refused).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['3', 'evil', expect.stringMatching(/^url must be an https link/)],
      ['4', 'tom', expect.stringMatching(/^platform must be one of/)],
    ]);
    expect(screen.getByRole('link', { name: '@zoe' })).toBeTruthy();
    expect(useShortlist.getState().profiles['instagram:maya']).toMatchObject({ note: 'ours', tags: ['food'] });
  });

  it('a file that is not a backup says so', async () => {
    render(<App />);
    await screen.findByRole('heading', { name: 'Your shortlist is empty' });
    const file = new File(['name,followers\nmaya,8000'], 'list.csv', { type: 'text/csv' });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Import backup…'), { target: { files: [file] } });
    });
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(within(report).getByText(/This file is not JSON/)).toBeTruthy();
  });

  it('settings save to storage.sync', async () => {
    location.hash = '#settings';
    render(<App />);
    fireEvent.click(await screen.findByRole('radio', { name: /Later \/ Sprout/ }));
    await settingsWritesSettled();
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ version: 1, tierScheme: 'later-sprout' });
  });

  it('settings of a newer MicroScope: the page says so, writes nothing, and lists what was set aside', async () => {
    const newer = { version: 2, tierScheme: 'five-tier', theme: 'neon' };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    await fakeBrowser.storage.local.set({
      'microscope:unreadable:2026-12-01T10:00:00.000Z': { from: 'microscope:shortlist', area: 'local', reason: 'not a MicroScope shortlist', at: '2026-12-01T10:00:00.000Z', value: 'garbage' },
    });
    await reloadSettings();
    location.hash = '#settings';
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Settings from a newer MicroScope' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Five-tier industry/ })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('radio', { name: /Later \/ Sprout/ }));
    await settingsWritesSettled();
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(newer);
    expect(await screen.findByRole('heading', { name: 'Data set aside' })).toBeTruthy();
    expect(screen.getByText('not a MicroScope shortlist')).toBeTruthy();
  });

  it('tiers in the table follow the tier scheme', async () => {
    await fakeBrowser.storage.local.set(storedItems(makeProfile({ handle: 'maya', followers: [20_000] })));
    await reloadShortlist();
    render(<App />);
    const row = (await screen.findByRole('link', { name: '@maya' })).closest('tr')!;
    expect(within(row).getByText('Mid-tier')).toBeTruthy();
    await act(() => fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, tierScheme: 'five-tier' } }));
    expect(within(screen.getByRole('link', { name: '@maya' }).closest('tr')!).getByText('Micro')).toBeTruthy();
  });
});
