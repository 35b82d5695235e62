import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CountReading } from '@/lib/count';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { SavedSnapshot } from '@/lib/shortlist/schema';
import { SIGNAL_IDS } from '@/lib/signals';
import { adapterFor, readSnapshot } from '@/lib/sites';
import type { PostCounts, ProfileSnapshot } from '@/lib/sites/types';
import { badgeAttributes, buildVerdict } from '@/lib/verdict';
import { fixtureUrl } from '../fixtures';
import { closeFixtures, loadFixture } from './sites/fixture';

/*
 * Issue 16: the verdict carries the decision signals, and the badge host's contract gains
 * data-last-post, data-posts-per-week and data-flags: what the page shows and lib/ computes from
 * it, never the user's own data (growth-spike reads the saved history, so it stays off the host).
 */

afterAll(closeFixtures);

const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;
const exact = (value: number): CountReading => ({ value, exact: true, min: value, max: value });

/** A TikTok id for a date: the top 32 bits are Unix seconds. */
const tiktokId = (ms: number, low = 1): string => ((BigInt(Math.floor(ms / 1000)) << 32n) | BigInt(low)).toString();

/** TikTok videos `ages` days old (newest first), with likes that vary. */
function tiktokPosts(ages: readonly number[], extra: (index: number) => Partial<PostCounts> = () => ({})): PostCounts[] {
  return ages.map((age, index) => ({
    id: tiktokId(NOW - age * DAY, index + 1),
    likes: exact(400 + 37 * index),
    comments: exact(12 + index),
    shares: exact(3),
    views: exact(9_000 + 500 * index),
    ...extra(index),
  }));
}

function snapshot(posts: PostCounts[], followers = exact(12_000), following = exact(300)): ProfileSnapshot {
  return { platform: 'tiktok', handle: 'mara.bakes', locale: 'en', followers, following, posts, notes: [] };
}

describe('buildVerdict carries the signals', () => {
  it('on own posts only: pinned posts and others\' reposts stay out, even when newest', () => {
    const posts = [
      { ...tiktokPosts([0])[0]!, id: tiktokId(NOW - 1000, 99), pinned: true },
      { ...tiktokPosts([0])[0]!, id: tiktokId(NOW - 2000, 98), notOwn: true },
      ...tiktokPosts([3, 6, 9, 12, 15, 18]),
    ];
    const verdict = buildVerdict(snapshot(posts), DEFAULT_SETTINGS, 'settled', { now: NOW });
    expect(verdict.signals!.activity).toMatchObject({ dated: 6, newestAt: Math.floor((NOW - 3 * DAY) / 1000) * 1000 });
  });

  it('on the newest own posts the engagement sample takes (settings.sampleSize)', () => {
    const posts = tiktokPosts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40, 80]);
    const verdict = buildVerdict(snapshot(posts), { ...DEFAULT_SETTINGS, sampleSize: 12 }, 'settled', { now: NOW });
    expect(verdict.signals!.activity?.dated).toBe(12);
    expect(verdict.engagement.ok && verdict.engagement.sampleSize).toBe(12);
  });

  it.each([
    [10, false],
    [29, false],
    [31, true],
    [400, true],
  ])('newest own post %d days before `now` → inactive %s (default 30 days)', (age, flagged) => {
    const verdict = buildVerdict(snapshot(tiktokPosts([age, age + 3, age + 6, age + 9, age + 12])), DEFAULT_SETTINGS, 'settled', { now: NOW });
    expect(verdict.signals!.flags.includes('inactive')).toBe(flagged);
  });

  it('measures to the `now` it is given: the same page is inactive later', () => {
    const page = snapshot(tiktokPosts([5, 8, 11, 14, 17]));
    expect(buildVerdict(page, DEFAULT_SETTINGS, 'settled', { now: NOW }).signals!.flags).not.toContain('inactive');
    expect(buildVerdict(page, DEFAULT_SETTINGS, 'settled', { now: NOW + 60 * DAY }).signals!.flags).toContain('inactive');
  });

  it('takes an inactivity threshold', () => {
    const page = snapshot(tiktokPosts([20, 23, 26, 29, 32]));
    expect(buildVerdict(page, { ...DEFAULT_SETTINGS, inactiveDays: 14 }, 'settled', { now: NOW }).signals!.flags).toContain('inactive');
    expect(buildVerdict(page, DEFAULT_SETTINGS, 'settled', { now: NOW }).signals!.flags).not.toContain('inactive');
  });

  it('turned off in the settings: no signals, no value, and none of their attributes on the host', () => {
    const page = snapshot(tiktokPosts([90, 93, 96, 99, 102]));
    const on = buildVerdict(page, DEFAULT_SETTINGS, 'settled', { now: NOW });
    expect(on.signals).toBeDefined();
    expect(on.value).toBeDefined();
    const off = buildVerdict(page, { ...DEFAULT_SETTINGS, signals: false }, 'settled', { now: NOW });
    expect(off.signals).toBeUndefined();
    expect(off.value).toBeUndefined();
    const attributes = badgeAttributes(off);
    for (const name of ['data-last-post', 'data-posts-per-week', 'data-flags']) expect(attributes[name], name).toBeUndefined();
    expect(off.engagement).toEqual(on.engagement);
  });

  it('growth is unknown without a saved history, and read from one when given', () => {
    const page = snapshot(tiktokPosts([1, 4, 7, 10, 13]));
    const without = buildVerdict(page, DEFAULT_SETTINGS, 'settled', { now: NOW });
    expect(without.signals!.signals.find((signal) => signal.id === 'growth-spike')).toEqual({ id: 'growth-spike', state: 'unknown', reason: 'no-history' });
    const history: SavedSnapshot[] = [
      { at: '2026-11-01T00:00:00.000Z', followers: exact(10_000), sampleSize: 12, benchmark: 'none' },
      { at: '2026-11-02T00:00:00.000Z', followers: exact(12_000), sampleSize: 12, benchmark: 'none' },
    ];
    const withHistory = buildVerdict(page, DEFAULT_SETTINGS, 'settled', { now: NOW, history });
    expect(withHistory.signals!.flags).toContain('growth-spike');
  });
});

