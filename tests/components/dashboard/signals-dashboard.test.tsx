import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortlistView, type ShortlistViewProps } from '@/components/dashboard/ShortlistView';
import { formatDate } from '@/lib/format';
import type { SavedProfile } from '@/lib/shortlist/schema';
import type { SnapshotSignals } from '@/lib/shortlist/signals-summary';
import { DEFAULT_TIER_SCHEME } from '@/lib/tiers';
import { byKey, exact, makeProfile } from '../../lib/shortlist-fixtures';

/*
 * Issue 16 in the dashboard: the signals columns, the two filters, the quoted price and what it
 * buys, the growth chart's marks. Queried by role and text, as a marketer reads them.
 */

afterEach(cleanup);

const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const DAY = 86_400_000;

function summary(newestDaysAgo: number, looks: (keyof SnapshotSignals['states'])[] = []): SnapshotSignals {
  const states: SnapshotSignals['states'] = {
    'low-engagement': 'fine',
    'comment-density': 'fine',
    'uniform-likes': 'fine',
    'viral-dependence': 'fine',
    'views-likes': 'fine',
    'following-ratio': 'fine',
  };
  for (const id of looks) states[id] = 'look';
  return {
    states,
    posts: 12,
    newestPost: new Date(NOW - newestDaysAgo * DAY).toISOString(),
    postsPerWeek: 2.5,
    engagements: exact(250),
    views: exact(20_000),
    impressions: exact(20_000),
    impressionsFrom: 'views',
  };
}

function withSummary(profile: SavedProfile, signals: SnapshotSignals, quote?: SavedProfile['quote']): SavedProfile {
  const history = profile.history.map((snapshot, index) => (index === profile.history.length - 1 ? { ...snapshot, signals } : snapshot));
  return quote ? { ...profile, history, quote } : { ...profile, history };
}

const START = '2025-02-20T10:00:00.000Z';
const ANA = withSummary(makeProfile({ platform: 'tiktok', handle: 'ana', followers: [50_000], start: START }), summary(3, ['comment-density']), { amount: 500, currency: 'EUR' });
// 10 100 → 20 000 followers in a day: a jump worth a look; newest post 45 days ago: inactive.
const BEN = withSummary(makeProfile({ handle: 'ben', followers: [10_000, 10_100, 20_000], start: START }), summary(45));
const CY = withSummary(makeProfile({ platform: 'youtube', handle: 'cy', followers: [300_000], start: START }), summary(2));
// Saved before the summary existed: unknown, never zero.
const OLD: SavedProfile = { ...makeProfile({ platform: 'x', handle: 'old', followers: [900], start: START }), quote: { amount: 100, currency: 'USD' } };

function setup(overrides: Partial<ShortlistViewProps> = {}) {
  const props: ShortlistViewProps = {
    profiles: byKey(ANA, BEN, CY, OLD),
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
  render(<ShortlistView {...props} />);
  return props;
}

function handles(): string[] {
  const table = screen.getByRole('table', { name: /saved profiles/i });
  const [, ...rows] = within(table).getAllByRole('row');
  return rows.map((row) => within(row).getAllByRole('rowheader')[0]!.querySelector('a')!.textContent!);
}

/** The text of a row's cell under a column header. */
function cell(handle: string, column: string): HTMLElement {
  const table = screen.getByRole('table', { name: /saved profiles/i });
  const headers = within(table).getAllByRole('columnheader');
  const index = headers.findIndex((header) => header.textContent!.startsWith(column));
  expect(index, `column ${column}`).toBeGreaterThan(-1);
  const row = screen.getByRole('row', { name: new RegExp(`@${handle}\\b`) });
  // The header row starts with the select-all cell, as every row starts with its checkbox.
  return row.children[index + 1] as HTMLElement;
}

describe('signals columns', () => {
  it.each<[string, string, string]>([
    ['ana', 'Posts/week', '2.5'],
    ['ana', 'Newest post', formatDate(NOW - 3 * DAY)],
    ['ana', 'Signals', '1'],
    // 20 000 median views ÷ 1,000 × TikTok's $5 default CPM.
    ['ana', 'Est. value', 'USD 100.00'],
    // 500 EUR ÷ 250 median engagements.
    ['ana', 'Cost/engagement', 'EUR 2.00'],
    ['ben', 'Signals', '2'],
    ['cy', 'Signals', '0'],
    // No quote: no cost, not a zero cost.
    ['cy', 'Cost/engagement', '–'],
    ['old', 'Posts/week', '–'],
    ['old', 'Newest post', '–'],
    ['old', 'Signals', 'unknown'],
    ['old', 'Est. value', '–'],
    ['old', 'Cost/engagement', '–'],
  ])('@%s, %s: %s', (handle, column, text) => {
    setup();
    expect(cell(handle, column).textContent).toBe(text);
  });

  it('names the signals worth a look on hover, and says why unknown ones are', () => {
    setup();
    expect(within(cell('ana', 'Signals')).getByTitle('Worth a look: Comments per 100 likes')).toBeTruthy();
    expect(within(cell('ben', 'Signals')).getByTitle('Worth a look: No recent post and Follower jump')).toBeTruthy();
    expect(within(cell('cy', 'Signals')).getByTitle('No signal worth a look')).toBeTruthy();
    expect(within(cell('old', 'Signals')).getByTitle(/^Unknown: no posts were stored/)).toBeTruthy();
  });

  it('an inactivity line of 60 days (the setting, once wired) clears "No recent post"', () => {
    setup({ signalOptions: { inactiveDays: 60 } });
    expect(cell('ben', 'Signals').textContent).toBe('1');
    expect(screen.getByRole('checkbox', { name: 'Active in the last 60 days' })).toBeTruthy();
  });

  it('sorts by signals, most first, unknown last', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: /^Signals/ }));
    expect(handles()).toEqual(['@ben', '@ana', '@cy', '@old']);
  });

  it('marks the follower jump on the growth sparkline', () => {
    setup();
    const marks = cell('ben', 'Growth').querySelectorAll('circle.sparkline-mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.getAttribute('data-index')).toBe('2');
    expect(cell('ana', 'Growth').querySelectorAll('circle')).toHaveLength(0);
  });
});

