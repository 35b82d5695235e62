import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountReading } from '@/lib/count';
import type { ProfileView } from '@/lib/model';
import type { Platform } from '@/lib/platforms';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { applyPatch, checkPatch } from '@/lib/shortlist/patches';
import { checkProfile, mergeProfile, newProfile, normaliseQuote, numbersChanged, snapshotOf, type SavedSnapshot } from '@/lib/shortlist/schema';
import {
  growthAnomalies,
  inactiveState,
  signalStates,
  signalsSummaryOf,
  storedQuoteCosts,
  storedValue,
  type SnapshotSignals,
} from '@/lib/shortlist/signals-summary';
import { growthSpike } from '@/lib/signals';
import { quoteCosts } from '@/lib/signals/value';
import type { PostCounts } from '@/lib/sites/types';
import { buildVerdict } from '@/lib/verdict';
import { exact, makeProfile } from '../shortlist-fixtures';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const DAY = 86_400_000;
const AT = new Date(NOW).toISOString();

function viewOf(posts: PostCounts[], options: { platform?: Platform; followers?: number; following?: number } = {}): ProfileView {
  const platform = options.platform ?? 'instagram';
  const snapshot = {
    platform,
    handle: 'maya',
    locale: 'en',
    followers: exact(options.followers ?? 10_000),
    following: options.following === undefined ? undefined : exact(options.following),
    posts,
    notes: [],
  };
  return { url: 'https://www.instagram.com/maya/', snapshot, verdict: buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled') };
}

/** Twelve Instagram posts, one every `every` days from `newest` days ago, with `likes` each (and 10 comments, likes × 10 views). */
function posts(count: number, options: { newest?: number; every?: number; likes?: (index: number) => number; views?: boolean } = {}): PostCounts[] {
  const { newest = 1, every = 3, likes = () => 200, views = true } = options;
  return Array.from({ length: count }, (_, index) => {
    const post: PostCounts = { id: `p${index}`, likes: exact(likes(index)), comments: exact(10), postedAt: NOW - (newest + index * every) * DAY };
    if (views) post.views = exact(likes(index) * 10);
    return post;
  });
}

describe('signalsSummaryOf: what a snapshot keeps of the signals', () => {
  it('keeps the newest post, posts per week, each page signal and the medians the costs need', () => {
    const summary = signalsSummaryOf(viewOf(posts(12, { newest: 2, every: 3.5 })), AT)!;
    expect(summary.newestPost).toBe(new Date(NOW - 2 * DAY).toISOString());
    // 11 intervals over 38.5 days: (12 − 1) × 7 ÷ 38.5 = 2 a week.
    expect(summary.postsPerWeek).toBe(2);
    expect(summary.posts).toBe(12);
    // 200 likes + 10 comments on every post; 2 000 views.
    expect(summary.engagements).toEqual(exact(210));
    expect(summary.views).toEqual(exact(2_000));
    expect(summary.impressions).toEqual(exact(2_000));
    expect(summary.impressionsFrom).toBe('views');
    // Identical like counts: uniform (CV 0 < 0.1), 5 comments per 100 likes is the healthy band's edge.
    expect(summary.states['uniform-likes']).toBe('look');
    expect(summary.states['comment-density']).toBe('fine');
    expect(summary.states['following-ratio']).toBe('unknown');
  });

  it.each<[string, PostCounts[], Partial<SnapshotSignals> | undefined]>([
    ['no posts read yet: nothing stored, so unknown, never zero', [], undefined],
    ['only pinned and others\' posts: nothing stored', [{ id: 'a', pinned: true, likes: exact(5) }, { id: 'b', notOwn: true, likes: exact(5) }], undefined],
    ['one dated post: a newest post, no posts per week', posts(1, { newest: 40 }), { posts: 1, newestPost: new Date(NOW - 40 * DAY).toISOString() }],
    ['undated posts: no newest post', posts(6).map(({ postedAt: _, ...post }) => post), { posts: 6 }],
  ])('%s', (_, sample, expected) => {
    const summary = signalsSummaryOf(viewOf(sample), AT);
    if (expected === undefined) expect(summary).toBeUndefined();
    else {
      expect(summary).toMatchObject(expected);
      if (!('newestPost' in expected)) expect(summary!.newestPost).toBeUndefined();
      expect(summary!.postsPerWeek).toBeUndefined();
    }
  });

  it('likes × 10 stand for impressions where no post shows views', () => {
    const summary = signalsSummaryOf(viewOf(posts(6, { views: false })), AT)!;
    expect(summary.views).toBeUndefined();
    expect(summary).toMatchObject({ impressions: exact(2_000), impressionsFrom: 'likes-proxy' });
  });

  it('a snapshot of the view carries it, and a new newest post is a change worth a snapshot', () => {
    const first = snapshotOf(viewOf(posts(6, { newest: 10 })), AT);
    expect(first.signals?.newestPost).toBe(new Date(NOW - 10 * DAY).toISOString());
    const same = snapshotOf(viewOf(posts(6, { newest: 10 })), new Date(NOW + DAY).toISOString());
    expect(numbersChanged(first, same)).toBe(false);
    const newer = snapshotOf(viewOf(posts(6, { newest: 9, every: 1 })), new Date(NOW + DAY).toISOString());
    expect(numbersChanged(first, newer)).toBe(true);
    // A visit before the posts rendered says nothing new.
    expect(numbersChanged(first, snapshotOf(viewOf([]), new Date(NOW + DAY).toISOString()))).toBe(false);
  });
});

describe('storedQuoteCosts: quoteCosts from the stored medians', () => {
  it('a summary stored from fewer than 5 posts (before the minimum was asked for) gives no cost per engagement or per view', () => {
    const old = { states: {} as never, posts: 3, engagements: exact(1_000), views: exact(20_000) };
    expect(storedQuoteCosts(500, 'USD', old, exact(50_000))).toEqual({
      currency: 'USD',
      perThousandFollowers: { value: 10 },
      unknown: { perEngagement: 'few-posts', perThousandViews: 'few-posts' },
    });
    expect(storedQuoteCosts(500, 'USD', { ...old, posts: 5, views: undefined }, exact(50_000)).unknown).toEqual({ perThousandViews: 'few-views' });
    expect(storedQuoteCosts(500, 'USD', { ...old, posts: 5 }, exact(50_000))).toEqual({
      currency: 'USD',
      perEngagement: { value: 0.5 },
      perThousandViews: { value: 25 },
      perThousandFollowers: { value: 10 },
    });
  });

  const reading = fc
    .tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 1_000 }), fc.boolean())
    .map(([value, spread, rounded]): CountReading => (rounded && spread > 0 ? { value, exact: false, min: Math.max(0, value - spread), max: value + spread } : exact(value)));
  const post = fc.record({ likes: reading, comments: fc.option(reading, { nil: undefined }), views: fc.option(reading, { nil: undefined }) });

  it('property: the same costs as quoteCosts over the posts (odd samples: no median between two posts to round)', () => {
    fc.assert(
      fc.property(fc.array(post, { minLength: 1, maxLength: 15 }).filter((list) => list.length % 2 === 1), fc.integer({ min: 0, max: 100_000 }), (list, price) => {
        const sample: PostCounts[] = list.map((counts, index) => {
          const one: PostCounts = { id: `p${index}`, likes: counts.likes, postedAt: NOW - index * DAY };
          if (counts.comments) one.comments = counts.comments;
          if (counts.views) one.views = counts.views;
          return one;
        });
        // Views on some posts only: the median of those, in both.
        const summary = signalsSummaryOf(viewOf(sample), AT)!;
        const withViews = sample.filter((one) => one.views).length;
        fc.pre(withViews === 0 || withViews % 2 === 1);
        const followers = exact(10_000);
        const direct = quoteCosts(price, sample, followers, 'EUR');
        const stored = storedQuoteCosts(price, 'EUR', summary, followers);
        expect(stored.perThousandFollowers).toEqual(direct.perThousandFollowers);
        for (const key of ['perEngagement', 'perThousandViews'] as const) {
          if (!direct[key]) {
            expect(stored[key]).toBeUndefined();
            continue;
          }
          expect(stored[key]!.value).toBeCloseTo(direct[key].value, 9);
          expect(stored[key]!.range === undefined).toBe(direct[key].range === undefined);
          if (direct[key].range) {
            expect(stored[key]!.range!.low).toBeCloseTo(direct[key]!.range!.low, 9);
            expect(stored[key]!.range!.high).toBeCloseTo(direct[key]!.range!.high, 9);
          }
        }
      }),
    );
  });

  it('an old snapshot without a summary: no cost per engagement or view, never zero', () => {
    const costs = storedQuoteCosts(500, 'USD', undefined, exact(10_000));
    expect(costs).toEqual({ currency: 'USD', perThousandFollowers: { value: 50 }, unknown: { perEngagement: 'no-posts', perThousandViews: 'no-posts' } });
  });
});

