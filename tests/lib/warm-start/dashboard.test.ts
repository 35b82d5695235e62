import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY } from '@/lib/storage-keys';
import { fakeBrowser } from 'wxt/testing';
import { resetBrowser } from '../../shortlist-env';
import { EARLY_KEYS, startEarlyReads, takeEarlyFirstPage, takeEarlyShortlist, type EarlyApi } from '@/lib/warm-start/dashboard';
import { handOff } from '@/lib/warm-start/hand-off';
import { takePrefetchedSettings } from '@/lib/warm-start/settings-early';
import { FIRST_PAGE_KEY, PROFILE_PREFIX, REVISION_KEY } from '@/lib/storage-keys';
import { readFirstPage, storedFirstPage } from '@/lib/shortlist/layout';
import { makeProfile, storedItems } from '../shortlist-fixtures';

const storageKey = (handle: string): string => `${PROFILE_PREFIX}instagram:${handle}`;

/** The early script's storage, over the fake browser (callback style, as chrome.storage). */
function api(lastError: () => unknown = () => undefined): EarlyApi {
  return {
    local: { get: (keys, done) => void fakeBrowser.storage.local.get(keys).then(done) },
    sync: (key, done) => void fakeBrowser.storage.sync.get(key).then((items) => done(undefined, items[key]), (error: unknown) => done(error)),
    onChanged: fakeBrowser.storage.onChanged as unknown as EarlyApi['onChanged'],
    lastError,
  };
}

beforeEach(() => {
  resetBrowser();
  vi.resetModules();
});

afterEach(() => {
  // Nothing left for the next test to take.
  takeEarlyFirstPage();
  takePrefetchedSettings();
  takeEarlyShortlist();
  delete handOff().shortlist;
});

describe('the dashboard early reads', () => {
  it('reads the keys the revision and first page are kept under', () => {
    expect(EARLY_KEYS).toEqual([REVISION_KEY, FIRST_PAGE_KEY]);
  });

  it('hands main.tsx the stored first page of the current revision, once', async () => {
    const page = { revision: 'r1', total: 1, profiles: [makeProfile({ handle: 'maya' })] };
    await fakeBrowser.storage.local.set({ [REVISION_KEY]: 'r1', [FIRST_PAGE_KEY]: storedFirstPage(page) });
    startEarlyReads(api());
    const items = takeEarlyFirstPage();
    expect(items).toBeDefined();
    expect(readFirstPage(await items!)?.profiles.map((profile) => profile.handle)).toEqual(['maya']);
    expect(takeEarlyFirstPage()).toBeUndefined();
  });

  it('hands over no page when the stored one is of another revision', async () => {
    const page = { revision: 'r1', total: 1, profiles: [makeProfile({ handle: 'maya' })] };
    await fakeBrowser.storage.local.set({ [REVISION_KEY]: 'r2', [FIRST_PAGE_KEY]: storedFirstPage(page) });
    startEarlyReads(api());
    expect(readFirstPage(await takeEarlyFirstPage()!)).toBeUndefined();
  });

  it('rejects when storage reports an error (main.tsx then reads itself)', async () => {
    startEarlyReads(api(() => new Error('gone')));
    await expect(takeEarlyFirstPage()).rejects.toThrow('gone');
  });

  it("the settings store takes the early settings read instead of asking storage.sync again", async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, engagementMethod: 'mean' } });
    startEarlyReads(api());
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const settings = await import('@/lib/settings-storage');
    // As entrypoints/dashboard/main.tsx does.
    settings.takeSettingsFrom(takePrefetchedSettings);
    await settings.whenSettingsHydrated();
    expect(settings.useSettings.getState().settings.engagementMethod).toBe('mean');
    expect(get).not.toHaveBeenCalled();
  });

  it('a settings change before the store takes the early read makes the store read again', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, engagementMethod: 'mean' } });
    startEarlyReads(api());
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, engagementMethod: 'median' } });
    const settings = await import('@/lib/settings-storage');
    // As entrypoints/dashboard/main.tsx does.
    settings.takeSettingsFrom(takePrefetchedSettings);
    await settings.whenSettingsHydrated();
    expect(settings.useSettings.getState().settings.engagementMethod).toBe('median');
  });

  describe('when the stored first page is not current', () => {
    const stale = async () => {
      const page = { revision: 'r1', total: 1, profiles: [makeProfile({ handle: 'maya' })] };
      await fakeBrowser.storage.local.set({ ...storedItems(makeProfile({ handle: 'maya' }), makeProfile({ handle: 'zoe' })), [REVISION_KEY]: 'r2', [FIRST_PAGE_KEY]: storedFirstPage(page) });
    };

    it('starts reading everything at once, for the store to take', async () => {
      await stale();
      startEarlyReads(api());
      await takeEarlyFirstPage();
      const everything = takeEarlyShortlist();
      expect(everything).toBeDefined();
      expect(Object.keys(await everything!)).toEqual(expect.arrayContaining([storageKey('maya'), storageKey('zoe'), REVISION_KEY]));
      expect(takeEarlyShortlist()).toBeUndefined();
    });

    it('reads nothing more when the page is current', async () => {
      const page = { revision: 'r1', total: 1, profiles: [makeProfile({ handle: 'maya' })] };
      await fakeBrowser.storage.local.set({ ...storedItems(makeProfile({ handle: 'maya' })), [REVISION_KEY]: 'r1', [FIRST_PAGE_KEY]: storedFirstPage(page) });
      const get = vi.spyOn(fakeBrowser.storage.local, 'get');
      startEarlyReads(api());
      await takeEarlyFirstPage();
      expect(takeEarlyShortlist()).toBeUndefined();
      expect(get.mock.calls.filter((call) => call[0] === null)).toHaveLength(0);
    });

    it('hands over nothing once a profile changed since it was asked for', async () => {
      await stale();
      startEarlyReads(api());
      await takeEarlyFirstPage();
      await fakeBrowser.storage.local.set(storedItems(makeProfile({ handle: 'sam' })));
      expect(takeEarlyShortlist()).toBeUndefined();
    });

    it('a change elsewhere in storage.local does not count', async () => {
      await stale();
      startEarlyReads(api());
      await takeEarlyFirstPage();
      await fakeBrowser.storage.local.set({ 'microscope:locale-cache': { any: 1 } });
      expect(takeEarlyShortlist()).toBeDefined();
    });

    it('starts no read once main.tsx found none to take (the store reads itself)', async () => {
      await stale();
      const get = vi.spyOn(fakeBrowser.storage.local, 'get');
      startEarlyReads(api());
      expect(takeEarlyShortlist()).toBeUndefined();
      await takeEarlyFirstPage();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(get.mock.calls.filter((call) => call[0] === null)).toHaveLength(0);
    });

    it('the store hydrates from that read, without asking storage again', async () => {
      await stale();
      startEarlyReads(api());
      await takeEarlyFirstPage();
      const everything = takeEarlyShortlist();
      const get = vi.spyOn(fakeBrowser.storage.local, 'get');
      const store = await import('@/lib/shortlist/store');
      const release = store.prefetchShortlist(new Promise(() => undefined), everything);
      release();
      await store.whenShortlistHydrated();
      expect(Object.keys(store.useShortlist.getState().profiles).sort()).toEqual(['instagram:maya', 'instagram:zoe']);
      expect(get.mock.calls.filter((call) => call[0] === null)).toHaveLength(0);
    });
  });
});
