import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ProfilePanel } from '@/components/popup/ProfilePanel';
import type { ProfileView } from '@/lib/model';
import { signalsOf } from '@/lib/signals';
import { valueEstimate } from '@/lib/signals/value';
import { exact, posts, view } from './views';

const NOW = Date.UTC(2026, 11, 6, 12);

function renderPanel(profile: ProfileView) {
  render(<ProfilePanel view={profile} saved={undefined} onSave={vi.fn()} onRemove={vi.fn()} onTagsChange={vi.fn()} onNoteChange={vi.fn()} />);
}

/** A popup view whose verdict carries signals, as buildVerdict makes it with signals on. */
function withSignals(count: number, comments: number): ProfileView {
  const profile = view({ followers: exact(20_000), following: exact(400), posts: posts(count, { likes: 500, comments }) });
  const sample = profile.snapshot.posts;
  return {
    ...profile,
    verdict: {
      ...profile.verdict,
      signals: signalsOf({ platform: 'instagram', now: NOW, posts: sample, followers: exact(20_000), following: exact(400) }),
      value: valueEstimate(sample, 'instagram', { cpm: 10, currency: 'EUR' }),
    },
  };
}

describe('ProfilePanel: signals', () => {
  it('a Signals section with its own heading, after the benchmark, with the value estimate', () => {
    renderPanel(withSignals(12, 5));
    const section = screen.getByRole('region', { name: 'Signals' });
    expect(screen.getByRole('heading', { level: 2, name: 'Signals' })).toBeTruthy();
    expect(within(section).getByRole('heading', { level: 3, name: 'Value estimate' })).toBeTruthy();
    // 5 comments on ~550 likes: under 2 per 100 likes.
    expect(within(section).getByText('Comment density').closest('li')!.textContent).toMatch(/worth a look.*0\.9 comments per 100 likes/);
    expect(within(section).getByText(/^Price of a post: EUR /)).toBeTruthy();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings.indexOf('Signals')).toBe(headings.indexOf('Benchmark') + 1);
  });

  it('three posts: says why the signals are unknown', () => {
    renderPanel(withSignals(3, 20));
    expect(screen.getByText("From 3 posts: signals that compare posts need at least 5 own posts, as the median of fewer is one post's luck (activity needs only a dated post).")).toBeTruthy();
  });

  it('signals off (the verdict carries none): no section', () => {
    const profile = view({ followers: exact(20_000), posts: posts(12) });
    const { signals: _signals, value: _value, ...off } = profile.verdict;
    renderPanel({ ...profile, verdict: off });
    expect(screen.queryByRole('region', { name: 'Signals' })).toBeNull();
    expect(screen.queryByText(/worth a look/)).toBeNull();
  });
});
