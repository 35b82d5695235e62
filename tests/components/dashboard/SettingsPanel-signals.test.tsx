import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readCpm } from '@/components/dashboard/SettingsPanel';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { renderSettingsPanel } from './settings-harness';

afterEach(cleanup);


const group = () => screen.getByRole('group', { name: 'Decision signals' });
const field = (name: string | RegExp) => within(group()).getByRole(typeof name === 'string' ? 'textbox' : 'spinbutton', { name }) as HTMLInputElement;

describe('readCpm', () => {
  it.each([
    ['10', 'instagram', 10],
    ['12.5', 'tiktok', 12.5],
    ['12,5', 'tiktok', 12.5],
    [' 7 ', 'youtube', 7],
    ['', 'x', null],
    ['', 'instagram', ''],
    ['1,000', 'instagram', '1,000'],
    ['ten', 'instagram', 'ten'],
    ['-3', 'instagram', '-3'],
  ] as const)('%j on %s → %j', (text, platform, expected) => {
    expect(readCpm(text, platform)).toBe(expected);
  });
});

describe('decision signals settings', () => {
  it('shows the defaults: on, 30 days, USD, the published CPMs and none for X and Bluesky', () => {
    renderSettingsPanel();
    expect(within(group()).getByRole('checkbox', { name: /Show signals, activity and value estimate/ })).toHaveProperty('checked', true);
    expect(field(/Inactive after/).value).toBe('30');
    expect(field('Currency label').value).toBe('USD');
    expect(field('CPM on Instagram').value).toBe('10');
    expect(field('CPM on TikTok').value).toBe('5');
    expect(field('CPM on YouTube').value).toBe('20');
    expect(field('CPM on X').value).toBe('');
    expect(field('CPM on Bluesky').value).toBe('');
    const source = within(group()).getByRole('link', { name: /mightyscout\.com/ });
    expect(source.getAttribute('href')).toBe('https://mightyscout.com/blog/earned-media-value-rebuilt');
    expect(source.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('turning signals off applies at once', () => {
    const changes = renderSettingsPanel();
    fireEvent.click(within(group()).getByRole('checkbox', { name: /Show signals/ }));
    expect(changes).toEqual([{ signals: false }]);
  });

  it('inactivity days: a valid number applies, an invalid one says why and is not saved', () => {
    const changes = renderSettingsPanel();
    fireEvent.change(field(/Inactive after/), { target: { value: '60' } });
    expect(changes).toEqual([{ inactiveDays: 60 }]);
    fireEvent.change(field(/Inactive after/), { target: { value: '0' } });
    expect(changes).toHaveLength(1);
    expect(field(/Inactive after/).getAttribute('aria-invalid')).toBe('true');
    expect(within(group()).getByText('Days without a post must be a whole number from 1 to 365.')).toBeTruthy();
  });

  it('currency: trimmed and applied; an empty label says why', () => {
    const changes = renderSettingsPanel();
    fireEvent.change(field('Currency label'), { target: { value: ' EUR ' } });
    expect(changes).toEqual([{ currency: 'EUR' }]);
    fireEvent.change(field('Currency label'), { target: { value: '  ' } });
    expect(changes).toHaveLength(1);
    expect(within(group()).getByText('The currency label must be 1 to 12 characters.')).toBeTruthy();
    expect(field('Currency label').getAttribute('maxlength')).toBe('12');
  });

  it('CPMs: a number applies to its platform only; X can be emptied to no CPM, Instagram cannot', () => {
    const changes = renderSettingsPanel({ cpms: { ...DEFAULT_SETTINGS.cpms, x: 3 } });
    fireEvent.change(field('CPM on TikTok'), { target: { value: '6,5' } });
    expect(changes.at(-1)).toEqual({ cpms: { ...DEFAULT_SETTINGS.cpms, x: 3, tiktok: 6.5 } });
    fireEvent.change(field('CPM on X'), { target: { value: '' } });
    expect(changes.at(-1)).toEqual({ cpms: { ...DEFAULT_SETTINGS.cpms, x: null, tiktok: 6.5 } });
    const before = changes.length;
    fireEvent.change(field('CPM on Instagram'), { target: { value: '' } });
    fireEvent.change(field('CPM on YouTube'), { target: { value: '20000' } });
    expect(changes).toHaveLength(before);
    expect(field('CPM on Instagram').getAttribute('aria-invalid')).toBe('true');
    expect(within(group()).getAllByText('A CPM must be a number from 0 to 10,000.')).toHaveLength(2);
  });

  it('settings of a newer MicroScope: the group is disabled', () => {
    renderSettingsPanel({}, true);
    expect(group()).toHaveProperty('disabled', true);
  });
});
