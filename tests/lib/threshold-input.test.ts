import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import { readThreshold } from '@/lib/threshold-input';
import { LOCALES, useLocale } from '../i18n-fake';

describe('readThreshold reads a threshold as the UI language writes it (issue 18)', () => {
  it.each<[string, string, number | string | undefined | { ambiguous: string }]>([
    // English, as before.
    ['10000', 'en', 10_000],
    ['10,000', 'en', 10_000],
    ['10 000', 'en', 10_000],
    ['10K', 'en', 10_000],
    ['1.5M', 'en', 1_500_000],
    ['  25k ', 'en', 25_000],
    ['0', 'en', 0],
    ['', 'en', undefined],
    ['   ', 'en', undefined],
    ['ten', 'en', 'ten'],
    ['-5', 'en', '-5'],
    // Ten or ten thousand? Refused, never read as 10.
    ['10.000', 'en', { ambiguous: '10.000' }],
    ['12.5', 'en', { ambiguous: '12.5' }],
    // A thousands dot where the language groups with it: ten thousand, not ten.
    ['10.000', 'de', 10_000],
    ['10.000', 'it', 10_000],
    ['10.000', 'nl', 10_000],
    ['10.000', 'tr', 10_000],
    ['10.000', 'pt-BR', 10_000],
    ['10.000', 'id', 10_000],
    ['10.000', 'es', 10_000],
    ['10\u00a0000', 'pl', 10_000],
    ['10 000', 'fr', 10_000],
    ['10 000', 'pt-PT', 10_000],
    ['10,000', 'de', { ambiguous: '10,000' }],
    ['1,5 Mio.', 'de', 1_500_000],
    ['10K', 'de', 10_000],
    ['1万', 'ja', 10_000],
    ['150万', 'ja', 1_500_000],
    ['1만', 'ko', 10_000],
    ['10 rb', 'id', 10_000],
    ['1,5 jt', 'id', 1_500_000],
    ['10 tys.', 'pl', 10_000],
    ['1,5 mln', 'pl', 1_500_000],
    ['10 bin', 'tr', 10_000],
    ['10 mil', 'pt-BR', 10_000],
    ['1,5 Mln', 'it', 1_500_000],
    // Not a count: left as typed for the validation's "must be a number".
    ['10 abc', 'en', '10 abc'],
    ['10 20', 'en', '10 20'],
    ['10K followers', 'en', '10K followers'],
  ])('%j in %s → %j', (text, locale, expected) => {
    expect(readThreshold(text, locale)).toEqual(expected);
  });

  it('reads in the UI language by default', () => {
    expect(readThreshold('10.000')).toEqual({ ambiguous: '10.000' });
    useLocale('de');
    expect(readThreshold('10.000')).toBe(10_000);
  });

  // The help text under the thresholds shows how to type them: each example must be read as a count.
  it.each(LOCALES)('every example in the %s threshold help is read as a count', (locale) => {
    useLocale(locale);
    const help = t('thresholdsHelp');
    const examples = [...help.matchAll(/[“„«‘'「]\s*([^”“»’'」]+?)\s*[”“»’'」]/gu)].map((match) => match[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) expect([example, readThreshold(example)]).toEqual([example, expect.any(Number)]);
  });
});
