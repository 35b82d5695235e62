import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Badge } from '@/components/Badge';
import { TierChip as DashboardTierChip } from '@/components/dashboard/TierChip';
import { Loading } from '@/components/popup/Loading';
import { NoContentScript } from '@/components/popup/NoContentScript';
import { NotAProfile } from '@/components/popup/NotAProfile';
import { Unreadable } from '@/components/popup/Unreadable';
import { UnsupportedSite } from '@/components/popup/UnsupportedSite';
import { TIERS } from '@/lib/tiers';
import { exact, posts, view } from './popup/views';

afterEach(cleanup);

const now = new Date('2025-11-27T12:00:00.000Z');

describe('accessibility attributes', () => {
  it.each([
    ['Loading', () => <Loading handle="maya.travels" platform="instagram" />],
    ['NoContentScript', () => <NoContentScript platform="x" reloading={false} onReload={() => undefined} />],
    ['NotAProfile', () => <NotAProfile platform="tiktok" recent={[]} now={now} />],
    ['UnsupportedSite', () => <UnsupportedSite supported={['instagram']} recent={[]} now={now} />],
    [
      'Unreadable',
      () => <Unreadable verdict={view({ posts: [] }).verdict} onCopyDiagnostics={() => undefined} copyStatus="idle" />,
    ],
  ])('popup state %s has one level-one heading (what a screen reader jumps to first)', (_name, state) => {
    render(state());
    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings).toHaveLength(1);
    expect(headings[0]!.textContent?.trim()).not.toBe('');
  });

  it('badge: the pill says whether the card is open and which element it opens; Escape closes and returns focus', () => {
    const verdict = view({ followers: exact(4_200), posts: posts(12, { likes: 300, comments: 10 }) }).verdict;
    function Harness() {
      const [expanded, setExpanded] = useState(false);
      return <Badge verdict={verdict} expanded={expanded} onToggle={() => setExpanded((open) => !open)} saved={false} onSave={() => undefined} theme="dark" />;
    }
    render(<Harness />);
    const pill = screen.getAllByRole('button')[0]!;
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(pill);
    expect(pill.getAttribute('aria-expanded')).toBe('true');
    const card = document.getElementById(pill.getAttribute('aria-controls') ?? '');
    expect(card, 'aria-controls names the open card').not.toBeNull();
    const buttons = card!.querySelectorAll('button');
    (buttons[buttons.length - 1] as HTMLButtonElement).focus();
    fireEvent.keyDown(buttons[buttons.length - 1]!, { key: 'Escape' });
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(pill);
  });

  it.each(TIERS)('dashboard tier chip for %s carries the tier in words, not colour alone', (tier) => {
    const { container } = render(<DashboardTierChip tier={tier} />);
    expect(container.textContent?.trim().length).toBeGreaterThan(2);
  });
});
