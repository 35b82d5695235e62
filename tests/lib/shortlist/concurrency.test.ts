import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { profileKey } from '@/lib/platforms';
import { exportBackup, parseBackup } from '@/lib/shortlist/backup';
import { storedProfile, readStored } from '@/lib/shortlist/layout';
import { applyPatch, applyRecent, savePatches, visitPatches, type Patch } from '@/lib/shortlist/patches';
import type { RecentView, SavedProfile } from '@/lib/shortlist/schema';
import { PROFILE_PREFIX, RECENT_KEY, storageKeyOf } from '@/lib/storage-keys';
import { makeProfile, makeView } from '../shortlist-fixtures';
import { createExtension, createFakeArea, type FakeArea } from './fake-storage';

/*
 * Issue 13's cases (and issue 16's quoted price), each reproduced on the old store with storage of 5–20 ms latency shared by
 * the contexts, run against the one door: nothing is lost. Then a property: any interleaving of
 * visits, saves, notes, tags and removals from three contexts leaves storage exactly as applying
 * them, one by one, in the order the writer took them.
 */

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (days: number): Date => new Date(T0 + days * 86_400_000);
/** After now: what a save pressed after any removal so far is dated. */
const later = (ms: number): Date => new Date(Date.now() + 60_000 + ms);
const MAYA = 'instagram:maya';

/** The saved profiles storage holds now, read as any context reads them. */
function storedProfiles(area: FakeArea): Record<string, SavedProfile> {
  return readStored(area.peek()).shortlist.profiles;
}

/** A context (popup, dashboard) with its view read. */
async function openContext(extension: ReturnType<typeof createExtension>) {
  const context = extension.context();
  await context.store.controls.whenHydrated();
  return context;
}

/** Waits until every change event has reached every context. */
const quiet = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 120));

async function withMaya(area: FakeArea, extension: ReturnType<typeof createExtension>): Promise<void> {
  const tab = extension.context();
  expect((await tab.door.commit(savePatches(makeView({ followers: 8_000 }), at(0).toISOString()))).ok).toBe(true);
  expect(Object.keys(storedProfiles(area))).toEqual([MAYA]);
}

