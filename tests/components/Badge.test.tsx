import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Badge } from '@/components/Badge';
import type { ProfileVerdict } from '@/lib/verdict';
import { useLocale } from '../i18n-fake';
import { exact, posts, rounded, view } from './popup/views';

function show(verdict: ProfileVerdict, expanded = false) {
  const onToggle = vi.fn();
  const onSave = vi.fn();
  render(<Badge verdict={verdict} expanded={expanded} onToggle={onToggle} saved={false} onSave={onSave} theme="light" />);
  return { onToggle, onSave };
}

describe('Badge', () => {
  it('marks a micro-influencer clearly, with followers, rate, basis and verdict', () => {
    show(view({ followers: exact(4_200), posts: posts(12, { likes: 300, comments: 10 }) }).verdict);
    const pill = screen.getByRole('button', { name: /MICRO/ });
    expect(pill.textContent).toContain('4,200 followers');
    expect(pill.textContent).toMatch(/\d+\.\d\d% by followers/);
    expect(pill.getAttribute('aria-expanded')).toBe('false');
  });

  it.each([
    [2, true],
    [4, true],
    [5, false],
  ])('a rate from %i own posts is marked as from few posts, with no benchmark verdict: %s', (count, few) => {
    show(view({ followers: exact(4_200), posts: posts(count, { likes: 300, comments: 10 }) }).verdict);
    const pill = screen.getByRole('button', { name: /MICRO/ });
    expect(pill.textContent).toMatch(/\d+\.\d\d% by followers/);
    expect(pill.textContent?.includes(`from ${count} posts`)).toBe(few);
    // The verdict word ("above average", "high"…) sits in its own element after the rate.
    expect(pill.querySelector('.ms-verdict') === null).toBe(few);
  });

  it('says which tiers a rounded count could be in instead of pretending', () => {
    show(view({ followers: rounded(10_000, 9_500, 10_499), posts: posts(5) }).verdict);
    expect(screen.getByRole('button').textContent).toMatch(/Micro or Mid-tier · borderline/i);
    expect(screen.getByRole('button').textContent).toContain('≈10K followers');
  });

  // Issue 18: the row was labelled with the plural noun for a count of 2, a genitive in Polish.
  it.each([
    ['en', 'instagram', 'Followers'],
    ['pl', 'instagram', 'Obserwujący'],
    ['pl', 'youtube', 'Subskrybenci'],
    ['de', 'youtube', 'Abonnenten'],
  ] as const)('labels the audience row in %s on %s as %s', (locale, platform, label) => {
    useLocale(locale);
    show(view({ platform, followers: exact(4_200), posts: posts(12, { likes: 300, comments: 10 }) }).verdict, true);
    expect(document.querySelector('.ms-rows dt')!.textContent).toBe(label);
  });

  // Issue 18: the count and the noun were glued in English order ("4,200 フォロワー").
  it.each([
    ['ja', exact(4_200), 'フォロワー4,200人'],
    ['ko', rounded(12_000, 11_500, 12_499), '팔로워 ≈1.2만명'],
  ] as const)('writes the count with its noun as %s does', (locale, followers, expected) => {
    useLocale(locale);
    show(view({ followers, posts: posts(12, { likes: 300, comments: 10 }) }).verdict);
    expect(screen.getByRole('button').textContent).toContain(expected);
  });

  it('shows "Reading profile…" while the follower count is not there yet', () => {
    show(view({ posts: posts(3) }, 'reading').verdict);
    expect(screen.getByRole('button').textContent).toContain('Reading profile…');
  });

  it('says engagement is unknown, never 0%, when likes are hidden', () => {
    const hidden = posts(4).map((post) => ({ ...post, likesHidden: true }));
    show(view({ followers: exact(3_000), posts: hidden }).verdict, true);
    expect(screen.getByRole('button', { name: /MICRO/ }).textContent).toContain('engagement unknown');
    expect(screen.queryByText(/0\.00%/)).toBeNull();
    expect(screen.getByText(/hidden.*not zero/i)).toBeTruthy();
  });

  it('uses the platform\'s words: subscribers and videos on YouTube', () => {
    const videos = Array.from({ length: 3 }, (_, index) => ({ id: `v${index}`, views: exact(40_000) }));
    show(view({ platform: 'youtube', followers: rounded(2_470_000, 2_470_000, 2_479_999), posts: videos }).verdict, true);
    expect(screen.getAllByText(/≈2\.47M subscribers/).length).toBeGreaterThan(0);
    expect(screen.getByText(/view rate by subscribers/)).toBeTruthy();
    expect(screen.getByText('3 videos (median)')).toBeTruthy();
  });

  it('shows the numbers behind the verdict when expanded, and saves', () => {
    const { onSave, onToggle } = show(view({ followers: exact(4_200), posts: posts(12, { pinned: 1 }) }).verdict, true);
    const card = screen.getByRole('region', { name: /MicroScope details for @maya\.travels/ });
    expect(card.textContent).toContain('4,200 exact');
    expect(card.textContent).toMatch(/median of \(likes \+ comments\) ÷ followers over the 12 latest posts; 1 pinned post left out/);
    expect(card.textContent).toContain('Founding definition');
    expect(card.textContent).toMatch(/Modash/);
    fireEvent.click(screen.getByRole('button', { name: 'Save to shortlist' }));
    expect(onSave).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onToggle).toHaveBeenCalledOnce();
  });

  it('keeps Save the first control after the pill, with the signals folded below the actions', () => {
    show(view({ followers: exact(4_200), posts: posts(12) }).verdict, true);
    const card = screen.getByRole('region', { name: /MicroScope details for @maya\.travels/ });
    const controls = [...card.querySelectorAll('button, summary, a[href], input')];
    expect(controls[0]?.textContent).toBe('Save to shortlist');
    const folded = card.querySelector('details.ms-signals');
    expect(folded, 'the verdict carries signals: the card has them').not.toBeNull();
    expect(folded!.hasAttribute('open')).toBe(false);
    expect(folded!.querySelector('summary')!.textContent).toMatch(/^Signals/);
    expect(controls.indexOf(folded!.querySelector('summary')!)).toBeGreaterThan(controls.indexOf(screen.getByRole('button', { name: 'Close' })));
  });

  it('renders a hostile display name as text', () => {
    const { container } = render(
      <Badge
        verdict={view({ displayName: '<img src=x onerror=alert(1)>', handle: 'a<b>c', followers: exact(10) }).verdict}
        expanded
        onToggle={() => undefined}
        saved
        onSave={() => undefined}
        theme="dark"
      />,
    );
    expect(container.querySelector('img, b')).toBeNull();
    // The card is the region named after the profile (the Signals section inside it is another).
    expect(screen.getByRole('region', { name: /@a<b>c/ }).getAttribute('aria-label')).toContain('@a<b>c');
    expect(screen.getByRole('button', { name: 'Saved to shortlist ✓' }).hasAttribute('disabled')).toBe(true);
  });
});
