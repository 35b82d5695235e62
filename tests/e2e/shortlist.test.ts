import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProfileText } from '@/lib/shortlist/codec';
import { collectErrors, readBadge, revealBadge, settledBadge } from './badge';
import { launchWithExtension, openPopupForTab, type ExtensionBrowser } from './browser';
import { fixtureRoute, fixtureUrl, ROOT } from './pages';
import { startReplayServer, type ReplayServer } from './server';

const ANA = fixtureUrl('instagram', 'profile-exact');
const KOFI = fixtureUrl('instagram', 'profile-rounded');
const WREN = fixtureUrl('threads', 'profile');
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

let server: ReplayServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startReplayServer([
    fixtureRoute('instagram', 'profile-exact'),
    fixtureRoute('instagram', 'profile-rounded'),
    fixtureRoute('threads', 'profile'),
  ]);
  browser = await launchWithExtension(server.hostResolverRules);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const extensionPage = async (path: string): Promise<Page> => {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
};

/** Opens popup.html as the toolbar would for the tab showing `url` (browser.ts openPopupForTab). */
async function openPopupFor(url: string): Promise<Page> {
  const tabId = await browser.serviceWorker().evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id;
  }, url);
  if (tabId === undefined) throw new Error(`no tab shows ${url}`);
  return openPopupForTab(browser, tabId);
}

