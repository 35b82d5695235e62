import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n-fake';

/*
 * JSON.parse keeps the last of two equal keys without a word, so a merge of two branches that each
 * added a message of the same name would ship one of them silently (issue 16's three branches came
 * close: signalsHeading, activityUnknown, valueNoCpm). The files are written with two-space
 * indentation: a top-level key is a line `  "name": {`.
 */
describe('public/_locales: no message name twice', () => {
  it.each(LOCALES)('%s', (locale) => {
    const text = readFileSync(join(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8');
    const names = [...text.matchAll(/^ {2}"([^"]+)": \{/gm)].map((match) => match[1]!);
    // The pattern sees every message (else the check below would pass on nothing).
    expect(new Set(names).size).toBe(Object.keys(JSON.parse(text) as object).length);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});
