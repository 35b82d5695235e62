import { describe, expect, it } from 'vitest';
import { cpmProblem, currencyProblem, inactiveDaysProblem, sampleSizeProblem } from '@/lib/settings';

/*
 * The settings form's checks return codes; the dashboard writes them (words checked in
 * tests/components/words/settings.test.ts), so lib/settings.ts runs without browser.i18n.
 */
const integer = (value: number) => ({ number: value, as: 'integer' });

describe('settings form problems as codes', () => {
  it.each<[string, unknown, boolean]>([
    ['1', 1, true],
    ['100', 100, true],
    ['0', 0, false],
    ['101', 101, false],
    ['1.5', 1.5, false],
    ['text', '30', false],
    ['nothing', undefined, false],
  ])('sample size %s: fine → %s', (_title, value, fine) => {
    expect(sampleSizeProblem(value)).toEqual(fine ? undefined : { key: 'sampleSizeInvalid', args: [integer(1), integer(100)] });
  });

  it.each<[unknown, boolean]>([
    [0, true],
    [10_000, true],
    [2.5, true],
    [-1, false],
    [10_001, false],
    [Number.NaN, false],
  ])('CPM %s: fine → %s', (value, fine) => {
    expect(cpmProblem(value)).toEqual(fine ? undefined : { key: 'cpmInvalid', args: [integer(0), integer(10_000)] });
  });

  it.each<[unknown, boolean]>([
    ['EUR', true],
    ['€', true],
    ['', false],
    [' EUR', false],
    ['ABCDEFGHIJKLM', false],
    [12, false],
  ])('currency %j: fine → %s', (value, fine) => {
    expect(currencyProblem(value)).toEqual(fine ? undefined : { key: 'currencyInvalid', args: [integer(12)] });
  });

  it.each<[unknown, boolean]>([
    [1, true],
    [365, true],
    [0, false],
    [366, false],
    [7.5, false],
  ])('inactive days %s: fine → %s', (value, fine) => {
    expect(inactiveDaysProblem(value)).toEqual(fine ? undefined : { key: 'inactiveDaysInvalid', args: [integer(1), integer(365)] });
  });
});