describe("issue 13's cases: nothing is lost", () => {
  it('1. a note typed in the dashboard while a tab of that creator records a visit', async () => {
    for (let round = 0; round < 10; round++) {
      const area = createFakeArea();
      const extension = createExtension(area);
      await withMaya(area, extension);
      const dashboard = await openContext(extension);
      const tab = extension.context();
      const [noted, visited] = await Promise.all([
        dashboard.store.getState().setNote(MAYA, 'Asked for rates'),
        tab.door.commit(visitPatches(makeView({ followers: 8_600 }), at(1).toISOString())),
      ]);
      expect(noted).toBe(true);
      expect(visited.ok).toBe(true);
      const maya = storedProfiles(area)[MAYA]!;
      expect(maya.note).toBe('Asked for rates');
      expect(maya.history.map((snapshot) => snapshot.followers?.value)).toEqual([8_000, 8_600]);
      // And the dashboard shows both, once the events are in.
      await quiet();
      expect(dashboard.store.getState().profiles[MAYA]).toEqual(maya);
    }
  });

  it('2. a tag edit in flight while a visit is recorded', async () => {
    for (let round = 0; round < 10; round++) {
      const area = createFakeArea();
      const extension = createExtension(area);
      await withMaya(area, extension);
      const popup = await openContext(extension);
      const tab = extension.context();
      await Promise.all([
        tab.door.commit(visitPatches(makeView({ followers: 9_100 }), at(2).toISOString())),
        popup.store.getState().setTags(MAYA, ['travel', 'UK']),
      ]);
      const maya = storedProfiles(area)[MAYA]!;
      expect(maya.tags).toEqual(['travel', 'UK']);
      expect(maya.history.map((snapshot) => snapshot.followers?.value)).toEqual([8_000, 9_100]);
    }
  });

  it('2b. a price typed in the dashboard while one tab saves and another visits that creator (issue 16)', async () => {
    for (let round = 0; round < 10; round++) {
      const area = createFakeArea();
      const extension = createExtension(area);
      await withMaya(area, extension);
      const dashboard = await openContext(extension);
      const one = extension.context();
      const two = extension.context();
      const [quoted, saved, visited] = await Promise.all([
        dashboard.store.getState().setQuote(MAYA, { amount: 450, currency: 'EUR' }),
        one.door.commit(savePatches(makeView({ followers: 8_300 }), at(1).toISOString())),
        two.door.commit(visitPatches(makeView({ followers: 8_700 }), at(2).toISOString())),
      ]);
      expect([quoted, saved.ok, visited.ok]).toEqual([true, true, true]);
      const maya = storedProfiles(area)[MAYA]!;
      expect(maya.quote).toEqual({ amount: 450, currency: 'EUR' });
      expect(maya.history.map((snapshot) => snapshot.followers?.value)).toEqual([8_000, 8_300, 8_700]);
      await quiet();
      expect(dashboard.store.getState().profiles[MAYA]).toEqual(maya);
      // An empty price clears it, whatever comes in meanwhile.
      await Promise.all([dashboard.store.getState().setQuote(MAYA, undefined), two.door.commit(visitPatches(makeView({ followers: 9_000 }), at(3).toISOString()))]);
      expect(storedProfiles(area)[MAYA]!.quote).toBeUndefined();
      expect(storedProfiles(area)[MAYA]!.history).toHaveLength(4);
    }
  });

  it('3. a profile removed in the dashboard while a visit is in flight stays removed, also after a reload', async () => {
    for (let round = 0; round < 10; round++) {
      const area = createFakeArea();
      const extension = createExtension(area);
      await withMaya(area, extension);
      const dashboard = await openContext(extension);
      const tab = extension.context();
      await Promise.all([
        tab.door.commit(visitPatches(makeView({ followers: 8_200 }), at(1).toISOString())),
        dashboard.store.getState().remove([MAYA]),
      ]);
      expect(storedProfiles(area)).toEqual({});
      const later = await openContext(extension);
      expect(later.store.getState().profiles).toEqual({});
      // The tab keeps visiting: a visit never saves.
      await tab.door.commit(visitPatches(makeView({ followers: 8_300 }), at(2).toISOString()));
      expect(storedProfiles(area)).toEqual({});
    }
  });

  it('3b. a removal leaves a tombstone: a save pressed before it that arrives after it does not bring the profile back', async () => {
    const area = createFakeArea();
    const extension = createExtension(area);
    await withMaya(area, extension);
    const dashboard = await openContext(extension);
    const tab = extension.context();
    const pressed = savePatches(makeView({ followers: 8_100 }), new Date().toISOString());
    expect(await dashboard.store.getState().remove([MAYA])).toBe(true);
    // The tab's Save, pressed before the removal, reaches the writer only now.
    expect(await tab.door.commit(pressed)).toMatchObject({ ok: true, outcomes: ['unchanged', 'unchanged'] });
    expect(storedProfiles(area)).toEqual({});
    // Saved again after the removal: saved.
    const again = await tab.door.commit(savePatches(makeView({ followers: 8_200 }), later(0).toISOString()));
    expect(again).toMatchObject({ ok: true, outcomes: ['added', 'unchanged'] });
    expect(Object.keys(storedProfiles(area))).toEqual([MAYA]);
  });

  it('4. two tabs of the same creator recording a visit at once keep both snapshots', async () => {
    for (let round = 0; round < 10; round++) {
      const area = createFakeArea();
      const extension = createExtension(area);
      await withMaya(area, extension);
      const [one, two] = [extension.context(), extension.context()];
      await Promise.all([
        one.door.commit(visitPatches(makeView({ followers: 8_400 }), at(3).toISOString())),
        two.door.commit(visitPatches(makeView({ followers: 8_900 }), at(4).toISOString())),
      ]);
      const history = storedProfiles(area)[MAYA]!.history.map((snapshot) => snapshot.followers?.value);
      expect(history).toEqual([8_000, 8_400, 8_900]);
    }
  });

  describe('5. a backup larger than storage allows', () => {
    /** A backup of `count` profiles of 20 snapshots each, and its size. */
    function bigBackup(count: number): string {
      const profiles: Record<string, SavedProfile> = {};
      const followers = Array.from({ length: 20 }, (_, day) => 5_000 + day * 37);
      for (let index = 0; index < count; index++) {
        const profile = makeProfile({ handle: `creator${index}`, followers, tags: ['imported'], note: `row ${index}` });
        profiles[profileKey(profile.platform, profile.handle)] = profile;
      }
      return exportBackup({ profiles });
    }

    it('40 000 profiles (22 MB): refused before any write, says so; later edits work and survive a reload', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const area = createFakeArea({ latency: [0, 1] });
      const extension = createExtension(area, [0, 0]);
      await withMaya(area, extension);
      const dashboard = await openContext(extension);
      const text = bigBackup(40_000);
      expect(text.length).toBeGreaterThan(20_000_000);
      const report = await dashboard.store.getState().importBackup(text);
      expect(report).toMatchObject({ total: 40_000, added: 0, merged: 0, unchanged: 0, notStored: 40_000 });
      // "The new profiles need 21.3 MB of browser storage and 10.4 MB is free. Nothing was imported…"
      expect(report.error).toMatchObject({ key: 'importNoRoom', args: [{ as: 'bytes' }, { as: 'bytes' }] });
      const [needed, free] = report.error!.args as readonly { number: number }[];
      expect(needed!.number).toBeGreaterThan(free!.number);
      expect(Object.keys(storedProfiles(area))).toEqual([MAYA]);
      // Nothing blocks the next edit, and the reload keeps it.
      expect(await dashboard.store.getState().setNote(MAYA, 'still here')).toBe(true);
      expect(dashboard.store.getState().writeError).toBeUndefined();
      const reloaded = await openContext(extension);
      expect(reloaded.store.getState().profiles[MAYA]!.note).toBe('still here');
    }, 60_000);

    it('without a way to measure the room left (Firefox): stored in commits, the report says exactly how many', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const area = createFakeArea({ latency: [0, 1], quota: 3_000_000, bytesInUse: false });
      const extension = createExtension(area, [0, 0]);
      await withMaya(area, extension);
      const dashboard = await openContext(extension);
      const report = await dashboard.store.getState().importBackup(bigBackup(12_000));
      const stored = Object.keys(storedProfiles(area)).filter((key) => key !== MAYA);
      expect(report.notStored).toBeGreaterThan(0);
      expect(report.added).toBe(stored.length);
      expect(report.added + report.notStored!).toBe(12_000);
      // "Stored 8123 of 12000 profiles, then storage refused the rest (QUOTA_BYTES quota exceeded)…"
      expect(report.error).toEqual({ key: 'importStopped', args: [report.added, 12_000, expect.stringContaining('QUOTA_BYTES quota exceeded')] });
      // What was stored before is still there, and the next edit is stored.
      expect(await dashboard.store.getState().setNote(MAYA, 'after the import')).toBe(true);
      expect(storedProfiles(area)[MAYA]!.note).toBe('after the import');
    }, 60_000);

    it('a backup that fits is stored whole, and counted as stored', async () => {
      const area = createFakeArea({ latency: [0, 2] });
      const extension = createExtension(area, [0, 0]);
      await withMaya(area, extension);
      const dashboard = await openContext(extension);
      const report = await dashboard.store.getState().importBackup(bigBackup(2_500));
      expect(report).toMatchObject({ total: 2_500, added: 2_500, merged: 0, unchanged: 0, refused: [] });
      expect(report.error).toBeUndefined();
      expect(Object.keys(storedProfiles(area))).toHaveLength(2_501);
    }, 60_000);
  });

  it('6. a profile saved from a long address with share tracking is stored with its own short link, and stays', async () => {
    const area = createFakeArea();
    const extension = createExtension(area);
    const tab = extension.context();
    const long = makeView({ handle: 'maya' });
    long.url = `https://www.instagram.com/maya/?igsh=${'a'.repeat(2_100)}`;
    const fragment = makeView({ handle: 'sam' });
    fragment.url = `https://www.instagram.com/sam/#${'x'.repeat(1_500_000)}`;
    await tab.door.commit(savePatches(long, at(0).toISOString()));
    await tab.door.commit(savePatches(fragment, at(0).toISOString()));
    await tab.door.commit(visitPatches(fragment, at(1).toISOString()));
    expect(area.bytes()).toBeLessThan(3_000);
    const dashboard = await openContext(extension);
    const profiles = dashboard.store.getState().profiles;
    expect(Object.keys(profiles).sort()).toEqual(['instagram:maya', 'instagram:sam']);
    expect(profiles['instagram:maya']!.url).toBe('https://www.instagram.com/maya/');
    expect(profiles['instagram:sam']!.url).toBe('https://www.instagram.com/sam/');
    const recent = area.peek()[RECENT_KEY] as { views: RecentView[] };
    expect(recent.views.map((view) => view.url)).toEqual(['https://www.instagram.com/sam/', 'https://www.instagram.com/maya/']);
    expect(JSON.stringify(area.peek())).not.toMatch(/igsh|#x/);
  });

  it("9. a backup row whose link is a redirector or another handle's is refused; an http link is upgraded", () => {
    const maya = JSON.parse(JSON.stringify(makeProfile({ handle: 'maya' }))) as Record<string, unknown>;
    const parsed = parseBackup({
      format: 'microscope-backup',
      version: 3,
      profiles: [
        { ...maya, url: 'https://l.instagram.com/?u=https%3A%2F%2Fwww.instagram.com%2Fmaya%2F&e=AT0' },
        { ...maya, url: 'https://www.instagram.com/someone.else/' },
        { ...maya, url: 'http://www.instagram.com/maya/?igsh=c2hhcmU=' },
      ],
    });
    expect(parsed.refused.map((row) => row.index)).toEqual([0, 1]);
    expect(parsed.rows.map((row) => row.url)).toEqual(['https://www.instagram.com/maya/']);
  });
});

