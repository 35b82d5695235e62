import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileView } from '../lib/model';
import { PLATFORMS, profileKey } from '../lib/platforms';
import { DEFAULT_SETTINGS } from '../lib/settings';
import type { PostCounts, ProfileSnapshot } from '../lib/sites/types';
import { buildVerdict } from '../lib/verdict';
import { extensionId, launch, sleep } from './chromium';
import { median } from './stats';

export const SAVED_PROFILES = 5000;
/** Snapshots per saved profile: saved once, then visited with new numbers (issue 5's estimate of a real history). */
export const SNAPSHOTS = 5;
/** Set by the dashboard when its table has rendered with the data, if it does (preferred). */
export const RENDERED_MARK = 'microscope:dashboard-rendered';
/** Set by the dashboard once the table shows the whole shortlist read from storage (after its stored first page). */
export const COMPLETE_MARK = 'microscope:dashboard-complete';
/** Storage keys of the revision and the dashboard's stored first page (lib/storage-keys.ts). */
const REVISION_KEY = 'microscope:revision';
const FIRST_PAGE_KEY = 'microscope:first-page';

export interface DashboardResult {
  /** Why there is no number: the dashboard is not built, or seeding failed. */
  skipped?: string;
  /** Navigation start → table rendered with the saved profiles, median of the loads, ms (with a current stored first page when the build stores one). */
  medianMs?: number;
  loads: number[];
  /** Navigation start → the whole shortlist in the table (COMPLETE_MARK), same loads. */
  completeMs?: number;
  /** The same when the profiles changed since the first page was stored (another tab wrote): the full read first. */
  cold?: { medianMs?: number; loads: number[]; completeMs?: number };
  /**
   * The same after one of the first page's profiles was removed through the background's writer
   * (three writes, lib/shortlist/door.ts writeProfiles), which the background follows:
   * `followed` of the loads found the stored page current when they opened.
   */
  removed?: { medianMs?: number; loads: number[]; completeMs?: number; followed: number };
  rows: number;
  /** 'mark' (the dashboard's own performance mark) or 'rows' (the last change of the table rows). */
  method: string;
  /** What the 5 000 profiles take in storage.local, as Chrome counts its quota (keys + JSON of values). */
  storedBytes?: number;
  snapshots?: number;
}

function view(index: number, visit = 0): ProfileView {
  const platform = PLATFORMS[index % PLATFORMS.length]!;
  const followers = 800 + ((index * 7919) % 2_000_000) + visit * (50 + (index % 400));
  const posts: PostCounts[] = Array.from({ length: 12 }, (_, post) => {
    const likes = 20 + ((index + post * 31 + visit * 7) % 900);
    return {
      id: `p${post}`,
      likes: { value: likes, exact: true, min: likes, max: likes },
      comments: { value: post, exact: true, min: post, max: post },
      views: { value: likes * 40, exact: true, min: likes * 40, max: likes * 40 },
      replies: { value: post, exact: true, min: post, max: post },
      reposts: { value: 1, exact: true, min: 1, max: 1 },
    };
  });
  const snapshot: ProfileSnapshot = {
    platform,
    handle: `creator${index}`,
    displayName: `Creator ${index}`,
    locale: 'en',
    followers: { value: followers, exact: true, min: followers, max: followers },
    posts,
    notes: [],
  };
  return { url: `https://example.test/${platform}/creator${index}`, snapshot, verdict: buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled') };
}

/**
 * What storage.local holds after saving `count` profiles and visiting each `snapshots − 1` more
 * times with new numbers (a day apart), in the layout the store reads today: built with
 * lib/shortlist/schema.ts and lib/shortlist/layout.ts themselves, so it follows their schema as it changes.
 */
export async function seedItems(count: number, snapshots = SNAPSHOTS): Promise<Record<string, unknown>> {
  const shortlist = (await import('../lib/shortlist/schema')) as unknown as Record<string, unknown>;
  const storage = { ...(await import('../lib/shortlist/layout')), ...(await import('../lib/storage-keys')) } as unknown as Record<string, unknown>;
  const start = Date.UTC(2025, 10, 1);
  const at = new Date(start).toISOString();
  const key = (await import('../lib/platforms')).profileKey as (platform: string, handle: string) => string;
  const profiles: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) {
    const one = view(index);
    if (typeof shortlist.newProfile === 'function') {
      let profile = (shortlist.newProfile as (v: ProfileView, at: string) => unknown)(one, at);
      const visit = shortlist.visitProfile as ((p: unknown, v: ProfileView, at: string) => unknown) | undefined;
      for (let day = 1; day < snapshots && visit; day++) profile = visit(profile, view(index, day), new Date(start + day * 86_400_000).toISOString());
      profiles[key(one.verdict.platform, one.verdict.handle)] = profile;
    } else {
      const saveView = shortlist.saveView as (list: unknown, v: ProfileView, now: Date) => { profiles: Record<string, unknown> };
      Object.assign(profiles, saveView({ version: shortlist.SHORTLIST_VERSION ?? 1, profiles: {} }, one, new Date(at)).profiles);
    }
  }
  if (typeof storage.profileWrites === 'function') {
    const { set } = (storage.profileWrites as (a: object, b: object) => { set: Record<string, unknown> })({}, profiles);
    // As written by writeProfiles: the profiles with a revision (the dashboard's first page needs one).
    if (typeof storage.REVISION_KEY === 'string') set[storage.REVISION_KEY] = 'seeded';
    return set;
  }
  return { [shortlist.SHORTLIST_KEY as string]: { version: shortlist.SHORTLIST_VERSION ?? 1, profiles } };
}

