import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortlistView, type ShortlistViewProps } from '@/components/dashboard/ShortlistView';
import type { SavedProfile } from '@/lib/shortlist/schema';
import { DEFAULT_TIER_SCHEME } from '@/lib/tiers';
import { useLocale } from '../../i18n-fake';
import { byKey, makeProfile } from '../../lib/shortlist-fixtures';

afterEach(cleanup);

const NOW = Date.parse('2025-11-27T12:00:00.000Z');

const PROFILES = byKey(
  makeProfile({ handle: 'maya', displayName: 'Maya Travels', followers: [8_000, 8_800], engagement: 2.6, tags: ['travel', 'UK'], start: '2025-11-20T10:00:00.000Z' }),
  makeProfile({ platform: 'tiktok', handle: 'zoe', followers: [45_000], engagement: 9.1, tags: ['beauty'], note: 'asked for rates', start: '2025-11-25T10:00:00.000Z' }),
  makeProfile({ platform: 'x', handle: 'sam', followers: [500, 450], engagement: 0.4, start: '2025-10-01T10:00:00.000Z' }),
  makeProfile({ platform: 'youtube', handle: 'alex', displayName: '<img src=x onerror=alert(1)>', followers: [2_000_000], engagement: 12, tags: ['Travel'], start: '2025-11-26T10:00:00.000Z' }),
);

function setup(overrides: Partial<ShortlistViewProps> = {}) {
  const props: ShortlistViewProps = {
    profiles: PROFILES,
    scheme: DEFAULT_TIER_SCHEME,
    now: NOW,
    onRemove: vi.fn(),
    onSaveDetails: vi.fn(),
    onSaveQuote: vi.fn(),
    onExportCsv: vi.fn(),
    onExportBackup: vi.fn(),
    onImportFile: vi.fn(),
    onDismissImport: vi.fn(),
    ...overrides,
  };
  const view = render(<ShortlistView {...props} />);
  return { ...view, props, rerender: (next: Partial<ShortlistViewProps>) => view.rerender(<ShortlistView {...props} {...next} />) };
}

/** Handles of the body rows, top to bottom. */
function handles(): string[] {
  const table = screen.getByRole('table', { name: /saved profiles/i });
  const [, ...rows] = within(table).getAllByRole('row');
  return rows.map((row) => within(row).getAllByRole('rowheader')[0]!.querySelector('a')!.textContent!);
}

function header(name: string): HTMLElement {
  return screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
}

describe('table', () => {
  it('shows platform, handle link, tier, followers, engagement, benchmark, growth, tags and last seen', () => {
    setup();
    const row = screen.getByRole('row', { name: /@maya/ });
    const link = within(row).getByRole('link', { name: '@maya' });
    expect(link).toHaveProperty('href', 'https://www.instagram.com/maya/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    for (const text of ['Instagram', 'Maya Travels', 'Micro', '8,800', '2.60%', 'per follower', 'Typical', '+10.0%', 'travel', 'UK']) {
      expect(within(row).getByText(text)).toBeTruthy();
    }
    expect(within(row).getByRole('time').getAttribute('datetime')).toBe('2025-11-21T10:00:00.000Z');
  });

  it('writes the follower growth with the sign and "%" where Turkish puts them (issue 18)', () => {
    useLocale('tr');
    setup();
    // Intl's Turkish: "+%10,0"; the message around the number used to give "%+10,0".
    expect(within(screen.getByRole('row', { name: /@maya/ })).getByText('+%10,0')).toBeTruthy();
  });

  it('renders markup in names as text', () => {
    const { container } = setup();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('sorts by last seen, newest first, to begin with', () => {
    setup();
    expect(header('Last seen').getAttribute('aria-sort')).toBe('descending');
    expect(handles()).toEqual(['@alex', '@zoe', '@maya', '@sam']);
  });

  it.each([
    ['Followers', 'descending', ['@alex', '@zoe', '@maya', '@sam']],
    ['Engagement', 'descending', ['@alex', '@zoe', '@maya', '@sam']],
    ['Handle', 'ascending', ['@alex', '@maya', '@sam', '@zoe']],
    ['Platform', 'ascending', ['@maya', '@zoe', '@alex', '@sam']],
    ['Growth', 'descending', ['@maya', '@sam', '@alex', '@zoe']],
    ['Tier', 'descending', ['@alex', '@zoe', '@maya', '@sam']],
  ])('clicking %s sorts %s, clicking again reverses', (name, direction, order) => {
    setup();
    fireEvent.click(within(header(name)).getByRole('button'));
    expect(header(name).getAttribute('aria-sort')).toBe(direction);
    expect(header('Last seen').getAttribute('aria-sort')).toBe('none');
    expect(handles()).toEqual(order);
    fireEvent.click(within(header(name)).getByRole('button'));
    expect(header(name).getAttribute('aria-sort')).toBe(direction === 'ascending' ? 'descending' : 'ascending');
    if (name !== 'Growth') expect(handles()).toEqual([...order].reverse());
    // Rows without a value stay last either way.
    else expect(handles().at(-1)).toBe('@zoe');
  });
});

describe('filters', () => {
  it.each([
    ['Platform', 'TikTok', ['@zoe']],
    ['Tier', 'Micro', ['@maya']],
    ['Tag', 'travel', ['@alex', '@maya']],
  ])('by %s', (label, option, expected) => {
    setup();
    fireEvent.change(screen.getByLabelText(label), { target: { value: screen.getByRole('option', { name: option }).getAttribute('value') } });
    expect(handles()).toEqual(expected);
    expect(screen.getByText(`${expected.length} ${expected.length === 1 ? 'profile' : 'profiles'} of 4 match`)).toBeTruthy();
  });

  it('by text in handle, name and note', () => {
    setup();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'RATES' } });
    expect(handles()).toEqual(['@zoe']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'maya trav' } });
    expect(handles()).toEqual(['@maya']);
  });

  it('says when nothing matches, and clears', () => {
    setup();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'nobody' } });
    expect(screen.getByText('No saved profile matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(handles()).toHaveLength(4);
  });
});

