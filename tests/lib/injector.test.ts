import { describe, expect, it, vi } from 'vitest';
import { createInjector, MAIN_PART_GUARD, MAIN_PART_KEY, probeMainPart, type TabChange } from '@/lib/injector';
import { profileAt } from '@/lib/sites/url';

const PROFILE = 'https://www.instagram.com/pluto__travel/';
const OTHER_PROFILE = 'https://www.instagram.com/mara_sketches/';
const FEED = 'https://www.instagram.com/';

function fakeTabs() {
  const injected: number[] = [];
  let failNext: Error | undefined;
  const deps = {
    isProfile: (url: string) => profileAt(url) !== undefined,
    inject: vi.fn(async (tabId: number) => {
      await Promise.resolve();
      injected.push(tabId);
      if (failNext) {
        const error = failNext;
        failNext = undefined;
        throw error;
      }
    }),
    warn: vi.fn(),
  };
  return {
    deps,
    injected,
    failWith: (error: Error) => {
      failNext = error;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createInjector', () => {
  it.each<[string, TabChange, string | undefined, number[]]>([
    ['a full load of a profile (URL with loading)', { status: 'loading', url: PROFILE }, PROFILE, [7]],
    ['an SPA navigation to a profile (Chrome: URL with loading; Firefox: URL alone)', { url: OTHER_PROFILE }, OTHER_PROFILE, [7]],
    ['complete, the URL from the tab', { status: 'complete' }, PROFILE, [7]],
    ['a page that is not a profile', { status: 'loading', url: FEED }, FEED, []],
    ['complete on a page that is not a profile', { status: 'complete' }, FEED, []],
    ['another site', { url: 'https://example.com/@someone' }, 'https://example.com/@someone', []],
    ['loading without a URL (a reload: complete follows)', { status: 'loading' }, PROFILE, []],
    ['a title or favicon change', {}, PROFILE, []],
  ])('%s', async (_name, change, tabUrl, expected) => {
    const tabs = fakeTabs();
    createInjector(tabs.deps).onUpdated(7, change, { url: tabUrl });
    await settle();
    expect(tabs.injected).toEqual(expected);
  });

  it('keeps tabs apart', async () => {
    const tabs = fakeTabs();
    const injector = createInjector(tabs.deps);
    await Promise.all([injector.ensure(1, PROFILE), injector.ensure(2, FEED), injector.ensure(3, undefined)]);
    expect(tabs.injected).toEqual([1]);
  });

  it.each([
    ['No tab with id: 7.', false],
    ['Frame with ID 0 is showing error page', false],
    ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.', false],
    ['SyntaxError: something of ours broke', true],
  ])('a failed injection ("%s") is warned about: %s, and never throws', async (message, warned) => {
    const tabs = fakeTabs();
    tabs.failWith(new Error(message));
    const injector = createInjector(tabs.deps);
    await expect(injector.ensure(7, PROFILE)).resolves.toBeUndefined();
    expect(tabs.deps.warn).toHaveBeenCalledTimes(warned ? 1 : 0);
    // The next event tries again.
    await injector.ensure(7, PROFILE);
    expect(tabs.injected).toEqual([7, 7]);
  });
});

describe('the guard in front of the injected file', () => {
  const key = Symbol.for(MAIN_PART_KEY);
  const world = globalThis as Record<symbol, unknown>;

  it.each([
    ['nothing running', undefined, false, 0],
    ['a live main part', { aborted: false }, true, 1],
    ['one that ended (an extension reload)', { aborted: true }, false, 1],
  ])('probeMainPart, %s → %s, and the running one looks at the URL', (_name, state, expected, checks) => {
    const checkUrl = vi.fn();
    if (state) world[key] = { signal: state, checkUrl };
    try {
      expect(probeMainPart(MAIN_PART_KEY)).toBe(expected);
      expect(checkUrl).toHaveBeenCalledTimes(checks);
    } finally {
      delete world[key];
    }
  });

  it.each([
    ['nothing running: the file runs', undefined, 1],
    ['a live main part: the file stops at the guard', { aborted: false }, 0],
    ['an ended one: the file runs', { aborted: true }, 1],
  ])('%s', (_name, state, runs) => {
    const checkUrl = vi.fn();
    if (state) world[key] = { signal: state, checkUrl };
    const body = vi.fn();
    try {
      // The built file is the bundle between the two halves (wxt.config.ts); evaluated as the browser would.
      new Function('body', `${MAIN_PART_GUARD.before}body();${MAIN_PART_GUARD.after}`)(body);
      expect(body).toHaveBeenCalledTimes(runs);
    } finally {
      delete world[key];
    }
  });
});
