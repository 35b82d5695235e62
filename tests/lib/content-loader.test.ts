import { afterEach, describe, expect, it, vi } from 'vitest';
import { provideAnswers, startLoader, type Loader, type MessageListener } from '@/lib/content-loader';
import { profileAt } from '@/lib/sites/url';

const PROFILE = 'https://www.instagram.com/ana.tidepool/';
const POST = 'https://www.instagram.com/p/DAtp02bRsTu/';

function fakeMessages() {
  const listeners = new Set<MessageListener>();
  return {
    addListener: (listener: MessageListener) => listeners.add(listener),
    removeListener: (listener: MessageListener) => listeners.delete(listener),
    listeners,
    /** What the popup's tabs.sendMessage would get: the first response, or "no receiver". */
    ask(message: unknown): Promise<unknown> {
      return new Promise((resolve) => {
        let open = false;
        for (const listener of listeners) if (listener(message, {}, resolve) === true) open = true;
        if (listeners.size === 0) resolve('no receiver');
        else if (!open) setTimeout(() => resolve('no response'), 0);
      });
    },
  };
}

let loader: Loader | undefined;
let withdraw: (() => void) | undefined;
afterEach(() => {
  loader?.stop();
  withdraw?.();
  vi.useRealTimers();
});

function start(href: { value: string }, overrides: Partial<Parameters<typeof startLoader>[0]> = {}) {
  const messages = fakeMessages();
  const load = vi.fn(() => Promise.resolve());
  let alive = true;
  loader = startLoader({
    win: window,
    doc: document,
    href: () => href.value,
    isProfile: (url) => profileAt(url) !== undefined,
    load,
    alive: () => alive,
    messages,
    pollMs: 1000,
    ...overrides,
  });
  return { messages, load, kill: () => (alive = false) };
}

describe('content loader', () => {
  it('loads the main part at once on a profile, and only once', async () => {
    vi.useFakeTimers();
    const { load } = start({ value: PROFILE });
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    window.dispatchEvent(new Event('popstate'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads nothing on a page that is not a profile', async () => {
    vi.useFakeTimers();
    const { load } = start({ value: POST });
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the main part after an SPA navigation to a profile: popstate, YouTube\'s event, or the poll', async () => {
    vi.useFakeTimers();
    for (const navigate of [
      () => window.dispatchEvent(new Event('popstate')),
      () => document.dispatchEvent(new Event('yt-navigate-finish')),
      () => vi.advanceTimersByTime(1000),
    ]) {
      const href = { value: POST };
      const { load } = start(href);
      href.value = PROFILE;
      expect(load).not.toHaveBeenCalled();
      navigate();
      expect(load).toHaveBeenCalledTimes(1);
      loader?.stop();
    }
  });

  it('stops watching once the extension is reloaded, and never loads then', async () => {
    vi.useFakeTimers();
    const href = { value: POST };
    const { load, kill, messages } = start(href);
    kill();
    await vi.advanceTimersByTimeAsync(1000);
    href.value = PROFILE;
    window.dispatchEvent(new Event('popstate'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(load).not.toHaveBeenCalled();
    expect(messages.listeners.size).toBe(0);
  });

  it('touches no extension API on a page that is not a profile: no listener, no runtime check', async () => {
    vi.useFakeTimers();
    const alive = vi.fn(() => true);
    const { messages, load } = start({ value: POST }, { alive });
    await vi.advanceTimersByTimeAsync(5000);
    window.dispatchEvent(new Event('popstate'));
    expect(alive).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
    // The popup does not ask such a tab (its URL is not a profile); nobody would answer.
    expect(messages.listeners.size).toBe(0);
  });

  it('answers null while the main part has nothing to say, never leaving the popup hanging', async () => {
    const { messages } = start({ value: PROFILE });
    await loader?.loading;
    expect(await messages.ask({ type: 'microscope:get-view' })).toBeNull();
    expect(await messages.ask({ type: 'microscope:get-diagnostics' })).toBeNull();
    // Not its business: the tab summary goes to the background, other messages to nobody here.
    expect(await messages.ask({ type: 'microscope:tab-summary', summary: null })).toBe('no response');
    expect(await messages.ask('hello')).toBe('no response');
  });

  it('hands the popup\'s questions to the main part once it runs, also when asked while it loads', async () => {
    let finish!: () => void;
    const load = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { messages } = start({ value: PROFILE }, { load });
    const early = messages.ask({ type: 'microscope:get-view' });
    const view = { url: PROFILE, verdict: { state: 'ok' } };
    withdraw = provideAnswers((message) =>
      (message as { type: string }).type === 'microscope:get-view' ? Promise.resolve(view) : undefined,
    );
    finish();
    expect(await early).toEqual(view);
    expect(await messages.ask({ type: 'microscope:get-view' })).toEqual(view);
    // The main part does not answer this one: the loader says null rather than leave the popup hanging.
    expect(await messages.ask({ type: 'microscope:get-diagnostics' })).toBeNull();
    withdraw();
    expect(await messages.ask({ type: 'microscope:get-view' })).toBeNull();
  });

  it('warns once and stays quiet afterwards when the main part cannot load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = vi.fn(() => Promise.reject(new Error('blocked')));
    start({ value: PROFILE }, { load });
    await loader?.loading;
    expect(warn).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('popstate'));
    expect(load).toHaveBeenCalledTimes(1);
  });
});
