import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SETTLE_TIMEOUT_MS } from '../lib/content-controller';
import { documentFrom } from '../tests/lib/sites/fixture';
import { extensionId, launch, metrics, pool, sleep, type BenchBrowser } from './chromium';
import { expectedBadge, expectedBadgeOfFile, sameBadge, type BadgeAttributes, type ExpectedBadge } from './expected';
import { FIXTURES, LATE_HEADERS, type FixturePage, type LateHeader, type PlatformPages } from './pages';
import { max, median } from './stats';

/** A build of the extension to load, or none at all (the baseline). */
export interface Variant {
  name: string;
  dir?: string;
}

export interface LoadSample {
  /** CDP Performance.getMetrics in thread ticks: main-thread CPU time, ms. */
  scriptMs: number;
  taskMs: number;
  /** JSHeapUsedSize after a forced GC, bytes (the renderer's isolate: page and content script). */
  heapBytes: number;
  /** Long tasks seen by a PerformanceObserver in the page, ms each. */
  longTasks: number[];
  dclMs: number;
  /** When the content script started (0: unknown, or no extension). */
  startedMs: number;
  /** Every change of the badge host's attributes: [performance.now(), attributes]. */
  changes: [number, BadgeAttributes | null][];
}

export interface PageResult {
  page: FixturePage;
  variant: string;
  warmIcu: boolean;
  samples: LoadSample[];
  /**
   * The page's first load in this browser, not counted: its language may be new to the extension's
   * locale cache (lib/locale-cache.ts), so this is what a first visit costs. Extension builds only.
   */
  first?: LoadSample;
}

/**
 * How long a load is watched: with the extension, a profile until after the settle timeout's
 * re-render, else 2 s; without it nothing happens after load, so 2 s everywhere.
 */
export function windowMs(page: FixturePage, variant?: Variant): number {
  return page.kind === 'profile' && variant?.dir ? SETTLE_TIMEOUT_MS + 800 : 2000;
}

/**
 * Runs in the page's main world before its HTML is parsed (CDP Page.addScriptToEvaluateOnNewDocument
 * is not subject to the page's CSP): long tasks, each change of the badge host's attributes with
 * its time, and when the content script started: MicroScope's content script sets the performance
 * mark `microscope:content-start` in its first task, in the bench's build only (builds before the
 * background injection set it in the loader when it asked for the main part) (read in readRecord); a plain WXT content script (the yardstick) dispatches `startedEvent` on the document. With `warmIcu`, also the page's first Intl.NumberFormat, as the sites' own
 * scripts do before the content script runs.
 */
export function observerScript(names: readonly string[], warmIcu: boolean, startedEvent?: string): string {
  return `(() => {
  ${warmIcu ? "try { new Intl.NumberFormat('en').format(1); } catch {}" : ''}
  const names = ${JSON.stringify(names)};
  const record = { longTasks: [], changes: [], started: 0 };
  window.__microscopeBench = record;
  ${startedEvent ? `document.addEventListener(${JSON.stringify(startedEvent)}, () => { record.started ||= performance.now(); });` : ''}
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  let last = '';
  const snap = () => {
    const host = document.querySelector('microscope-badge');
    const attributes = host ? Object.fromEntries(names.map((name) => [name, host.getAttribute(name)])) : null;
    const key = JSON.stringify(attributes);
    if (key === last) return;
    last = key;
    record.changes.push([performance.now(), attributes]);
  };
  new MutationObserver(snap).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: names });
})();`;
}

interface PageRecord {
  longTasks: number[];
  changes: [number, BadgeAttributes | null][];
  started: number;
  dcl: number;
}

export async function readRecord(page: Page): Promise<PageRecord> {
  return page.evaluate(() => {
    const record = (
      window as unknown as { __microscopeBench: { longTasks: number[]; changes: [number, Record<string, string | null> | null][]; started: number } }
    ).__microscopeBench;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const mark = performance.getEntriesByName('microscope:content-start')[0];
    return { ...record, started: mark?.startTime ?? record.started, dcl: navigation?.domContentLoadedEventStart ?? 0 };
  });
}