describe('any interleaving from three contexts', () => {
  type Step = { context: number; delay: number; op: 'visit' | 'save' | 'note' | 'tags' | 'quote' | 'remove'; handle: string; value: number };
  const step = fc.record({
    context: fc.integer({ min: 0, max: 2 }),
    delay: fc.integer({ min: 0, max: 15 }),
    op: fc.constantFrom('visit' as const, 'save' as const, 'note' as const, 'tags' as const, 'quote' as const, 'remove' as const),
    handle: fc.constantFrom('maya', 'sam', 'zoe'),
    value: fc.integer({ min: 1, max: 9 }),
  });

  function patchesOf({ op, handle, value }: Step, when: Date): Patch[] {
    const key = `instagram:${handle}`;
    const view = makeView({ handle, followers: 8_000 + value * 100 });
    if (op === 'visit') return visitPatches(view, when.toISOString());
    if (op === 'save') return savePatches(view, when.toISOString());
    if (op === 'note') return [{ op: 'note', key, note: `note ${value}` }];
    if (op === 'tags') return [{ op: 'tags', key, tags: [`tag${value}`, `tag${value % 3}`] }];
    // Odd values set a price, even ones clear it (an empty price field).
    if (op === 'quote') return [{ op: 'quote', key, quote: value % 2 === 1 ? { amount: value * 100, currency: 'EUR' } : null }];
    return [{ op: 'remove', key }];
  }

  it('storage ends as the commits applied one by one in the order the writer took them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), fc.integer({ min: 0, max: 1_000 }), async (steps, seed) => {
        let state = seed;
        const random = (): number => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
        const area = createFakeArea({ latency: [0, 6], random });
        const extension = createExtension(area, [0, 3]);
        const contexts = [extension.context(), extension.context(), extension.context()];
        await Promise.all(contexts.map((context) => context.store.controls.whenHydrated()));
        // Three contexts act at once: their stores (notes, tags, saves, removals) and doors (visits).
        await Promise.all(
          steps.map(async (one, index) => {
            await new Promise((resolve) => setTimeout(resolve, one.delay));
            const context = contexts[one.context]!;
            // Dated after any removal (the writer's clock): a tombstone never holds these saves back
            // (tested on its own above), so the model is plain order.
            const patches = patchesOf(one, later(index));
            const { store } = context;
            if (one.op === 'visit') return context.door.commit(patches);
            if (one.op === 'save') return store.getState().save(makeView({ handle: one.handle, followers: 8_000 + one.value * 100 }), later(index));
            if (one.op === 'remove') return store.getState().remove([`instagram:${one.handle}`]);
            const patch = patches[0]!;
            if (patch.op === 'quote') return store.getState().setQuote(patch.key, patch.quote ?? undefined);
            return patch.op === 'note' ? store.getState().setNote(patch.key, patch.note) : patch.op === 'tags' ? store.getState().setTags(patch.key, patch.tags) : undefined;
          }),
        );
        // The model: each commit applied in the writer's order, to nothing but what came before.
        const profiles = new Map<string, SavedProfile>();
        let recent: readonly RecentView[] = [];
        for (const request of extension.committed) {
          if (request.kind !== 'commit') continue;
          for (const patch of request.patches) {
            if (patch.op === 'recent') {
              recent = applyRecent(recent, patch.view);
              continue;
            }
            const next = applyPatch(profiles.get(patch.key), patch);
            if (next) profiles.set(patch.key, next);
            else profiles.delete(patch.key);
          }
        }
        const stored = area.peek();
        const storedKeys = Object.keys(stored).filter((key) => key.startsWith(PROFILE_PREFIX)).sort();
        expect(storedKeys).toEqual([...profiles.keys()].map(storageKeyOf).sort());
        for (const [key, profile] of profiles) expect(stored[storageKeyOf(key)]).toBe(storedProfile(profile));
        if (recent.length > 0) expect((stored[RECENT_KEY] as { views: RecentView[] }).views).toEqual(recent);
        // And every context's view shows what storage holds, once the events are in.
        await quiet();
        for (const context of contexts) expect(context.store.getState().profiles).toEqual(readStored(stored).shortlist.profiles);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
