import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromiumPath } from './browser';

/**
 * Builds the extension once for the whole real-browser run, exactly as `npm run build` and
 * `npm run build:firefox` do (Chromium MV3 for most files; Firefox MV2 for firefox.test.ts and
 * package.test.ts).
 */
export default function setup(): void {
  chromiumPath(); // fail first, and clearly, when there is no browser
  for (const browser of ['chrome', 'firefox']) {
    // NODE_ENV: Vitest sets it to 'test', which would make Vite bundle React's development build.
    execFileSync('npx', ['wxt', 'build', '-b', browser], {
      cwd: resolve(import.meta.dirname, '../..'),
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
}