/** One load of `url`: open, watch for `waitMs`, read the metrics after a GC, close. */
async function measureLoad(browser: BenchBrowser, url: string, waitMs: number, names: readonly string[], warmIcu: boolean): Promise<LoadSample> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const id = extensionId(browser);
    // wxt/utils/internal/custom-events.mjs getUniqueEventName(), for the entrypoint "content".
    await page.addInitScript({ content: observerScript(names, warmIcu, id ? `${id}:content:wxt:content-script-started` : undefined) });
    const started = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await sleep(waitMs - (Date.now() - started));
    await cdp.send('HeapProfiler.collectGarbage');
    const values = await metrics(cdp);
    const record = await readRecord(page);
    return {
      scriptMs: (values.ScriptDuration ?? 0) * 1000,
      taskMs: (values.TaskDuration ?? 0) * 1000,
      heapBytes: values.JSHeapUsedSize ?? 0,
      longTasks: record.longTasks,
      dclMs: record.dcl,
      startedMs: record.started,
      changes: record.changes,
    };
  } finally {
    await page.close();
  }
}

/**
 * How long a page's uncounted first load stays open: long enough for the content script to store
 * what it learned (lib/locale-cache.ts writes 0.3 s after a view), as a visitor's first profile does.
 */
const FIRST_LOAD_MS = 2000;

/**
 * One load, not counted, in a browser just launched: its first page pays the browser's own start
 * (the extension's service worker and storage opening, its files' first read and compile) once per
 * browser session, not per profile; counted, it made the first fixture in the list the slowest
 * page by far (bluesky/profile, 784 ms to the badge in the run of 2026-11-27, its platform's next
 * page 232 ms). Every variant gets the same.
 */
export async function warmUp(browser: BenchBrowser, url: string | undefined, names: readonly string[]): Promise<void> {
  if (url) await measureLoad(browser, url, 1500, names, false);
}

export interface LoadPlan {
  variant: Variant;
  pages: FixturePage[];
  runs: number;
  warmIcu: boolean;
}

/** Every load of one variant's plan, a few tabs at a time (thread-tick metrics are per tab). */
export async function runPlans(
  hostResolverRules: string,
  plans: LoadPlan[],
  names: readonly string[],
  concurrency: number,
  progress: (line: string) => void,
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  const byVariant = new Map<string, LoadPlan[]>();
  for (const plan of plans) byVariant.set(plan.variant.name, [...(byVariant.get(plan.variant.name) ?? []), plan]);
  // One browser per variant, all at once: a load is mostly waiting (its window), and the metrics
  // are thread CPU time, which other tabs barely move. The first variant gets the most tabs.
  await Promise.all([...byVariant].map(async ([name, variantPlans], order) => {
    const browser = await launch(hostResolverRules, variantPlans[0]!.variant.dir);
    try {
      await warmUp(browser, variantPlans[0]?.pages[0]?.url, names);
      const tasks: (() => Promise<{ key: string; sample: LoadSample }>)[] = [];
      const keyed = new Map<string, PageResult>();
      for (const plan of variantPlans) {
        for (const page of plan.pages) {
          const key = `${page.platform}/${page.name}/${plan.warmIcu}`;
          keyed.set(key, { page, variant: name, warmIcu: plan.warmIcu, samples: [] });
          for (let run = 0; run < plan.runs; run++) {
            tasks.push(async () => ({ key, sample: await measureLoad(browser, page.url, windowMs(page, plan.variant), names, plan.warmIcu) }));
          }
        }
      }
      // Each page once first, not counted: the first profile of a page language pays what the
      // extension then keeps (Intl and i18n answers, lib/locale-cache.ts), as a user's first visit
      // does; counted loads are the visits after it. Its figure is reported beside the median.
      if (variantPlans[0]?.variant.dir) {
        const pages = [...new Map(variantPlans.flatMap((plan) => plan.pages.map((page) => [`${page.platform}/${page.name}`, { page, plan }] as const))).values()];
        const firsts = await pool(
          pages.map(({ page, plan }) => async () => ({ page, sample: await measureLoad(browser, page.url, windowMs(page, plan.variant), names, false) })),
          order === 0 ? concurrency : Math.max(1, Math.ceil(concurrency / 2)),
          350 + 150 * order,
        );
        for (const plan of variantPlans) {
          for (const page of plan.pages) {
            const key = `${page.platform}/${page.name}/${plan.warmIcu}`;
            const result = keyed.get(key);
            if (result) result.first = firsts.find((first) => first.page === page)?.sample;
          }
        }
      }
      progress(`  ${name}: ${tasks.length} page loads`);
      // Staggered so that the busy first few hundred ms of each load rarely overlap.
      const samples = await pool(tasks, order === 0 ? concurrency : Math.max(1, Math.ceil(concurrency / 2)), 350 + 150 * order);
      for (const { key, sample } of samples) keyed.get(key)!.samples.push(sample);
      results.push(...keyed.values());
    } finally {
      await browser.close();
    }
  }));
  return results;
}

