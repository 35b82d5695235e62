import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * lib/ returns codes and the words are made at the UI edge (components/words/, issue 14): the lint
 * rule in eslint.config.js refuses a value import of lib/i18n from the sites, the metrics, the
 * settings and the shortlist, and `npm run lint` checks every file. Here: that the rule bites where
 * it should (a value import, by any path), lets type imports through, and leaves the edge alone.
 */
const ROOT = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });
const RULE = /returns codes \(\{ key, args \}\), never words/;

async function refused(file: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).some((message) => RULE.test(message.message));
}

describe('the metrics, settings, shortlist and sites never make words', () => {
  it.each([
    ['lib/engagement.ts', "import { t } from './i18n';", true],
    ['lib/benchmarks.ts', "import { plural } from '@/lib/i18n';", true],
    ['lib/tiers.ts', "import { listInWords } from './i18n';", true],
    ['lib/settings.ts', "import * as i18n from './i18n';", true],
    ['lib/verdict.ts', "import { noteText } from './i18n';", true],
    ['lib/shortlist/schema.ts', "import { t } from '../i18n';", true],
    ['lib/shortlist/store.ts', "import { t } from '@/lib/i18n';", true],
    ['lib/signals/posts.ts', "import { t } from '../i18n';", true],
    ['lib/sites/instagram.ts', "import { t } from '../i18n';", true],
    ['lib/message-code.ts', "import { t } from './i18n';", true],
    // Types name the codes: allowed.
    ['lib/engagement.ts', "import type { MessageCode } from './i18n';", false],
    ['lib/shortlist/backup.ts', "import { type MessageCode } from '../i18n';", false],
    // The edge makes words.
    ['components/words/message.ts', "import { t } from '@/lib/i18n';", false],
    ['components/Badge.tsx', "import { t } from '@/lib/i18n';", false],
    ['lib/format.ts', "import { t } from './i18n';", false],
  ])('%s: %s → refused: %s', async (file, line, expected) => {
    const name = line.match(/\{ (?:type )?(\w+) \}|\* as (\w+)/)?.slice(1).find(Boolean);
    expect(await refused(file, `${line}\nexport const used = [${line.includes('type ') ? '' : name}];\n`)).toBe(expected);
  }, 30_000);
});
