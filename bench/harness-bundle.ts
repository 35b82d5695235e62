import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { ROOT } from './pages';

let bundled: string | undefined;

/**
 * bench/page/harness.ts and the lib/ code it imports as one classic script that defines
 * `window.MicroScopeBench`, for page.evaluate (CDP evaluation is not subject to the page's CSP).
 */
export async function harnessScript(): Promise<string> {
  if (bundled) return bundled;
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT } },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: join(ROOT, 'bench/page/harness.ts'), formats: ['iife'], name: 'MicroScopeBench' },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0] : output)?.output[0];
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite produced no harness bundle');
  bundled = `${chunk.code}\nwindow.MicroScopeBench = MicroScopeBench;`;
  return bundled;
}
