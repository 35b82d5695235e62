import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type InlineConfig, type UserConfig, type WxtHooks } from 'wxt';
import { MAIN_PART } from '../lib/injector';
import { SITE_MATCHES } from '../lib/platforms';
import { ROOT } from './pages';

export const OUT = join(ROOT, 'bench/out');

const silent = (): void => undefined;
/** WXT's build log, minus everything but warnings and errors. */
const QUIET = {
  debug: silent,
  log: silent,
  info: silent,
  success: silent,
  start: silent,
  box: silent,
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => console.error(...args),
  fatal: (...args: unknown[]) => console.error(...args),
  level: 0,
} as unknown as InlineConfig['logger'];

type ExtendConfig = WxtHooks['vite:build:extendConfig'];

/**
 * The content script built with React 19 instead of the preact/compat alias of wxt.config.ts: the
 * project's own config, with its vite:build:extendConfig hook run and the aliases to preact taken
 * out again afterwards. Built into bench/out/react (git-ignored). Returns the extension directory.
 *
 * Once wxt.config.ts reads MICROSCOPE_BADGE_RUNTIME (see bench/README.md), this is the same as
 * `MICROSCOPE_BADGE_RUNTIME=react wxt build`.
 */
export async function buildReactVariant(): Promise<string> {
  const user = (await import('../wxt.config')).default as UserConfig;
  const original = (user.hooks as Partial<WxtHooks> | undefined)?.['vite:build:extendConfig'];
  const extend: ExtendConfig = async (entrypoints, config) => {
    await original?.(entrypoints, config);
    const alias = config.resolve?.alias;
    if (Array.isArray(alias)) {
      config.resolve!.alias = alias.filter((entry: { replacement?: unknown }) => !String(entry.replacement).startsWith('preact'));
    }
  };
  await build({
    root: ROOT,
    outDir: join(OUT, 'react'),
    logger: QUIET,
    hooks: { 'vite:build:extendConfig': extend } as InlineConfig['hooks'],
  });
  const dir = join(OUT, 'react/chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error('the React variant did not build');
  return dir;
}

/**
 * The yardstick, "a bare WXT content script mounting a shadow-root badge" (5–12 ms of script
 * per page load on the project's machines), built beside MicroScope so that results.md says how
 * fast this machine is by the same measure. Its source is written into bench/out at bench time.
 */
const CALIBRATION_SOURCE = `import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

export default defineContentScript({
  matches: ${JSON.stringify(SITE_MATCHES)},
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'calibration-badge',
      position: 'inline',
      anchor: 'body',
      append: 'first',
      css: ':host{display:inline-block}.pill{font:600 12px/1 system-ui;padding:4px 8px;border-radius:12px;background:#2E7D32;color:#fff}',
      onMount(container) {
        const pill = document.createElement('span');
        pill.className = 'pill';
        pill.textContent = 'MICRO · 12.3K followers · 3.21%';
        container.append(pill);
      },
    });
    ui.mount();
  },
});
`;

export async function buildCalibration(): Promise<string> {
  const root = join(OUT, 'calibration-src');
  mkdirSync(join(root, 'entrypoints'), { recursive: true });
  writeFileSync(join(root, 'entrypoints/content.ts'), CALIBRATION_SOURCE);
  await build({
    root,
    configFile: false,
    imports: false,
    outDir: join(OUT, 'calibration'),
    logger: QUIET,
    manifest: { name: 'MicroScope bench calibration', version: '1.0.0' },
  });
  const dir = join(OUT, 'calibration/chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error('the calibration extension did not build');
  return dir;
}

/**
 * An option measured and not taken: the main part starting with V8's explicit compile hint
 * (`//# allFunctionsCalledOnLoad`, Chrome 136+), which compiles all of it on the script-streaming
 * thread while it downloads instead of each function at its first call on the page's main thread.
 * The current build, copied, with the comment put in front of content-main.js.
 */
export function buildCompileHintVariant(currentDir: string): string {
  const dir = join(OUT, 'compile-hint/chrome-mv3');
  rmSync(join(OUT, 'compile-hint'), { recursive: true, force: true });
  cpSync(currentDir, dir, { recursive: true });
  const main = join(dir, MAIN_PART);
  writeFileSync(main, `//# allFunctionsCalledOnLoad\n${readFileSync(main, 'utf8')}`);
  return dir;
}

/**
 * The floors on a profile page: what the shipped design costs before the content script reads a
 * single count. Two builds of the project beside it in bench/out:
 * - `floor-inject`: the background exactly as shipped (its injection at each profile URL), injecting an
 *   empty script where the content script would be (the current build, copied, with
 *   content-main.js emptied);
 * - `floor-evaluate`: the content script injected and evaluated (polyfill, Preact, adapters,
 *   all of it), its `start()` returning at once: no settings, no read, no badge. A Vite transform of
 *   this build only; the project's source is not changed.
 * Returns the two extension directories.
 */
export async function buildFloorVariants(currentDir: string): Promise<{ injectOnly: string; evaluateOnly: string }> {
  const injectOnly = join(OUT, 'floor-inject/chrome-mv3');
  rmSync(join(OUT, 'floor-inject'), { recursive: true, force: true });
  cpSync(currentDir, injectOnly, { recursive: true });
  writeFileSync(join(injectOnly, MAIN_PART), 'void 0;\n');

  // WXT also loads the entrypoint for its options alone, with main's body taken out: only the
  // module that has start() is changed.
  const start = 'function start(): void {\n';
  const evaluateOnly = await buildEdited('floor-evaluate', 'entrypoints/content-main/index.tsx', [[start, `${start}  if (start) return;\n`]]);
  return { injectOnly, evaluateOnly };
}

/**
 * A start-up optimisation taken out, to see what it buys (issue 14: each stays only while the
 * bench shows ≥ 5 ms of script per profile load, or ≥ 20 ms to the badge or the dashboard's first
 * rows). `no-locale-cache`: the project built with lib/warm-start/locale-cache.ts's read and write doing
 * nothing, so every profile asks Intl and i18n itself (a Vite transform of this build only).
 */
export function buildWithoutLocaleCache(): Promise<string> {
  return buildEdited('no-locale-cache', 'lib/warm-start/locale-cache.ts', [
    ['export async function loadLocaleCache(): Promise<boolean> {\n', 'export async function loadLocaleCache(): Promise<boolean> {\n  return false;\n'],
    ['export async function saveLocaleCache(): Promise<boolean> {\n', 'export async function saveLocaleCache(): Promise<boolean> {\n  return false;\n'],
  ]);
}

/**
 * `no-dashboard-early`: the current build with the dashboard's <head> script emptied
 * (entrypoints/dashboard-early.ts), so main.tsx and the settings store start their own reads once
 * the modules have run.
 */
export function buildWithoutDashboardEarly(currentDir: string): string {
  const dir = join(OUT, 'no-dashboard-early/chrome-mv3');
  rmSync(join(OUT, 'no-dashboard-early'), { recursive: true, force: true });
  cpSync(currentDir, dir, { recursive: true });
  writeFileSync(join(dir, 'dashboard-early.js'), 'void 0;\n');
  return dir;
}

/**
 * `no-number-pack`: the locale cache kept (message templates, count locales) but its number pack
 * not installed as the core's number port (entrypoints/content-main's `setNumberSource` line cut),
 * so the badge's numbers and plurals are written by Intl on every profile.
 */
export function buildWithoutNumberPack(): Promise<string> {
  return buildEdited('no-number-pack', 'entrypoints/content-main/index.tsx', [['  setNumberSource(packNumberSource);\n', '  void packNumberSource;\n']]);
}

/**
 * The project built into bench/out/<name> with each [text, replacement] of `edits` applied to the
 * source of `file` (a Vite transform of that build only; the project's source is not changed).
 * Throws unless every edit found its text. Returns the extension directory.
 */
async function buildEdited(name: string, file: string, edits: readonly (readonly [text: string, replacement: string])[]): Promise<string> {
  const path = join(ROOT, file);
  const applied = new Set<string>();
  const plugin = {
    name: `microscope-bench-${name}`,
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (id.split('?')[0] !== path) return undefined;
      let out = code;
      for (const [text, replacement] of edits) {
        if (!out.includes(text)) continue;
        out = out.replace(text, replacement);
        applied.add(text);
      }
      return out === code ? undefined : out;
    },
  };
  await build({ root: ROOT, outDir: join(OUT, name), logger: QUIET, vite: () => ({ plugins: [plugin] }) });
  const missing = edits.filter(([text]) => !applied.has(text));
  if (missing.length > 0) throw new Error(`bench ${name}: not found in ${file}: ${missing.map(([text]) => JSON.stringify(text.trim())).join(', ')}`);
  const dir = join(OUT, `${name}/chrome-mv3`);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`the ${name} variant did not build`);
  return dir;
}
