import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Badge } from '@/components/Badge';
import { Signals, type SignalsProps } from '@/components/Signals';
import type { CountReading } from '@/lib/count';
import type { Platform } from '@/lib/platforms';
import type { SavedSnapshot } from '@/lib/shortlist/schema';
import { signalsOf, type SignalsInput } from '@/lib/signals';
import { valueEstimate } from '@/lib/signals/value';
import type { PostCounts } from '@/lib/sites/types';
import type { ProfileVerdict } from '@/lib/verdict';
import { LOCALES, useLocale } from '../i18n-fake';
import { exact, posts as plainPosts, rounded, view } from './popup/views';

// The badge's Signals section: these tests also run under Preact (vitest.config.ts CONTENT_SCRIPT_UI_TESTS).

const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;

/** A TikTok id that decodes to `at` (its top 32 bits are Unix seconds). */
const tiktokId = (at: number, index: number): string => ((BigInt(Math.floor(at / 1000)) << 32n) | BigInt(index)).toString();

/** Invented TikTok videos, one every `every` days from `newest` days ago, with these likes. */
function videos(likes: readonly number[], extra: (index: number) => Partial<PostCounts> = () => ({}), newest = 2, every = 2): PostCounts[] {
  return likes.map((count, index) => ({
    id: tiktokId(NOW - (newest + index * every) * DAY, index),
    likes: exact(count),
    ...extra(index),
  }));
}

function report(input: Partial<SignalsInput> & { posts: readonly PostCounts[] }) {
  return signalsOf({ platform: 'tiktok', now: NOW, followers: exact(20_000), ...input });
}

function show(props: Partial<SignalsProps> & Pick<SignalsProps, 'report'>) {
  return render(<Signals platform="tiktok" {...props} />);
}

/** The list item of one signal, found by its name. */
function line(name: string | RegExp): HTMLElement {
  const item = screen.getAllByRole('listitem').find((element) => element.querySelector('.sig-name')?.textContent?.match(name));
  if (!item) throw new Error(`No signal line named ${String(name)}`);
  return item;
}

// Eight videos of an uneven, real-looking audience: 4 comments per 100 likes, 10 % of views liked.
const HEALTHY_LIKES = [1_200, 800, 2_300, 950, 1_600, 700, 1_900, 1_100];
const healthy = videos(HEALTHY_LIKES, (index) => ({ comments: exact(Math.round(HEALTHY_LIKES[index]! * 0.04)), views: exact(HEALTHY_LIKES[index]! * 10) }));

