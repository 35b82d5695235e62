import { describe, expect, it, vi } from 'vitest';
import { createInjector, MAIN_PART_KEY, probeMainPart, type TabChange } from '@/lib/injector';
import { profileAt } from '@/lib/sites/url';

const PROFILE = 'https://www.instagram.com/pluto__travel/';
const OTHER_PROFILE = 'https://www.instagram.com/mara_sketches/';
const FEED = 'https://www.instagram.com/';

/** A tab's top frame: whether a live main part runs there, and what was done to it. */
function fakeTab() {
  const calls: string[] = [];
  let running = false;
  let failNext: Error | undefined;
  const deps = {
    isProfile: (url: string) => profileAt(url) !== undefined,
    probe: vi.fn(async (tabId: number) => {
      await Promise.resolve();
      calls.push(`probe ${tabId}`);
      return running;
    }),
    inject: vi.fn(async (tabId: number) => {
      await Promise.resolve();
      calls.push(`inject ${tabId}`);
      if (failNext) {
        const error = failNext;
        failNext = undefined;
        throw error;
      }
      running = true;
    }),
    warn: vi.fn(),
  };
  return {
    deps,
    calls,
    navigateAway: () => {
      running = false;
    },
    failWith: (error: Error) => {
      failNext = error;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createInjector', () => {
  it.each<[string, TabChange, string | undefined, string[]]>([
    ['a full load of a profile (URL with loading)', { status: 'loading', url: PROFILE }, PROFILE, ['probe 7', 'inject 7']],
    ['an SPA navigation to a profile (URL alone)', { url: PROFILE }, PROFILE, ['probe 7', 'inject 7']],
    ['complete, the URL from the tab', { status: 'complete' }, PROFILE, ['probe 7', 'inject 7']],
    ['a page that is not a profile', { status: 'loading', url: FEED }, FEED, []],
    ['another site', { url: 'https://example.com/@someone' }, 'https://example.com/@someone', []],
    ['loading without a URL (a reload: complete follows)', { status: 'loading' }, PROFILE, []],
    ['a title or favicon change', {}, PROFILE, []],
  ])('%s', async (_name, change, tabUrl, expected) => {
    const tab = fakeTab();
    createInjector(tab.deps).onUpdated(7, change, { url: tabUrl });
    await settle();
    expect(tab.calls).toEqual(expected);
  });

  it('injects once when the events of one load come in a row (URL with loading, then complete)', async () => {
    const tab = fakeTab();
    const injector = createInjector(tab.deps);
    injector.onUpdated(7, { status: 'loading', url: PROFILE }, { url: PROFILE });
    injector.onUpdated(7, { status: 'complete' }, { url: PROFILE });
    await settle();
    expect(tab.calls).toEqual(['probe 7', 'inject 7', 'probe 7']);
  });

  it('leaves a running main part to follow SPA navigations between profiles itself', async () => {
    const tab = fakeTab();
    const injector = createInjector(tab.deps);
    await injector.ensure(7, PROFILE);
    injector.onUpdated(7, { url: OTHER_PROFILE }, { url: OTHER_PROFILE });
    injector.onUpdated(7, { url: FEED }, { url: FEED });
    await settle();
    expect(tab.calls).toEqual(['probe 7', 'inject 7', 'probe 7']);
  });

  it('injects again into the next document of the tab', async () => {
    const tab = fakeTab();
    const injector = createInjector(tab.deps);
    await injector.ensure(7, PROFILE);
    tab.navigateAway();
    await injector.ensure(7, OTHER_PROFILE);
    expect(tab.calls).toEqual(['probe 7', 'inject 7', 'probe 7', 'inject 7']);
  });

  it('keeps tabs apart', async () => {
    const tab = fakeTab();
    const injector = createInjector(tab.deps);
    await Promise.all([injector.ensure(1, PROFILE), injector.ensure(2, FEED)]);
    expect(tab.calls).toEqual(['probe 1', 'inject 1']);
  });

  it.each([
    ['No tab with id: 7.', false],
    ['Frame with ID 0 is showing error page', false],
    ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.', false],
    ['SyntaxError: something of ours broke', true],
  ])('a failed injection ("%s") is warned about: %s, and never throws', async (message, warned) => {
    const tab = fakeTab();
    tab.failWith(new Error(message));
    const injector = createInjector(tab.deps);
    await expect(injector.ensure(7, PROFILE)).resolves.toBeUndefined();
    expect(tab.deps.warn).toHaveBeenCalledTimes(warned ? 1 : 0);
    // The next event tries again.
    await injector.ensure(7, PROFILE);
    expect(tab.calls.filter((call) => call.startsWith('inject'))).toHaveLength(2);
  });
});

describe('probeMainPart', () => {
  const key = Symbol.for(MAIN_PART_KEY);
  const world = globalThis as Record<symbol, unknown>;

  it.each([
    ['nothing running', undefined, false, 0],
    ['a live main part', { aborted: false }, true, 1],
    ['one that ended (an extension reload)', { aborted: true }, false, 1],
  ])('%s → %s, and the running one looks at the URL', (_name, state, expected, checks) => {
    const checkUrl = vi.fn();
    if (state) world[key] = { signal: state, checkUrl };
    try {
      expect(probeMainPart(MAIN_PART_KEY)).toBe(expected);
      expect(checkUrl).toHaveBeenCalledTimes(checks);
    } finally {
      delete world[key];
    }
  });

  it('is self-contained, as scripting.executeScript serialises it: no name from outside its body', () => {
    const source = probeMainPart.toString();
    const body = source.slice(source.indexOf('{'));
    // Its parameter, globals and its own locals only.
    const identifiers = new Set(body.match(/[A-Za-z_$][\w$]*/g));
    for (const name of identifiers) {
      expect(['key', 'running', 'globalThis', 'Symbol', 'for', 'checkUrl', 'signal', 'aborted', 'return', 'if', 'const', 'false', 'as', 'Record', 'symbol', 'RunningMainPart', 'undefined']).toContain(name);
    }
  });
});
