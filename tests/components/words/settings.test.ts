import { describe, expect, it } from 'vitest';
import { sayIf } from '@/components/words/message';
import { cpmProblem, currencyProblem, inactiveDaysProblem, sampleSizeProblem } from '@/lib/settings';
import { useLocale } from '../../i18n-fake';

/*
 * lib/settings.ts's form checks return codes (tests/lib/settings-problems.test.ts); here, that the
 * dashboard writes them as lib/ did before issue 14 (texts from that version, English and German).
 */
describe('settings form problems in words', () => {
  it.each<[string, () => string | undefined, string, string]>([
    [
      'sample size',
      () => sayIf(sampleSizeProblem(0)),
      'Sample size must be a whole number of posts from 1 to 100.',
      'Die Stichprobengröße muss eine ganze Zahl von Beiträgen zwischen 1 und 100 sein.',
    ],
    ['CPM', () => sayIf(cpmProblem(10_001)), 'A CPM must be a number from 0 to 10,000.', 'Der TKP muss eine Zahl zwischen 0 und 10.000 sein.'],
    ['currency', () => sayIf(currencyProblem('')), 'The currency label must be 1 to 12 characters.', 'Die Währungsbezeichnung muss 1 bis 12 Zeichen lang sein.'],
    [
      'inactive days',
      () => sayIf(inactiveDaysProblem(400)),
      'Days without a post must be a whole number from 1 to 365.',
      'Die Tage ohne Beitrag müssen eine ganze Zahl zwischen 1 und 365 sein.',
    ],
  ])('%s', (_title, words, english, german) => {
    expect(words()).toBe(english);
    useLocale('de');
    expect(words()).toBe(german);
  });

  it('no problem, no words', () => {
    expect(sayIf(sampleSizeProblem(30))).toBeUndefined();
  });
});