describe('badgeAttributes: data-last-post, data-posts-per-week, data-flags', () => {
  it.each([
    // [posts' ages in days, data-last-post, data-posts-per-week]
    [[0.25, 7.25, 14.25], '2026-12-06', '1.00'],
    [[2, 3, 4, 5, 6, 7], '2026-12-04', '7.00'],
    [[1], '2026-12-05', null], // one dated post: no rate
    [[], null, null],
  ])('own posts %j days old → last post %s, %s a week', (ages, lastPost, perWeek) => {
    const attributes = badgeAttributes(buildVerdict(snapshot(tiktokPosts(ages)), DEFAULT_SETTINGS, 'settled', { now: NOW }));
    expect(attributes['data-last-post'] ?? null).toBe(lastPost);
    expect(attributes['data-posts-per-week'] ?? null).toBe(perWeek);
  });

  it('the day is the UTC day, whatever the machine\'s time zone', () => {
    const late = Date.UTC(2026, 10, 28, 23, 59, 59);
    const attributes = badgeAttributes(buildVerdict(snapshot([{ id: tiktokId(late), likes: exact(1) }]), DEFAULT_SETTINGS, 'settled', { now: NOW }));
    expect(attributes['data-last-post']).toBe('2026-11-28');
  });

  it('no dates (Instagram tiles without JSON): neither attribute, and no inactive flag', () => {
    const posts: PostCounts[] = ['CzKb01aQwEr', 'CzKb02bTyUi', 'CzKb03cOpAs'].map((id) => ({ id, likes: exact(100) }));
    const verdict = buildVerdict({ ...snapshot(posts), platform: 'instagram' }, DEFAULT_SETTINGS, 'settled', { now: NOW });
    const attributes = badgeAttributes(verdict);
    expect(attributes['data-last-post']).toBeUndefined();
    expect(attributes['data-posts-per-week']).toBeUndefined();
    expect(attributes['data-flags']).toBe('');
    expect(verdict.signals!.signals.find((signal) => signal.id === 'inactive')).toEqual({ id: 'inactive', state: 'unknown', reason: 'no-dates' });
  });

  it('data-flags lists what is worth a look in SIGNAL_IDS order, and never growth-spike', () => {
    // Mass following (5,000 following, 1,000 followers), long inactive, and a follower jump in the saved history.
    const history: SavedSnapshot[] = [
      { at: '2026-11-01T00:00:00.000Z', followers: exact(500), sampleSize: 5, benchmark: 'none' },
      { at: '2026-11-02T00:00:00.000Z', followers: exact(1_000), sampleSize: 5, benchmark: 'none' },
    ];
    const verdict = buildVerdict(snapshot(tiktokPosts([90, 93, 96, 99, 102]), exact(1_000), exact(5_000)), DEFAULT_SETTINGS, 'settled', {
      now: NOW,
      history,
    });
    expect(verdict.signals!.flags).toEqual(expect.arrayContaining(['inactive', 'following-ratio', 'growth-spike']));
    const flags = badgeAttributes(verdict)['data-flags']!.split(' ');
    expect(flags).toEqual(verdict.signals!.flags.filter((id) => id !== 'growth-spike'));
    expect(flags).toEqual([...flags].sort((a, b) => SIGNAL_IDS.indexOf(a as never) - SIGNAL_IDS.indexOf(b as never)));
  });

  it('property: whatever the posts and history, the host carries no growth-spike and only known ids', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 2_000, noNaN: true }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 100_000 }),
        (ages, followersHistory, following) => {
          const history: SavedSnapshot[] = followersHistory.map((count, index) => ({
            at: new Date(NOW - (followersHistory.length - index) * DAY).toISOString(),
            followers: exact(count),
            sampleSize: 5,
            benchmark: 'none',
          }));
          const verdict = buildVerdict(snapshot(tiktokPosts(ages), exact(1_000), exact(following)), DEFAULT_SETTINGS, 'settled', { now: NOW, history });
          const flags = badgeAttributes(verdict)['data-flags']!;
          expect(flags.split(' ').filter(Boolean).every((id) => (SIGNAL_IDS as readonly string[]).includes(id) && id !== 'growth-spike')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('on the fixtures, as the E2E tests expect them', () => {
  it.each([
    // [fixture, data-last-post, data-posts-per-week]; every one of them is older than 30 days
    ['tiktok/profile', '2023-11-24', '2.60'],
    ['x/profile-replies', '2024-12-12', '3.88'], // 12-12 12:00, 12-09 07:45, 12-08 21:30: 2 × 7 ÷ 3.6 days
    ['bluesky/profile', '2025-04-06', '12.00'],
    ['threads/profile', '2025-12-10', '1.73'], // 8 own posts, 11-12 11:00 to 12-10 18:05: 7 × 7 ÷ 28.3 days
    ['instagram/profile-exact', '2025-11-28', '2.75'],
    ['instagram/profile-hidden-likes', '2024-03-14', '1.40'],
  ])('%s → last post %s, %s a week, inactive', (path, lastPost, perWeek) => {
    const [platform, name] = path.split('/') as ['tiktok', string];
    const url = fixtureUrl(platform, name);
    const found = adapterFor(url)!;
    const page = readSnapshot(found.adapter, loadFixture(platform, name, url), url, { trustBootstrap: true, readAt: NOW });
    const attributes = badgeAttributes(buildVerdict(page, DEFAULT_SETTINGS, 'settled', { now: NOW }));
    expect(attributes['data-last-post']).toBe(lastPost);
    expect(attributes['data-posts-per-week']).toBe(perWeek);
    expect(attributes['data-flags']!.split(' ')).toContain('inactive');
  });

  it('youtube/channel-rounded: the last post is "1 hour ago", counted back from the read', () => {
    const url = fixtureUrl('youtube', 'channel-rounded');
    const found = adapterFor(url)!;
    const readAt = Date.UTC(2026, 11, 6, 0, 30);
    const page = readSnapshot(found.adapter, loadFixture('youtube', 'channel-rounded', url), url, { trustBootstrap: true, readAt });
    const attributes = badgeAttributes(buildVerdict(page, DEFAULT_SETTINGS, 'settled', { now: readAt }));
    expect(attributes['data-last-post']).toBe('2026-12-05');
    expect(attributes['data-flags']!.split(' ')).not.toContain('inactive');
  });
});
