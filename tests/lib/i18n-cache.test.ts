import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetLanguage, t } from '@/lib/i18n';

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
