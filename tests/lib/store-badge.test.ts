import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSavedProfile, recordProfileVisit, REVISION_KEY, saveProfileView, SHORTLIST_KEY, storageKeyOf, updateShortlist, watchSavedProfile } from '@/lib/storage';
import { saveView, SHORTLIST_VERSION } from '@/lib/shortlist';
import { reloadShortlist, shortlistWritesSettled, useShortlist } from '@/lib/store';
import { makeView } from './shortlist-fixtures';

/*
 * The per-profile functions the badge can use on every profile page: they read and write the
 * profile's own key (and the recent views), never the whole shortlist.
 */

const T0 = new Date('2025-11-01T10:00:00.000Z');
const DAY = 86_400_000;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await reloadShortlist();
});

afterEach(async () => {
  await shortlistWritesSettled();
});

describe('per-profile functions', () => {
  it('save, then visits that add snapshots only when the numbers change', async () => {
    expect(await loadSavedProfile('instagram', 'maya')).toBeUndefined();
    await saveProfileView(makeView({ followers: 8_000 }), T0);
    expect(await recordProfileVisit(makeView({ followers: 8_000 }), new Date(T0.getTime() + DAY))).toMatchObject({ history: [{}] });
    const visited = await recordProfileVisit(makeView({ followers: 9_000 }), new Date(T0.getTime() + 2 * DAY));
    expect(visited!.history.map((snapshot) => snapshot.followers?.value)).toEqual([8_000, 9_000]);
    expect(await loadSavedProfile('instagram', 'MAYA')).toEqual(visited);
  });

  it('read only their own keys', async () => {
    await saveProfileView(makeView({ handle: 'maya' }), T0);
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await recordProfileVisit(makeView({ handle: 'maya', followers: 9_000 }), new Date(T0.getTime() + DAY));
    for (const [keys] of reads.mock.calls) expect(keys).not.toBeNull();
  });

  it('a visit to a profile not saved only goes to the recent views', async () => {
    expect(await recordProfileVisit(makeView({ handle: 'zoe' }), T0)).toBeUndefined();
    expect(await loadSavedProfile('instagram', 'zoe')).toBeUndefined();
    await vi.waitFor(() => expect(useShortlist.getState().recent.map((view) => view.handle)).toEqual(['zoe']));
  });

  it('the store of another context sees their writes at once', async () => {
    await saveProfileView(makeView({ handle: 'maya' }), T0);
    expect(useShortlist.getState().profiles['instagram:maya']).toBeDefined();
  });

  it('migrate a v1 shortlist first', async () => {
    const v1 = saveView({ version: SHORTLIST_VERSION, profiles: {} }, makeView({ handle: 'sam' }), T0);
    await fakeBrowser.storage.local.set({ [SHORTLIST_KEY]: { version: 1, profiles: v1.profiles } });
    expect(await loadSavedProfile('instagram', 'sam')).toMatchObject({ handle: 'sam' });
    const stored = await fakeBrowser.storage.local.get([SHORTLIST_KEY, storageKeyOf('instagram:sam')]);
    expect(stored[SHORTLIST_KEY]).toEqual({ version: SHORTLIST_VERSION });
  });

  it('updateShortlist (whole shortlist) writes only what changed', async () => {
    await saveProfileView(makeView({ handle: 'maya' }), T0);
    await saveProfileView(makeView({ handle: 'sam' }), T0);
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    await updateShortlist((list) => saveView(list, makeView({ handle: 'zoe' }), T0));
    expect(writes.mock.calls.map((call) => Object.keys(call[0] as object).sort())).toEqual([[SHORTLIST_KEY, REVISION_KEY, storageKeyOf('instagram:zoe')].sort()]);
  });

  it('watchSavedProfile follows saves and removals from any context', async () => {
    const seen: (string | undefined)[] = [];
    const stop = watchSavedProfile('instagram', 'Maya', (profile) => seen.push(profile?.note));
    await saveProfileView(makeView({ handle: 'maya' }), T0);
    useShortlist.getState().setNote('instagram:maya', 'from the dashboard');
    await shortlistWritesSettled();
    useShortlist.getState().remove(['instagram:maya']);
    await shortlistWritesSettled();
    await saveProfileView(makeView({ handle: 'sam' }), T0);
    stop();
    expect(seen).toEqual(['', 'from the dashboard', undefined]);
  });
});
