/**
 * `npm run bench` (after `wxt build`): every measurement of issue 6, written to bench/results.md
 * and printed. Real-browser parts use Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH).
 *
 *   npx tsx bench/run.ts [--runs 5] [--platform instagram,tiktok] [--extension .output/chrome-mv3]
 *                        [--no-react] [--variant name=dir …] [--out bench/results.md]
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spaNavigations } from './spa-bench';
import { startReplayServer, type Route } from '../tests/e2e/server';
import { scrapeFixtures, scrollBench } from './adapters-bench';
import { chromiumPath, launch } from './chromium';
import { dashboardBench } from './dashboard-bench';
import {
  badgeTimings,
  sequentialBadgeLoads,
  expectations,
  lateHeaders,
  traceLoads,
  runPlans,
  summarise,
  type BadgeTiming,
  type LoadPlan,
  type Variant,
} from './extension-bench';
import { runLibBench } from './lib-bench';
import { describeMachine } from './machine';
import { fixturePages, ROOT, type FixturePage } from './pages';
import { observerCosts, observerPages, type ObserverCost } from './observer-bench';
import { renderResults, type VariantSummary } from './report';
import { bundleSizes } from './sizes';
import { MAIN_PART } from '../lib/injector';
import {
  buildCalibration,
  buildCompileHintVariant,
  buildFloorVariants,
  buildReactVariant,
  buildWithoutDashboardEarly,
  buildWithoutLocaleCache,
  buildWithoutNumberPack,
  OUT,
} from './variants';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    platform: { type: 'string' },
    extension: { type: 'string', default: join(ROOT, '.output/chrome-mv3') },
    'no-react': { type: 'boolean', default: false },
    variant: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: join(ROOT, 'bench/results.md') },
    concurrency: { type: 'string', default: '5' },
  },
});

const runs = Math.max(5, Number(values.runs));
const concurrency = Math.max(1, Number(values.concurrency));
const builtDir = resolve(values.extension);
if (!existsSync(join(builtDir, 'manifest.json'))) {
  process.stderr.write(`No built extension in ${builtDir}: run \`npm run bench\` (it builds first) or \`wxt build\`.\n`);
  process.exit(1);
}
// The time from the content script's start is read from its performance mark, which only a build
// with MICROSCOPE_BENCH=1 sets (the stores' build sets none: the page could read it).
if (!readFileSync(join(builtDir, MAIN_PART), 'utf8').includes('microscope:content-start')) {
  process.stderr.write(`${builtDir} is a production build without the bench's timing mark: run \`npm run bench\` (MICROSCOPE_BENCH=1 wxt build).\n`);
  process.exit(1);
}
// The variants built below (bench/variants.ts) take the flag from here.
process.env.MICROSCOPE_BENCH = '1';
// Measured from a copy: a \`wxt build\` started meanwhile (tests, npm start) empties .output first.
const extensionDir = join(OUT, 'measured/chrome-mv3');
rmSync(extensionDir, { recursive: true, force: true });
cpSync(builtDir, extensionDir, { recursive: true });
const started = Date.now();
const step = (line: string): void => {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
};

/** How results.md names the builds compared with the current one; `--variant` ones by their directory. */
const VARIANT_LABELS: Record<string, string> = {
  react: 'React 19 badge (no preact alias)',
  calibration: "yardstick: bare WXT content script + shadow-root badge (issue: 5–12 ms on the project's machines)",
  'floor-inject': 'floor: an empty content script injected by the background (the injection alone; nothing read or drawn)',
  'floor-evaluate': 'floor: the shipped content script injected, main() returning at once (evaluated; nothing read or drawn)',
  loader: 'design before (issue 6 to 14): a loader on every page importing the main part on profiles (bench/out/loader, built from 792b9b5)',
  'no-locale-cache': 'the current build without its locale cache (lib/warm-start/locale-cache.ts read and write cut: Intl and i18n asked on every profile)',
  'no-number-pack': 'the current build with the locale cache but without its number pack (numbers and plurals from Intl on every profile)',
  'compile-hint': 'option not taken: the main part with V8\'s compile hint `//# allFunctionsCalledOnLoad` (all of it compiled off the main thread while it downloads; the badge comes later, bench/README.md)',
  'before-loader': 'before the loader: one WXT content script (polyfill, controller, badge) on every page (bench/out/before-loader)',
};

