import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { learnedLists, learnedTemplates, listInWords, resetLanguage, seedLists, seedTemplates, t, type MessageKey } from '@/lib/i18n';
import { formatMessage, LOCALES, readMessages, useLocale } from '../i18n-fake';

/** Counts the fake browser's getMessage calls (tests/setup.ts answered like Chrome in English). */
function spyOnGetMessage() {
  const original = fakeBrowser.i18n.getMessage;
  const spy = vi.fn(original);
  fakeBrowser.i18n.getMessage = spy as unknown as typeof fakeBrowser.i18n.getMessage;
  return spy;
}

describe('t asks the extension once per message', () => {
  it('answers a repeated key and substitutions from memory', () => {
    const getMessage = spyOnGetMessage();
    expect(t('close')).toBe('Close');
    expect(t('close')).toBe('Close');
    expect(t('badgeDetailsLabel', 'maya.travels')).toBe('MicroScope details for @maya.travels');
    expect(t('badgeDetailsLabel', 'maya.travels')).toBe('MicroScope details for @maya.travels');
    expect(getMessage).toHaveBeenCalledTimes(2);
  });

  it('keeps the texts of different substitutions apart', () => {
    expect(t('badgeDetailsLabel', 'ana')).toBe('MicroScope details for @ana');
    expect(t('badgeDetailsLabel', 'kofi')).toBe('MicroScope details for @kofi');
    // Two arguments are not one argument with the same characters.
    expect(t('removeTag', 'a', 'b')).not.toBe(t('removeTag', 'a b'));
  });

  it('asks again after resetLanguage (a locale switch)', () => {
    expect(t('close')).toBe('Close');
    fakeBrowser.i18n.getMessage = ((name: string) => (name === 'close' ? 'Schließen' : '')) as typeof fakeBrowser.i18n.getMessage;
    expect(t('close'), 'still the cached text').toBe('Close');
    resetLanguage();
    expect(t('close')).toBe('Schließen');
  });

  it('does not remember a missing message: it is asked for again', () => {
    fakeBrowser.i18n.getMessage = (() => '') as typeof fakeBrowser.i18n.getMessage;
    expect(t('close')).toBe('close');
    const getMessage = spyOnGetMessage();
    getMessage.mockImplementation(((name: string) => (name === 'close' ? 'Close' : '')) as never);
    expect(t('close')).toBe('Close');
    expect(getMessage).toHaveBeenCalledTimes(1);
  });
});

describe('message templates', () => {
  const keys = Object.keys(readMessages('en')) as MessageKey[];
  // Page text reaches substitutions: dollar signs, markers of our own range, other scripts.
  const substitution = fc.oneof(fc.string(), fc.constantFrom('$1', '$$', '$COUNT$', '\ue000', '\ue008', '@maya', '12,5 Mio.'));

  it('fill in exactly what getMessage answers for the same substitutions, in every locale', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.constantFrom(...keys), fc.array(substitution, { maxLength: 9 }), (locale, key, substitutions) => {
        useLocale(locale);
        const entry = readMessages(locale)[key] ?? readMessages('en')[key];
        expect(t(key, ...substitutions)).toBe(formatMessage(entry, substitutions));
      }),
      { numRuns: 600 },
    );
  });

  it('stored and read back on the next page, they answer without getMessage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.subarray(keys, { minLength: 1, maxLength: 30 }), fc.array(substitution, { maxLength: 3 }), (locale, asked, substitutions) => {
        useLocale(locale);
        const first = asked.map((key) => t(key, ...substitutions));
        const stored = JSON.parse(JSON.stringify(learnedTemplates())) as Record<string, unknown>;
        expect(Object.keys(stored).sort()).toEqual([...new Set(asked)].sort());
        resetLanguage();
        seedTemplates(stored);
        const getMessage = spyOnGetMessage();
        expect(asked.map((key) => t(key, ...substitutions))).toEqual(first);
        expect(getMessage).not.toHaveBeenCalled();
      }),
      { numRuns: 60 },
    );
  });

  it('a key not stored is asked for; stored values that are not texts are ignored', () => {
    seedTemplates({ close: 'Fermer', badgeTitle: 42, labelTier: '', exact: 'x'.repeat(10_000) });
    const getMessage = spyOnGetMessage();
    expect(t('close')).toBe('Fermer');
    expect(t('badgeTitle')).toBe(readMessages('en').badgeTitle?.message);
    expect(t('labelTier')).toBe(readMessages('en').labelTier?.message);
    expect(t('exact')).toBe(readMessages('en').exact?.message);
    expect(getMessage).toHaveBeenCalledTimes(3);
  });
});

describe('lists in words', () => {
  it('are stored and read back: the next page writes them without Intl', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom('conjunction', 'disjunction') as fc.Arbitrary<'conjunction' | 'disjunction'>, (locale, lists, type) => {
        useLocale(locale);
        const first = lists.map((items) => listInWords(items, type));
        const stored = JSON.parse(JSON.stringify(learnedLists())) as Record<string, unknown>;
        resetLanguage();
        seedLists(stored);
        vi.stubGlobal('Intl', {});
        try {
          expect(lists.map((items) => listInWords(items, type))).toEqual(first);
        } finally {
          vi.unstubAllGlobals();
        }
      }),
      { numRuns: 50 },
    );
  });

  it('keeps items apart: two items are not one with the same characters', () => {
    expect(listInWords(['Micro', 'Mid-tier'], 'disjunction')).toBe('Micro or Mid-tier');
    expect(listInWords(['Micro Mid-tier'], 'disjunction')).toBe('Micro Mid-tier');
    seedLists({ 'disjunction\u0000Nano\u0000Micro': 42 });
    expect(listInWords(['Nano', 'Micro'], 'disjunction')).toBe('Nano or Micro');
  });
});