describe('shortlist, popup and dashboard in real Chromium', () => {
  it('saves from the badge and from the popup; the dashboard lists both; the CSV contains them', async () => {
    const ana = await browser.newPage();
    const errors = collectErrors(ana);
    await ana.goto(ANA);
    await settledBadge(ana);
    await revealBadge(ana);
    await ana.locator('microscope-badge .ms-pill').click();
    await ana.locator('microscope-badge button', { hasText: 'Save to shortlist' }).click();
    await expect.poll(() => ana.locator('microscope-badge button', { hasText: 'Saved to shortlist' }).count()).toBe(1);

    const kofi = await browser.newPage();
    await kofi.goto(KOFI);
    await settledBadge(kofi);
    await revealBadge(kofi);
    const popup = await openPopupFor(KOFI);
    await expect.poll(() => popup.getByText('@kofi.bakes').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-profile.png'), fullPage: true });
    await popup.getByRole('button', { name: 'Save to shortlist' }).click();
    await expect.poll(() => popup.getByRole('button', { name: /Remove/ }).count()).toBeGreaterThan(0);
    // The badge on the page hears of the save at once.
    await kofi.locator('microscope-badge .ms-pill').click();
    await expect.poll(() => kofi.locator('microscope-badge button', { hasText: 'Saved to shortlist' }).count()).toBe(1);

    const dashboard = await extensionPage('dashboard.html');
    await expect.poll(() => dashboard.getByRole('link', { name: /ana\.tidepool/ }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => dashboard.getByRole('link', { name: /kofi\.bakes/ }).count()).toBe(1);
    await dashboard.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });

    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      dashboard.getByRole('button', { name: /Export .*CSV/i }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFF'), 'a BOM, so Excel reads UTF-8').toBe(true);
    expect(csv).toContain('ana.tidepool');
    expect(csv).toContain('kofi.bakes');
    expect(csv).toContain('12345');
    expect(csv.split('\r\n').length).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    for (const page of [ana, kofi, popup, dashboard]) await page.close();
  });

  it('a price quoted in the dashboard shows its cost per engagement in the table, the details and the CSV (issue 16)', async () => {
    // ana was saved from her badge above: her snapshot keeps the signals summary read from the page.
    const dashboard = await extensionPage('dashboard.html');
    const errors = collectErrors(dashboard);
    await dashboard.getByRole('button', { name: /Details, tags and note for @?ana\.tidepool/ }).click();
    const panel = dashboard.getByRole('complementary', { name: /ana\.tidepool/ });
    await panel.getByRole('spinbutton', { name: 'Amount' }).fill('600');
    await panel.getByRole('textbox', { name: 'Currency' }).fill('EUR');
    await panel.getByRole('button', { name: 'Save price' }).click();

    // What the page showed, as stored: 600 ÷ the median engagements per post.
    const read = async () =>
      readProfileText(String(await dashboard.evaluate(async () => (await chrome.storage.local.get('microscope:profile:instagram:ana.tidepool'))['microscope:profile:instagram:ana.tidepool'])));
    await expect.poll(async () => (await read())?.quote, { timeout: 10_000 }).toEqual({ amount: 600, currency: 'EUR' });
    const stored = (await read())!;
    const engagements = [...stored.history].reverse().find((snapshot) => snapshot.signals?.engagements)?.signals?.engagements;
    expect(engagements, 'the saved snapshot keeps the median engagements per post').toBeDefined();
    const expected = `EUR ${(600 / engagements!.value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

    const row = dashboard.getByRole('row', { name: /ana\.tidepool/ });
    const headers = await dashboard.getByRole('columnheader').allTextContents();
    const column = headers.findIndex((header) => header.startsWith('Cost/engagement'));
    expect(column).toBeGreaterThan(0);
    await expect.poll(() => row.locator('td, th').nth(column + 1).textContent(), { timeout: 10_000 }).toBe(expected);
    await expect.poll(() => panel.getByRole('definition').first().textContent()).toBe(expected);
    expect(await panel.getByRole('term').first().textContent()).toBe('Cost per engagement');
    await dashboard.screenshot({ path: join(SCREENSHOTS, 'dashboard-quoted-price.png'), fullPage: true });
    // The table's signals columns, scrolled into view with the details closed.
    await panel.getByRole('button', { name: 'Close' }).click();
    await dashboard.getByRole('columnheader', { name: /Cost\/engagement/ }).scrollIntoViewIfNeeded();
    await dashboard.screenshot({ path: join(SCREENSHOTS, 'dashboard-signals-columns.png'), fullPage: true });
    // Whose row it is stays in view while the table scrolls sideways: the handle keeps to the
    // table's left edge, drawn over the columns passing under it.
    const handle = await dashboard.evaluate(() => {
      const wrap = document.querySelector('.table-wrap')!;
      const cell = [...document.querySelectorAll('tbody th.col-handle')].find((candidate) => candidate.textContent?.includes('ana.tidepool'))!;
      const box = cell.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + 8, box.top + box.height / 2);
      return { scrolled: wrap.scrollLeft, fromEdge: box.left - wrap.getBoundingClientRect().left - wrap.clientLeft, onTop: hit !== null && cell.contains(hit) };
    });
    expect(handle.scrolled, 'the table scrolled sideways to the cost column').toBeGreaterThan(200);
    expect(handle.fromEdge).toBeCloseTo(0, 0);
    expect(handle.onTop).toBe(true);

    const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: /Export .*CSV/i }).click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const [header, ...records] = csv.replace(/^\uFEFF/, '').split('\r\n').map((line) => line.slice(1, -1).split('","'));
    const anaRecord = records.find((record) => record[1] === 'ana.tidepool')!;
    expect(anaRecord[header!.indexOf('Quoted price')]).toBe('600');
    expect(anaRecord[header!.indexOf('Quote currency')]).toBe('EUR');
    expect(Number(anaRecord[header!.indexOf('Cost per engagement')])).toBeCloseTo(600 / engagements!.value, 4);
    expect(errors).toEqual([]);
    await dashboard.close();
  });

  it('a settings change in the dashboard re-tiers the open badge without a reload', async () => {
    const ana = await browser.newPage();
    await ana.goto(ANA);
    expect((await settledBadge(ana))['data-tier'], '12,345 followers, founding scheme').toBe('mid');
    const dashboard = await extensionPage('dashboard.html#settings');
    await dashboard.getByRole('radio', { name: /Five-tier/ }).check();
    await expect.poll(async () => (await readBadge(ana))?.['data-tier'], { timeout: 10_000 }).toBe('micro');
    await dashboard.screenshot({ path: join(SCREENSHOTS, 'dashboard-settings.png'), fullPage: true });
    // And back: the founding definition makes 12,345 mid-tier again.
    await dashboard.getByRole('radio', { name: /Founding/ }).check();
    await expect.poll(async () => (await readBadge(ana))?.['data-tier'], { timeout: 10_000 }).toBe('mid');
    await ana.close();
    await dashboard.close();
  });

  it('a note typed in the open dashboard while a profile tab records a visit: both are stored and shown', async () => {
    // ana is saved with an older, smaller count, so the tab's visit adds a dated snapshot.
    const dashboard = await extensionPage('dashboard.html');
    const commit = (patches: unknown[]) =>
      dashboard.evaluate((request) => chrome.runtime.sendMessage({ type: 'microscope:shortlist', request }), { kind: 'commit', patches });
    const ana = {
      platform: 'instagram',
      handle: 'ana.tidepool',
      url: ANA,
      savedAt: '2026-01-05T09:00:00.000Z',
      lastSeen: '2026-01-05T09:00:00.000Z',
      tags: [],
      note: '',
      history: [{ at: '2026-01-05T09:00:00.000Z', followers: { value: 11_000, exact: true, min: 11_000, max: 11_000 }, sampleSize: 0, benchmark: 'none' }],
    };
    expect(await commit([{ op: 'remove', key: 'instagram:ana.tidepool' }])).toMatchObject({ ok: true });
    expect(await commit([{ op: 'merge', key: 'instagram:ana.tidepool', profile: ana }])).toMatchObject({ ok: true });
    await dashboard.reload();
    await dashboard.getByRole('button', { name: /Details, tags and note for @?ana\.tidepool/ }).click();
    const note = dashboard.getByRole('textbox', { name: 'Note' });
    await note.fill('Asked for rates on 12 Jan');
    // The tab loads and records its visit while the note is being saved.
    const tab = await browser.newPage();
    const visit = tab.goto(ANA).then(() => settledBadge(tab));
    await dashboard.getByRole('button', { name: 'Save tags and note' }).click();
    await visit;
    const stored = async () =>
      dashboard.evaluate(async () => {
        const text = (await chrome.storage.local.get('microscope:profile:instagram:ana.tidepool'))['microscope:profile:instagram:ana.tidepool'];
        return typeof text === 'string' ? text : '';
      });
    // The compact text (lib/shortlist/codec.ts) holds the note and two snapshots: 11 000 and 12 345 (base 36).
    await expect.poll(stored, { timeout: 10_000 }).toContain('Asked for rates on 12 Jan');
    await expect.poll(async () => (await stored()).includes((12_345).toString(36)), { timeout: 10_000 }).toBe(true);
    expect(await stored()).toContain((11_000).toString(36));
    // And the dashboard shows both: the note, and the history with the new count.
    await dashboard.reload();
    await dashboard.getByRole('button', { name: /Details, tags and note for @?ana\.tidepool/ }).click();
    await expect.poll(() => dashboard.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Asked for rates on 12 Jan');
    const history = dashboard.getByRole('region', { name: /History/ });
    await expect.poll(() => history.getByText('12,345').count()).toBeGreaterThan(0);
    expect(await history.getByText('11,000').count()).toBeGreaterThan(0);
    await dashboard.screenshot({ path: join(SCREENSHOTS, 'dashboard-note-and-visit.png'), fullPage: true });
    for (const page of [tab, dashboard]) await page.close();
  });

  it('the dashboard shows its stored first page first, and only while it is the current one', async () => {
    // The profiles saved by the first test. Watches, from before the page's scripts run, whether
    // the table ever showed rows while still loading the rest (aria-busy), and which.
    const watch = `(() => {
      const seen = { busyRows: [] };
      window.__firstPage = seen;
      new MutationObserver(() => {
        const view = document.querySelector('.shortlist-view[aria-busy="true"]');
        const links = view ? [...view.querySelectorAll('tbody tr a')].map((a) => a.textContent) : [];
        if (links.length > 0 && seen.busyRows.length === 0) seen.busyRows = links;
      }).observe(document, { subtree: true, childList: true, attributes: true });
    })();`;
    const stored = async (page: Page) =>
      page.evaluate(async () => {
        const items = await chrome.storage.local.get(['microscope:revision', 'microscope:first-page']);
        const firstPage = items['microscope:first-page'] as { revision?: string; total?: number } | undefined;
        return { current: firstPage !== undefined && firstPage.revision === items['microscope:revision'], total: firstPage?.total };
      });
    const open = async () => {
      const page = await browser.newPage();
      await page.addInitScript({ content: watch });
      await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
      await expect.poll(() => page.evaluate(() => performance.getEntriesByName('microscope:dashboard-complete').length), { timeout: 15_000 }).toBe(1);
      const seen = await page.evaluate(() => ({
        busyRows: (window as unknown as { __firstPage: { busyRows: string[] } }).__firstPage.busyRows,
        rendered: performance.getEntriesByName('microscope:dashboard-rendered')[0]!.startTime,
        complete: performance.getEntriesByName('microscope:dashboard-complete')[0]!.startTime,
        rows: [...document.querySelectorAll('tbody tr a')].map((a) => a.textContent),
      }));
      return { page, seen };
    };

    // A visit stores the first page a second after the shortlist settled.
    const first = await open();
    await expect.poll(() => stored(first.page), { timeout: 10_000 }).toEqual({ current: true, total: 2 });
    await first.page.close();

    // The next visit shows it before the whole shortlist is read: the same rows, then the rest.
    const second = await open();
    expect(second.seen.busyRows).toEqual(second.seen.rows);
    expect(second.seen.busyRows.length).toBe(2);
    expect(second.seen.rendered).toBeLessThan(second.seen.complete);
    expect(await second.page.getByText('2 profiles', { exact: true }).count()).toBe(1);

    // Another context changes the profiles (a badge's visit writes a new revision): no first page
    // shown until everything is read.
    await second.page.evaluate(() => chrome.storage.local.set({ 'microscope:revision': 'changed elsewhere' }));
    await second.page.close();
    const third = await open();
    expect(third.seen.busyRows).toEqual([]);
    expect(third.seen.rows.length).toBe(2);
    await expect.poll(() => stored(third.page), { timeout: 10_000 }).toEqual({ current: true, total: 2 });

    // Removing kofi in the dashboard: the page is stored again by the open dashboard.
    const row = third.page.getByRole('row', { name: /kofi\.bakes/ });
    await row.getByRole('checkbox').check();
    await third.page.getByRole('button', { name: 'Remove 1 selected' }).click();
    await third.page.getByRole('button', { name: 'Remove 1 profile' }).click();
    await expect.poll(() => stored(third.page), { timeout: 10_000 }).toEqual({ current: true, total: 1 });
    const keep = await extensionPage('popup.html');
    await third.page.close();
    // With no dashboard open, saving kofi from the badge: the background brings the stored page along.
    const kofi = await browser.newPage();
    await kofi.goto(KOFI);
    await settledBadge(kofi);
    await revealBadge(kofi);
    await kofi.locator('microscope-badge .ms-pill').click();
    await kofi.locator('microscope-badge button', { hasText: 'Save to shortlist' }).click();
    await expect.poll(() => stored(keep), { timeout: 10_000 }).toEqual({ current: true, total: 2 });
    const fourth = await open();
    expect(fourth.seen.busyRows).toEqual(fourth.seen.rows);
    expect(fourth.seen.rows[0]).toMatch(/kofi\.bakes/);
    await fourth.page.close();
    // With no dashboard open, kofi removed as the popup's button removes it (a commit to the
    // background's writer, written in three): the background follows it, and the next visit shows
    // the page before the whole shortlist is read.
    const removal = { kind: 'commit', patches: [{ op: 'remove', key: 'instagram:kofi.bakes' }] };
    expect(await keep.evaluate((request) => chrome.runtime.sendMessage({ type: 'microscope:shortlist', request }), removal)).toMatchObject({ ok: true, outcomes: ['removed'] });
    await expect.poll(() => stored(keep), { timeout: 10_000 }).toEqual({ current: true, total: 1 });
    const fifth = await open();
    expect(fifth.seen.busyRows).toEqual(fifth.seen.rows);
    expect(fifth.seen.rows).toHaveLength(1);
    expect(fifth.seen.rows[0]).not.toMatch(/kofi\.bakes/);
    for (const page of [kofi, keep, fifth.page]) await page.close();
  });
  it('Threads (issue 17): saved from the badge, in the popup, filtered in the dashboard, in the CSV and the backup', async () => {
    const wren = await browser.newPage();
    const errors = collectErrors(wren);
    await wren.goto(WREN);
    expect(await settledBadge(wren)).toMatchObject({ 'data-platform': 'threads', 'data-handle': 'wren.alder', 'data-followers': '48213', 'data-followers-exact': 'true' });
    await revealBadge(wren);
    await wren.locator('microscope-badge .ms-pill').click();
    await wren.locator('microscope-badge button', { hasText: 'Save to shortlist' }).click();
    await expect.poll(() => wren.locator('microscope-badge button', { hasText: 'Saved to shortlist' }).count()).toBe(1);

    const popup = await openPopupFor(WREN);
    await expect.poll(() => popup.getByText('@wren.alder').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => popup.getByRole('button', { name: /Remove/ }).count()).toBeGreaterThan(0);

    const dashboard = await extensionPage('dashboard.html');
    await expect.poll(() => dashboard.getByRole('link', { name: /wren\.alder/ }).count(), { timeout: 15_000 }).toBe(1);
    await dashboard.getByLabel('Platform').selectOption('threads');
    await expect.poll(() => dashboard.getByRole('link', { name: /ana\.tidepool|kofi\.bakes/ }).count()).toBe(0);
    // The profile's link is rebuilt from platform and handle: threads.com, "@", no query.
    expect(await dashboard.getByRole('link', { name: /wren\.alder/ }).getAttribute('href')).toBe(WREN);

    const [csvDownload] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: /Export .*CSV/i }).click()]);
    const [header, ...records] = readFileSync((await csvDownload.path()) ?? '', 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.slice(1, -1).split('","'));
    expect(records, 'only what the filter shows').toHaveLength(1);
    expect(records[0]).toContain('wren.alder');
    expect(records[0]).toContain(WREN);
    expect(records[0]).toContain('48213');
    expect(header!.length).toBe(records[0]!.length);

    const [backupDownload] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: /Download backup/ }).click()]);
    const backup = JSON.parse(readFileSync((await backupDownload.path()) ?? '', 'utf8')) as { profiles: { platform: string; handle: string; url?: string }[] };
    expect(backup.profiles.filter((profile) => profile.platform === 'threads')).toEqual([expect.objectContaining({ handle: 'wren.alder' })]);
    expect(errors).toEqual([]);
    for (const page of [wren, popup, dashboard]) await page.close();
  });
});