const machine = describeMachine(chromiumPath());
const platforms = fixturePages(values.platform?.split(','));
const registered = platforms.filter((platform) => platform.registered);
const pages = registered.flatMap((platform) => platform.pages);
/** Per platform, its first profile and its first other page: where the options are compared. */
const representative = registered.flatMap((platform) =>
  (['profile', 'other'] as const).flatMap((kind) => platform.pages.filter((page) => page.kind === kind).slice(0, 1)),
);

step('library (Node)');
const lib = runLibBench();

const routes: Route[] = pages.map((page: FixturePage) => {
  const url = new URL(page.url);
  return { host: url.host, path: url.pathname, file: page.file };
});
const server = await startReplayServer(routes);
try {
  step('adapters in Chromium: scrape per fixture, infinite scroll');
  const bare = await launch(server.hostResolverRules);
  let scrape, scroll;
  try {
    scrape = await scrapeFixtures(bare, registered);
    scroll = await scrollBench(bare, registered);
  } finally {
    await bare.close();
  }

  step('building the yardstick: a bare WXT content script mounting a shadow-root badge (bench/out/calibration)');
  const variants: Variant[] = [{ name: 'calibration', dir: await buildCalibration() }];
  if (!values['no-react']) {
    step('building the React 19 variant of the content script (bench/out/react)');
    variants.push({ name: 'react', dir: await buildReactVariant() });
  }
  step('building the floors: an empty content script injected, and the content script evaluated without running (bench/out/floor-*)');
  const floors = await buildFloorVariants(extensionDir);
  variants.push({ name: 'floor-inject', dir: floors.injectOnly }, { name: 'floor-evaluate', dir: floors.evaluateOnly });
  variants.push({ name: 'compile-hint', dir: buildCompileHintVariant(extensionDir) });
  step('building the current build without its locale cache (bench/out/no-locale-cache)');
  const withoutCache: Variant = { name: 'no-locale-cache', dir: await buildWithoutLocaleCache() };
  step('building the current build without its number pack (bench/out/no-number-pack)');
  const withoutPack: Variant = { name: 'no-number-pack', dir: await buildWithoutNumberPack() };
  variants.push(withoutCache, withoutPack);
  /** The start-up optimisations taken out: measured warm too (the page's scripts started ICU first). */
  const warmToo = [withoutCache, withoutPack];
  for (const spec of values.variant) {
    const [name, dir] = spec.split('=');
    if (name && dir) variants.push({ name, dir: resolve(dir) });
  }

  const current: Variant = { name: 'current', dir: extensionDir };
  const none: Variant = { name: 'none' };
  const plans: LoadPlan[] = [
    { variant: current, pages, runs, warmIcu: false },
    { variant: none, pages, runs, warmIcu: false },
    { variant: current, pages: representative, runs, warmIcu: true },
    { variant: none, pages: representative, runs, warmIcu: true },
    ...variants.map((variant) => ({ variant, pages: representative, runs, warmIcu: false })),
    // Whether the locale cache and its number pack still pay where the page's own scripts started ICU first.
    ...warmToo.map((variant) => ({ variant, pages: representative, runs, warmIcu: true })),
  ];
  const expected = expectations(registered);
  const names = Object.keys([...expected.values()][0]?.settled ?? { 'data-state': null });
  step(`page loads in Chromium (${plans.reduce((sum, plan) => sum + plan.pages.length * plan.runs, 0)} loads)`);
  // The current build alone first: its badge timings are wall time, which other tabs stretch.
  const loads = [
    ...(await runPlans(server.hostResolverRules, plans.filter((plan) => plan.variant === current), names, concurrency, step)),
    ...(await runPlans(server.hostResolverRules, plans.filter((plan) => plan.variant !== current), names, concurrency, step)),
  ];

  step('late headers; traced loads (script CPU incl. promise continuations, long tasks)');
  const late = await lateHeaders(server.hostResolverRules, current, registered, names, runs);
  step('  SPA navigations from a page that is not a profile');
  const spa = await spaNavigations(server.hostResolverRules, current, registered, names, runs);
  step('  traced loads');
  const others = pages.filter((page) => !representative.includes(page));
  const traces = await traceLoads(server.hostResolverRules, [
    { variant: current, pages: representative, runs: 2, warmIcu: false },
    { variant: current, pages: others, runs: 1, warmIcu: false },
    { variant: current, pages: representative, runs: 2, warmIcu: true },
    ...variants.map((variant) => ({ variant, pages: representative, runs: 2, warmIcu: false })),
  ]);
  const traced = traces.filter((trace) => trace.variant === 'current' && !trace.warmIcu);
  const tracedOf = (name: string, warmIcu: boolean) => traces.filter((trace) => trace.variant === name && trace.warmIcu === warmIcu);

  step('time to badge: profile pages one at a time');
  const sequential = badgeTimings(await sequentialBadgeLoads(server.hostResolverRules, current, pages, names, runs, expected), expected);
  // Timings from the one-at-a-time loads; whether the settled badge was right at the end of a full
  // load (after the settle timeout) from the page loads above.
  const badges = badgeTimings(
    loads.filter((result) => result.variant === 'current' && !result.warmIcu),
    expected,
  ).map((timing) => {
    const alone = sequential.find((candidate) => candidate.page === timing.page);
    return alone ? { ...alone, finalCorrect: timing.finalCorrect, finalLoads: timing.loads } : timing;
  });

  // The designs compared with `--variant` (the loader design before issue 14's background
  // injection, say): the same one-at-a-time badge timings, on each platform's first profile.
  const comparedBadges: { name: string; badges: BadgeTiming[] }[] = [];
  for (const variant of variants.filter((candidate) => values.variant.some((spec) => spec.startsWith(`${candidate.name}=`)))) {
    step(`time to badge: ${variant.name}, one at a time`);
    // An older build sets fewer attributes (the signals' three came with issue 16): it is timed to
    // the attributes its content script knows, with their values as lib/ computes them now.
    const script = readFileSync(join(variant.dir!, MAIN_PART), 'utf8');
    const known = names.filter((name) => script.includes(name));
    const only = (attributes: Record<string, string | null>) => Object.fromEntries(known.map((name) => [name, attributes[name] ?? null]));
    const theirs = new Map([...expected].map(([page, want]) => [page, { settled: only(want.settled), reading: only(want.reading) }]));
    comparedBadges.push({
      name: variant.name,
      badges: badgeTimings(await sequentialBadgeLoads(server.hostResolverRules, variant, representative, known, runs, theirs), theirs),
    });
  }

  step('bundle sizes, dashboard');
  const sizes = bundleSizes(extensionDir);
  const dashboard = await dashboardBench(extensionDir, 3);
  const dashboardWithoutEarly = await dashboardBench(buildWithoutDashboardEarly(extensionDir), 3);

  const variantSummaries: VariantSummary[] = [
    { name: 'current', label: 'current build: content script (preact/compat badge) injected into profiles by the background', warmIcu: false, pages: summarise(loads, 'current', false).filter((p) => representative.includes(p.page)), traces: tracedOf('current', false), contentGzip: sizes.content?.gzip },
    { name: 'current', label: 'current build: content script (preact/compat badge) injected into profiles by the background', warmIcu: true, pages: summarise(loads, 'current', true), traces: tracedOf('current', true), contentGzip: sizes.content?.gzip },
    ...variants.map((variant) => ({
      name: variant.name,
      label: VARIANT_LABELS[variant.name] ?? `${variant.name} (${relative(ROOT, variant.dir ?? '')})`,
      warmIcu: false,
      pages: summarise(loads, variant.name, false),
      traces: tracedOf(variant.name, false),
      contentGzip: variant.dir ? bundleSizes(variant.dir).content?.gzip : undefined,
    })),
    ...warmToo.map((variant) => ({
      name: variant.name,
      label: VARIANT_LABELS[variant.name]!,
      warmIcu: true,
      pages: summarise(loads, variant.name, true),
      traces: [],
      contentGzip: variant.dir ? bundleSizes(variant.dir).content?.gzip : undefined,
    })),
  ];

  // Instagram's posts observer (issue 15, item 4): its own pages and server (one page lets its script run).
  let observer: ObserverCost[] | undefined;
  if (registered.some((platform) => platform.platform === 'instagram')) {
    step('instagram observer: script per page load');
    observer = await observerCosts(extensionDir, observerPages(), runs);
  }

  const markdown = renderResults({
    machine,
    command: 'npm run bench',
    runs,
    extensionDir: relative(ROOT, builtDir) || '.',
    platforms,
    lib,
    scrape,
    scroll,
    current: summarise(loads, 'current', false),
    variants: variantSummaries,
    badges,
    comparedBadges,
    late,
    spa,
    longTasks: traced,
    sizes,
    dashboard,
    dashboardWithoutEarly,
    observer,
  });
  writeFileSync(values.out, markdown);
  process.stdout.write(markdown);
  step(`done: ${relative(process.cwd(), values.out)}`);
} finally {
  await server.close();
}
