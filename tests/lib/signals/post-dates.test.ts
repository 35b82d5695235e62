import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blueskyTidDate,
  FUTURE_TOLERANCE_MS,
  instagramTakenAt,
  PLATFORM_START,
  postDate,
  tiktokIdDate,
  xIdDate,
  youtubeRelativeAge,
  youtubeRelativeDate,
} from '@/lib/signals/post-dates';

const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;
const LATEST = Date.UTC(2026, 11, 31);

// Inverse encoders: a date and some random low bits in, an id out.
const tiktokId = (seconds: number, low: number): string => ((BigInt(seconds) << 32n) | BigInt(low)).toString();
const xId = (ms: number, low: number): string => ((BigInt(ms - 1288834974657) << 22n) | BigInt(low)).toString();
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
function tid(micros: number, clock: number): string {
  let value = (BigInt(micros) << 10n) | BigInt(clock);
  let out = '';
  for (let index = 0; index < 13; index++) {
    out = TID_ALPHABET[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

describe('properties: encode a date, decode it back', () => {
  it('TikTok: top 32 bits are Unix seconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: PLATFORM_START.tiktok / 1000, max: NOW / 1000 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (seconds, low) => {
          expect(tiktokIdDate(tiktokId(seconds, low), NOW)).toEqual({ at: seconds * 1000, approximate: false });
        },
      ),
    );
  });

  it('X: snowflake milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: PLATFORM_START.x, max: NOW }), fc.integer({ min: 0, max: 2 ** 22 - 1 }), (ms, low) => {
        expect(xIdDate(xId(ms, low), NOW)).toEqual({ at: ms, approximate: false });
      }),
    );
  });

  it('Bluesky: TID microseconds, to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: PLATFORM_START.bluesky, max: NOW }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 1023 }),
        (ms, micros, clock) => {
          const key = tid(ms * 1000 + micros, clock);
          expect(key).toMatch(/^[234567a-j][234567a-z]{12}$/);
          expect(blueskyTidDate(key, NOW)).toEqual({ at: ms, approximate: false });
        },
      ),
    );
  });

  it('Instagram: taken_at seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: PLATFORM_START.instagram / 1000, max: NOW / 1000 }), (seconds) => {
        expect(instagramTakenAt(seconds, NOW)).toEqual({ at: seconds * 1000, approximate: false });
      }),
    );
  });

  it('never NaN, never before the platform, never beyond now + tolerance, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9]{1,22}$/), fc.stringMatching(/^[2-7a-z]{11,14}$/)), (text) => {
        const decoded = [
          ['tiktok', tiktokIdDate(text, NOW)],
          ['x', xIdDate(text, NOW)],
          ['bluesky', blueskyTidDate(text, NOW)],
          ['youtube', youtubeRelativeDate(text, 'en', NOW)],
        ] as const;
        for (const [platform, date] of decoded) {
          if (date === undefined) continue;
          expect(Number.isFinite(date.at)).toBe(true);
          expect(date.at).toBeGreaterThanOrEqual(PLATFORM_START[platform]);
          expect(date.at).toBeLessThanOrEqual(NOW + FUTURE_TOLERANCE_MS);
        }
      }),
    );
  });
});

// Real ids read from /work/shared/pages (only the ids; the pages stay there). Grid order, newest first.
const TIKTOK_GRID = [
  '7571863205253778710', // 2025-11-12
  '7437176835944795424',
  '7116173993534622982',
  '7105891287777168645',
  '7102366922930425093',
  '7099595944211090694',
  '7098681530863684870',
  '7098393849482988805',
  '7097743763434392837',
  '7096601458853809413',
  '7096225181743566085',
  '7096097997234261254',
  '7095805005466307846',
  '7095098992198995205',
  '7094965266555161861',
  '7094604544478383366',
  '6781214772584025350',
  '6781208758358985989', // 2020-01-12
];
// x/profile.rendered.html: the pinned post first (older), then the timeline newest first.
const X_PINNED = '1759241476758733209';
const X_TIMELINE = ['1987508451887784324', '1935738866390253649', '1935417542534906135'];
// bluesky/profile.rendered.html: the first five post rkeys, newest first (later ones mix in reposts).
const BLUESKY_FEED = ['3mddvy5bv6k27', '3md4rhnginc2m', '3md274jjoss2f', '3mcqguitjf22v', '3mcnit5ken22y'];

const plausible = (at: number | undefined, platform: keyof typeof PLATFORM_START): void => {
  expect(at).toBeDefined();
  expect(at!).toBeGreaterThanOrEqual(PLATFORM_START[platform]);
  expect(at!).toBeLessThan(LATEST);
};

