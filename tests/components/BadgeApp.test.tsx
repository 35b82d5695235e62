import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetBrowser } from '../shortlist-env';
import { BadgeApp, createBadgeState, type BadgeState } from '@/components/BadgeApp';
import type { ProfileView } from '@/lib/model';
import { loadSavedProfile, saveProfileView } from '@/lib/shortlist/door';
import { exact, posts, view } from './popup/views';

const maya = () => view({ followers: exact(4_200), posts: posts(12, { likes: 300, comments: 10 }) });

/** Draws the badge the way entrypoints/content-main/mount-badge.tsx does: again on every onChange. */
function mount(initial: ProfileView): { state: BadgeState; draws: () => number } {
  let draws = 0;
  let redraw = (): void => undefined;
  const state = createBadgeState(initial, () => {
    draws++;
    redraw();
  });
  const { rerender } = render(<BadgeApp state={state} theme="light" />);
  redraw = () => rerender(<BadgeApp state={state} theme="light" />);
  return { state, draws: () => draws };
}

const tick = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

beforeEach(() => {
  resetBrowser();
});

describe('createBadgeState', () => {
  it('asks for a new drawing when the verdict changes, not for a view with the same verdict', () => {
    const onChange = vi.fn();
    const state = createBadgeState(maya(), onChange);

    const same = { ...maya(), url: 'https://www.instagram.com/maya.travels/?again' };
    state.setView(same);
    expect(onChange).not.toHaveBeenCalled();
    expect(state.view, 'the latest view all the same (what Save stores)').toBe(same);

    const grown = view({ followers: exact(4_300), posts: posts(12, { likes: 300, comments: 10 }) });
    state.setView(grown);
    expect(onChange).toHaveBeenCalledOnce();
    expect(state.view).toBe(grown);

    // No count yet: "reading" while the page may still render it, then settled without it.
    state.setView(view({ posts: posts(3) }, 'reading'));
    expect(onChange).toHaveBeenCalledTimes(2);
    const settled = view({ posts: posts(3) }, 'settled');
    expect(settled.verdict.state).not.toBe(state.view.verdict.state);
    state.setView(settled);
    expect(onChange, 'the state is part of the verdict').toHaveBeenCalledTimes(3);
  });

  it('reads and follows the shortlist only once asked to, and stops with the badge', async () => {
    await saveProfileView(maya());
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const onChange = vi.fn();
    const state = createBadgeState(maya(), onChange);
    await tick();
    expect(get, 'nothing read before the card opens').not.toHaveBeenCalled();
    expect(state.saved).toBe(false);

    state.watchSaved();
    state.watchSaved();
    await vi.waitFor(() => expect(state.saved).toBe(true));
    expect(onChange).toHaveBeenCalledOnce();

    await fakeBrowser.storage.local.clear();
    await vi.waitFor(() => expect(state.saved, 'removed elsewhere').toBe(false));

    state.stop();
    await saveProfileView(maya());
    await tick();
    expect(state.saved, 'not followed after stop').toBe(false);
  });
});

describe('BadgeApp', () => {
  it('draws a new verdict, and nothing for a report with the same verdict', () => {
    const { state, draws } = mount(maya());
    expect(screen.getByRole('button').textContent).toContain('4,200 followers');
    act(() => state.setView({ ...maya(), url: 'https://www.instagram.com/maya.travels/' }));
    expect(draws()).toBe(0);
    act(() => state.setView(view({ followers: exact(4_300), posts: posts(12, { likes: 300, comments: 10 }) })));
    expect(draws()).toBe(1);
    expect(screen.getByRole('button').textContent).toContain('4,300 followers');
  });

  it('opens the card, which then shows a profile saved earlier as saved', async () => {
    await saveProfileView(maya());
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    mount(maya());
    await tick();
    expect(get, 'the collapsed badge reads no storage').not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: /MICRO/ }));
    expect(screen.getByRole('region', { name: /MicroScope details for @maya\.travels/ })).toBeTruthy();
    expect(await screen.findByRole('button', { name: /Saved to shortlist/ })).toBeTruthy();
  });

  it('says so when Save could not be stored, and never shows the profile as saved then', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error: disk full'));
    mount(maya());
    fireEvent.click(screen.getByRole('button', { name: /MICRO/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save to shortlist' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Couldn't save to the shortlist\. Nothing was stored/);
    expect(screen.getByRole('button', { name: 'Save to shortlist' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Saved to shortlist/ })).toBeNull();
    expect(await loadSavedProfile('instagram', 'maya.travels')).toBeUndefined();
  });

  it('saves from the card, closes with Escape back to the pill, and shows a removal made elsewhere', async () => {
    mount(maya());
    const pill = screen.getByRole('button', { name: /MICRO/ });
    pill.focus();
    fireEvent.click(pill);
    expect(pill.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(pill.getAttribute('aria-controls') ?? ''), 'aria-controls names the card').not.toBeNull();

    fireEvent.click(await screen.findByRole('button', { name: 'Save to shortlist' }));
    expect(await screen.findByRole('button', { name: /Saved to shortlist/ })).toBeTruthy();
    expect(await loadSavedProfile('instagram', 'maya.travels')).toBeDefined();

    const close = screen.getByRole('button', { name: 'Close' });
    close.focus();
    fireEvent.keyDown(close, { key: 'Escape' });
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(pill);
    expect(screen.queryByRole('region')).toBeNull();

    // Still followed while closed: removed in the dashboard, the reopened card offers Save again.
    await act(async () => {
      await fakeBrowser.storage.local.clear();
    });
    fireEvent.click(pill);
    expect(await screen.findByRole('button', { name: 'Save to shortlist' })).toBeTruthy();
  });
});