describe('signals filters', () => {
  it.each<[string, string[]]>([
    // ben's newest post is 45 days old; old's is unknown: neither is "active".
    ['Active in the last 30 days', ['@ana', '@cy']],
    // Only cy is known to have none; old is unknown, so not "none".
    ['No signals worth a look', ['@cy']],
  ])('%s', (name, expected) => {
    setup();
    fireEvent.click(screen.getByRole('checkbox', { name }));
    expect(handles().sort()).toEqual(expected);
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(handles()).toHaveLength(4);
    expect(screen.getByRole('checkbox', { name })).toHaveProperty('checked', false);
  });
});

describe('details: quoted price and signals', () => {
  const open = (handle: string): HTMLElement => {
    fireEvent.click(screen.getByRole('button', { name: `Details, tags and note for @${handle}` }));
    return screen.getByRole('complementary', { name: `@${handle}` });
  };

  it('shows what the quoted price buys', () => {
    setup();
    const panel = open('ana');
    const costs = Object.fromEntries(within(panel).getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling!.textContent]));
    expect(costs).toEqual({
      'Cost per engagement': 'EUR 2.00',
      // 500 ÷ 20 000 views × 1,000; 500 ÷ 50 000 followers × 1,000.
      'Cost per 1,000 views': 'EUR 25.00',
      'Cost per 1,000 followers': 'EUR 10.00',
    });
    expect(within(panel).getByLabelText('Amount')).toHaveProperty('value', '500');
    expect(within(panel).getByLabelText('Currency')).toHaveProperty('value', 'EUR');
  });

  it('saves a new price as typed, and an empty amount clears it', () => {
    const props = setup();
    const panel = open('ana');
    const save = within(panel).getByRole('button', { name: 'Save price' });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(within(panel).getByLabelText('Amount'), { target: { value: '1250.5' } });
    fireEvent.change(within(panel).getByLabelText('Currency'), { target: { value: ' GBP ' } });
    fireEvent.click(save);
    expect(props.onSaveQuote).toHaveBeenLastCalledWith('tiktok:ana', { amount: 1250.5, currency: 'GBP' });
    fireEvent.change(within(panel).getByLabelText('Amount'), { target: { value: '' } });
    fireEvent.click(save);
    expect(props.onSaveQuote).toHaveBeenLastCalledWith('tiktok:ana', undefined);
  });

  it.each([
    // A summary of 3 posts (stored before the minimum was asked for): no cost from posts.
    ['fewer than 5 posts read', { ...summary(2), posts: 3 }, 'unknown: fewer than 5 posts read', 'unknown: fewer than 5 posts read'],
    // 12 posts, views on too few of them (the summary keeps no median views).
    ['views on too few posts', { ...summary(2), views: undefined }, 'EUR 1.00', 'unknown: views shown on fewer than 5 posts'],
  ])('costs unknown from a summary with %s say why', (_case, signals, perEngagement, perViews) => {
    const few = withSummary(makeProfile({ platform: 'tiktok', handle: 'dee', followers: [40_000], start: START }), signals, { amount: 250, currency: 'EUR' });
    setup({ profiles: byKey(few) });
    const panel = open('dee');
    const shown = (term: string) => within(panel).getByText(term).nextElementSibling!.textContent;
    expect(shown('Cost per engagement')).toBe(perEngagement);
    expect(shown('Cost per 1,000 views')).toBe(perViews);
    expect(shown('Cost per 1,000 followers')).toBe('EUR 6.25');
  });

  it('a profile saved before posts were stored: its costs that need posts say why they are unknown', () => {
    setup();
    const panel = open('old');
    expect(within(panel).getByText('Cost per engagement').nextElementSibling!.textContent).toBe('unknown: no posts stored');
    expect(within(panel).getByText('Cost per 1,000 followers').nextElementSibling!.textContent).toBe('USD 111.11');
    expect(within(panel).getByText('Activity unknown: no dated post stored')).toBeTruthy();
    expect(within(panel).getByText('Estimated post value: no published CPM for this platform')).toBeTruthy();
  });

  it('lists the signals worth a look, the activity and value with their formula, and a growth chart with the jump marked', () => {
    setup();
    const panel = open('ben');
    const list = within(panel).getByRole('list', { name: 'Worth a look: No recent post and Follower jump' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['No recent post', 'Follower jump']);
    expect(within(panel).getByText(`Posts about 2.5 a week; newest ${formatDate(NOW - 45 * DAY)}`)).toBeTruthy();
    expect(within(panel).getByText('Estimated post value: USD 200.00 (median views ÷ 1,000 × a CPM of USD 10.00)')).toBeTruthy();
    const chart = within(panel).getByRole('img', { name: 'Follower counts over time; jumps worth a look marked in red: 1' });
    expect(chart.querySelectorAll('circle')).toHaveLength(1);
  });
});
