import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { readSnapshot, adapterFor } from '../lib/sites';
import { documentFrom } from '../tests/lib/sites/fixture';
import { metrics, type BenchBrowser } from './chromium';
import { harnessScript } from './harness-bundle';
import type { FixturePage, PlatformPages } from './pages';
import { median } from './stats';
import type { BatchTiming, ScrapeTiming } from './page/harness';

export const SCROLL_SIZES = [100, 1000, 5000] as const;
export const BATCH = 12;

export interface ScrapeResult {
  page: FixturePage;
  /** Chromium: first read of the page (cold: count locale data derived, Intl started), ms. */
  chromiumFirstMs: number;
  /** Chromium: median of 30 later reads, ms. */
  chromiumMs: number;
  /** happy-dom in Node (the unit tests' DOM): median of 30 reads after the first, ms. */
  happyDomMs: number;
  posts: number;
}

export interface ScrollSize {
  size: number;
  /** Watcher start on a page already this long: reads every tile once (wall), ms. */
  startMs: number;
  /** Per batch of 12 tiles: the flush's main-thread CPU time (script + style + layout), median, ms. */
  batchMs: number;
  /** Style recalculations or layouts the flush forces, per batch (0 when it reads no layout). */
  forcedPerBatch: number;
  /** The flush by performance.now() in the page (wall, load inflates it), median, ms. */
  wallMs: number;
  /** Wall split of the flush (medians), ms. */
  verdictMs: number;
  headerMs: number;
  postMs: number;
}

export interface ScrollResult {
  platform: string;
  fixture: string;
  /** The cloned tiles show counts of their own (else they never enter the engagement sample). */
  counted: boolean;
  sizes: ScrollSize[];
  /** batch@5000 ÷ batch@100 (CPU). */
  ratio: number;
  error?: string;
}

interface Bench {
  scrape(repeat: number): ScrapeTiming;
  grow(total: number): number;
  watch(): { startMs: number; posts: number };
  append(size: number): void;
  rendered(): Promise<void>;
  emptyTask(): Promise<void>;
  flushInTask(): Promise<BatchTiming>;
  template(): { found: boolean; counted: boolean };
}

async function openWithHarness(browser: BenchBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(await harnessScript());
  return page;
}

