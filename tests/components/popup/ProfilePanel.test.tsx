import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProfilePanel, type ProfilePanelProps } from '@/components/popup/ProfilePanel';
import type { ProfileView } from '@/lib/model';
import { exact, posts, rounded, savedProfile, view } from './views';

afterEach(cleanup);

function renderPanel(profile: ProfileView, props: Partial<ProfilePanelProps> = {}) {
  const callbacks = {
    onSave: vi.fn(),
    onRemove: vi.fn(),
    onTagsChange: vi.fn(),
    onNoteChange: vi.fn(),
  };
  render(<ProfilePanel view={profile} saved={undefined} {...callbacks} {...props} />);
  return callbacks;
}

const roundedProfile = view({ followers: rounded(48_200, 48_150, 48_249), posts: posts(24, { pinned: 2 }) });

describe('ProfilePanel header and numbers', () => {
  it('names the platform, handle and display name', () => {
    renderPanel(roundedProfile);
    expect(screen.getByRole('heading', { level: 1, name: '@maya.travels' })).toBeTruthy();
    expect(screen.getByText('Instagram')).toBeTruthy();
    expect(screen.getByText('Maya Chen')).toBeTruthy();
  });

  it('marks a rounded follower count with its range', () => {
    renderPanel(roundedProfile);
    expect(screen.getByText('≈48.2K (48,150–48,249)')).toBeTruthy();
    expect(screen.getByText('rounded by the page')).toBeTruthy();
    expect(screen.queryByText('exact')).toBeNull();
  });

  it('marks an exact follower count as exact', () => {
    renderPanel(view({ followers: exact(9_500), posts: posts(12) }));
    expect(screen.getByText('9,500')).toBeTruthy();
    expect(screen.getByText('exact')).toBeTruthy();
    expect(screen.queryByText('rounded by the page')).toBeNull();
  });

  it('calls YouTube followers subscribers', () => {
    renderPanel(view({ platform: 'youtube', followers: exact(9_500) }));
    expect(screen.getByText('Subscribers')).toBeTruthy();
  });
});

describe('ProfilePanel tier', () => {
  it('shows the MICRO mark and the scheme for a micro count', () => {
    renderPanel(view({ followers: exact(9_500), posts: posts(12) }));
    const tier = screen.getByRole('region', { name: 'Tier' });
    expect(within(tier).getByText('Micro')).toBeTruthy();
    expect(within(tier).getByText('MICRO')).toBeTruthy();
    expect(within(tier).getByText('Micro (1K to under 10K followers)')).toBeTruthy();
    expect(within(tier).getByText('Scheme: Founding definition (micro < 10K)')).toBeTruthy();
    expect(within(tier).queryByRole('note')).toBeNull();
  });

  it('warns when a rounded count is borderline, listing the possible tiers', () => {
    // "10K" stands for 9,950–10,049: micro or mid-tier on the founding scheme.
    renderPanel(view({ followers: rounded(10_000, 9_950, 10_049), posts: posts(12) }));
    const tier = screen.getByRole('region', { name: 'Tier' });
    expect(within(tier).getByText('Micro or Mid-tier')).toBeTruthy();
    expect(within(tier).getByText('maybe MICRO')).toBeTruthy();
    expect(within(tier).getByRole('note').textContent).toBe(
      '⚠ Borderline: the page rounds the count, so the true count (9,950–10,049) could be Micro or Mid-tier.',
    );
  });

  it('says "not micro" for a count outside the micro tier', () => {
    renderPanel(roundedProfile);
    expect(screen.getByText('not micro')).toBeTruthy();
  });
});

describe('ProfilePanel engagement', () => {
  it('shows the headline with basis, approximate mark and range', () => {
    renderPanel(roundedProfile);
    const section = screen.getByRole('region', { name: 'Engagement' });
    expect(within(section).getByText(/^≈\d+\.\d\d%$/)).toBeTruthy();
    expect(within(section).getByText('approximate')).toBeTruthy();
    expect(within(section).getByText(/by followers/)).toBeTruthy();
    expect(within(section).getByText(/^Between \d+\.\d\d% and \d+\.\d\d% given the rounding\.$/)).toBeTruthy();
  });

  it('says the formula in words', () => {
    renderPanel(roundedProfile);
    expect(
      screen.getByText(/median of \(likes \+ comments\) ÷ followers over the 24 latest posts; 2 pinned posts left out/),
    ).toBeTruthy();
  });

  it('lists the secondary figures', () => {
    renderPanel(roundedProfile);
    const figures = screen.getByLabelText('More figures');
    expect(within(figures).getByText('Median · mean')).toBeTruthy();
    expect(within(figures).getByText('Mean − median')).toBeTruthy();
    expect(within(figures).getByText('Average likes')).toBeTruthy();
    expect(within(figures).getByText('Average comments')).toBeTruthy();
    expect(within(figures).getByText('20 per post')).toBeTruthy();
  });

  it("shows TikTok's lifetime likes per follower", () => {
    const videos = Array.from({ length: 5 }, (_, index) => ({
      id: `v${index}`,
      likes: exact(1_000),
      comments: exact(10),
      shares: exact(5),
      views: exact(20_000),
    }));
    renderPanel(view({ platform: 'tiktok', followers: exact(8_000), totalLikes: exact(96_000), posts: videos }));
    expect(screen.getByText('Lifetime likes')).toBeTruthy();
    expect(screen.getByText('12.0 per follower')).toBeTruthy();
    expect(screen.getByText('Views ÷ followers')).toBeTruthy();
    expect(screen.getByText(/by views/)).toBeTruthy();
  });

  it('explains a missing rate', () => {
    renderPanel(view({ followers: exact(9_500), posts: [{ id: 'a', likesHidden: true, likes: exact(0) }] }));
    expect(screen.getByText("Likes are hidden on this profile's posts: engagement unknown, not zero.")).toBeTruthy();
    expect(screen.getByText('No engagement rate to compare.')).toBeTruthy();
  });

  it('tells that the page is still being read', () => {
    renderPanel(view({ followers: exact(9_500) }, 'reading'));
    expect(screen.getByRole('status').textContent).toMatch(/Still reading the page/);
    expect(screen.getByText('Waiting for the posts to load…')).toBeTruthy();
  });
});

