import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SET_ASIDE_DROPPED_KEY, UNREADABLE_PREFIX } from '@/lib/storage-keys';
import { fakeBrowser } from 'wxt/testing';
import { formatSize, SetAsideList, SetAsideSection } from '@/components/dashboard/SetAsideList';
import { formatDateTime } from '@/lib/format';
import { listUnreadable, SET_ASIDE_LIMITS, setAside } from '@/lib/set-aside';
import { useLocale } from '../../i18n-fake';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const HOUR = 3_600_000;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

async function seed(): Promise<void> {
  await setAside('microscope:settings', 'sync', { reason: 'sampleSize: "lots" is not valid', value: { version: 1, sampleSize: 'lots' } }, T0);
  await setAside('microscope:shortlist', 'local', { reason: 'written by a newer MicroScope (schema version 4)', value: { 'microscope:shortlist': { version: 4 } } }, T0 + HOUR);
}

describe('SetAsideSection', () => {
  it('shows nothing when nothing is set aside', async () => {
    const { container } = render(<SetAsideSection download={vi.fn()} />);
    // Give the read a chance to come back.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('heading', { name: 'Data set aside' })).toBeNull();
  });

  it('lists each copy, newest first: when, where from, why and size', async () => {
    await seed();
    render(<SetAsideSection download={vi.fn()} />);
    const table = await screen.findByRole('table');
    expect(screen.getByRole('heading', { name: 'Data set aside' })).toBeTruthy();
    expect(screen.getByText(/At most 20 copies and 2 MB in all are kept/)).toBeTruthy();
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Set aside', 'From', 'Why', 'Size', 'Actions']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 3).map((cell) => cell.textContent))).toEqual([
      [formatDateTime(T0 + HOUR), 'Shortlist (local)', 'written by a newer MicroScope (schema version 4)'],
      [formatDateTime(T0), 'Settings (sync)', 'sampleSize: "lots" is not valid'],
    ]);
    expect(within(rows[1]!).getAllByRole('cell')[3]!.textContent).toMatch(/^\d+ byte$/);
  });

  it('downloads a copy as a JSON file', async () => {
    await seed();
    const download = vi.fn();
    render(<SetAsideSection download={download} />);
    fireEvent.click(await screen.findByRole('button', { name: `Download the copy set aside ${formatDateTime(T0)} as a JSON file` }));
    expect(download).toHaveBeenCalledTimes(1);
    const [name, text, type] = download.mock.calls[0]! as [string, string, string];
    expect(name).toBe('microscope-set-aside-2026-12-01T10-00-00.000Z.json');
    expect(type).toBe('application/json');
    expect(JSON.parse(text)).toMatchObject({ from: 'microscope:settings', area: 'sync', value: { version: 1, sampleSize: 'lots' } });
  });

  it('deletes a copy only once confirmed', async () => {
    await seed();
    render(<SetAsideSection download={vi.fn()} />);
    const label = `Delete the copy set aside ${formatDateTime(T0)}`;
    fireEvent.click(await screen.findByRole('button', { name: label }));
    const dialog = screen.getByRole('alertdialog', { name: `${label}?` });
    expect(within(dialog).getByText(/deleted from this browser for good/)).toBeTruthy();

    // Cancel: nothing goes, focus goes back to the button.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: label }));
    expect(await listUnreadable()).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: label }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    expect((await listUnreadable()).map((copy) => (copy.value as { from: string }).from)).toEqual(['microscope:shortlist']);
  });

  it('says which copies the cap deleted, until dismissed', async () => {
    for (let index = 0; index <= SET_ASIDE_LIMITS.copies; index++) {
      await setAside('microscope:recent', 'local', { reason: `copy ${index}`, value: index }, T0 + index * HOUR);
    }
    render(<SetAsideSection download={vi.fn()} />);
    const notice = await screen.findByText('1 older copy was deleted to stay within the limit:');
    const item = within(notice.closest('.notice') as HTMLElement).getByRole('listitem');
    expect(item.textContent).toBe(`set aside ${formatDateTime(T0)}, from Recently viewed: copy 0 (${formatSize(JSON.stringify({ from: 'microscope:recent', area: 'local', reason: 'copy 0', at: new Date(T0).toISOString(), value: 0 }).length)})`);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(SET_ASIDE_LIMITS.copies + 1);

    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    await waitFor(() => expect(screen.queryByText(/was deleted to stay within the limit/)).toBeNull());
    expect(await fakeBrowser.storage.local.get(SET_ASIDE_DROPPED_KEY)).toEqual({});
  });

  it('follows copies set aside by another context while open', async () => {
    render(<SetAsideSection download={vi.fn()} />);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByRole('table')).toBeNull();
    await seed();
    expect(await screen.findAllByRole('button', { name: /^Download the copy/ })).toHaveLength(2);
  });
});

describe('SetAsideList', () => {
  const copy = { key: `${UNREADABLE_PREFIX}2026-12-01T10:00:00.000Z`, from: 'microscope:other', area: '', reason: 'odd', at: 'not a time', size: 1_234_567, value: null };

  it('shows an unknown source and time as stored, and the size in the UI language', () => {
    useLocale('de');
    render(<SetAsideList copies={[copy]} dropped={[]} onDownload={vi.fn()} onDelete={vi.fn()} onDismissDropped={vi.fn()} />);
    const cells = within(screen.getByRole('table')).getAllByRole('cell');
    expect(cells.slice(0, 4).map((cell) => cell.textContent)).toEqual(['not a time', 'microscope:other', 'odd', '1,2 MB']);
    expect(screen.getByRole('heading', { name: 'Beiseitegelegte Daten' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Die am not a time beiseitegelegte Kopie löschen' })).toBeTruthy();
  });

  it('shows a failed deletion', () => {
    render(<SetAsideList copies={[copy]} dropped={[]} onDownload={vi.fn()} onDelete={vi.fn()} onDismissDropped={vi.fn()} error="Couldn't delete the copy: gone" />);
    expect(screen.getByRole('alert').textContent).toBe("Couldn't delete the copy: gone");
  });
});
