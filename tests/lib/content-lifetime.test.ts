import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLifetime, type Lifetime } from '@/lib/content-lifetime';

/*
 * The main part's lifetime without WXT's ContentScriptContext (issue 14): no event into the page,
 * none obeyed; it ends when the extension goes, and sees navigations by the URL alone.
 */
let lifetime: Lifetime | undefined;
afterEach(() => {
  lifetime?.end();
  lifetime = undefined;
  vi.useRealTimers();
});

function start(href: { value: string }, alive = { value: true }) {
  const onNavigate = vi.fn();
  lifetime = startLifetime({ win: window, doc: document, alive: () => alive.value, onNavigate, href: () => href.value, pollMs: 1000 });
  return { onNavigate };
}

describe('startLifetime', () => {
  it('dispatches nothing into the page when it starts, runs or ends', () => {
    const seen: string[] = [];
    const dispatch = EventTarget.prototype.dispatchEvent;
    vi.spyOn(EventTarget.prototype, 'dispatchEvent').mockImplementation(function (this: EventTarget, event: Event) {
      seen.push(event.type);
      return dispatch.call(this, event);
    });
    vi.useFakeTimers();
    const href = { value: 'https://www.instagram.com/ana.tidepool/' };
    start(href);
    href.value = 'https://www.instagram.com/kofi.bakes/';
    vi.advanceTimersByTime(3000);
    lifetime!.end();
    expect(seen).toEqual([]);
  });

  it('ignores the events WXT obeyed: a forged "content script started" or locationchange stops nothing', () => {
    const { onNavigate } = start({ value: 'https://www.instagram.com/ana.tidepool/' });
    const id = 'abcdefghijklmnopabcdefghijklmnop';
    document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'x' } }));
    window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
    window.dispatchEvent(new Event('wxt:locationchange'));
    expect(lifetime!.signal.aborted).toBe(false);
    expect(onNavigate).not.toHaveBeenCalled();
  });

  it('a page event (popstate, yt-navigate-finish) only makes it look at the URL: same URL, no navigation', () => {
    const href = { value: 'https://www.youtube.com/@copperkettle/videos' };
    const { onNavigate } = start(href);
    window.dispatchEvent(new Event('popstate'));
    document.dispatchEvent(new Event('yt-navigate-finish'));
    expect(onNavigate).not.toHaveBeenCalled();
    href.value = 'https://www.youtube.com/@quietpond/videos';
    document.dispatchEvent(new Event('yt-navigate-finish'));
    expect(onNavigate).toHaveBeenCalledTimes(1);
    expect(onNavigate).toHaveBeenCalledWith('https://www.youtube.com/@quietpond/videos');
    // The poll and a mutation's checkUrl find nothing new: one navigation, whoever notices first.
    lifetime!.checkUrl();
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it("YouTube's yt-navigate-finish after a URL change seen earlier reads the page again (its new grid is in only now), once", () => {
    const href = { value: 'https://www.youtube.com/@copperkettle/videos' };
    const { onNavigate } = start(href);
    // pushState: seen at once (the Navigation API in Chrome), before YouTube swapped the grid.
    href.value = 'https://www.youtube.com/@quietpond/videos';
    lifetime!.checkUrl();
    expect(onNavigate).toHaveBeenCalledTimes(1);
    document.dispatchEvent(new Event('yt-navigate-finish'));
    expect(onNavigate).toHaveBeenCalledTimes(2);
    expect(onNavigate).toHaveBeenLastCalledWith('https://www.youtube.com/@quietpond/videos');
    // The same event again (or from the page): nothing.
    document.dispatchEvent(new Event('yt-navigate-finish'));
    expect(onNavigate).toHaveBeenCalledTimes(2);
  });

  it('notices a navigation no event told of, by polling', () => {
    vi.useFakeTimers();
    const href = { value: 'https://x.com/noor_ceramics' };
    const { onNavigate } = start(href);
    href.value = 'https://x.com/mara_sketches';
    vi.advanceTimersByTime(1000);
    expect(onNavigate).toHaveBeenCalledWith('https://x.com/mara_sketches');
  });

  it('ends when the extension goes (reload, update, removal): timers stop, onEnd callbacks run', () => {
    vi.useFakeTimers();
    const alive = { value: true };
    start({ value: 'https://bsky.app/profile/juniper-oakes.bsky.social' }, alive);
    const ended = vi.fn();
    const later = vi.fn();
    lifetime!.onEnd(ended);
    lifetime!.setTimeout(later, 5000);
    alive.value = false;
    vi.advanceTimersByTime(1000);
    expect(lifetime!.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(later).not.toHaveBeenCalled();
  });

  it('a timer whose moment comes after the extension went does not run', () => {
    vi.useFakeTimers();
    const alive = { value: true };
    start({ value: 'https://www.tiktok.com/@mara.bakes' }, alive);
    const callback = vi.fn();
    lifetime!.setTimeout(callback, 100);
    alive.value = false;
    vi.advanceTimersByTime(100);
    expect(callback).not.toHaveBeenCalled();
    expect(lifetime!.signal.aborted).toBe(true);
  });

  it('a newer main part in the same extension world ends the older one', () => {
    start({ value: 'https://www.instagram.com/ana.tidepool/' });
    const older = lifetime!;
    const ended = vi.fn();
    older.onEnd(ended);
    start({ value: 'https://www.instagram.com/ana.tidepool/' });
    expect(older.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(lifetime!.signal.aborted).toBe(false);
  });

  it('onEnd returns its undo', () => {
    start({ value: 'https://www.instagram.com/ana.tidepool/' });
    const ended = vi.fn();
    const undo = lifetime!.onEnd(ended);
    undo();
    lifetime!.end();
    expect(ended).not.toHaveBeenCalled();
  });
});
