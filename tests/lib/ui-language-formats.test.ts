import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatPercent,
  formatPlainPercent,
  formatRelativeTime,
  formatSize,
  formatTyped,
} from '@/lib/format';
import { templatesFromMessages } from '@/lib/i18n';
import { showLocale } from '@/lib/ui-messages';
import { readMessages, useLocale } from '../i18n-fake';

/*
 * Every number and date shown by badge, popup and dashboard is written by lib/format.ts (or
 * lib/i18n.ts: plurals, lists) in uiLanguage(), so a language picked in the settings reaches them
 * all (issue 18). The source scan keeps it so; the cases show the formats follow a pick.
 */

const ROOT = process.cwd();
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

/** Formatters that write numbers, dates or words for a reader; Collator and DisplayNames sort and name. */
const FORMATTER = /new Intl\.(NumberFormat|DateTimeFormat|RelativeTimeFormat|PluralRules|ListFormat)\b|\.toLocale(Date|Time)?String\(/;

/** Where a formatter may be made, and why. */
const ALLOWED: Record<string, string> = {
  'lib/format.ts': 'the one place for numbers and dates, in uiLanguage()',
  'lib/i18n.ts': 'plural rules and lists, in uiLanguage()',
  'lib/count.ts': "reads the page's numbers in the page's language, writes nothing",
  'lib/warm-start/number-pack.ts': 'copies what Intl writes in uiLanguage(), checked against it',
  'entrypoints/content-main/index.tsx': "starts ICU with the page's lang before the first read (startIntl), writes nothing",
};

describe('numbers and dates go through lib/format.ts in the UI language', () => {
  it('no other module of the extension makes a number, date, plural or list format', () => {
    const offenders = ['components', 'entrypoints', 'lib']
      .flatMap(files)
      .map((path) => relative(ROOT, join(ROOT, path)))
      .filter((path) => !(path in ALLOWED))
      .filter((path) => FORMATTER.test(readFileSync(join(ROOT, path), 'utf8')));
    // Found one? Write it with lib/format.ts (add a function there if none fits), not toLocaleString().
    expect(offenders).toEqual([]);
  });

  it('lib/format.ts and lib/i18n.ts make every format for the UI language', () => {
    for (const path of ['lib/format.ts', 'lib/i18n.ts']) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      const made = [...text.matchAll(/new Intl\.\w+\((uiLanguage\(\)|[^,)]*)/g)].map((match) => match[1]);
      expect(made.length, path).toBeGreaterThan(0);
      for (const locale of made) expect(['language', 'uiLanguage()'], `${path}: new Intl.…(${locale}`).toContain(locale);
    }
  });

  it('writes every kind in the picked language, and again in the next one picked', () => {
    useLocale('en', 'en-US');
    const when = '2026-03-14T09:05:00Z';
    const english = [formatInteger(12_345), formatPercent(3.42), formatDate(when), formatSize(1_200_000), formatTyped(1500.5)];
    expect(english).toEqual(['12,345', '3.42%', 'Mar 14, 2026', '1.2 MB', '1,500.5']);

    showLocale('de', templatesFromMessages(readMessages('de'), readMessages('en')));
    expect([
      formatInteger(12_345),
      formatPercent(3.42),
      formatPlainPercent(4.42),
      formatDecimal(1.5, 2),
      formatDate(when),
      formatDateTime(when),
      formatRelativeTime(-5, 'minute'),
      formatSize(1_200_000),
      formatTyped(1500.5),
    ]).toEqual([
      '12.345',
      '3,42\u00a0%',
      '4,42\u00a0%',
      '1,50',
      '14.03.2026',
      expect.stringMatching(/^14\.03\.2026, \d{2}:05$/),
      'vor 5 Minuten',
      expect.stringMatching(/^1,2\sMB$/),
      '1.500,5',
    ]);

    showLocale('pt_BR', templatesFromMessages(readMessages('pt_BR'), readMessages('en')));
    expect([formatInteger(12_345), formatDate(when), formatRelativeTime(-1, 'day')]).toEqual(['12.345', '14 de mar. de 2026', 'ontem']);
  });
});
