import { describe, expect, it } from 'vitest';
import { describeFormula } from '@/components/words/engagement';
import type { CountReading } from '@/lib/count';
import { engagementRate, type EngagementOptions } from '@/lib/engagement';
import type { Platform } from '@/lib/platforms';
import type { PostCounts, ProfileSnapshot } from '@/lib/sites/types';
import { useLocale, type Locale } from '../../i18n-fake';

/*
 * lib/engagement.ts returns codes (tests/lib/engagement.test.ts); here, that the UI edge makes the
 * same words from them as lib/ made before issue 14 moved the words out (texts taken from that
 * version, in English and German).
 */

const exact = (n: number): CountReading => ({ value: n, exact: true, min: n, max: n });
const rounded = (n: number, min: number, max: number): CountReading => ({ value: n, exact: false, min, max });

let nextId = 0;
function post(counts: Partial<Record<'likes' | 'comments' | 'shares' | 'views' | 'replies' | 'reposts', number>>, flags: Partial<PostCounts> = {}): PostCounts {
  const result: PostCounts = { id: `p${nextId++}`, ...flags };
  for (const [key, value] of Object.entries(counts) as [keyof typeof counts, number][]) result[key] = exact(value);
  return result;
}
const many = (count: number, counts: Parameters<typeof post>[0]) => Array.from({ length: count }, () => post(counts));

function profile(platform: Platform, followers: number | CountReading | undefined, posts: PostCounts[]): ProfileSnapshot {
  return { platform, handle: 'creator', locale: 'en', followers: typeof followers === 'number' ? exact(followers) : followers, posts, notes: [] };
}

describe('describeFormula: failures in words', () => {
  it.each<[string, () => ProfileSnapshot, string, string]>([
    [
      'instagram without follower count',
      () => profile('instagram', undefined, many(3, { likes: 10 })),
      "The follower count wasn't found on the page, so a rate per follower can't be worked out.",
      'Die Follower-Zahl wurde auf der Seite nicht gefunden, daher lässt sich keine Rate pro Follower berechnen.',
    ],
    [
      'instagram with 0 followers',
      () => profile('instagram', 0, many(3, { likes: 10 })),
      "This profile has no followers, so a rate per follower can't be worked out.",
      'Dieses Profil hat keine Follower, daher lässt sich keine Rate pro Follower berechnen.',
    ],
    [
      'youtube without subscriber count',
      () => profile('youtube', undefined, [post({ views: 10 })]),
      "The subscriber count wasn't found on the page, so a rate per subscriber can't be worked out.",
      'Die Abonnentenzahl wurde auf der Seite nicht gefunden, daher lässt sich keine Rate pro Abonnent berechnen.',
    ],
    [
      'youtube with 0 subscribers',
      () => profile('youtube', 0, [post({ views: 10 })]),
      "This profile has no subscribers, so a rate per subscriber can't be worked out.",
      'Dieser Kanal hat keine Abonnenten, daher lässt sich keine Rate pro Abonnent berechnen.',
    ],
    ['no posts', () => profile('instagram', 1_000, []), 'No posts were found on the page yet.', 'Auf der Seite wurden noch keine Beiträge gefunden.'],
    ['no videos', () => profile('tiktok', 1_000, []), 'No videos were found on the page yet.', 'Auf der Seite wurden noch keine Videos gefunden.'],
    [
      'only pinned, reposts and live',
      () => profile('x', 1_000, [post({ likes: 1 }, { pinned: true }), post({ likes: 1 }, { notOwn: true }), post({ likes: 1 }, { live: true })]),
      "None of the posts on the page is a recent one of the creator's own: pinned posts, reposts and live streams are left out.",
      'Keiner der Beiträge auf der Seite ist ein aktueller eigener Beitrag: Angepinntes, Reposts und Livestreams werden ausgelassen.',
    ],
    [
      'only videos by others',
      () => profile('youtube', 1_000, [post({ likes: 1 }, { notOwn: true })]),
      "None of the videos on the page is a recent one of the creator's own: pinned posts, reposts and live streams are left out.",
      'Keiner der Videos auf der Seite ist ein aktueller eigener Beitrag: Angepinntes, Reposts und Livestreams werden ausgelassen.',
    ],
    [
      'instagram posts without like counts',
      () => profile('instagram', 1_000, [post({ comments: 3 }), post({})]),
      'None of the recent posts shows its like count yet.',
      'Keiner der neuesten Beiträge zeigt bisher seine Likes.',
    ],
    [
      'every post hides its likes',
      () => profile('instagram', 1_000, [post({ comments: 3 }, { likesHidden: true })]),
      "Likes are hidden on this profile's posts: engagement unknown, not zero.",
      'Die Likes sind bei den Beiträgen dieses Profils ausgeblendet: Engagement unbekannt, nicht null.',
    ],
    [
      'x posts without counts',
      () => profile('x', 1_000, [post({ views: 3 })]),
      'None of the recent posts shows its reply, repost or like counts yet.',
      'Keiner der neuesten Beiträge zeigt bisher seine Antworten, Reposts oder Likes.',
    ],
    [
      'youtube videos without views',
      () => profile('youtube', 1_000, [post({}), post({})]),
      "No view counts were found on this profile's videos, so the rate can't be worked out.",
      'Bei den Videos dieses Profils wurden keine Aufrufzahlen gefunden, daher lässt sich die Rate nicht berechnen.',
    ],
  ])('%s', (_title, snapshot, english, german) => {
    const input = snapshot();
    expect(describeFormula(engagementRate(input), input.platform)).toBe(english);
    useLocale('de');
    expect(describeFormula(engagementRate(input), input.platform)).toBe(german);
  });
});