describe('real ids from saved pages', () => {
  it.each([
    ['7571863205253778710', '2025-11-12T15:36:23.000Z'],
    ['6781208758358985989', '2020-01-12T23:53:19.000Z'],
  ])('TikTok %s → %s', (id, iso) => {
    expect(tiktokIdDate(id, NOW)?.at).toBe(Date.parse(iso));
  });

  it.each([
    ['1987508451887784324', '2025-11-09T13:11:55.708Z'],
    ['1759241476758733209', '2024-02-18T15:40:27.842Z'],
  ])('X %s → %s', (id, iso) => {
    expect(xIdDate(id, NOW)?.at).toBe(Date.parse(iso));
  });

  it.each([
    ['3mddvy5bv6k27', '2026-01-26T18:50:47.802Z'],
    ['3mcnit5ken22y', '2026-01-17T20:56:47.420Z'],
  ])('Bluesky %s → %s', (rkey, iso) => {
    expect(blueskyTidDate(rkey, NOW)?.at).toBe(Date.parse(iso));
  });

  it('the TikTok grid decodes to plausible dates in descending order', () => {
    const dates = TIKTOK_GRID.map((id) => tiktokIdDate(id, NOW)?.at);
    dates.forEach((at) => plausible(at, 'tiktok'));
    expect(dates).toEqual([...dates].sort((a, b) => b! - a!));
  });

  it('the X timeline descends; the pinned post is older than the newest', () => {
    const dates = X_TIMELINE.map((id) => xIdDate(id, NOW)?.at);
    dates.forEach((at) => plausible(at, 'x'));
    expect(dates).toEqual([...dates].sort((a, b) => b! - a!));
    expect(xIdDate(X_PINNED, NOW)!.at).toBeLessThan(dates[0]!);
  });

  it('the Bluesky feed decodes to plausible dates in descending order', () => {
    const dates = BLUESKY_FEED.map((rkey) => blueskyTidDate(rkey, NOW)?.at);
    dates.forEach((at) => plausible(at, 'bluesky'));
    expect(dates).toEqual([...dates].sort((a, b) => b! - a!));
  });
});

describe('refused input', () => {
  it.each([
    ['', 'empty'],
    ['abc', 'not digits'],
    ['0123', 'leading zero: not how ids are written'],
    ['-7571863205253778710', 'sign'],
    ['18446744073709551616', '2^64: larger than a 64-bit id'],
    ['12345', 'decodes to 1970: a sequential id, not a dated one'],
    [String((BigInt(Math.floor((NOW + 2 * DAY) / 1000)) << 32n) | 5n), 'two days in the future'],
  ])('TikTok %j (%s) → undefined', (id) => {
    expect(tiktokIdDate(id, NOW)).toBeUndefined();
  });

  it.each([
    ['20', "jack's first tweet: sequential id from 2006, before snowflakes"],
    ['1.5e18', 'exponent'],
    [' 1987508451887784324', 'space'],
  ])('X %j (%s) → undefined', (id) => {
    expect(xIdDate(id, NOW)).toBeUndefined();
  });

  it.each([
    ['3mddvy5bv6k2', 'twelve characters'],
    ['3mddvy5bv6k271', 'fourteen characters'],
    ['kmddvy5bv6k27', 'first character past j: the leading bit would be 1'],
    ['3MDDVY5BV6K27', 'upper case is not the alphabet'],
    ['3mddvy5bv6k20', "0 and 1 are not in base32-sortable"],
    ['2222222222222', 'the epoch: before Bluesky'],
    ['self', 'a non-TID record key (profile)'],
  ])('Bluesky %j (%s) → undefined', (rkey) => {
    expect(blueskyTidDate(rkey, NOW)).toBeUndefined();
  });

  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [1_000_000, '1970'],
    [NOW / 1000 + 2 * 86_400, 'two days ahead'],
    [NOW, 'milliseconds passed as seconds'],
  ])('Instagram taken_at %d (%s) → undefined', (seconds) => {
    expect(instagramTakenAt(seconds, NOW)).toBeUndefined();
  });
});

