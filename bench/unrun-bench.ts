/**
 * What a profile load would cost if the content script held only the code it runs (issue 14: "not
 * compiling what a profile load does not run"), measured before building it: the best any split of
 * content-main.js into "what the first draw runs" and "the rest, injected later" could do.
 *
 * How, per page: V8's precise coverage of content-main.js over a cold load (a fresh browser: the
 * locale cache still empty) and a warm one (after one load) gives the functions never called in
 * either; a copy of the build has each of those functions' bodies emptied (TypeScript's parser finds
 * them by their source range), so the engine has nothing left of them to pre-parse. Then the current
 * build and the stripped one are loaded alternately, `runs` times each after one uncounted load, in
 * a browser each: ScriptDuration (thread ticks) as bench/extension-bench.ts takes it, over the same
 * window (the settle timeout + 0.8 s). Each load's badge attributes are compared at the end: a
 * stripped build that drew another badge (a function it emptied was needed after all) is reported,
 * not counted.
 *
 *   npx tsx bench/unrun-bench.ts [--page threads/profile …] [--runs 9] [--extension .output/chrome-mv3]
 *
 * After `MICROSCOPE_BENCH=1 npx wxt build` (or `npm run bench`, which builds). Alone on the machine.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { SETTLE_TIMEOUT_MS } from '../lib/content-controller';
import { startReplayServer } from '../tests/e2e/server';
import { launch, type BenchBrowser } from './chromium';
import { MAIN_PART } from '../lib/injector';
import { fixturePages, type FixturePage } from './pages';
import { median } from './stats';
import { OUT } from './variants';

interface CoveredFunction {
  ranges: { startOffset: number; endOffset: number; count: number }[];
}
interface CoveredScript {
  url: string;
  functions: CoveredFunction[];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const WINDOW_MS = SETTLE_TIMEOUT_MS + 800;

/** content-main.js's coverage over one load of `page`: a cold one in a fresh browser, or a warm one after a first. */
async function coverage(hostResolverRules: string, extensionDir: string, page: FixturePage, warm: boolean): Promise<CoveredScript[]> {
  const browser = await launch(hostResolverRules, extensionDir);
  try {
    const tab = await browser.context.newPage();
    if (warm) {
      await tab.goto(page.url);
      await sleep(WINDOW_MS);
    }
    await tab.goto('about:blank');
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
    await tab.goto(page.url);
    await sleep(WINDOW_MS);
    const { result } = (await cdp.send('Profiler.takePreciseCoverage')) as unknown as { result: CoveredScript[] };
    return result.filter((script) => script.url.endsWith(`/${MAIN_PART}`));
  } finally {
    await browser.close();
  }
}

/** `source` with the body of every function whose range is in `uncalled` (by its end) emptied, outermost first. */
export function emptyFunctions(source: string, uncalled: readonly { startOffset: number; endOffset: number }[]): { code: string; emptied: number } {
  const file = ts.createSourceFile(MAIN_PART, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const byEnd = new Map<number, ts.FunctionLikeDeclaration[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const list = byEnd.get(node.end) ?? [];
      list.push(node as ts.FunctionLikeDeclaration);
      byEnd.set(node.end, list);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const edits: [start: number, end: number, text: string][] = [];
  for (const range of uncalled) {
    const node = (byEnd.get(range.endOffset) ?? [])
      .filter((candidate) => candidate.getStart(file) >= range.startOffset - 1)
      .sort((a, b) => a.getStart(file) - b.getStart(file))[0];
    const body = node?.body;
    if (!body) continue;
    edits.push([body.getStart(file), body.end, ts.isBlock(body) ? '{}' : 'void 0']);
  }
  edits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let code = '';
  let at = 0;
  let emptied = 0;
  for (const [start, end, text] of edits) {
    if (start < at) continue; // inside a body emptied already
    code += source.slice(at, start) + text;
    at = end;
    emptied++;
  }
  return { code: code + source.slice(at), emptied };
}

/** One load: ScriptDuration (ms of thread time) and the badge's attributes at the end. */
async function load(browser: BenchBrowser, url: string): Promise<{ scriptMs: number; badge: string }> {
  const tab = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const started = Date.now();
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    await sleep(WINDOW_MS - (Date.now() - started));
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const badge = await tab.evaluate(() => {
      const host = document.querySelector('microscope-badge');
      return host ? JSON.stringify([...host.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value])) : 'none';
    });
    return { scriptMs: (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000, badge };
  } finally {
    await tab.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      page: { type: 'string', multiple: true, default: ['threads/profile', 'x/profile-exact', 'youtube/channel-es'] },
      runs: { type: 'string', default: '9' },
      extension: { type: 'string', default: '.output/chrome-mv3' },
    },
  });
  const current = resolve(values.extension);
  const runs = Math.max(3, Number(values.runs));
  const pages = fixturePages()
    .flatMap((platform) => platform.pages)
    .filter((page) => values.page.includes(`${page.platform}/${page.name}`));
  const server = await startReplayServer(pages.map((page) => ({ host: new URL(page.url).host, path: new URL(page.url).pathname, file: page.file })));
  try {
    for (const page of pages) {
      const scripts = [...(await coverage(server.hostResolverRules, current, page, false)), ...(await coverage(server.hostResolverRules, current, page, true))];
      const called = new Set(scripts.flatMap((script) => script.functions.map((fn) => fn.ranges[0]!).filter((range) => range.count > 0).map((range) => `${range.startOffset}:${range.endOffset}`)));
      const uncalled = (scripts[0]?.functions ?? []).map((fn) => fn.ranges[0]!).filter((range) => !called.has(`${range.startOffset}:${range.endOffset}`));
      const source = readFileSync(join(current, MAIN_PART), 'utf8');
      const { code, emptied } = emptyFunctions(source, uncalled);
      const stripped = join(OUT, 'unrun', `${page.platform}-${page.name}`);
      rmSync(stripped, { recursive: true, force: true });
      cpSync(current, stripped, { recursive: true });
      writeFileSync(join(stripped, MAIN_PART), code);

      const browsers = [await launch(server.hostResolverRules, current), await launch(server.hostResolverRules, stripped)] as const;
      try {
        for (const browser of browsers) await load(browser, page.url);
        const samples: { scriptMs: number; badge: string }[][] = [[], []];
        for (let run = 0; run < runs; run++) for (const k of [0, 1] as const) samples[k]!.push(await load(browsers[k], page.url));
        const [whole, only] = samples as [typeof samples[0], typeof samples[0]];
        const differs = only.filter((sample, index) => sample.badge !== whole[index]!.badge).length;
        const fmt = (list: typeof whole) => `${median(list.map((s) => s.scriptMs)).toFixed(1)} ms [${list.map((s) => s.scriptMs.toFixed(1)).join(' ')}]`;
        process.stdout.write(
          `${page.platform}/${page.name}: ${source.length} B, ${emptied} functions never called emptied → ${code.length} B (${((100 * (source.length - code.length)) / source.length).toFixed(0)}% less)\n` +
            `  current ${fmt(whole)}\n  only what runs ${fmt(only)}${differs > 0 ? `\n  ${differs} of ${runs} loads drew another badge: not comparable` : ''}\n`,
        );
      } finally {
        for (const browser of browsers) await browser.close();
      }
    }
  } finally {
    await server.close();
  }
}
