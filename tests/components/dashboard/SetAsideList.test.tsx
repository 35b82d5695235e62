import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UNREADABLE_PREFIX } from '@/lib/storage-keys';
import { fakeBrowser } from 'wxt/testing';
import { SetAsideList, SetAsideSection } from '@/components/dashboard/SetAsideList';
import { formatSize } from '@/lib/format';
import { formatDateTime } from '@/lib/format';
import { listSetAside, listUnreadable, SET_ASIDE_LIMITS, setAside } from '@/lib/set-aside';
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

  it('says when the copies are full, until the person deletes one', async () => {
    for (let index = 0; index < SET_ASIDE_LIMITS.copies; index++) {
      await setAside('microscope:recent', 'local', { reason: `copy ${index}`, value: index }, T0 + index * HOUR);
    }
    const bytes = (await listSetAside()).copies.reduce((sum, copy) => sum + copy.size, 0);
    render(<SetAsideSection download={vi.fn()} />);
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toBe(
      `Set-aside copies are full (20 of 20 copies, ${formatSize(bytes)} of 2 MB): MicroScope leaves unreadable data where it is until you download and delete some copies.`,
    );
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(SET_ASIDE_LIMITS.copies + 1);

    const label = `Delete the copy set aside ${formatDateTime(T0)}`;
    fireEvent.click(screen.getByRole('button', { name: label }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(screen.queryByText(/copies are full/)).toBeNull());
    expect(await listUnreadable()).toHaveLength(SET_ASIDE_LIMITS.copies - 1);
  });

  it('says nothing of the cap below it', async () => {
    await seed();
    render(<SetAsideSection download={vi.fn()} />);
    await screen.findByRole('table');
    expect(screen.queryByRole('status')).toBeNull();
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
    render(<SetAsideList copies={[copy]} onDownload={vi.fn()} onDelete={vi.fn()} />);
    const cells = within(screen.getByRole('table')).getAllByRole('cell');
    expect(cells.slice(0, 4).map((cell) => cell.textContent)).toEqual(['not a time', 'microscope:other', 'odd', '1,2 MB']);
    expect(screen.getByRole('heading', { name: 'Beiseitegelegte Daten' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Die am not a time beiseitegelegte Kopie löschen' })).toBeTruthy();
  });

  it('says the copies are full once too few characters are left for another, in the UI language', () => {
    useLocale('de');
    render(<SetAsideList copies={[{ ...copy, size: SET_ASIDE_LIMITS.bytes - 10 }]} onDownload={vi.fn()} onDelete={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Der Platz für beiseitegelegte Kopien ist voll \(1 von 20 Kopien, 2 MB von 2 MB\): /);
  });

  it('shows a failed deletion', () => {
    render(<SetAsideList copies={[copy]} onDownload={vi.fn()} onDelete={vi.fn()} error="Couldn't delete the copy: gone" />);
    expect(screen.getByRole('alert').textContent).toBe("Couldn't delete the copy: gone");
  });
});
