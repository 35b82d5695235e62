import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { useLocale } from '../../i18n-fake';
import { SettingsPanel } from '@/components/dashboard/SettingsPanel';
import { renderSettingsPanel } from './settings-harness';


const menu = () => screen.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement;

describe('the language menu', () => {
  it('offers the browser\'s language first, then every shipped language named in itself', () => {
    renderSettingsPanel();
    const options = within(menu()).getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((option) => [option.value, option.textContent, option.lang])).toEqual([
      ['browser', 'Follow the browser (English)', ''],
      ['id', 'Bahasa Indonesia', 'id'],
      ['de', 'Deutsch', 'de'],
      ['en', 'English', 'en'],
      ['es', 'Español', 'es'],
      ['fr', 'Français', 'fr'],
      ['it', 'Italiano', 'it'],
      ['nl', 'Nederlands', 'nl'],
      ['pl', 'Polski', 'pl'],
      ['pt_BR', 'Português (Brasil)', 'pt-BR'],
      ['pt_PT', 'Português (Portugal)', 'pt-PT'],
      ['tr', 'Türkçe', 'tr'],
      // Sorted in the UI language (English here): Hangul before kana and kanji.
      ['ko', '한국어', 'ko'],
      ['ja', '日本語', 'ja'],
    ]);
    expect(menu().value).toBe('browser');
    expect(menu()).toHaveProperty('disabled', false);
    // The hint says when open badges follow.
    expect(menu().getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(menu().getAttribute('aria-describedby')!)?.textContent).toMatch(/next loaded/);
  });

  it('names the browser\'s language in itself, in the words of the language shown', () => {
    useLocale('de');
    renderSettingsPanel();
    expect(screen.getByRole('combobox', { name: 'Sprache' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Wie im Browser (Deutsch)' })).toBeTruthy();
  });

  it('saves the language picked, and the browser again', () => {
    const changes = renderSettingsPanel();
    fireEvent.change(menu(), { target: { value: 'pt_BR' } });
    expect(changes).toEqual([{ language: 'pt_BR' }]);
    expect(menu().value).toBe('pt_BR');
    fireEvent.change(menu(), { target: { value: 'browser' } });
    expect(changes).toEqual([{ language: 'pt_BR' }, { language: 'browser' }]);
  });

  it('shows the stored pick, and changes nothing while the settings are a newer version\'s', () => {
    render(<SettingsPanel settings={{ ...DEFAULT_SETTINGS, language: 'es' }} onChange={() => { throw new Error('changed'); }} newer />);
    expect(menu().value).toBe('es');
    expect(menu().closest('fieldset')?.disabled).toBe(true);
  });
});
