/**
 * The Instagram posts observer's cost per page load (issue 15, item 4: budget ≤ 1 ms): the one
 * script in the manifest, in the page's world from document start on every Instagram page
 * (entrypoints/instagram-posts.content.ts), profile or not.
 *
 * How: each page is loaded `runs` times (after one load that is not counted) with a Chrome trace;
 * the observer's script CPU is the thread time of the outermost script events attributed to its
 * file on the page's main thread: its evaluation (`EvaluateScript`, `v8.compile`) and every call
 * the browser makes into it (`FunctionCall`: the timer that parses a posts answer, its event
 * listeners). Its wrappers' few statements inside the page's own calls to fetch/XHR run nested in
 * the page's FunctionCall and are not separated (a URL check per request).
 *
 * Pages: the Instagram fixtures of BENCH_PAGES (page scripts off: the observer only installs),
 * the post page (not a profile), and profile-page-data, whose own script loads its 12 posts after
 * load (tests/e2e/page-data.ts): there the observer also copies, parses and keeps the 19 KB answer.
 *
 * Alone: `npx tsx bench/observer-bench.ts [--runs 3] [--extension .output/chrome-mv3] [--page profile-page-data]`
 * (after `npx wxt build`); `npm run bench` runs it with the rest and puts it in results.md.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { pageDataRoutes, PAGE_DATA_FIXTURE, PAGE_DATA_URL } from '../tests/e2e/page-data';
import { SHARED_PAGES } from '../tests/e2e/pages';
import { startReplayServer, type Route } from '../tests/e2e/server';
import { launch, type BenchBrowser } from './chromium';
import { outermostCpu, traceEvents } from './extension-bench';
import { BENCH_PAGES, FIXTURES, ROOT } from './pages';
import { fixtureUrl } from '../tests/fixtures';
import { median } from './stats';

/** The observer's file in the build (manifest `content_scripts[0].js`). */
export const OBSERVER_FILE = 'content-scripts/instagram-posts.js';
/** Long enough for the page-data fixture's request (300 ms after load) and its parse. */
const WINDOW_MS = 2500;

export interface ObserverPage {
  name: string;
  url: string;
  /** What the page is for the observer: a profile, another Instagram page, or a page that loads its posts. */
  kind: 'profile' | 'other' | 'loads posts';
}

/**
 * The page that loads its posts, a second time with a real answer in place of the fixture's
 * invented 19 KB one: Instagram's PolarisProfilePostsQuery answer saved in ../shared/pages (12 posts,
 * 271 KB: every post's image versions, caption, carousel media…), when that folder is here. The
 * real page is only read (served), never copied into the project.
 */
export const REAL_ANSWER_PAGE = `${PAGE_DATA_FIXTURE}+real-answer`;
const REAL_ANSWER = join(SHARED_PAGES, 'instagram/posts-query-2024.json');

export interface ObserverCost {
  page: ObserverPage;
  /** Median over the counted loads, ms of CPU. */
  medianMs: number;
  maxMs: number;
  loads: number;
}

/** The Instagram pages measured: BENCH_PAGES' Instagram fixtures and the page that loads its posts. */
export function observerPages(only?: string): ObserverPage[] {
  const names = [...(BENCH_PAGES.instagram ?? []), PAGE_DATA_FIXTURE, ...(existsSync(REAL_ANSWER) ? [REAL_ANSWER_PAGE] : [])].filter((name) => !only || name === only);
  return names.map((name) => {
    if (name === PAGE_DATA_FIXTURE || name === REAL_ANSWER_PAGE) return { name, url: PAGE_DATA_URL, kind: 'loads posts' };
    return { name, url: fixtureUrl('instagram', name), kind: name === 'post-page' ? 'other' : 'profile' };
  });
}

/**
 * The replay routes for those pages (the page-data one with its CSP-allowed script and its answer).
 * The two page-data pages share a URL: measure them one at a time (observerCosts serves each page's
 * own routes).
 */
export function observerRoutes(pages: readonly ObserverPage[]): Route[] {
  return pages.flatMap((page) => {
    if (page.name === PAGE_DATA_FIXTURE) return pageDataRoutes();
    if (page.name === REAL_ANSWER_PAGE) return pageDataRoutes(REAL_ANSWER);
    const { host, pathname } = new URL(page.url);
    return [{ host, path: pathname, file: join(FIXTURES, 'instagram', `${page.name}.html`) }];
  });
}

/** One traced load: the observer's script CPU in ms. */
async function observerLoad(browser: BenchBrowser, url: string): Promise<number> {
  const page = await browser.context.newPage();
  try {
    const events = await traceEvents(browser, page, url, WINDOW_MS);
    return outermostCpu(
      events.filter((event) => event.ph === 'X' && /^(EvaluateScript|FunctionCall|v8\.compile)$/.test(event.name) && (event.args?.data?.url ?? '').endsWith(`/${OBSERVER_FILE}`)),
    ).cpuMs;
  } finally {
    await page.close();
  }
}

/**
 * Every page `runs` times, each after one uncounted load: a replay server and a browser with the
 * extension in `extensionDir` per group of pages whose routes agree (the two page-data pages share
 * their URLs and differ in the answer).
 */
export async function observerCosts(extensionDir: string, pages: readonly ObserverPage[], runs: number): Promise<ObserverCost[]> {
  const groups = [pages.filter((page) => page.name !== REAL_ANSWER_PAGE), pages.filter((page) => page.name === REAL_ANSWER_PAGE)].filter((group) => group.length > 0);
  const results: ObserverCost[] = [];
  for (const group of groups) {
    const server = await startReplayServer(observerRoutes(group));
    const browser = await launch(server.hostResolverRules, extensionDir);
    try {
      for (const page of group) {
        await observerLoad(browser, page.url);
        const loads: number[] = [];
        for (let run = 0; run < runs; run++) loads.push(await observerLoad(browser, page.url));
        results.push({ page, medianMs: median(loads), maxMs: Math.max(...loads), loads: loads.length });
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
  return results;
}

/** The figure for results.md: "instagram observer: N ms script per load", per page. */
export function observerSummary(costs: readonly ObserverCost[]): string {
  const worst = costs.reduce<ObserverCost | undefined>((best, cost) => (!best || cost.medianMs > best.medianMs ? cost : best), undefined);
  return worst ? `instagram observer: ${worst.medianMs.toFixed(2)} ms script per load (worst median: instagram/${worst.page.name}, ${worst.page.kind})` : 'instagram observer: not measured';
}

// Alone: `npx tsx bench/observer-bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, extension: { type: 'string', default: join(ROOT, '.output/chrome-mv3') }, page: { type: 'string' } },
  });
  const costs = await observerCosts(resolve(values.extension), observerPages(values.page), Number(values.runs));
  for (const cost of costs) process.stdout.write(`instagram/${cost.page.name} (${cost.page.kind}): median ${cost.medianMs.toFixed(3)} ms, max ${cost.maxMs.toFixed(3)} ms over ${cost.loads} loads\n`);
  process.stdout.write(`${observerSummary(costs)}\n`);
}