describe('Signals: one line per signal with state, value and rule', () => {
  it('a healthy profile: fine lines with the measured value and the rule from the rule data', () => {
    show({ report: report({ posts: healthy, following: exact(300) }) });
    expect(screen.getByText('Signals')).toBeTruthy();
    const density = line('Comment density');
    expect(density.textContent).toContain('fine');
    expect(density.textContent).toContain('4.0 comments per 100 likes');
    // SIGNAL_RULES comment-density-low / -high: 2 and 5.
    expect(density.textContent).toContain('healthy: 2 to 5 comments per 100 likes');
    expect(line('Views vs likes').textContent).toMatch(/fine.*0\.10 likes per view.*above 1: more likes than views/);
    expect(line('Likes spread').textContent).toMatch(/fine.*spread 0\.\d\d.*under 0\.1/);
    expect(line('Following ratio').textContent).toMatch(/fine.*follows 0\.02 accounts per follower.*above 1 while following more than 1,500 accounts/);
    expect(line('Reach').textContent).toMatch(/for information.*median views: \d+\.\d\d% of followers.*no threshold/);
  });

  it('worth a look: says so, with the value that crossed the rule', () => {
    // 1 comment per 100 likes, one video carries the account, every like count the same.
    const sample = videos([1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 30_000], () => ({ comments: exact(10) }));
    show({ report: report({ posts: sample, following: exact(7_500), followers: exact(3_000) }) });
    expect(line('Comment density').textContent).toMatch(/worth a look.*1\.0 comments per 100 likes/);
    expect(line('Viral dependence').textContent).toMatch(/worth a look.*mean \d\.\d × the median engagements.*above 2 ×/);
    expect(line('Following ratio').textContent).toMatch(/worth a look.*follows 2\.50 accounts per follower/);
  });

  it('activity: worth a look past the inactivity days of the settings, which the rule states', () => {
    show({ report: report({ posts: videos([100, 100], () => ({}), 45), inactiveDays: 40 }) });
    expect(line('Activity').textContent).toMatch(/worth a look.*newest own post 45 days ago.*after more than 40 days without an own post/);
  });

  it('activity today, and a following ratio under 0.01 to its first significant digit (not "0 days", not "0.00")', () => {
    show({ report: report({ posts: videos([100, 100], () => ({}), 0.2), following: exact(189), followers: exact(312_418) }) });
    expect(line('Activity').textContent).toMatch(/fine.*newest own post today/);
    expect(line('Following ratio').textContent).toMatch(/fine.*follows 0\.0006 accounts per follower/);
  });

  it('never calls anyone fake and gives no score', () => {
    const sample = videos([1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 30_000], () => ({ comments: exact(10) }));
    const { container } = show({ report: report({ posts: sample }) });
    // Our words, not the titles of the sources cited ("five ways to spot fake influencers").
    for (const source of container.querySelectorAll('details')) source.remove();
    expect(container.textContent).toContain('worth a look');
    expect(container.textContent).not.toMatch(/fake|score|bot/i);
    expect(container.textContent).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('Signals: unknown says why', () => {
  it.each([
    ['three videos', videos([100, 200, 300], () => ({ comments: exact(5) })), 'Comment density', 'too few own posts: needs at least 5'],
    ['seven videos for the likes spread (it needs 8)', videos([1, 2, 3, 4, 5, 6, 7]), 'Likes spread', 'too few own posts: needs at least 8'],
    ['likes hidden', videos([5, 5, 5, 5, 5], () => ({ likesHidden: true, comments: exact(2) })), 'Comment density', "likes are hidden on this profile's posts"],
    ['no comment counts', videos([100, 100, 100, 100, 100]), 'Comment density', 'the page shows no comment counts'],
    ['no views', videos([100, 100, 100, 100, 100]), 'Views vs likes', 'the page shows no view counts'],
    ['rounded likes', videos([1, 1, 1, 1, 1, 1, 1, 1], () => ({ likes: rounded(1_200, 1_150, 1_249) })), 'Likes spread', 'the page rounds the counts'],
    ['no saved history', videos([100]), 'Follower growth', 'needs two saved snapshots'],
  ])('%s', (_title, sample, name, words) => {
    show({ report: report({ posts: sample }) });
    const item = line(name);
    expect(item.textContent).toContain('unknown');
    expect(item.textContent).toContain(words);
  });

  it('no post dates: the activity line and the activity signal say so (Instagram shortcodes)', () => {
    const sample = [{ id: 'C3xYzAbCdEf', likes: exact(10) }];
    show({ report: signalsOf({ platform: 'instagram', now: NOW, posts: sample }), platform: 'instagram' });
    expect(screen.getByText('Posting activity unknown: the page shows no post dates')).toBeTruthy();
    expect(line('Activity').textContent).toMatch(/unknown.*the page shows no post dates/);
  });

  it('no following count (YouTube shows none) and no follower count', () => {
    show({ report: report({ posts: healthy, followers: undefined }) });
    expect(line('Following ratio').textContent).toContain('the page shows no following count');
    expect(line('Reach').textContent).toContain('the audience size is unknown');
  });

  it('growth from saved snapshots: a round jump is worth a look', () => {
    const snapshot = (at: string, followers: CountReading): SavedSnapshot => ({ at, followers }) as SavedSnapshot;
    const history = [snapshot('2026-11-01T10:00:00.000Z', exact(20_000)), snapshot('2026-11-20T10:00:00.000Z', exact(21_000))];
    show({ report: report({ posts: healthy, history }) });
    expect(line('Follower growth').textContent).toMatch(/worth a look.*a jump of exactly 1,000 followers between two saves/);
  });
});

describe('Signals: sources on demand', () => {
  it('each line folds its source: closed at first, a link to a new tab without opener or referrer', () => {
    show({ report: report({ posts: healthy }) });
    const density = line('Comment density');
    const details = density.querySelector('details')!;
    expect(details.open).toBe(false);
    const summary = within(density).getByText('Source');
    expect(summary.closest('summary')?.textContent).toBe('Source (Comment density)');
    fireEvent.click(summary.closest('summary')!);
    const link = within(density).getByRole('link', { name: /help\.buzzguru\.com/ });
    expect(link.getAttribute('href')).toBe('https://help.buzzguru.com/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toContain('(opens in a new tab)');
    // Both sources of the rule, and the date it was read.
    expect(within(density).getByRole('link', { name: /help\.hypeauditor\.com\/en\/articles\/2541185/ })).toBeTruthy();
    expect(density.querySelector('details')!.textContent).toContain('(2026-12)');
  });

  it('a signal with several rules of one source lists it once (growth: popularpays)', () => {
    show({ report: report({ posts: healthy }) });
    const links = within(line('Follower growth')).getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(links).toEqual(['https://support.popularpays.com/en/articles/2959087', 'https://support.popularpays.com/en/articles/2959095']);
  });

  it('a source given as a path after a URL links to that sibling article (HypeAuditor "…/2771120; /3192822")', () => {
    show({ report: report({ posts: healthy }) });
    const links = within(line('Following ratio')).getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(links).toEqual(['https://help.hypeauditor.com/en/articles/2771120', 'https://help.hypeauditor.com/en/articles/3192822']);
  });
});

describe('Signals: activity line', () => {
  it('posts per week and the newest date', () => {
    // Eight videos two days apart, the newest 2 days ago: (8 − 1) × 7 ÷ 14 = 3.5 a week.
    show({ report: report({ posts: healthy }) });
    expect(screen.getByText(/^Posts ~3\.5 a week, newest Dec 4, 2026$/)).toBeTruthy();
  });

  it("says approximate where the page's dates are (YouTube's \"3 weeks ago\")", () => {
    const sample = [0, 1, 2].map((index) => ({ id: `v${index}`, postedAt: NOW - (7 + index * 7) * DAY, postedAtApprox: true }));
    show({ report: signalsOf({ platform: 'youtube', now: NOW, posts: sample }), platform: 'youtube' });
    expect(screen.getByText(/^Posts ~1\.0 a week, newest around Nov 29, 2026 \(approximate dates/)).toBeTruthy();
  });

  it('one dated post: the newest date only', () => {
    show({ report: report({ posts: videos([10]) }) });
    expect(screen.getByText('Newest own post Dec 4, 2026')).toBeTruthy();
  });
});

describe('Signals: value estimate', () => {
  it('price and earned media value from views, with the formula and the currency label', () => {
    const sample = videos([1, 1, 1, 1, 1], () => ({ views: exact(50_000) }));
    show({ report: report({ posts: sample }), value: valueEstimate(sample, 'tiktok', { cpm: 5, currency: 'EUR' }) });
    expect(screen.getByText('Value estimate')).toBeTruthy();
    expect(screen.getByText('Price of a post: EUR 250')).toBeTruthy();
    expect(screen.getByText('Earned media value (5 videos): EUR 1,250')).toBeTruthy();
    expect(screen.getByText(/^Median views per post \(50,000\) ÷ 1,000 × CPM EUR 5\.00\. The currency is your label/)).toBeTruthy();
  });

  it('a range where the page rounded the counts', () => {
    const sample = videos([1, 1, 1, 1, 1], () => ({ views: rounded(100_000, 95_000, 104_999) }));
    show({ report: report({ posts: sample }), value: valueEstimate(sample, 'tiktok', { cpm: 20, currency: 'USD' }) });
    expect(screen.getByText('Price of a post: USD 2,000 (USD 1,900 to USD 2,100, from rounded counts)')).toBeTruthy();
    expect(screen.getByText(/^Median views per post \(≈100,000\) ÷ 1,000 × CPM USD 20\.00\./)).toBeTruthy();
  });

  it('no range where the rounding vanishes in the shown precision (125,150 ± 50 views at $5: USD 626 either way)', () => {
    const sample = videos([1, 1, 1, 1, 1], () => ({ views: rounded(125_150, 125_100, 125_199) }));
    show({ report: report({ posts: sample }), value: valueEstimate(sample, 'tiktok', { cpm: 5, currency: 'USD' }) });
    expect(screen.getByText('Price of a post: USD 626')).toBeTruthy();
  });

  it('likes × 10 where no views are shown, said in the formula', () => {
    const sample = videos([300, 300, 300, 300, 300]);
    show({ report: report({ posts: sample }), value: valueEstimate(sample, 'instagram', { cpm: 10, currency: 'USD' }), platform: 'instagram' });
    expect(screen.getByText('Price of a post: USD 30.00')).toBeTruthy();
    expect(screen.getByText(/^No views shown: median likes × 10 per post \(3,000 impressions/)).toBeTruthy();
  });

  it.each([
    ['no CPM for X', 'x', videos([300, 300, 300, 300, 300]), 'No estimate: no CPM is set for X (dashboard, Settings).'],
    ['three posts', 'tiktok', videos([300, 300, 300]), 'No estimate: fewer than 5 own posts with views or likes.'],
    ['likes hidden', 'instagram', videos([3, 3, 3, 3, 3], () => ({ likesHidden: true })), 'No estimate: likes are hidden and no views are shown.'],
  ] as const)('%s: no estimate, and why', (_title, platform: Platform, sample, words) => {
    show({ report: report({ posts: sample }), value: valueEstimate(sample, platform), platform });
    expect(screen.getByText(words)).toBeTruthy();
    expect(screen.queryByText(/Price of a post/)).toBeNull();
  });
});

describe('Signals: below the minimum sample', () => {
  it('says why, with the minimum', () => {
    const sample = videos([100, 200, 300], () => ({ comments: exact(5) }));
    show({ report: report({ posts: sample }), sample: 3 });
    expect(screen.getByText("From 3 videos: signals that compare posts need at least 5 own posts, as the median of fewer is one post's luck (activity needs only a dated post).")).toBeTruthy();
  });

  it('says nothing of it from five posts on', () => {
    show({ report: report({ posts: healthy }), sample: 8 });
    expect(screen.queryByText(/signals that compare posts need at least/)).toBeNull();
  });
});

describe('the badge with signals', () => {
  const flagged = videos([1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 30_000], () => ({ comments: exact(10) }));

  function badge(verdict: ProfileVerdict, expanded = false) {
    render(<Badge verdict={verdict} expanded={expanded} onToggle={vi.fn()} saved={false} onSave={vi.fn()} theme="light" />);
  }

  function withSignals(sample: PostCounts[]): ProfileVerdict {
    const { verdict } = view({ platform: 'tiktok', handle: 'pods.and.giveaways', followers: exact(20_000), posts: sample });
    return { ...verdict, signals: report({ posts: sample }), value: valueEstimate(sample, 'tiktok') };
  }

  it('the collapsed badge marks signals worth a look, in words for screen readers', () => {
    const verdict = withSignals(flagged);
    const count = verdict.signals!.flags.length;
    expect(count).toBeGreaterThan(1);
    badge(verdict);
    const pill = screen.getByRole('button', { name: new RegExp(`${count} signals worth a look`) });
    expect(pill.querySelector('.ms-flag [aria-hidden="true"]')?.textContent).toBe(`⚑ ${count}`);
  });

  it('one signal worth a look: singular words', () => {
    const sample = videos(HEALTHY_LIKES, (index) => ({ comments: exact(Math.round(HEALTHY_LIKES[index]! * 0.01)) }));
    const verdict = withSignals(sample);
    expect(verdict.signals!.flags).toEqual(['comment-density']);
    badge(verdict);
    expect(screen.getByRole('button', { name: /1 signal worth a look/ })).toBeTruthy();
  });

  it('no mark when every signal is fine or unknown', () => {
    badge(withSignals(healthy));
    expect(screen.getByRole('button').querySelector('.ms-flag')).toBeNull();
    expect(screen.getByRole('button').textContent).not.toContain('worth a look');
  });

  it('the card shows the Signals section, its activity line and the value estimate', () => {
    badge(withSignals(flagged), true);
    // Named by the fold's title ("Signals · 4 signals worth a look"), which it does not repeat.
    const section = screen.getByRole('region', { name: /^Signals · \d signals worth a look$/ });
    expect(within(section).queryByText('Signals')).toBeNull();
    expect(within(section).getByText(/^Posts ~\d\.\d a week, newest/)).toBeTruthy();
    expect(within(section).getByText('Value estimate')).toBeTruthy();
    // No heading on a third-party page: the card's titles are plain text.
    expect(within(section).queryAllByRole('heading')).toHaveLength(0);
  });

  it('signals off (the verdict carries none): no section and no mark', () => {
    const { verdict } = view({ platform: 'tiktok', followers: exact(20_000), posts: flagged });
    badge({ ...verdict, signals: undefined, value: undefined }, true);
    expect(screen.queryByRole('region', { name: /^Signals/ })).toBeNull();
    expect(screen.queryByText(/worth a look/)).toBeNull();
    expect(document.querySelector('.ms-flag')).toBeNull();
  });

  it('few posts: the card says why signals are unknown', () => {
    const sample = plainPosts(3);
    const { verdict } = view({ followers: exact(4_200), posts: sample });
    badge({ ...verdict, signals: signalsOf({ platform: 'instagram', now: NOW, posts: sample, followers: exact(4_200) }) }, true);
    expect(screen.getByText("From 3 posts: signals that compare posts need at least 5 own posts, as the median of fewer is one post's luck (activity needs only a dated post).")).toBeTruthy();
  });
});

describe('Signals in every UI language', () => {
  const flagged = videos([1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 30_000], () => ({ comments: exact(10), views: rounded(12_000, 11_950, 12_049) }));
  const STATE_LOOK = {
    en: 'worth a look',
    es: 'merece una mirada',
    de: 'einen Blick wert',
    pt_BR: 'vale uma olhada',
    fr: 'à vérifier',
    it: 'da verificare',
    nl: 'nader bekijken',
    ja: '要確認',
    ko: '확인 필요',
    id: 'perlu dicek',
    pl: 'warto sprawdzić',
    tr: 'incelemeye değer',
    pt_PT: 'a verificar',
  } as const;

  it.each(LOCALES)('%s: every line in words, no key or placeholder left', (locale) => {
    useLocale(locale);
    const { container } = show({ report: report({ posts: flagged, following: exact(7_500) }), value: valueEstimate(flagged, 'tiktok', { cpm: 5, currency: 'EUR' }), sample: 3 });
    const text = container.textContent!;
    expect(text).toContain(STATE_LOOK[locale]);
    expect(text).toContain('EUR');
    // t() shows the key where a message is missing; a $NAME$ or $1 left over is a broken placeholder.
    expect(text).not.toMatch(/\b(signal|value|activity|money|opensInNewTab)[A-Z]\w*|\$[A-Z0-9]/);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });
});
