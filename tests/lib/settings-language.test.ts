import { describe, expect, it } from 'vitest';
import { applySettingsPatch, DEFAULT_SETTINGS, parseSettings, SETTINGS_FIELDS, validSettingsPatch } from '@/lib/settings';
import { settingsDocument } from '@/lib/settings-storage';
import { SHIPPED_LOCALES } from '@/lib/ui-locales';

describe('Settings.language', () => {
  it('follows the browser by default, and is a field this version writes', () => {
    expect(DEFAULT_SETTINGS.language).toBe('browser');
    expect(parseSettings({}).settings.language).toBe('browser');
    expect(SETTINGS_FIELDS).toContain('language');
  });

  it.each(['browser', ...SHIPPED_LOCALES])('keeps %s', (language) => {
    const read = parseSettings({ language });
    expect(read).toEqual({ settings: { ...DEFAULT_SETTINGS, language }, problems: [] });
  });

  it.each([
    // A locale this version does not ship (from a newer version's sync), or a tag instead of a directory name.
    ['xx'],
    ['pt-BR'],
    ['DE'],
    [''],
    [null],
    [3],
    [{ locale: 'de' }],
  ])('reads %j as the browser\'s, with a problem', (language) => {
    const read = parseSettings({ language, sampleSize: 12 });
    expect(read.settings.language).toBe('browser');
    expect(read.settings.sampleSize).toBe(12);
    expect(read.problems).toEqual([expect.stringMatching(/^language: /)]);
  });

  it('leaves an invalid pick out of a patch, keeping the language set before', () => {
    const settings = { ...DEFAULT_SETTINGS, language: 'de' as const };
    expect(validSettingsPatch(settings, { language: 'klingon' as never, badge: false })).toEqual({ badge: false });
    expect(applySettingsPatch(settings, { language: 'es' }).language).toBe('es');
  });

  it('is stored beside the fields of other versions', () => {
    expect(settingsDocument({ version: 1, futureField: 1 }, { ...DEFAULT_SETTINGS, language: 'pt_BR' })).toMatchObject({ language: 'pt_BR', futureField: 1 });
  });
});
