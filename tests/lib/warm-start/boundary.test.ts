import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The start-up optimisations sit on top of the core (lib/warm-start/README.md): the lint rule in
 * eslint.config.js refuses any import of lib/warm-start from lib/ or components/, and `npm run
 * lint` (in .ci/run) checks every file. Here: that the rule bites where it should, and only there.
 */
const ROOT = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });
const RULE = /warm-start sits on top of the core/;

async function blocked(file: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).some((message) => RULE.test(message.message));
}

describe('the core never imports lib/warm-start', () => {
  it.each([
    ['lib/count.ts', "import { handOff } from './warm-start/hand-off';", true],
    ['lib/format.ts', "import { packNumberSource } from '@/lib/warm-start/number-pack';", true],
    ['lib/sites/instagram.ts', "import { loadLocaleCache } from '../warm-start/locale-cache';", true],
    ['lib/shortlist/store.ts', "import * as warm from '../warm-start';", true],
    ['components/Badge.tsx', "import { handOff } from '@/lib/warm-start/hand-off';", true],
    ['lib/warm-start/locale-cache.ts', "import { handOff } from './hand-off';", false],
    ['entrypoints/content-main/index.tsx', "import { packNumberSource } from '@/lib/warm-start/number-pack';", false],
    ['lib/format.ts', "import { numberSource } from './number-source';", false],
  ])('%s: %s → refused: %s', async (file, line, refused) => {
    expect(await blocked(file, `${line}\nexport const used = [${line.match(/\{ (\w+) \}|\* as (\w+)/)?.slice(1).find(Boolean)}];\n`)).toBe(refused);
  }, 30_000);
});