describe('the dashboard figures from a saved profile', () => {
  const summary = (newestDaysAgo: number | undefined, states: Partial<SnapshotSignals['states']> = {}): SnapshotSignals => {
    const signals: SnapshotSignals = {
      states: { 'low-engagement': 'fine', 'comment-density': 'fine', 'uniform-likes': 'fine', 'viral-dependence': 'fine', 'views-likes': 'unknown', 'following-ratio': 'fine', ...states },
      posts: 12,
      impressions: { value: 50_000, exact: false, min: 45_000, max: 55_000 },
      impressionsFrom: 'views',
    };
    if (newestDaysAgo !== undefined) signals.newestPost = new Date(NOW - newestDaysAgo * DAY).toISOString();
    return signals;
  };

  it.each<[string, number | undefined, number | undefined, string]>([
    ['newest post 3 days ago, default line 30', 3, undefined, 'fine'],
    ['exactly 30 days: not over the line', 30, undefined, 'fine'],
    ['31 days ago', 31, undefined, 'look'],
    ['31 days ago with a 60-day line', 31, 60, 'fine'],
    ['a nonsense line falls back to 30', 45, -1, 'look'],
    ['no dated post: unknown', undefined, undefined, 'unknown'],
  ])('inactive: %s → %s', (_, days, line, state) => {
    expect(inactiveState(days === undefined ? undefined : new Date(NOW - days * DAY).toISOString(), NOW, line)).toBe(state);
  });

  it('signalStates: the latest summary, inactive at now, growth from the history; older snapshots without one leave page signals unknown', () => {
    const profile = makeProfile({ followers: [10_000, 10_100, 10_200] });
    expect(signalStates(profile.history, NOW)).toEqual({ inactive: 'unknown', 'growth-spike': 'fine' });
    profile.history[1]!.signals = summary(40, { 'viral-dependence': 'look' });
    expect(signalStates(profile.history, NOW)).toMatchObject({ inactive: 'look', 'viral-dependence': 'look', 'comment-density': 'fine', 'growth-spike': 'fine' });
  });

  it.each<[string, Platform, SnapshotSignals | undefined, Parameters<typeof storedValue>[2], ReturnType<typeof storedValue>]>([
    ['Instagram at the default $10 CPM', 'instagram', summary(1), {}, { ok: true, value: 500, range: { low: 450, high: 550 }, cpm: 10, currency: 'USD', impressionsFrom: 'views' }],
    ['a CPM and currency of the user', 'youtube', summary(1), { cpms: { youtube: 8 }, currency: 'GBP' }, { ok: true, value: 400, range: { low: 360, high: 440 }, cpm: 8, currency: 'GBP', impressionsFrom: 'views' }],
    ['X has no published CPM: none invented', 'x', summary(1), {}, { ok: false, reason: 'no-cpm' }],
    ['no summary (an old snapshot)', 'instagram', undefined, {}, { ok: false, reason: 'no-posts' }],
    ['too few posts for impressions', 'instagram', { ...summary(1), impressions: undefined, impressionsFrom: undefined }, {}, { ok: false, reason: 'too-few-posts' }],
  ])('storedValue: %s', (_, platform, signals, options, expected) => {
    expect(storedValue(platform, signals, options)).toEqual(expected);
  });

  it('growthAnomalies marks the snapshot after a jump, not the steady ones', () => {
    const profile = makeProfile({ followers: [10_000, 10_100, 20_000, 20_100] });
    // 10 100 → 20 000 in a day: 98 % a day, over the 5 % line.
    expect(growthAnomalies(profile.history)).toEqual([2]);
    const gap: SavedSnapshot = { at: '2025-01-02T22:00:00.000Z', sampleSize: 0, benchmark: 'none' };
    const withGap = [...profile.history.slice(0, 2), gap, ...profile.history.slice(2)].sort((a, b) => a.at.localeCompare(b.at));
    expect(growthAnomalies(withGap)).toEqual([3]);
    expect(growthAnomalies(makeProfile({ followers: [10_000] }).history)).toEqual([]);
  });

  it('property: a snapshot is marked exactly when growthSpike on it and the count before says look; the profile flag is growthSpike of the whole history', () => {
    const snapshotArb = fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      followers: fc.option(
        fc.oneof(
          fc.integer({ min: 0, max: 200_000 }).map(exact),
          fc.integer({ min: 1_000, max: 200_000 }).map((value): CountReading => ({ value, exact: false, min: value - 50, max: value + 49 })),
        ),
        { nil: undefined },
      ),
      percent: fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: undefined }),
      basis: fc.constantFrom('followers' as const, 'views' as const),
      round: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(snapshotArb, { selector: (one) => one.day, maxLength: 12 }), (list) => {
        const sorted = [...list].sort((a, b) => a.day - b.day);
        let previous: number | undefined;
        const history: SavedSnapshot[] = sorted.map((one) => {
          const snapshot: SavedSnapshot = { at: new Date(NOW + one.day * 3_600_000 * 9).toISOString(), sampleSize: 0, benchmark: 'none' };
          // Now and then exactly a round jump from the count before.
          const followers = one.round && previous !== undefined ? exact(previous + 5_000) : one.followers;
          if (followers) {
            snapshot.followers = followers;
            previous = followers.value;
          }
          if (one.percent !== undefined) Object.assign(snapshot, { engagementPercent: one.percent, basis: one.basis, method: 'median' });
          return snapshot;
        });
        const counted = history.map((snapshot, index) => ({ snapshot, index })).filter(({ snapshot }) => snapshot.followers);
        const expected = counted.slice(1).filter((entry, at) => growthSpike([counted[at]!.snapshot, entry.snapshot]).state === 'look').map((entry) => entry.index);
        expect(growthAnomalies(history)).toEqual(expected);
        expect(signalStates(history, NOW)['growth-spike']).toBe(growthSpike(history).state);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the quoted price', () => {
  const maya = newProfile(viewOf(posts(6)), AT);

  it.each<[string, unknown, { amount: number; currency: string } | undefined]>([
    ['an amount and a label as typed', { amount: 1500, currency: ' EUR ' }, { amount: 1500, currency: 'EUR' }],
    ['cents rounded', { amount: 99.999, currency: 'USD' }, { amount: 100, currency: 'USD' }],
    ['zero (a gifted post)', { amount: 0, currency: '' }, { amount: 0, currency: '' }],
    ['a long label cut', { amount: 1, currency: 'Brazilian reais' }, { amount: 1, currency: 'Brazilian r' + 'e' }],
    ['negative: none', { amount: -5, currency: 'USD' }, undefined],
    ['over a billion: none', { amount: 2e9, currency: 'USD' }, undefined],
    ['not a number: none', { amount: Number.NaN, currency: 'USD' }, undefined],
    ['a text amount: none', { amount: '100', currency: 'USD' }, undefined],
  ])('normaliseQuote: %s', (_, input, expected) => {
    expect(normaliseQuote(input as { amount: unknown; currency: unknown })).toEqual(expected);
  });

  it('a quote patch sets it, an empty one (null) clears it; a visit or a save keeps it', () => {
    const key = 'instagram:maya';
    const quoted = applyPatch(maya, { op: 'quote', key, quote: { amount: 800, currency: 'GBP' } })!;
    expect(quoted.quote).toEqual({ amount: 800, currency: 'GBP' });
    expect(applyPatch(quoted, { op: 'quote', key, quote: { amount: 800, currency: 'GBP' } })).toBe(quoted);
    const visited = applyPatch(quoted, { op: 'visit', key, seen: newProfile(viewOf(posts(6), { followers: 12_000 }), new Date(NOW + DAY).toISOString()) })!;
    expect(visited.history).toHaveLength(2);
    expect(visited.quote).toEqual({ amount: 800, currency: 'GBP' });
    const cleared = applyPatch(visited, { op: 'quote', key, quote: null })!;
    expect('quote' in cleared).toBe(false);
    expect(applyPatch(undefined, { op: 'quote', key, quote: { amount: 1, currency: '' } })).toBeUndefined();
  });

  it.each<[string, unknown, boolean]>([
    ['a quote', { op: 'quote', key: 'instagram:maya', quote: { amount: 5, currency: 'USD' } }, true],
    ['a clearing', { op: 'quote', key: 'instagram:maya', quote: null }, true],
    ['a negative amount', { op: 'quote', key: 'instagram:maya', quote: { amount: -5, currency: 'USD' } }, false],
    ['no quote at all', { op: 'quote', key: 'instagram:maya' }, false],
  ])('checkPatch: %s → %s', (_, patch, ok) => {
    expect(checkPatch(patch) !== undefined).toBe(ok);
  });

  it('checkProfile keeps a quote and refuses a bad one with its reason; a merge keeps the first quote, else the other', () => {
    const quoted = { ...maya, quote: { amount: 300, currency: 'USD' } };
    expect(checkProfile(JSON.parse(JSON.stringify(quoted)), 'import')).toEqual({ ok: true, profile: quoted });
    expect(checkProfile({ ...quoted, quote: { amount: 300, currency: 'x'.repeat(13) } }, 'import').ok).toBe(false);
    expect(checkProfile({ ...quoted, quote: { amount: '300', currency: 'USD' } }, 'import').ok).toBe(false);
    expect(mergeProfile(maya, quoted).quote).toEqual(quoted.quote);
    expect(mergeProfile({ ...maya, quote: { amount: 1, currency: 'EUR' } }, quoted).quote).toEqual({ amount: 1, currency: 'EUR' });
    expect('quote' in mergeProfile(maya, maya)).toBe(false);
  });
});