/**
 * The time-to-badge loads: the current build's profile pages one at a time in a browser of their
 * own (after one uncounted load), each watched until its badge shows `target` (or 4 s). The page
 * loads above run a few tabs at once for their CPU metrics; their wall times are stretched by each
 * other on a 2-core machine, which thread-tick CPU time is not but a time to badge is.
 */
export async function sequentialBadgeLoads(
  hostResolverRules: string,
  variant: Variant,
  pages: FixturePage[],
  names: readonly string[],
  runs: number,
  expected: Map<string, ExpectedBadge>,
  warmIcu = false,
): Promise<PageResult[]> {
  const browser = await launch(hostResolverRules, variant.dir);
  try {
    await warmUp(browser, pages[0]?.url, names);
    const results: PageResult[] = [];
    for (const page of pages.filter((candidate) => candidate.kind === 'profile')) {
      const want = expected.get(`${page.platform}/${page.name}`);
      if (!want) continue;
      const target = sameBadge(want.reading, want.settled) ? want.settled : want.reading;
      // Not counted: the page's first load, which may bring its language to the locale cache.
      await measureLoad(browser, page.url, FIRST_LOAD_MS, names, warmIcu);
      const samples: LoadSample[] = [];
      for (let run = 0; run < runs; run++) {
        const tab = await browser.context.newPage();
        try {
          await tab.addInitScript({ content: observerScript(names, warmIcu) });
          await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
          const deadline = Date.now() + 4000;
          let record = await readRecord(tab);
          while (Date.now() < deadline && !record.changes.some(([, attributes]) => sameBadge(attributes, target))) {
            await sleep(50);
            record = await readRecord(tab);
          }
          samples.push({ scriptMs: 0, taskMs: 0, heapBytes: 0, longTasks: record.longTasks, dclMs: record.dcl, startedMs: record.started, changes: record.changes });
        } finally {
          await tab.close();
        }
      }
      results.push({ page, variant: variant.name, warmIcu, samples });
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** ms from `from` to the first moment the badge showed `expected`, or undefined. */
export function timeToBadge(sample: LoadSample, expected: BadgeAttributes, from: number): number | undefined {
  const hit = sample.changes.find(([, attributes]) => sameBadge(attributes, expected));
  return hit ? hit[0] - from : undefined;
}

export interface BadgeTiming {
  page: FixturePage;
  /** Median over the loads, ms after DOMContentLoaded; undefined when a load never got it right. */
  medianMs?: number;
  /** DOMContentLoaded → content script start (Chrome's document_idle), median, ms. */
  injectionMs?: number;
  /** Content script start → correct badge: the extension's own part, median, ms. */
  fromStartMs?: number;
  correct: number;
  loads: number;
  /** True when the verdict deliberately waits for the settle timeout (no posts, counts missing). */
  heldBySettle: boolean;
  /** Loads whose badge ended as the settled expectation. */
  finalCorrect: number;
  /** Of how many full loads finalCorrect counts (when they are not the timed loads). */
  finalLoads?: number;
  expected: BadgeAttributes;
}

/** Time to a correct badge per profile page, from the current build's loads. */
export function badgeTimings(results: PageResult[], expected: Map<string, ExpectedBadge>): BadgeTiming[] {
  return results
    .filter((result) => result.page.kind === 'profile')
    .map((result) => {
      const want = expected.get(`${result.page.platform}/${result.page.name}`)!;
      // Where the verdict waits for the settle timeout by design (no posts yet, a count missing),
      // "correct" is the reading-phase badge; the settled one is checked at the end of the load.
      const heldBySettle = !sameBadge(want.reading, want.settled);
      const target = heldBySettle ? want.reading : want.settled;
      const times = result.samples.map((sample) => timeToBadge(sample, target, sample.dclMs));
      const good = times.filter((time): time is number => time !== undefined);
      const started = result.samples.filter((sample) => sample.startedMs > 0);
      const fromStart = started.map((sample) => timeToBadge(sample, target, Math.max(sample.dclMs, sample.startedMs)));
      return {
        page: result.page,
        medianMs: good.length === times.length ? median(good) : undefined,
        injectionMs: started.length > 0 ? median(started.map((sample) => sample.startedMs - sample.dclMs)) : undefined,
        fromStartMs:
          started.length > 0 && fromStart.every((time) => time !== undefined) ? median(fromStart as number[]) : undefined,
        correct: good.length,
        loads: times.length,
        heldBySettle,
        finalCorrect: result.samples.filter((sample) => sameBadge(sample.changes.at(-1)?.[1], want.settled)).length,
        expected: want.settled,
      };
    });
}

export function expectations(platforms: PlatformPages[]): Map<string, ExpectedBadge> {
  const map = new Map<string, ExpectedBadge>();
  for (const { pages } of platforms) {
    for (const page of pages) if (page.kind === 'profile') map.set(`${page.platform}/${page.name}`, expectedBadgeOfFile(page.file, page.url));
  }
  return map;
}

export interface LateResult {
  platform: string;
  fixture: string;
  /** ms from the header's insertion to the correct badge, each load. */
  times: (number | undefined)[];
  medianMs?: number;
}

/**
 * The late page's render as [selector, outerHTML-or-innerHTML, mode] steps, and the badge lib/
 * expects once they are applied.
 */
function swapped(platform: string, late: LateHeader, url: string): { steps: [string, string, 'replace' | 'inner'][]; expected: BadgeAttributes } {
  const read = (name: string) => readFileSync(`${FIXTURES}/${platform}/${name}.html`, 'utf8');
  const doc = documentFrom(read(late.fixture), url);
  let steps: [string, string, 'replace' | 'inner'][];
  if ('render' in late) {
    steps = late.render.map(([selector, html]) => [selector, html, 'inner']);
    for (const [selector, html] of late.render) {
      const slot = doc.querySelector(selector);
      if (slot) slot.innerHTML = html;
    }
  } else {
    const source = read(late.source).replaceAll(late.rename[0], late.rename[1]);
    const header = documentFrom(source, url).querySelector(late.slot);
    const slot = doc.querySelector(late.slot) ?? doc.querySelector('main');
    if (header && slot) slot.replaceWith(doc.importNode(header, true));
    steps = header ? [[late.slot, header.outerHTML, 'replace']] : [];
  }
  // Timed within the reading phase (the settle timeout is seconds away): the reading-phase badge.
  return { steps, expected: expectedBadge(doc.documentElement.outerHTML, url).reading };
}

/**
 * "Correct badge ≤ 100 ms after the counts are in the DOM": on each platform's late fixture the
 * header is inserted after load (as client rendering does) and the badge is timed from there.
 */
export async function lateHeaders(
  hostResolverRules: string,
  variant: Variant,
  platforms: PlatformPages[],
  names: readonly string[],
  runs: number,
): Promise<LateResult[]> {
  const results: LateResult[] = [];
  const browser = await launch(hostResolverRules, variant.dir);
  try {
    const first = platforms.find((platform) => platform.registered && LATE_HEADERS[platform.platform]);
    await warmUp(browser, first?.pages.find((page) => page.name === LATE_HEADERS[first.platform]?.fixture)?.url, names);
    for (const { platform, registered, pages } of platforms) {
      const late = LATE_HEADERS[platform];
      const page = pages.find((candidate) => candidate.name === late?.fixture);
      if (!late || !page || !registered) continue;
      const { steps, expected } = swapped(platform, late, page.url);
      const times: (number | undefined)[] = [];
      for (let run = 0; run < runs; run++) {
        const tab = await browser.context.newPage();
        await tab.addInitScript({ content: observerScript(names, false) });
        await tab.goto(page.url, { waitUntil: 'load' });
        await sleep(1500); // the content script is running and watching by now
        const insertedAt = await tab.evaluate((render) => {
          const at = performance.now();
          for (const [selector, html, mode] of render) {
            const target = document.querySelector(selector) ?? (mode === 'replace' ? document.querySelector('main') : null);
            if (!target) continue;
            if (mode === 'inner') {
              target.innerHTML = html;
            } else {
              const parsed = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
              if (parsed) target.replaceWith(parsed);
            }
          }
          return at;
        }, steps);
        await sleep(1000);
        const record = await readRecord(tab);
        await tab.close();
        const hit = record.changes.find(([time, attributes]) => time >= insertedAt && sameBadge(attributes, expected));
        times.push(hit ? hit[0] - insertedAt : undefined);
      }
      const good = times.filter((time): time is number => time !== undefined);
      results.push({ platform, fixture: page.name, times, medianMs: good.length === times.length ? median(good) : undefined });
    }
  } finally {
    await browser.close();
  }
  return results;
}

export interface PageSummary {
  page: FixturePage;
  /** Medians over the loads. */
  withMs: number;
  withoutMs: number;
  /** with − without: what the extension's scripts cost the page's main thread, ms. */
  extensionMs: number;
  /**
   * Main-thread CPU time of all tasks (TaskDuration), with − without: script including the promise
   * continuations ScriptDuration leaves out, compiling, the style and layout the badge causes, GC.
   */
  mainThreadMs: number;
  taskWithMs: number;
  taskWithoutMs: number;
  heapAddedBytes: number;
  /** Main-thread time of the whole load with ÷ without the extension. */
  taskRatio: number;
  longestTaskMs: number;
  longestTaskWithoutMs: number;
  /** The page's first load in the browser (see PageResult.first), with − the median without. */
  firstExtensionMs?: number;
}

export function summarise(results: PageResult[], variant: string, warmIcu: boolean): PageSummary[] {
  const of = (name: string) => results.filter((result) => result.variant === name && result.warmIcu === warmIcu);
  const baseline = new Map(of('none').map((result) => [`${result.page.platform}/${result.page.name}`, result]));
  return of(variant).flatMap((result) => {
    const none = baseline.get(`${result.page.platform}/${result.page.name}`);
    if (!none) return [];
    const m = (samples: LoadSample[], pick: (sample: LoadSample) => number) => median(samples.map(pick));
    const withMs = m(result.samples, (sample) => sample.scriptMs);
    const withoutMs = m(none.samples, (sample) => sample.scriptMs);
    return [
      {
        page: result.page,
        withMs,
        withoutMs,
        extensionMs: withMs - withoutMs,
        mainThreadMs: m(result.samples, (sample) => sample.taskMs) - m(none.samples, (sample) => sample.taskMs),
        taskWithMs: m(result.samples, (sample) => sample.taskMs),
        taskWithoutMs: m(none.samples, (sample) => sample.taskMs),
        heapAddedBytes: m(result.samples, (sample) => sample.heapBytes) - m(none.samples, (sample) => sample.heapBytes),
        taskRatio: m(result.samples, (sample) => sample.taskMs) / m(none.samples, (sample) => sample.taskMs),
        longestTaskMs: max(result.samples.flatMap((sample) => sample.longTasks)),
        longestTaskWithoutMs: max(none.samples.flatMap((sample) => sample.longTasks)),
        firstExtensionMs: result.first ? result.first.scriptMs - withoutMs : undefined,
      },
    ];
  });
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

export interface ExtensionTask {
  /** Wall time of the task, ms (what the Long Tasks API reports; load on the machine inflates it). */
  wallMs: number;
  /** Main-thread CPU time of the task, ms. */
  cpuMs: number;
}

export interface TracedLoad {
  /** Main-thread tasks in which the extension's script ran. */
  tasks: ExtensionTask[];
  /**
   * CPU time of every script execution on the page's main thread, promise continuations and
   * module evaluation included (with page scripts off, all of it is the extension's), ms.
   */
  scriptCpuMs: number;
}

/** Trace events that are JavaScript running (outermost ones are summed). */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
]);

/** One load traced: the extension's tasks, and its script CPU time ScriptDuration can miss. */
/** A Chrome trace (toplevel, timeline, V8 execution) of loading `url` in `page`, watched for `waitMs`. */
export async function traceEvents(browser: BenchBrowser, page: Page, url: string, waitMs: number): Promise<TraceEvent[]> {
  const cdp = await browser.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => events.push(...(message.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8.execute'] },
    transferMode: 'ReportEvents',
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await sleep(waitMs - (Date.now() - started));
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/** The outermost of `events` (those nested in an earlier one left out), and their thread CPU time summed, ms. */
export function outermostCpu(events: readonly TraceEvent[]): { cpuMs: number; outermost: TraceEvent[] } {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let cpuMs = 0;
  let end = -1;
  const outermost: TraceEvent[] = [];
  for (const event of sorted) {
    if (event.ts < end) continue; // nested in the previous outermost one
    outermost.push(event);
    cpuMs += (event.tdur ?? 0) / 1000;
    end = event.ts + (event.dur ?? 0);
  }
  return { cpuMs, outermost };
}

export async function traceLoad(browser: BenchBrowser, url: string, waitMs: number, warmIcu = false): Promise<TracedLoad> {
  const page = await browser.context.newPage();
  try {
    // The warm-up script is evaluated by DevTools (no URL): its EvaluateScript is left out below.
    if (warmIcu) await page.addInitScript({ content: "try { new Intl.NumberFormat('en').format(1); } catch {}" });
    const events = await traceEvents(browser, page, url, waitMs);
    const ours = events.filter(
      (event) => event.ph === 'X' && (event.args?.data?.url ?? '').startsWith('chrome-extension://') && /^(EvaluateScript|FunctionCall|v8\.compile)$/.test(event.name),
    );
    const threads = new Set(ours.map((event) => `${event.pid}:${event.tid}`));
    const onThread = (event: TraceEvent) => threads.has(`${event.pid}:${event.tid}`);
    const tasks = events.filter((event) => event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask' && onThread(event));
    const scripts = events
      .filter((event) => event.ph === 'X' && SCRIPT_EVENTS.has(event.name) && onThread(event))
      .filter((event) => event.name !== 'EvaluateScript' || (event.args?.data?.url ?? '').startsWith('chrome-extension://'));
    const { cpuMs: scriptCpuMs, outermost } = outermostCpu(scripts);
    // A task is the extension's when script ran in it: page scripts are off, so all script is ours
    // (promise continuations included, which carry no URL).
    return {
      scriptCpuMs,
      tasks: tasks
        .filter((task) => outermost.some((event) => event.pid === task.pid && event.tid === task.tid && event.ts >= task.ts && event.ts <= task.ts + (task.dur ?? 0)))
        .map((task) => ({ wallMs: (task.dur ?? 0) / 1000, cpuMs: (task.tdur ?? 0) / 1000 })),
    };
  } finally {
    await page.close();
  }
}

export interface TraceResult {
  variant: string;
  warmIcu: boolean;
  page: FixturePage;
  /** The extension's longest task over the traced loads. */
  longest: ExtensionTask;
  tasks: number;
  /** Median over the traced loads. */
  scriptCpuMs: number;
}

export interface TracePlan {
  variant: Variant;
  pages: FixturePage[];
  runs: number;
  warmIcu: boolean;
}

/**
 * Traced loads of every plan, the variants at once. Tracing is browser-wide, so each of the
 * `browsers` browsers per variant traces one load at a time.
 */
export async function traceLoads(hostResolverRules: string, plans: TracePlan[], browsers = 2): Promise<TraceResult[]> {
  const results: TraceResult[] = [];
  const variants = [...new Set(plans.map((plan) => plan.variant))];
  await Promise.all(variants.map(async (variant) => {
    const mine = plans.filter((plan) => plan.variant === variant);
    const queue = mine.flatMap((plan) => plan.pages.flatMap((page) => Array.from({ length: plan.runs }, () => ({ page, warmIcu: plan.warmIcu }))));
    const traced: { page: FixturePage; warmIcu: boolean; load: TracedLoad }[] = [];
    const worker = async (): Promise<void> => {
      const browser = await launch(hostResolverRules, variant.dir);
      const loaded = new Set<FixturePage>();
      try {
        for (let next = queue.shift(); next; next = queue.shift()) {
          // A page's first load in this browser, not traced (see sequentialBadgeLoads).
          if (variant.dir && !loaded.has(next.page)) await measureLoad(browser, next.page.url, FIRST_LOAD_MS, [], next.warmIcu);
          loaded.add(next.page);
          traced.push({ ...next, load: await traceLoad(browser, next.page.url, windowMs(next.page, variant), next.warmIcu) });
        }
      } finally {
        await browser.close();
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(browsers, queue.length) }, async (_, index) => {
        await sleep(index * 700);
        await worker();
      }),
    );
    for (const plan of mine) {
      for (const page of plan.pages) {
        const loads = traced.filter((result) => result.page === page && result.warmIcu === plan.warmIcu).map((result) => result.load);
        const all = loads.flatMap((load) => load.tasks);
        const longest = all.reduce<ExtensionTask>((best, task) => (task.cpuMs > best.cpuMs ? task : best), { wallMs: 0, cpuMs: 0 });
        results.push({ variant: variant.name, warmIcu: plan.warmIcu, page, longest, tasks: all.length, scriptCpuMs: median(loads.map((load) => load.scriptCpuMs)) });
      }
    }
  }));
  return results;
}