function happyDomRead(page: FixturePage, repeat: number): number {
  const found = adapterFor(page.url);
  if (!found) return Number.NaN;
  const doc = documentFrom(readFileSync(page.file, 'utf8'), page.url);
  readSnapshot(found.adapter, doc, page.url, { trustBootstrap: true });
  const times: number[] = [];
  for (let index = 0; index < repeat; index++) {
    const start = performance.now();
    readSnapshot(found.adapter, doc, page.url, { trustBootstrap: true });
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Scrape time of every profile fixture of every registered platform, in Chromium and happy-dom. */
export async function scrapeFixtures(browser: BenchBrowser, platforms: PlatformPages[]): Promise<ScrapeResult[]> {
  const results: ScrapeResult[] = [];
  for (const { registered, pages } of platforms) {
    if (!registered) continue;
    for (const page of pages.filter((candidate) => candidate.kind === 'profile')) {
      const tab = await openWithHarness(browser, page.url);
      const timing = await tab.evaluate(() => (window as unknown as { MicroScopeBench: Bench }).MicroScopeBench.scrape(30));
      await tab.close();
      results.push({
        page,
        chromiumFirstMs: timing.firstMs,
        chromiumMs: median(timing.laterMs),
        happyDomMs: happyDomRead(page, 30),
        posts: timing.posts,
      });
    }
  }
  return results;
}

/** Main-thread CPU time (thread ticks) of script plus style and layout so far, ms. */
async function cpuMs(cdp: CDPSession): Promise<number> {
  const values = await metrics(cdp);
  return ((values.ScriptDuration ?? 0) + (values.RecalcStyleDuration ?? 0) + (values.LayoutDuration ?? 0)) * 1000;
}

async function counts(cdp: CDPSession): Promise<number> {
  const values = await metrics(cdp);
  return (values.RecalcStyleCount ?? 0) + (values.LayoutCount ?? 0);
}

/**
 * Infinite scroll on a synthetic profile: the platform's first profile fixture with tiles, a tile
 * cloned to 100, 1 000 and 5 000 posts; then batches of 12 more. Real Chromium, no extension
 * loaded: the harness runs the content script's watcher (page/harness.ts).
 *
 * Per batch, the tiles are appended (the observer's callback runs right after), the page renders
 * them, and the watcher's flush runs from a timer as in the content script, bracketed by CDP
 * Performance.getMetrics in thread ticks: script + style + layout CPU time of the flush
 * (reader.post on the new tiles, the header, buildVerdict, any layout they force), minus an empty
 * timer's. Thread time, so other work on the machine does not inflate it.
 */
export async function scrollBench(browser: BenchBrowser, platforms: PlatformPages[], batches = 20): Promise<ScrollResult[]> {
  const results: ScrollResult[] = [];
  for (const { platform, registered, pages } of platforms) {
    if (!registered) continue;
    let done = false;
    let lastError = pages.some((page) => page.kind === 'profile') ? 'no profile fixture with post tiles' : 'no profile fixture URL in bench/pages.ts yet';
    // The first profile whose tiles show counts in the DOM (new posts then enter the sample, as
    // on a real grid of counted tiles); else the first with tiles at all.
    const candidates: { page: FixturePage; counted: boolean }[] = [];
    for (const page of pages.filter((candidate) => candidate.kind === 'profile')) {
      const tab = await openWithHarness(browser, page.url);
      const found = await tab.evaluate(() => (window as unknown as { MicroScopeBench: Bench }).MicroScopeBench.template());
      await tab.close();
      if (found.found) candidates.push({ page, counted: found.counted });
    }
    candidates.sort((a, b) => Number(b.counted) - Number(a.counted));
    for (const { page, counted } of candidates) {
      const sizes: ScrollSize[] = [];
      try {
        for (const size of SCROLL_SIZES) {
          const tab = await openWithHarness(browser, page.url);
          const cdp = await browser.context.newCDPSession(tab);
          await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
          const start = await tab.evaluate(
            ({ size }) => {
              const api = (window as unknown as { MicroScopeBench: Bench }).MicroScopeBench;
              const grown = api.grow(size);
              if (grown < size) throw new Error(`grew to ${grown} tiles, not ${size}`);
              return api.watch();
            },
            { size },
          );
          const flushes: number[] = [];
          const empties: number[] = [];
          const runs: BatchTiming[] = [];
          let forced = 0;
          for (let index = 0; index < batches + 3; index++) {
            await tab.evaluate((count) => (window as unknown as { MicroScopeBench: Bench }).MicroScopeBench.append(count), BATCH);
            await tab.evaluate(() => (window as unknown as { MicroScopeBench: Bench }).MicroScopeBench.rendered());
            const empty0 = await cpuMs(cdp);
            await tab.evaluate(() => (window as unknown as { MicroScopeBench: Bench }).MicroScopeBench.emptyTask());
            const before = await cpuMs(cdp);
            const countBefore = await counts(cdp);
            const run = await tab.evaluate(() => (window as unknown as { MicroScopeBench: Bench }).MicroScopeBench.flushInTask());
            const after = await cpuMs(cdp);
            const countAfter = await counts(cdp);
            if (index < 3) continue; // warm-up (JIT)
            empties.push(before - empty0);
            flushes.push(after - before);
            forced += countAfter - countBefore;
            runs.push(run);
          }
          await tab.close();
          const last = runs.at(-1);
          if (!last || last.posts < size + BATCH) throw new Error(`the watcher holds ${last?.posts} posts after the batches`);
          sizes.push({
            size,
            startMs: start.startMs,
            batchMs: Math.max(0, median(flushes) - median(empties)),
            forcedPerBatch: forced / runs.length,
            wallMs: median(runs.map((one) => one.totalMs)),
            verdictMs: median(runs.map((one) => one.verdictMs)),
            headerMs: median(runs.map((one) => one.headerMs)),
            postMs: median(runs.map((one) => one.postMs)),
          });
        }
        const first = sizes[0]!;
        const last = sizes.at(-1)!;
        results.push({ platform, fixture: page.name, counted, sizes, ratio: last.batchMs / first.batchMs });
        done = true;
        break;
      } catch (error) {
        lastError = `${page.name}: ${String(error).split('\n')[0]}`;
      }
    }
    if (!done) results.push({ platform, fixture: '–', counted: false, sizes: [], ratio: Number.NaN, error: lastError });
  }
  return results;
}