describe('describeFormula: how the rate was worked out', () => {
  it.each<[string, () => ProfileSnapshot, Partial<EngagementOptions>, string, string]>([
    [
      'instagram: 24 posts, 2 pinned left out',
      () => profile('instagram', 1_000, [post({ likes: 1 }, { pinned: true }), post({ likes: 1 }, { pinned: true }), ...many(24, { likes: 10, comments: 1 })]),
      {},
      'median of (likes + comments) ÷ followers over the 24 latest posts; 2 pinned posts left out',
      'Median von (Likes + Kommentare) ÷ Follower über die 24 neuesten Beiträge; ausgenommen: 2 angepinnte Beiträge',
    ],
    [
      'one video',
      () => profile('youtube', 1_000, [post({ views: 10 })]),
      {},
      'median of views ÷ subscribers over the latest video',
      'Median von Aufrufe ÷ Abonnenten über das neueste Video',
    ],
    [
      'tiktok view rate with a video by others and a live stream',
      () => profile('tiktok', 1_000, [post({ views: 1 }, { notOwn: true }), post({ views: 1 }, { live: true }), post({ views: 5 }), post({ views: 7 })]),
      {},
      'median of views ÷ followers over the 2 latest videos; 1 video by others and 1 live or upcoming stream left out',
      'Median von Aufrufe ÷ Follower über die 2 neuesten Videos; ausgenommen: 1 Video von anderen und 1 laufender oder geplanter Livestream',
    ],
    [
      'tiktok by views with an incomplete video',
      () => profile('tiktok', 1_000, [post({ likes: 100, comments: 10, shares: 5, views: 1_000 }), post({ likes: 100, views: 2_000 }), post({ views: 1 }), ...many(6, { likes: 50, views: 700 })]),
      {},
      'median of (likes + comments + shares) ÷ views over the 8 latest videos; 1 video without the counts needed left out',
      'Median von (Likes + Kommentare + Shares) ÷ Aufrufe über die 8 neuesten Videos; ausgenommen: 1 Video ohne die nötigen Zahlen',
    ],
    [
      'x with a pinned post and reposts',
      () => profile('x', 500, [post({ likes: 1 }, { pinned: true }), post({ likes: 1 }, { notOwn: true }), post({ likes: 1 }, { notOwn: true }), ...many(6, { likes: 3, replies: 1 })]),
      {},
      'median of (replies + reposts + likes) ÷ followers over the 6 latest posts; 1 pinned post and 2 reposts left out',
      'Median von (Antworten + Reposts + Likes) ÷ Follower über die 6 neuesten Beiträge; ausgenommen: 1 angepinnter Beitrag und 2 Reposts',
    ],
    [
      'instagram with hidden likes and rounded followers',
      () => profile('instagram', rounded(10_000, 9_500, 10_499), [post({ likes: 1 }, { likesHidden: true }), ...many(6, { likes: 500 })]),
      {},
      'median of (likes + comments) ÷ followers over the 6 latest posts; 1 post with hidden likes left out; some counts are rounded, so the rate is approximate',
      'Median von (Likes + Kommentare) ÷ Follower über die 6 neuesten Beiträge; ausgenommen: 1 Beitrag mit ausgeblendeten Likes; einige Zahlen sind gerundet, die Rate ist daher ungefähr',
    ],
  ])('%s', (_title, snapshot, options, english, german) => {
    const input = snapshot();
    expect(describeFormula(engagementRate(input, options), input.platform)).toBe(english);
    useLocale('de');
    expect(describeFormula(engagementRate(input, options), input.platform)).toBe(german);
  });

  // Issue 18: the clauses were joined with a hard-coded '; ', whatever the language's typography.
  it.each<[Locale, RegExp]>([
    ['en', /^[^;]+ posts; 1 post with hidden likes left out; some counts/],
    ['fr', /^[^;]+ publications\u202f; exclus\u00a0: 1 publication [^;]+\u202f; certains nombres/],
    ['ja', /^[^;。]+。除外: [^;。]+。一部の数値が/],
  ])('joins the clauses as %s does', (locale, expected) => {
    useLocale(locale);
    const input = profile('instagram', rounded(10_000, 9_500, 10_499), [post({ likes: 1 }, { likesHidden: true }), ...many(6, { likes: 500 })]);
    expect(describeFormula(engagementRate(input), input.platform)).toMatch(expected);
  });

  it('mean, in English', () => {
    const input = profile('tiktok', 1_000, [post({ views: 1 }, { notOwn: true }), post({ views: 1 }, { live: true }), post({ views: 5 }), post({ views: 7 })]);
    expect(describeFormula(engagementRate(input, { method: 'mean' }), 'tiktok')).toBe(
      'mean of views ÷ followers over the 2 latest videos; 1 video by others and 1 live or upcoming stream left out',
    );
  });
});
