import { describe, expect, it } from 'vitest';
import { money } from '@/components/words/signals';
import { useLocale, type Locale } from '../../i18n-fake';

describe('money follows the language’s moneyAmount message (issue 18)', () => {
  it.each<[Locale, string, string, string]>([
    ['en', 'USD 1,500.00', 'USD 1,500', 'USD 30.00'],
    ['de', '1.500,00 USD', '1.500 USD', '30,00 USD'],
    // Dutch and Brazilian Portuguese write the currency first: the dashboard said "1.500,00 USD".
    ['nl', 'USD\u00a01.500,00', 'USD\u00a01.500', 'USD\u00a030,00'],
    ['pt_BR', 'USD 1.500,00', 'USD 1.500', 'USD 30,00'],
    ['fr', '1\u202f500,00\u00a0USD', '1\u202f500\u00a0USD', '30,00\u00a0USD'],
  ])('%s: %s', (locale, cents, auto, small) => {
    useLocale(locale);
    expect(money(1_500, 'USD')).toBe(cents);
    expect(money(1_500, 'USD', 'auto')).toBe(auto);
    expect(money(30, 'USD', 'auto')).toBe(small);
  });

  it('an empty label leaves the amount alone', () => {
    expect(money(2, '')).toBe('2.00');
    expect(money(250, '', 'auto')).toBe('250');
  });
});
