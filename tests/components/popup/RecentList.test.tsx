import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RecentList, timeAgo, type RecentItem } from '@/components/popup/RecentList';
import { exact, rounded } from './views';

afterEach(cleanup);

const now = new Date('2025-11-27T12:00:00.000Z');

const recent: RecentItem[] = [
  {
    platform: 'instagram',
    handle: 'maya.travels',
    url: 'https://www.instagram.com/maya.travels/',
    at: '2025-11-27T11:55:00.000Z',
    displayName: 'Maya Chen',
    tier: 'micro',
    followers: exact(9_500),
    engagementPercent: 3.456,
  },
  {
    platform: 'tiktok',
    handle: 'chef.li',
    url: 'https://www.tiktok.com/@chef.li',
    at: '2025-11-26T09:00:00.000Z',
    tier: 'mid',
    followers: rounded(48_200, 48_150, 48_249),
  },
  { platform: 'x', handle: 'odd', url: 'javascript:alert(1)', at: '2025-11-01T00:00:00.000Z' },
];

describe('RecentList', () => {
  it('lists each profile with a link, platform, tier, followers and engagement', () => {
    render(<RecentList recent={recent} now={now} />);
    const list = screen.getByRole('region', { name: 'Last profiles viewed' });
    const [first, second, third] = within(list).getAllByRole('listitem');

    const link = within(first!).getByRole('link', { name: '@maya.travels' });
    expect(link.getAttribute('href')).toBe('https://www.instagram.com/maya.travels/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(within(first!).getByText('Micro')).toBeTruthy();
    expect(within(first!).getByText('9,500 followers')).toBeTruthy();
    expect(within(first!).getByText('3.46%')).toBeTruthy();
    expect(within(first!).getByText('5 minutes ago')).toBeTruthy();
    expect(within(first!).getByText(/Maya Chen · Instagram/)).toBeTruthy();

    expect(within(second!).getByText('≈48.2K followers')).toBeTruthy();
    expect(within(second!).getByText('ER unknown')).toBeTruthy();
    expect(within(second!).getByText('Mid-tier')).toBeTruthy();

    // A stored URL that isn't a web page is not a link.
    expect(within(third!).queryByRole('link')).toBeNull();
    expect(within(third!).getByText('@odd')).toBeTruthy();
  });

  it('says how to fill it when empty', () => {
    render(<RecentList recent={[]} now={now} />);
    expect(screen.getByText('Profiles you open on a supported site show up here.')).toBeTruthy();
  });

  it('shows at most `limit` profiles', () => {
    render(<RecentList recent={recent} now={now} limit={2} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});

describe('timeAgo', () => {
  it.each([
    ['2025-11-27T11:59:40.000Z', 'just now'],
    ['2025-11-27T11:55:00.000Z', '5 minutes ago'],
    ['2025-11-27T09:00:00.000Z', '3 hours ago'],
    ['2025-11-26T09:00:00.000Z', 'yesterday'],
    ['2025-11-13T12:00:00.000Z', '2 weeks ago'],
    ['2024-11-27T12:00:00.000Z', 'last year'],
    ['not a date', ''],
  ])('%s → %j', (iso, expected) => {
    expect(timeAgo(iso, now)).toBe(expected);
  });
});