describe('selection', () => {
  it('selects rows and removes them after confirmation', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @maya' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @sam' }));
    expect(screen.getByText('4 profiles · 2 selected')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove 2 selected' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove 2 profiles from your shortlist?' });
    expect(props.onRemove).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove 2 profiles' }));
    expect(props.onRemove).toHaveBeenCalledWith(['instagram:maya', 'x:sam']);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // The prompt's opener is disabled now (nothing selected): focus goes to the counts, not to the page's start.
    expect(document.activeElement).toBe(screen.getByText('4 profiles'));
  });

  it('cancelling the confirmation removes nothing', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @maya' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove 1 selected' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(props.onRemove).not.toHaveBeenCalled();
  });

  it('select-all takes every matching row, and the export follows the selection', () => {
    const { props } = setup();
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'travel' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 2 matching profiles' }));
    expect(screen.getByRole('checkbox', { name: 'Select @maya' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Select @alex' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('button', { name: 'Export 2 selected as CSV' }));
    expect((props.onExportCsv as ReturnType<typeof vi.fn>).mock.calls[0]![0].map((profile: SavedProfile) => profile.handle)).toEqual(['alex', 'maya']);
  });

  it('without a selection, exports what is shown', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export all 4 as CSV' }));
    expect((props.onExportCsv as ReturnType<typeof vi.fn>).mock.calls[0]![0]).toHaveLength(4);
    fireEvent.change(screen.getByLabelText('Platform'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export 1 shown as CSV' }));
    expect((props.onExportCsv as ReturnType<typeof vi.fn>).mock.calls[1]![0].map((profile: SavedProfile) => profile.handle)).toEqual(['sam']);
  });
});

describe('details', () => {
  it('edits tags and note of one profile and shows its history', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Details, tags and note for @maya' }));
    const panel = screen.getByRole('complementary', { name: '@maya' });
    expect(within(panel).getAllByRole('row')).toHaveLength(3); // header + two snapshots
    fireEvent.change(within(panel).getByLabelText('Tags'), { target: { value: 'travel, food , ' } });
    fireEvent.change(within(panel).getByLabelText('Note'), { target: { value: 'Rates: £200/post' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save tags and note' }));
    expect(props.onSaveDetails).toHaveBeenCalledWith('instagram:maya', ['travel', 'food'], 'Rates: £200/post');
  });

  it('splits the tags at Japanese commas and semicolons too (issue 18)', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Details, tags and note for @maya' }));
    const panel = screen.getByRole('complementary', { name: '@maya' });
    fireEvent.change(within(panel).getByLabelText('Tags'), { target: { value: '美容、旅行; food' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save tags and note' }));
    expect(props.onSaveDetails).toHaveBeenCalledWith('instagram:maya', ['美容', '旅行', 'food'], expect.any(String));
  });
});

describe('paging', () => {
  it('shows one page at a time', () => {
    const many = byKey(...Array.from({ length: 25 }, (_, index) => makeProfile({ handle: `creator${String(index).padStart(2, '0')}`, followers: [1_000 + index] })));
    setup({ profiles: many, pageSize: 10 });
    fireEvent.click(within(header('Handle')).getByRole('button'));
    expect(handles()).toHaveLength(10);
    expect(screen.getByText('1–10 of 25')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(handles()).toEqual(['@creator20', '@creator21', '@creator22', '@creator23', '@creator24']);
  });
});

describe('empty', () => {
  it('explains how to save profiles', () => {
    setup({ profiles: {} });
    expect(screen.getByRole('heading', { name: 'Your shortlist is empty' })).toBeTruthy();
    expect(screen.getByText(/Open a creator's profile on Instagram, TikTok, YouTube, X, Bluesky or Threads and press/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByLabelText('Import backup…')).toBeTruthy();
  });
});

describe('while the whole shortlist is still being read (its stored first page shown)', () => {
  it('shows the first page with the full count, says it is loading, and lets nothing be used yet', () => {
    const { container, rerender } = setup({ pageSize: 2, loadingTotal: 5_000 });
    expect(screen.getByText('5,000 profiles · Loading…')).toBeTruthy();
    // The two newest of the page given, as the full table would order them.
    expect(handles()).toEqual(['@alex', '@zoe']);
    expect(screen.getByText('1–2 of 5,000')).toBeTruthy();
    const view = container.querySelector('.shortlist-view')!;
    expect(view.hasAttribute('inert')).toBe(true);
    expect(view.getAttribute('aria-busy')).toBe('true');

    rerender({ pageSize: 2, loadingTotal: undefined });
    expect(screen.getByText('4 profiles')).toBeTruthy();
    expect(screen.getByText('1–2 of 4')).toBeTruthy();
    expect(view.hasAttribute('inert')).toBe(false);
    expect(view.hasAttribute('aria-busy')).toBe(false);
  });
});
