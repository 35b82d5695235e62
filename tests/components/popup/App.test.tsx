import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetBrowser } from '../../shortlist-env';
import { App } from '@/entrypoints/popup/App';
import type { ProfileView } from '@/lib/model';
import { profileKey } from '@/lib/platforms';
import { reloadShortlist, shortlistWritesSettled, useShortlist } from '@/lib/shortlist/store';
import { exact, posts, view } from './views';

/*
 * The popup against WXT's fake browser: the real store over fake storage; the tab (query and
 * messages, which the fake browser doesn't implement) answered by spies.
 */

type Answer = ProfileView | null | string | Error;

function tab(url: string | undefined, answers: Answer[] | ((message: { type: string }) => Answer)) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url } as never]);
  const queue = Array.isArray(answers) ? [...answers] : undefined;
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: { type: string }) => {
    const answer = queue ? (queue.length > 1 ? queue.shift()! : queue[0]!) : (answers as (m: { type: string }) => Answer)(message);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as never);
}

const PROFILE_URL = 'https://www.instagram.com/maya.travels/';
const settled = view({ followers: exact(9_500), posts: posts(12) });

beforeEach(async () => {
  resetBrowser();
  await reloadShortlist();
});

afterEach(async () => {
  cleanup();
  await shortlistWritesSettled();
});

describe('App', () => {
  it('shows the supported sites when the tab address is hidden', async () => {
    tab(undefined, [null]);
    render(<App />);
    expect(await screen.findByText('MicroScope doesn’t work on this page.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Supported sites' }).textContent).toContain('Instagram');
  });

  it('names a host it has access to but does not read', async () => {
    tab('https://www.example.com/page', [null]);
    render(<App />);
    expect(await screen.findByText('MicroScope doesn’t read www.example.com.')).toBeTruthy();
  });

  const NO_SCRIPT = new Error('Could not establish connection. Receiving end does not exist.');

  it('puts its script into a profile tab that has none, then shows the profile (no reload asked)', async () => {
    const send = tab(PROFILE_URL, [NO_SCRIPT, settled]);
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: '@maya.travels' }, { timeout: 3000 })).toBeTruthy();
    expect(inject).toHaveBeenCalledTimes(1);
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/content-main.js'] });
    expect(send.mock.calls.length).toBe(2);
    expect(screen.queryByRole('button', { name: 'Reload tab' })).toBeNull();
  });

  it('asks for a reload when it cannot put its script in', async () => {
    tab(PROFILE_URL, [NO_SCRIPT]);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reload tab' }));
    expect(reload).toHaveBeenCalledWith(7);
  });

  it('asks for a reload when the script it put in does not answer, and tries only once', async () => {
    tab(PROFILE_URL, [NO_SCRIPT]);
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    render(<App />);
    expect(await screen.findByRole('button', { name: 'Reload tab' }, { timeout: 6000 })).toBeTruthy();
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('says when the page is not a profile', async () => {
    tab('https://www.instagram.com/explore/', [null]);
    render(<App />);
    expect(await screen.findByText('This Instagram page isn’t a profile.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Last profiles viewed' })).toBeTruthy();
  });

  it('re-asks while the page is loading, then shows the profile', async () => {
    const send = tab(PROFILE_URL, [view({}, 'reading'), settled]);
    render(<App />);
    expect(await screen.findByText(/Reading @maya\.travels’s profile/)).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: '@maya.travels' }, { timeout: 3000 })).toBeTruthy();
    expect(send).toHaveBeenCalledWith(7, { type: 'microscope:get-view' });
    expect(send.mock.calls.length).toBe(2);
  });

  it('saves and removes the profile', async () => {
    tab(PROFILE_URL, [settled]);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save to shortlist' }));
    const remove = await screen.findByRole('button', { name: 'Remove from shortlist' });
    const key = profileKey('instagram', 'maya.travels');
    expect(useShortlist.getState().profiles[key]?.handle).toBe('maya.travels');

    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Pitch in May' } });
    expect(useShortlist.getState().profiles[key]?.note).toBe('Pitch in May');

    fireEvent.click(remove);
    expect(await screen.findByRole('button', { name: 'Save to shortlist' })).toBeTruthy();
    expect(useShortlist.getState().profiles[key]).toBeUndefined();
  });

  it('copies the diagnostics the page reports for an unreadable profile', async () => {
    const send = tab(PROFILE_URL, (message) =>
      message.type === 'microscope:get-diagnostics' ? 'MicroScope diagnostics\n…' : view({ notes: [{ key: 'siteFollowersNotFound' }] }),
    );
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy diagnostics' }));
    expect((await screen.findByText(/^Copied/)).textContent).toMatch(/Copied/);
    expect(send).toHaveBeenCalledWith(7, { type: 'microscope:get-diagnostics' });
    expect(writeText).toHaveBeenCalledWith('MicroScope diagnostics\n…');
  });

  it('asks for a reload when the page has no diagnostics to give', async () => {
    tab(PROFILE_URL, (message) =>
      message.type === 'microscope:get-diagnostics' ? (undefined as never) : view({ notes: [{ key: 'siteFollowersNotFound' }] }),
    );
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy diagnostics' }));
    expect(await screen.findByText(/The page didn’t answer/)).toBeTruthy();
  });
});
