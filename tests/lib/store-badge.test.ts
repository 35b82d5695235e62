import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { resetBrowser } from '../shortlist-env';
import { RECENT_KEY, REVISION_KEY, SHORTLIST_KEY, storageKeyOf } from '@/lib/storage-keys';
import { loadSavedProfile, recordProfileVisit, saveProfileView, watchSavedProfile } from '@/lib/shortlist/door';
import { saveView, SHORTLIST_VERSION, type SavedProfile } from '@/lib/shortlist/schema';
import { reloadShortlist, shortlistWritesSettled, useShortlist } from '@/lib/shortlist/store';
import { makeView } from './shortlist-fixtures';

/*
 * The per-profile functions the badge uses on every profile page: they read the profile's own key,
 * and their changes touch that key (and the recent views) only, never the whole shortlist.
 */

const T0 = new Date('2025-11-01T10:00:00.000Z');
const DAY = 86_400_000;

beforeEach(async () => {
  resetBrowser();
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
    expect(await recordProfileVisit(makeView({ followers: 8_000 }), new Date(T0.getTime() + DAY))).toMatchObject({ ok: true, profiles: { 'instagram:maya': { history: [{}] } } });
    const result = await recordProfileVisit(makeView({ followers: 9_000 }), new Date(T0.getTime() + 2 * DAY));
    const visited = (result.ok ? result.profiles['instagram:maya'] : undefined) as SavedProfile;
    expect(visited.history.map((snapshot) => snapshot.followers?.value)).toEqual([8_000, 9_000]);
    expect(await loadSavedProfile('instagram', 'MAYA')).toEqual(visited);
  });

  it('read and write only their own keys', async () => {
    await saveProfileView(makeView({ handle: 'maya' }), T0);
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await recordProfileVisit(makeView({ handle: 'maya', followers: 9_000 }), new Date(T0.getTime() + DAY));
    for (const [keys] of reads.mock.calls) expect(keys).not.toBeNull();
  });

  it('a visit to a profile not saved only goes to the recent views', async () => {
    expect(await recordProfileVisit(makeView({ handle: 'zoe' }), T0)).toMatchObject({ ok: true, outcomes: ['unchanged', 'unchanged'], profiles: { 'instagram:zoe': null } });
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

  it('a save writes the one profile, the recent list and a new revision, in one set()', async () => {
    await saveProfileView(makeView({ handle: 'maya' }), T0);
    await saveProfileView(makeView({ handle: 'sam' }), T0);
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    await saveProfileView(makeView({ handle: 'zoe' }), T0);
    expect(writes.mock.calls.map((call) => Object.keys(call[0] as object).sort())).toEqual([[RECENT_KEY, REVISION_KEY, storageKeyOf('instagram:zoe')].sort()]);
  });

  it('watchSavedProfile follows saves and removals from any context', async () => {
    const seen: (string | undefined)[] = [];
    const stop = watchSavedProfile('instagram', 'Maya', (profile) => seen.push(profile?.note));
    await saveProfileView(makeView({ handle: 'maya' }), T0);
    await useShortlist.getState().setNote('instagram:maya', 'from the dashboard');
    await shortlistWritesSettled();
    await useShortlist.getState().remove(['instagram:maya']);
    await shortlistWritesSettled();
    await saveProfileView(makeView({ handle: 'sam' }), T0);
    stop();
    expect(seen).toEqual(['', 'from the dashboard', undefined]);
  });
});
