import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { useLocale } from '../../i18n-fake';
import { SettingsPanel } from '@/components/dashboard/SettingsPanel';
import { renderSettingsPanel } from './settings-harness';

afterEach(cleanup);


function threshold(tier: string): HTMLInputElement {
  return screen.getByLabelText(`${tier} from`) as HTMLInputElement;
}

describe('tier scheme', () => {
  it('offers the three presets and custom', () => {
    renderSettingsPanel();
    const group = screen.getByRole('group', { name: 'Tier scheme' });
    expect(within(group).getAllByRole('radio').map((radio) => radio.closest('label')!.textContent)).toEqual([
      expect.stringContaining('Founding definition'),
      expect.stringContaining('Five-tier industry'),
      expect.stringContaining('Later / Sprout'),
      expect.stringContaining('Custom thresholds'),
    ]);
    expect(screen.getByRole('radio', { name: /Founding definition/ })).toHaveProperty('checked', true);
  });

  it('a preset applies at once', () => {
    const changes = renderSettingsPanel();
    fireEvent.click(screen.getByRole('radio', { name: /Five-tier industry/ }));
    expect(changes).toEqual([{ tierScheme: 'five-tier' }]);
    expect(screen.getByRole('status').textContent).toMatch(/Saved/);
  });

  it('custom thresholds: bad ones show inline messages and are not saved', () => {
    const changes = renderSettingsPanel();
    fireEvent.click(screen.getByRole('radio', { name: /Custom thresholds/ }));
    // The founding bounds prefill the form and are valid: custom applies straight away.
    expect(changes.at(-1)).toEqual({ tierScheme: 'custom', customBounds: { nano: 0, micro: 1_000, mid: 10_000, macro: 100_000, mega: 1_000_000 } });
    changes.length = 0;

    fireEvent.change(threshold('Mid-tier'), { target: { value: '500' } });
    expect(threshold('Mid-tier').getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(threshold('Mid-tier').getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe('Mid-tier must start above Micro (got 500 ≤ 1,000).');
    expect(threshold('Micro').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText(/Not saved until the thresholds are valid/)).toBeTruthy();

    fireEvent.change(threshold('Macro'), { target: { value: 'lots' } });
    expect(screen.getByText('Macro must be a number of followers (got "lots").')).toBeTruthy();
    fireEvent.change(threshold('Nano'), { target: { value: '' } });
    expect(screen.getByText('Nano threshold is missing.')).toBeTruthy();
    expect(changes).toEqual([]);

    fireEvent.change(threshold('Nano'), { target: { value: '0' } });
    fireEvent.change(threshold('Mid-tier'), { target: { value: '25K' } });
    fireEvent.change(threshold('Macro'), { target: { value: '250,000' } });
    expect(screen.queryByText(/must/)).toBeNull();
    expect(changes.at(-1)).toEqual({ tierScheme: 'custom', customBounds: { nano: 0, micro: 1_000, mid: 25_000, macro: 250_000, mega: 1_000_000 } });
  });

});

describe('engagement and sample', () => {
  it('sample size outside 1–100 shows a message and is not saved', () => {
    const changes = renderSettingsPanel();
    const input = screen.getByLabelText('Posts in the sample');
    fireEvent.change(input, { target: { value: '500' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Sample size must be a whole number of posts from 1 to 100.')).toBeTruthy();
    fireEvent.change(input, { target: { value: '12' } });
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(changes).toEqual([{ sampleSize: 12 }]);
  });

  it('method, pinned posts, platforms and badge apply on change', () => {
    const changes = renderSettingsPanel();
    fireEvent.click(screen.getByRole('radio', { name: /^Mean/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Include pinned posts/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'TikTok' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Show the badge on profiles/ }));
    expect(changes).toEqual([
      { engagementMethod: 'mean' },
      { includePinned: true },
      { platforms: { ...DEFAULT_SETTINGS.platforms, tiktok: false } },
      { badge: false },
    ]);
  });

  it('shows a save error', () => {
    render(<SettingsPanel settings={DEFAULT_SETTINGS} onChange={vi.fn()} error="Couldn't save settings: QUOTA_BYTES_PER_ITEM quota exceeded" />);
    expect(screen.getByRole('status').textContent).toMatch(/quota exceeded/);
  });
});

describe('settings of a newer MicroScope (issue 13)', () => {
  it('says so, disables every control and sends no change', () => {
    const onChange = vi.fn();
    render(<SettingsPanel settings={{ ...DEFAULT_SETTINGS, sampleSize: 40 }} onChange={onChange} newer />);
    expect(screen.getByRole('heading', { name: 'Settings from a newer MicroScope' })).toBeTruthy();
    expect(screen.getByText(/cannot change them without losing what the newer version added/)).toBeTruthy();
    // The form names the notice as its description, for screen readers entering it.
    expect(screen.getByRole('form', { name: 'Settings' }).getAttribute('aria-describedby')).toBe(
      screen.getByText(/cannot change them/).closest('.notice')!.id,
    );
    const groups = screen.getAllByRole('group').filter((group) => group.tagName === 'FIELDSET');
    expect(groups.length).toBe(6);
    for (const group of groups) expect((group as HTMLFieldSetElement).disabled, group.textContent!.slice(0, 30)).toBe(true);
    // The values it understands are still shown.
    expect((screen.getByLabelText('Posts in the sample') as HTMLInputElement).value).toBe('40');

    fireEvent.click(screen.getByRole('radio', { name: /Five-tier industry/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'TikTok' }));
    fireEvent.change(screen.getByLabelText('Posts in the sample'), { target: { value: '12' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says so in the UI language', () => {
    useLocale('de');
    render(<SettingsPanel settings={DEFAULT_SETTINGS} onChange={vi.fn()} newer />);
    expect(screen.getByRole('heading', { name: 'Einstellungen einer neueren MicroScope-Version' })).toBeTruthy();
    expect(screen.getByText(/Aktualisiere MicroScope in diesem Browser/)).toBeTruthy();
  });

  it('shows no notice for settings of this version', () => {
    renderSettingsPanel();
    expect(screen.queryByText(/newer MicroScope/)).toBeNull();
    for (const group of screen.getAllByRole('group').filter((element) => element.tagName === 'FIELDSET')) {
      expect((group as HTMLFieldSetElement).disabled).toBe(false);
    }
  });
});
