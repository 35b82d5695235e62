import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFirstRun, shouldWelcome, type FirstRunPorts } from '@/lib/first-run';
import { WELCOMED_KEY } from '@/lib/storage-keys';

describe('shouldWelcome', () => {
  it.each([
    ['install', false, true],
    // Installed before, in this profile: the flag is there (a second install event, a re-run).
    ['install', true, false],
    // MicroScope updated, or an unpacked build reloaded in developer mode.
    ['update', false, false],
    ['update', true, false],
    // The browser updated: Chrome's name, then Firefox's.
    ['chrome_update', false, false],
    ['browser_update', false, false],
    ['shared_module_update', false, false],
    // A reason a browser adds some day, and an empty one: never a welcome by accident.
    ['something_new', false, false],
    ['', false, false],
  ])('%s, already shown: %s → %s', (reason, welcomed, expected) => {
    expect(shouldWelcome(reason, welcomed)).toBe(expected);
  });
});

describe('createFirstRun', () => {
  let openWelcome: ReturnType<typeof vi.fn<() => Promise<unknown>>>;
  let warn: ReturnType<typeof vi.fn<FirstRunPorts['warn']>>;
  let ports: FirstRunPorts;

  beforeEach(() => {
    fakeBrowser.reset();
    openWelcome = vi.fn(() => Promise.resolve());
    warn = vi.fn();
    ports = { local: fakeBrowser.storage.local, openWelcome, version: '1.2.3', warn };
  });

  const stored = async (): Promise<unknown> => (await fakeBrowser.storage.local.get(WELCOMED_KEY))[WELCOMED_KEY];

  it('opens the welcome tab on install, once, and remembers it with the version', async () => {
    const firstRun = createFirstRun(ports);
    expect(await firstRun('install')).toBe(true);
    expect(openWelcome).toHaveBeenCalledTimes(1);
    expect(await stored()).toBe('1.2.3');
    // A second 'install' in the same profile, even from a new background (a new createFirstRun).
    expect(await firstRun('install')).toBe(false);
    expect(await createFirstRun(ports)('install')).toBe(false);
    expect(openWelcome).toHaveBeenCalledTimes(1);
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])('opens nothing and stores nothing on %s', async (reason) => {
    const firstRun = createFirstRun(ports);
    expect(await firstRun(reason)).toBe(false);
    expect(openWelcome).not.toHaveBeenCalled();
    expect(await stored()).toBeUndefined();
  });

  it('opens nothing on install where a welcome was shown before (a flag from another version too)', async () => {
    await fakeBrowser.storage.local.set({ [WELCOMED_KEY]: '0.0.1' });
    expect(await createFirstRun(ports)('install')).toBe(false);
    expect(openWelcome).not.toHaveBeenCalled();
    expect(await stored()).toBe('0.0.1');
  });

  it('opens one tab for two install events at once (the second waits for the first)', async () => {
    const firstRun = createFirstRun(ports);
    expect(await Promise.all([firstRun('install'), firstRun('install'), firstRun('update')])).toEqual([true, false, false]);
    expect(openWelcome).toHaveBeenCalledTimes(1);
  });

  it('stores the flag before it opens the tab: a tab that cannot open is not tried again', async () => {
    openWelcome.mockImplementation(async () => {
      expect(await stored(), 'flag written first').toBe('1.2.3');
      throw new Error('No window to open a tab in');
    });
    const firstRun = createFirstRun(ports);
    expect(await firstRun('install')).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be opened'), expect.any(Error));
    expect(await firstRun('install')).toBe(false);
    expect(openWelcome).toHaveBeenCalledTimes(1);
  });

  it('opens nothing when storage cannot be read or written (it could not remember the welcome)', async () => {
    const unreadable = createFirstRun({ ...ports, local: { get: () => Promise.reject(new Error('IO error')), set: () => Promise.resolve() } });
    expect(await unreadable('install')).toBe(false);
    const unwritable = createFirstRun({ ...ports, local: { get: () => Promise.resolve({}), set: () => Promise.reject(new Error('QUOTA_BYTES')) } });
    expect(await unwritable('install')).toBe(false);
    expect(openWelcome).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