describe('ProfilePanel benchmark', () => {
  it('places the rate in its band, with source and year', () => {
    renderPanel(roundedProfile);
    const section = screen.getByRole('region', { name: 'Benchmark' });
    expect(
      within(section).getByText(
        /^(Below average|Typical|Above average|High) for 10K–50K followers \(average 0\.84–1\.11%, Modash Instagram engagement rate calculator, 2025\)$/,
      ),
    ).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Modash Instagram engagement rate calculator' })).toBeTruthy();
  });

  it('shows the caveat when a rounded count could fall in the next band', () => {
    renderPanel(view({ followers: rounded(50_000, 49_950, 50_049), posts: posts(12) }));
    expect(screen.getByRole('list', { name: 'Caveats' }).textContent).toMatch(/could fall in a neighbouring band/);
  });

  it('says why there is no comparison', () => {
    renderPanel(view({ followers: exact(500), posts: posts(12) }));
    expect(screen.getByText('Benchmarks start at 1,000 followers; this profile has 500.')).toBeTruthy();
  });
});

describe('ProfilePanel shortlist', () => {
  it('offers Save when the profile is not saved', () => {
    const callbacks = renderPanel(roundedProfile);
    fireEvent.click(screen.getByRole('button', { name: 'Save to shortlist' }));
    expect(callbacks.onSave).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Remove from shortlist' })).toBeNull();
    expect(screen.queryByLabelText('Note')).toBeNull();
  });

  it('hands the keyboard focus from Save to Remove and back once the shortlist changed', () => {
    const callbacks = { onSave: vi.fn(), onRemove: vi.fn(), onTagsChange: vi.fn(), onNoteChange: vi.fn() };
    const { rerender } = render(<ProfilePanel view={roundedProfile} saved={undefined} {...callbacks} />);
    const save = screen.getByRole('button', { name: 'Save to shortlist' });
    save.focus();
    fireEvent.click(save);
    rerender(<ProfilePanel view={roundedProfile} saved={savedProfile()} {...callbacks} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove from shortlist' }));

    fireEvent.click(screen.getByRole('button', { name: 'Remove from shortlist' }));
    rerender(<ProfilePanel view={roundedProfile} saved={undefined} {...callbacks} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save to shortlist' }));
  });

  it('leaves the focus alone when the shortlist changes elsewhere (another tab, the dashboard)', () => {
    const callbacks = { onSave: vi.fn(), onRemove: vi.fn(), onTagsChange: vi.fn(), onNoteChange: vi.fn() };
    const { rerender } = render(<ProfilePanel view={roundedProfile} saved={undefined} {...callbacks} />);
    rerender(<ProfilePanel view={roundedProfile} saved={savedProfile()} {...callbacks} />);
    expect(document.activeElement).toBe(document.body);
  });

  it('offers Remove, tags and a note when saved', () => {
    const callbacks = renderPanel(roundedProfile, { saved: savedProfile({ tags: ['travel'], note: 'Pitch in May' }) });
    expect(screen.queryByRole('button', { name: 'Save to shortlist' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove from shortlist' }));
    expect(callbacks.onRemove).toHaveBeenCalledOnce();

    const note = screen.getByLabelText('Note') as HTMLTextAreaElement;
    expect(note.value).toBe('Pitch in May');
    fireEvent.change(note, { target: { value: 'Pitch in June' } });
    expect(callbacks.onNoteChange).toHaveBeenCalledWith('Pitch in June');

    expect(within(screen.getByRole('list', { name: 'Tags' })).getByText('travel')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag travel' }));
    expect(callbacks.onTagsChange).toHaveBeenCalledWith([]);
  });

  it('shows what could not be read', () => {
    renderPanel(view({ followers: exact(9_500), posts: posts(3), notes: [{ key: 'siteFollowingNotFound' }] }));
    expect(screen.getByText('Following count not found in the profile header.')).toBeTruthy();
  });
});