const ROWS = 'tbody tr, [role="row"]';

/** Records, from before the page's scripts run, the time of every change in the table's row count. */
const RECORDER = `(() => {
  const record = { rowChanges: [] };
  window.__microscopeDashboard = record;
  let last = -1;
  const check = () => {
    const rows = document.querySelectorAll(${JSON.stringify(ROWS)}).length;
    if (rows !== last) { last = rows; record.rowChanges.push([performance.now(), rows]); }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
})();`;

/** The dashboard of the extension in `dir` with SAVED_PROFILES saved profiles: time to its table. */
export async function dashboardBench(dir: string, runs: number): Promise<DashboardResult> {
  if (!existsSync(join(dir, 'dashboard.html'))) return { skipped: 'dashboard: not built yet', loads: [], rows: 0, method: '' };
  const items = await seedItems(SAVED_PROFILES);
  const storedBytes = Object.entries(items).reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value)), 0);
  const browser = await launch('MAP nothing.invalid 127.0.0.1', dir);
  try {
    const url = `chrome-extension://${extensionId(browser)}/dashboard.html`;
    const seeding = await browser.context.newPage();
    await seeding.goto(url);
    await seeding.evaluate(async (values) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void>; set(v: object): Promise<void> } } } }).chrome;
      await api.storage.local.clear();
      await api.storage.local.set(values);
    }, items);
    await seeding.close();
    let rows = 0;
    let method = 'rows';
    /** Whether the stored first page is the current revision's (from an open extension page). */
    const pageCurrent = (page: Awaited<ReturnType<typeof browser.context.newPage>>): Promise<boolean> =>
      page.evaluate(
        async ({ revision, firstPage }) => {
          const items = await (globalThis as unknown as { chrome: { storage: { local: { get(k: string[]): Promise<Record<string, { revision?: unknown } | string | undefined>> } } } }).chrome.storage.local.get([revision, firstPage]);
          const stored = items[firstPage];
          return typeof stored === 'object' && stored !== null && stored.revision === items[revision];
        },
        { revision: REVISION_KEY, firstPage: FIRST_PAGE_KEY },
      );
    /** One load: navigation start → first rows (mark or last row change), and → the whole table. */
    const load = async (): Promise<{ shown?: number; complete?: number; rows: number }> => {
      const page = await browser.context.newPage();
      await page.addInitScript({ content: RECORDER });
      await page.goto(url, { waitUntil: 'load' });
      // Until the dashboard's marks (builds that set them) or table rows (or 10 s), then a quiet second for the last re-render.
      await page
        .waitForFunction(
          ({ rows, marks }) => marks.some((mark) => performance.getEntriesByName(mark).length > 0) || document.querySelectorAll(rows).length > 1,
          { rows: ROWS, marks: [COMPLETE_MARK, RENDERED_MARK] },
          { timeout: 10_000, polling: 100 },
        )
        .catch(() => undefined);
      await sleep(1000);
      // A dashboard that stores its first page does so a second after the shortlist settled: wait for it to be current.
      for (let waited = 0; waited < 3000; waited += 200) {
        if (await pageCurrent(page)) break;
        await sleep(200);
      }
      const seen = await page.evaluate(
        ({ rendered, complete }) => {
          const record = (window as unknown as { __microscopeDashboard: { rowChanges: [number, number][] } }).__microscopeDashboard;
          return {
            rowChanges: record.rowChanges,
            marked: performance.getEntriesByName(rendered)[0]?.startTime,
            complete: performance.getEntriesByName(complete)[0]?.startTime,
            mentions: document.documentElement.outerHTML.includes('5,000') || document.documentElement.outerHTML.includes('5000'),
          };
        },
        { rendered: RENDERED_MARK, complete: COMPLETE_MARK },
      );
      await page.close();
      const final = seen.rowChanges.at(-1);
      const shownRows = final?.[1] ?? 0;
      if (seen.marked !== undefined) {
        method = 'mark';
        return { shown: seen.marked, complete: seen.complete ?? seen.marked, rows: shownRows };
      }
      return final && shownRows > 1 && seen.mentions ? { shown: final[0], complete: final[0], rows: shownRows } : { rows: shownRows };
    };
    /**
     * Removes one saved profile as the popup's or the dashboard's button does: a commit sent to the
     * background's writer, which writes it in three (a set() under a pending revision, the
     * remove(), the new revision alone); then waits up to 3 s for the background to have followed
     * it. Resolves whether the stored first page was current when it returned.
     */
    const removeProfile = async (key: string): Promise<boolean> => {
      const page = await browser.context.newPage();
      await page.goto(url.replace('dashboard.html', 'popup.html'));
      const answer = await page.evaluate(
        async (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage(message),
        { type: 'microscope:shortlist', request: { kind: 'commit', patches: [{ op: 'remove', key }] } },
      );
      if (!(answer as { ok?: boolean } | undefined)?.ok) throw new Error(`dashboard bench: removing ${key} failed: ${JSON.stringify(answer)}`);
      let current = false;
      for (let waited = 0; waited < 3000 && !(current = await pageCurrent(page)); waited += 50) await sleep(50);
      await page.close();
      return current;
    };
    const setRevision = async (value: string): Promise<void> => {
      const page = await browser.context.newPage();
      await page.goto(url.replace('dashboard.html', 'popup.html'));
      await page.evaluate(
        async (items) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set(items),
        { [REVISION_KEY]: value },
      );
      await page.close();
    };
    // Cold: another context changed the profiles since the first page was stored (a new revision):
    // the dashboard reads everything first. Each such load stores the first page again.
    const cold: number[] = [];
    const coldComplete: number[] = [];
    for (let run = 0; run < runs; run++) {
      await setRevision(`bench-${run}`);
      const result = await load();
      rows = result.rows;
      if (result.shown !== undefined) cold.push(result.shown);
      if (result.complete !== undefined) coldComplete.push(result.complete);
    }
    // After a removal of one of the first page's profiles (seeded with one lastSeen, the page is
    // creator0, creator1, … by handle): the background follows it, the page is current again.
    const removed: number[] = [];
    const removedComplete: number[] = [];
    let followed = 0;
    for (let run = 0; run < runs; run++) {
      const one = view(run);
      if (await removeProfile(profileKey(one.verdict.platform, one.verdict.handle))) followed += 1;
      const result = await load();
      rows = result.rows;
      if (result.shown !== undefined) removed.push(result.shown);
      if (result.complete !== undefined) removedComplete.push(result.complete);
    }
    // Warm: nothing changed since the last load stored its first page.
    const loads: number[] = [];
    const complete: number[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await load();
      rows = result.rows;
      if (result.shown !== undefined) loads.push(result.shown);
      if (result.complete !== undefined) complete.push(result.complete);
    }
    const coldResult = { medianMs: cold.length === runs ? median(cold) : undefined, loads: cold, completeMs: coldComplete.length === runs ? median(coldComplete) : undefined };
    const removedResult = {
      medianMs: removed.length === runs ? median(removed) : undefined,
      loads: removed,
      completeMs: removedComplete.length === runs ? median(removedComplete) : undefined,
      followed,
    };
    if (loads.length < runs) return { skipped: `dashboard: the table did not show the ${SAVED_PROFILES} saved profiles (${rows} rows)`, loads, rows, method, storedBytes, snapshots: SNAPSHOTS };
    return { medianMs: median(loads), loads, completeMs: complete.length === runs ? median(complete) : undefined, cold: coldResult, removed: removedResult, rows, method, storedBytes, snapshots: SNAPSHOTS };
  } finally {
    await browser.close();
  }
}