describe('youtubeRelativeDate', () => {
  it.each([
    ['3 weeks ago', 'en', 21 * DAY],
    ['Streamed 2 days ago', 'en-GB', 2 * DAY],
    ['1 year ago', 'en', 365.2425 * DAY],
    ['5 hours ago', 'en', 5 * 3_600_000],
    ['vor 3 Wochen', 'de-DE', 21 * DAY],
    ['vor 1 Tag', 'de', DAY],
    ['vor 2 Monaten', 'de', 2 * 30.436875 * DAY],
    ['hace 3 semanas', 'es-ES', 21 * DAY],
    ['hace 1 mes', 'es-419', 30.436875 * DAY],
    ['há 3 semanas', 'pt-BR', 21 * DAY],
    ['há 2 anos', 'pt-PT', 2 * 365.2425 * DAY],
    ['il y a 3 semaines', 'fr', 21 * DAY],
    ['3 settimane fa', 'it', 21 * DAY],
    ['3 週間前', 'ja', 21 * DAY],
    ['2 か月前', 'ja-JP', 2 * 30.436875 * DAY],
  ])('%j (%s) → now − %d ms, approximate', (text, locale, ago) => {
    expect(youtubeRelativeDate(text, locale, NOW)).toEqual({ at: NOW - ago, approximate: true });
  });

  it.each([
    ['3 weeks ago', 'zz', 'language without a table'],
    ['vor 3 Wochen', 'en', 'German text on an English page'],
    ['3 weeks', 'en', 'no "ago": a duration, not an age'],
    ['Premieres in 3 days', 'en', 'the future'],
    ['1,234 views', 'en', 'a view count'],
    ['999999999 years ago', 'en', 'before YouTube'],
    ['x'.repeat(500) + ' 3 weeks ago', 'en', 'longer than any tile text'],
  ])('%j (%s: %s) → undefined', (text, locale) => {
    expect(youtubeRelativeDate(text, locale, NOW)).toBeUndefined();
  });
});

describe('youtubeRelativeAge: how adapters tell the age among a tile\'s texts', () => {
  it.each([
    ['4 days ago', 'en', 4 * DAY],
    ['hace 2 días', 'es-ES', 2 * DAY],
    ['vor 1 Jahr', 'de', 365.2425 * DAY],
    ['248 views', 'en', undefined],
    ['No views', 'en', undefined],
    ['4 days ago', 'constructor', undefined], // <html lang> names an Object.prototype key
    ['4 days ago', '__proto__', undefined],
    ['4 days ago', 'hasOwnProperty', undefined],
  ])('%j (%s) → %s', (text, locale, age) => {
    expect(youtubeRelativeAge(text, locale)).toBe(age);
  });

  it('agrees with youtubeRelativeDate: the date is now minus the age', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.constantFrom('days', 'weeks', 'months', 'years'), (count, unit) => {
        const text = `${count} ${unit} ago`;
        expect(youtubeRelativeDate(text, 'en', NOW)?.at).toBe(NOW - youtubeRelativeAge(text, 'en')!);
      }),
    );
  });
});

describe('postDate', () => {
  it.each([
    [{ id: '7571863205253778710' }, 'tiktok', Date.parse('2025-11-12T15:36:23.000Z'), false],
    [{ id: '1987508451887784324' }, 'x', Date.parse('2025-11-09T13:11:55.708Z'), false],
    [{ id: '3mddvy5bv6k27' }, 'bluesky', Date.parse('2026-01-26T18:50:47.802Z'), false],
    [{ id: 'DR0Wsy0EhCP' }, 'threads', Date.parse('2025-12-03T22:27:15.905Z'), true], // taken_at 1764800835 (profile.rendered.html)
    [{ id: 'CuXFPIeLLod' }, 'threads', Date.parse('2023-07-06T15:17:53.813Z'), true], // a launch-week code (/t/ links)
    [{ id: 'C3xYz', postedAt: Date.UTC(2026, 0, 1) }, 'instagram', Date.UTC(2026, 0, 1), false],
    [{ id: 'dQw4w9WgXcQ', postedAt: NOW - 21 * DAY, postedAtApprox: true }, 'youtube', NOW - 21 * DAY, true],
    [{ id: 'DAbc2bBbBbB', postedAt: Date.parse('2025-12-10T18:05:11.000Z') }, 'threads', Date.parse('2025-12-10T18:05:11.000Z'), false], // the post's <time datetime>
  ] as const)('%j on %s', (post, platform, at, approximate) => {
    expect(postDate(post, platform, NOW)).toEqual({ at, approximate });
  });

  it.each([
    [{ id: 'C3xYz' }, 'instagram', 'a shortcode is not a date'],
    [{ id: 'dQw4w9WgXcQ' }, 'youtube', 'a video id is not a date'],
    [{ id: 'DAbc2bBbBbB', postedAt: Date.UTC(2023, 6, 4) }, 'threads', 'before Threads opened (2023-07-05)'],
    [{ id: 'CtAAAAAAAAA' }, 'threads', 'an id of 2023-06-02: before Threads opened'],
    [{ id: 'DR0Wsy0EhCP!' }, 'threads', 'not a code'],
    [{ id: '_____________' }, 'threads', 'longer than 64 bits'],
    [{ id: '7571863205253778710', postedAt: Number.NaN }, 'tiktok', 'a stored date wins, and NaN is no date'],
  ] as const)('%j on %s → undefined (%s)', (post, platform, _reason) => {
    expect(postDate(post, platform, NOW)).toBeUndefined();
  });
});
