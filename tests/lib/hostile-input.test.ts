import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { createElement } from 'react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Badge } from '@/components/Badge';
import { ShortlistTable } from '@/components/dashboard/ShortlistTable';
import { toRow } from '@/components/dashboard/shortlist-rows';
import { ProfilePanel } from '@/components/popup/ProfilePanel';
import { RecentList } from '@/components/popup/RecentList';
import { say } from '@/components/words/message';
import type { ProfileView } from '@/lib/model';
import { parseCountDetailed, type CountReading } from '@/lib/count';
import { shortlistToCsv } from '@/lib/csv';
import { formulaBasis, type EngagementResult } from '@/lib/engagement';
import { noteText } from '@/lib/i18n';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { newProfile, recentViewOf } from '@/lib/shortlist/schema';
import { ADAPTERS, readSnapshot } from '@/lib/sites';
import { PLATFORMS, type Platform } from '@/lib/platforms';
import type { PostCounts, ProfileSnapshot, SiteAdapter } from '@/lib/sites/types';
import { DEFAULT_TIER_SCHEME } from '@/lib/tiers';
import { badgeAttributes, buildVerdict, type ProfileVerdict } from '@/lib/verdict';
import { closeFixtures, documentFrom } from './sites/fixture';

/*
 * Issue 7, item 4: hostile and broken input. Absurd counts never crash the verdict nor reach an
 * attribute as "NaN"; hostile strings never crash the count reader; names and bios holding markup
 * stay text in the badge, the popup, the dashboard and the CSV export.
 *
 * Tests that found a bug say so in a comment above their describe ("Regression, found by this file").
 * A describe titled "BUG: …" states the expected behaviour of a bug not fixed yet, and fails until it is.
 */

afterEach(cleanup);
afterAll(closeFixtures);

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

const reading = (value: number, min = value, max = value, exact = min === max): CountReading => ({ value, exact, min, max });

// ---------------------------------------------------------------------------------------------
// Absurd counts through the whole lib path
// ---------------------------------------------------------------------------------------------

/** Follower readings as count.ts makes them: proper counts, exact, rounded or a lower bound. */
const SANE_FOLLOWERS: [name: string, followers: CountReading][] = [
  ['zero', reading(0)],
  ['negative zero', reading(-0)],
  ['one', reading(1)],
  ['MAX_SAFE_INTEGER', reading(Number.MAX_SAFE_INTEGER)],
  ['rounded 48.2K', reading(48_200, 48_150, 48_249)],
  ['lower bound "10K+"', parseCountDetailed('10K+')!],
];

/** Follower readings that are not counts at all: the verdict must treat them as unknown (or repair them). */
const ABSURD_FOLLOWERS: [name: string, followers: CountReading][] = [
  ['negative', reading(-5)],
  ['NaN', reading(Number.NaN)],
  ['Infinity', reading(Infinity)],
  ['-Infinity', reading(-Infinity)],
  ['10^30', reading(1e30)],
  ['past MAX_SAFE_INTEGER', reading(Number.MAX_SAFE_INTEGER + 2)],
  ['fractional', reading(1234.5)],
  ['NaN bounds around a good value', { value: 5_000, exact: false, min: Number.NaN, max: Number.NaN }],
  ['infinite bounds around a good value', { value: 5_000, exact: false, min: -Infinity, max: Infinity }],
  ['inverted bounds', { value: 5_000, exact: false, min: 6_000, max: 4_000 }],
  ['"exact" with bounds that disagree', { value: 5_000, exact: true, min: 1, max: 9_999_999 }],
];

function posts(count: number, make: (index: number) => Partial<PostCounts>): PostCounts[] {
  return Array.from({ length: count }, (_, index) => ({ id: `p${index}`, ...make(index) }));
}

const all = (value: number): Partial<PostCounts> => {
  const r = reading(value);
  return { likes: r, comments: r, shares: r, views: r, replies: r, reposts: r };
};

/** Post lists of 12, each count of every post set the same way. */
const POST_CASES: [name: string, posts: PostCounts[]][] = [
  ['sane counts', posts(12, (i) => ({ ...all(100 + i), views: reading(5_000 + i) }))],
  ['no posts', []],
  ['all zero', posts(12, () => all(0))],
  ['negative counts', posts(12, () => all(-5))],
  ['NaN counts', posts(12, () => all(Number.NaN))],
  ['infinite counts', posts(12, () => all(Infinity))],
  ['NaN bounds around good values', posts(12, () => ({ likes: { value: 40, exact: false, min: Number.NaN, max: Number.NaN }, views: reading(900) }))],
  ['a mix of good and broken', posts(12, (i) => (i % 3 === 0 ? all(Number.NaN) : i % 3 === 1 ? all(-1) : all(250)))],
  ['MAX_SAFE_INTEGER counts', posts(12, () => all(Number.MAX_SAFE_INTEGER))],
  // Dates no page shows: NaN, ±Infinity, before 1970, beyond any Date, in the far future.
  ['absurd post dates', posts(12, (i) => ({ ...all(100 + i), postedAt: [Number.NaN, Infinity, -Infinity, -1e20, 1e20, Number.MAX_VALUE, 8.64e15 + 1][i % 7] }))],
  // Ids that decode to dates on TikTok/X/Bluesky, some far out of range: 2^64 − 1, "0", 20 digits.
  ['ids as dates, out of range', posts(12, (i) => ({ ...all(100 + i), id: ['18446744073709551615', '0', '99999999999999999999', 'zzzzzzzzzzzzz', '7fffffffffffffff', `${i}`][i % 6]! + (i >= 6 ? 'x' : '') }))],
];

/** Counts that are finite but no page can show: the rate they give is finite, but absurd. */
const UNSAFE_POST_CASES: [name: string, posts: PostCounts[]][] = [['10^30 likes', posts(12, () => all(1e30))]];

const FAILURE_REASONS = ['followers-unknown', 'no-qualifying-post', 'likes-hidden', 'views-unknown'];

function snapshotOf(platform: Platform, followers: CountReading | undefined, list: PostCounts[]): ProfileSnapshot {
  return {
    platform,
    handle: 'absurd_counts',
    locale: 'en',
    displayName: 'Absurd Counts',
    followers,
    following: followers,
    postsCount: followers,
    totalLikes: followers,
    posts: list,
    notes: [],
  };
}

/** Every number the engagement result holds: finite; the rate and its range ≥ 0. */
function expectSaneEngagement(engagement: EngagementResult): void {
  for (const [key, value] of Object.entries(engagement.secondary)) {
    if (value !== undefined) expect(Number.isFinite(value), `secondary.${key} = ${value}`).toBe(true);
  }
  if (engagement.ok) {
    expect(Number.isFinite(engagement.percent) && engagement.percent >= 0, `percent = ${engagement.percent}`).toBe(true);
    expect(engagement.sampleSize).toBeGreaterThan(0);
    if (engagement.range) {
      const { low, high } = engagement.range;
      expect(Number.isFinite(low) && Number.isFinite(high) && low >= 0 && low <= high, `range ${low}…${high}`).toBe(true);
    }
  } else {
    expect(FAILURE_REASONS).toContain(engagement.reason);
    expect(say(engagement.message)).not.toMatch(/NaN|Infinity|undefined/);
  }
}

/** The badge host's attributes: strings, no NaN/Infinity, counts as plain non-negative integers. */
function expectSaneAttributes(attributes: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    expect(typeof value, name).toBe('string');
    expect(value, name).not.toMatch(/NaN|Infinity|undefined|null/);
  }
  const followers = attributes['data-followers'];
  if (followers !== undefined) {
    expect(followers, 'data-followers is a plain count').toMatch(/^\d+$/);
    expect(Number.isSafeInteger(Number(followers)), 'data-followers is a safe integer').toBe(true);
  }
  const engagement = attributes['data-engagement'];
  if (engagement !== undefined) expect(engagement, 'data-engagement is a plain decimal').toMatch(/^\d+\.\d{4}$/);
  expect(attributes['data-sample'], 'data-sample').toMatch(/^\d+$/);
  const lastPost = attributes['data-last-post'];
  if (lastPost !== undefined) expect(lastPost, 'data-last-post is a UTC day').toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const perWeek = attributes['data-posts-per-week'];
  if (perWeek !== undefined) expect(perWeek, 'data-posts-per-week is a plain decimal').toMatch(/^\d+\.\d{2}$/);
  // Signals from the page only: never growth-spike (the user's saved history).
  expect(attributes['data-flags'], 'data-flags').toMatch(
    /^(?:(?:inactive|low-engagement|comment-density|uniform-likes|viral-dependence|views-likes|following-ratio)(?: |$))*$/,
  );
}

/** What the badge and the popup say about the verdict, as the user reads it. */
function renderedText(verdict: ProfileVerdict, snapshot: ProfileSnapshot): string {
  const noop = () => {};
  const badge = render(createElement(Badge, { verdict, expanded: true, onToggle: noop, saved: false, onSave: noop, theme: 'light' }));
  const view: ProfileView = { url: 'https://example.com/absurd_counts', snapshot, verdict };
  const panel = render(
    createElement(ProfilePanel, { view, saved: undefined, onSave: noop, onRemove: noop, onTagsChange: noop, onNoteChange: noop }),
  );
  const text = `${badge.container.textContent} ${panel.container.textContent}`;
  cleanup();
  return text;
}

function verdictOf(snapshot: ProfileSnapshot): ProfileVerdict {
  return buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled');
}

describe('absurd counts: buildVerdict and badgeAttributes stay sane', () => {
  describe.each(PLATFORMS)('%s', (platform) => {
    it.each(SANE_FOLLOWERS)('followers %s, every post case', (_name, followers) => {
      for (const [postCase, list] of POST_CASES) {
        const snapshot = snapshotOf(platform, followers, list);
        const verdict = verdictOf(snapshot);
        expect(verdict.state, postCase).not.toBe('loading');
        expectSaneEngagement(verdict.engagement);
        expectSaneAttributes(badgeAttributes(verdict));
        if (verdict.engagement.ok) expect(verdict.engagement.sampleSize, postCase).toBeLessThanOrEqual(DEFAULT_SETTINGS.sampleSize);
      }
    });

    it.each(POST_CASES)('no follower count, posts: %s', (_name, list) => {
      const verdict = verdictOf(snapshotOf(platform, undefined, list));
      expect(verdict.state).toBe('unknown');
      expectSaneEngagement(verdict.engagement);
      expectSaneAttributes(badgeAttributes(verdict));
    });

    it('zero followers: the rate per follower is unknown, never a division by zero', () => {
      for (const [postCase, list] of POST_CASES) {
        const verdict = verdictOf(snapshotOf(platform, reading(0), list));
        const { engagement } = verdict;
        expectSaneEngagement(engagement);
        if (formulaBasis(engagement.formula) === 'followers') {
          expect(engagement.ok, postCase).toBe(false);
          if (!engagement.ok) expect(engagement.reason, postCase).toBe('followers-unknown');
        }
        expect(engagement.secondary.likesPerFollower, postCase).toBeUndefined();
        expect(engagement.secondary.viewRatePercent, postCase).toBeUndefined();
        expect(badgeAttributes(verdict)['data-followers']).toBe('0');
      }
    });

    it('the badge and the popup never print NaN or Infinity for proper follower counts', () => {
      for (const [, followers] of SANE_FOLLOWERS) {
        for (const [postCase, list] of POST_CASES) {
          const snapshot = snapshotOf(platform, followers, list);
          expect(renderedText(verdictOf(snapshot), snapshot), postCase).not.toMatch(/NaN|Infinity|∞/);
        }
      }
    }, 120_000);
  });

  it('100 000 posts on a page: completes, samples the latest 30', () => {
    const many = posts(100_000, (i) => ({ ...all(100 + (i % 50)), pinned: i < 3 }));
    for (const platform of PLATFORMS) {
      const verdict = verdictOf(snapshotOf(platform, reading(12_000), many));
      expect(verdict.engagement.ok, platform).toBe(true);
      if (verdict.engagement.ok) expect(verdict.engagement.sampleSize).toBe(30);
      expectSaneAttributes(badgeAttributes(verdict));
    }
  }, 120_000);

  it('100 000 posts none of which qualifies, or all with the same id: completes with a reason', () => {
    const useless = posts(100_000, () => ({ likesHidden: true }));
    const duplicates = Array.from({ length: 100_000 }, () => ({ id: 'same', ...all(10) }));
    for (const platform of PLATFORMS) {
      const none = verdictOf(snapshotOf(platform, reading(12_000), useless));
      expect(none.engagement.ok, platform).toBe(false);
      expectSaneAttributes(badgeAttributes(none));
      const one = verdictOf(snapshotOf(platform, reading(12_000), duplicates));
      if (one.engagement.ok) expect(one.engagement.sampleSize, platform).toBe(1);
      expectSaneAttributes(badgeAttributes(one));
    }
  }, 120_000);
});

// Regression, found by this file (issue 7 item 4): buildVerdict copied snapshot.followers into the
// verdict unchecked, so a reading that is not a count got a tier ("Nano" for NaN and -5, "Mega" for
// Infinity) and reached the badge host as data-followers="NaN" / "-5" / "Infinity" / "1e+30" /
// "1234.5", and the badge and popup text as "NaN followers", "rounded by the page: NaN–NaN",
// "−∞–∞", "6,000–4,000". Fixed by checkedReading (lib/count.ts) in buildVerdict.
describe('absurd follower readings never reach the badge: unknown, or bounds repaired', () => {
  describe.each(PLATFORMS)('%s', (platform) => {
    it.each(ABSURD_FOLLOWERS)('followers %s', (_name, followers) => {
      const snapshot = snapshotOf(platform, followers, POST_CASES[0]![1]);
      let verdict: ProfileVerdict | undefined;
      expect(() => (verdict = verdictOf(snapshot))).not.toThrow();
      expectSaneEngagement(verdict!.engagement);
      const shown = verdict!.followers;
      if (shown) expectCountOrNull(shown, 'verdict.followers');
      else expect(verdict!.tier, 'no tier without a follower count').toBeUndefined();
      expectSaneAttributes(badgeAttributes(verdict!));
      const text = renderedText(verdict!, snapshot);
      expect(text).not.toMatch(/NaN|Infinity|∞|e\+\d|-5 followers|6,000–4,000/);
    });
  });
});

// Regression, found by this file: count.ts reads "10K+" as { value: 10000, min: 10000, max:
// MAX_SAFE_INTEGER } (its documented lower bound), but the popup's countRange only said "… or more"
// when max was not finite, and the badge card never did: both printed "10,000–9,007,199,254,740,991".
// Fixed by formatRange (lib/format.ts).
describe('a lower-bound count ("10K+") reads "10,000 or more", not a range up to MAX_SAFE_INTEGER', () => {
  it.each(PLATFORMS)('%s', (platform) => {
    const snapshot = snapshotOf(platform, parseCountDetailed('10K+')!, POST_CASES[0]![1]);
    const text = renderedText(verdictOf(snapshot), snapshot);
    expect(text).toContain('10,000 or more');
    expect(text).not.toContain('9,007,199,254,740,991');
  });
});

// Regression, found by this file: engagementRate's usable() accepted any finite count, safe integer
// or not, so 10^30 likes on 12 000 followers gave a rate of 1.7 × 10^28 % and badgeAttributes wrote
// data-engagement="1.6666666666666667e+28" (toFixed switches to exponent notation from 10^21).
// Fixed: usable() now uses checkedReading (lib/count.ts).
describe('counts past MAX_SAFE_INTEGER are not used: no exponent-notation rate', () => {
  it.each(UNSAFE_POST_CASES)('%s', (_name, list) => {
    for (const platform of PLATFORMS) {
      const verdict = verdictOf(snapshotOf(platform, reading(12_000), list));
      expectSaneEngagement(verdict.engagement);
      expectSaneAttributes(badgeAttributes(verdict));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// parseCountDetailed on hostile strings
// ---------------------------------------------------------------------------------------------

const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'ar', 'hi', 'en-IN', 'tr', 'id', '', 'not a locale!!', 'x-🙂', undefined];

function expectCountOrNull(result: CountReading | null, context: string): void {
  if (result === null) return;
  const { value, min, max, exact } = result;
  for (const n of [value, min, max]) expect(Number.isSafeInteger(n) && n >= 0, `${context}: ${JSON.stringify(result)}`).toBe(true);
  expect(min <= value && value <= max, `${context}: min ≤ value ≤ max`).toBe(true);
  if (exact) expect(min === value && max === value, `${context}: exact ⇒ min = max = value`).toBe(true);
}

describe('parseCountDetailed on hostile strings: null or a non-negative safe integer', () => {
  it.each([
    // [text, expected value under 'en' (null = no count)]
    ['NaN', null],
    ['-5', null],
    ['−5 followers', null],
    ['1e30', null],
    ['1e+30', null],
    ['Infinity', null],
    ['-Infinity', null],
    ['999999999999999999999', null], // 10^21 − 1: past MAX_SAFE_INTEGER
    ['9007199254740993', null], // MAX_SAFE_INTEGER + 2
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ['999,999,999,999,999,999 followers', null],
    ['99999999999999999999999999999999999999999999999999', null],
    ['0', 0],
    ['٠', 0],
    ['0000', 0],
    ['1,2,3,4', null],
    ['1.2.3.4', null],
    ['12.5', null],
    ['.5K', null],
    ['5%', null],
    ['12 T', null],
    ['NaNK', null],
    ['', null],
    ['   ', null],
    ['<b>1,234</b> followers', 1_234],
    ['<img src=x onerror=alert(1)>', 1], // "(1)": a number in brackets; markup is only text here
    ['<script>alert(1)</script>', 1],
    ['10^30', 10], // the first number; "^" is neither a unit nor a separator
    ['\u202e12K', 12_000], // bidi override: an invisible format character
  ] as [string, number | null][])('%j', (text, expected) => {
    for (const locale of LOCALES) expectCountOrNull(parseCountDetailed(text, locale), `${JSON.stringify(text)} in ${locale}`);
    expect(parseCountDetailed(text, 'en')?.value ?? null).toBe(expected);
  });

  it('huge inputs: a million digits, a million separators, deep garbage', () => {
    for (const text of ['9'.repeat(1_000_000), '1,'.repeat(500_000), `${'-'.repeat(500_000)}5`, '\u0660'.repeat(100_000)]) {
      for (const locale of ['en', 'de', 'ar']) expectCountOrNull(parseCountDetailed(text, locale), `${text.slice(0, 12)}… in ${locale}`);
    }
  });

  it('never throws, and returns null or a proper reading, for arbitrary strings and locales', () => {
    const countChars = fc.constantFrom(...'0123456789,. \u00a0\u202f\'’+-−%eEKkMmBb万億억千\u0660\u0663\u066b\u066c\u0966\u200f\u061c');
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: countChars, maxLength: 30 }),
    );
    const locale = fc.oneof(fc.constantFrom(...LOCALES), fc.string({ maxLength: 12 }));
    const rounding = fc.constantFrom('nearest' as const, 'down' as const, 'either' as const);
    fc.assert(
      fc.property(text, locale, rounding, (t, l, r) => {
        expectCountOrNull(parseCountDetailed(t, l, { rounding: r }), `${JSON.stringify(t)} in ${JSON.stringify(l)} (${r})`);
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS) * 50 || 3_000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Markup in names and bios stays text
// ---------------------------------------------------------------------------------------------

const PAYLOADS = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>'];

/** A fixture whose display name (and bio, where it has one) we replace with markup-as-text. */
interface NameFixture {
  platform: Platform;
  name: string;
  url: string;
  /** The bio as the fixture's source writes it (same text wherever it appears). */
  bio?: string;
}

const NAME_FIXTURES: NameFixture[] = [
  { platform: 'instagram', name: 'profile-rounded', url: 'https://www.instagram.com/kofi.bakes/', bio: 'Sourdough, every day at 5am.' },
  { platform: 'tiktok', name: 'profile', url: 'https://www.tiktok.com/@mara.bakes', bio: 'Sourdough every day. 12 years of starters.' },
  { platform: 'youtube', name: 'channel-rounded', url: 'https://www.youtube.com/@copperkettle/videos' },
  { platform: 'x', name: 'profile-rounded', url: 'https://x.com/mara_sketches', bio: 'Ink, paper, the odd comic.' },
  { platform: 'bluesky', name: 'profile', url: 'https://bsky.app/profile/juniper-oakes.bsky.social', bio: 'Field notes.' },
  { platform: 'threads', name: 'profile', url: 'https://www.threads.com/@wren.alder', bio: 'Lichen walks and slow bread.' },
];

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** Inside a JSON string inside a <script>: "<" as \u003c, so the script element is not closed early. */
const escapeJsonInScript = (text: string) =>
  JSON.stringify(text).slice(1, -1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');

/**
 * The fixture's source with `from` replaced by `to` everywhere, escaped for where it lands: HTML
 * entities in markup and attributes, JSON escapes inside scripts (page data, JSON-LD). So the page
 * *shows* the markup as text, as a real site does with a user's name.
 */
function replaceInSource(html: string, from: string, to: string): string {
  const inMarkup = (part: string) => part.split(escapeHtml(from)).join(escapeHtml(to)).split(from).join(escapeHtml(to));
  let out = '';
  let at = 0;
  for (const match of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)(<\/script>)/gi)) {
    out += inMarkup(html.slice(at, match.index));
    out += match[1] + match[2]!.split(from).join(escapeJsonInScript(to)) + match[3];
    at = match.index + match[0].length;
  }
  return out + inMarkup(html.slice(at));
}

function fixtureSource(fx: NameFixture): string {
  return readFileSync(join(FIXTURES, fx.platform, `${fx.name}.html`), 'utf8');
}

function adapterOf(platform: Platform): SiteAdapter {
  return ADAPTERS.find((adapter) => adapter.platform === platform)!;
}

/** No element the markup could have become, anywhere in `root`. */
function expectNoMarkup(root: ParentNode, context: string): void {
  expect(root.querySelector('[onerror], [onload]'), `${context}: an element with an event handler`).toBeNull();
  expect(root.querySelector('img[src="x"]'), `${context}: <img src=x>`).toBeNull();
  const scripts = [...root.querySelectorAll('script')].filter((script) => script.textContent?.trim() === 'alert(1)');
  expect(scripts, `${context}: <script>alert(1)</script>`).toEqual([]);
}

interface Hostile {
  fx: NameFixture;
  payload: string;
  original: ProfileSnapshot;
  snapshot: ProfileSnapshot;
  untrusted: ProfileSnapshot;
  doc: Document;
}

function hostile(fx: NameFixture, payload: string): Hostile {
  const source = fixtureSource(fx);
  const adapter = adapterOf(fx.platform);
  // One read time for both reads: YouTube's "3 days ago" counts back from it.
  const readAt = Date.now();
  const original = readSnapshot(adapter, documentFrom(source, fx.url), fx.url, { trustBootstrap: true, readAt });
  const name = original.displayName;
  if (!name || !source.includes(name)) throw new Error(`${fx.platform}/${fx.name}: display name ${name} not in the source: pick another fixture`);
  let html = replaceInSource(source, name, payload);
  if (fx.bio) {
    if (!source.includes(fx.bio)) throw new Error(`${fx.platform}/${fx.name}: bio not in the source`);
    // The bio also claims a follower count: a bio is never where a count is read.
    html = replaceInSource(html, fx.bio, `${payload} 9,999,999 followers`);
  }
  const doc = documentFrom(html, fx.url);
  return {
    fx,
    payload,
    original,
    doc,
    snapshot: readSnapshot(adapter, doc, fx.url, { trustBootstrap: true, readAt }),
    untrusted: readSnapshot(adapter, documentFrom(html, fx.url), fx.url, { trustBootstrap: false, readAt }),
  };
}

const HOSTILE_CASES = NAME_FIXTURES.flatMap((fx) => PAYLOADS.map((payload) => [`${fx.platform}/${fx.name}`, payload, fx] as const));

const noop = () => {};

function viewOf(snapshot: ProfileSnapshot, url: string): ProfileView {
  return { url, snapshot, verdict: buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled') };
}

describe('markup in a profile name or bio stays text', () => {
  describe.each(HOSTILE_CASES)('%s, name %s', (_title, payload, fx) => {
    const { doc, snapshot, untrusted, original } = hostile(fx, payload);

    it('the page shows it as text (the fixture is escaped, not injected)', () => {
      expectNoMarkup(doc, 'the hostile fixture');
      expect(doc.body?.textContent).toContain(payload);
    });

    it('the adapter reads it as the literal name, and no count changes', () => {
      expect(snapshot.displayName).toBe(payload);
      expect(untrusted.displayName === undefined || untrusted.displayName === payload, `untrusted: ${untrusted.displayName}`).toBe(true);
      for (const key of ['followers', 'following', 'postsCount', 'totalLikes'] as const) {
        expect(snapshot[key], key).toEqual(original[key]);
      }
      expect(snapshot.posts).toEqual(original.posts);
    });

    it('the badge renders no markup from it', () => {
      const verdict = buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled');
      const { container } = render(createElement(Badge, { verdict, expanded: true, onToggle: noop, saved: false, onSave: noop, theme: 'light' }));
      expectNoMarkup(container, 'Badge');
      // The badge shows no display name (tier, counts, rate, notes): nothing of it may appear as markup.
      expect(container.innerHTML).not.toContain('<img');
      expect(container.innerHTML).not.toContain('<script');
    });

    it('the popup shows it literally', () => {
      const { container } = render(
        createElement(ProfilePanel, {
          view: viewOf(snapshot, fx.url),
          saved: undefined,
          onSave: noop,
          onRemove: noop,
          onTagsChange: noop,
          onNoteChange: noop,
        }),
      );
      expectNoMarkup(container, 'ProfilePanel');
      expect(screen.getByText(payload)).toBeTruthy();
    });

    it('the popup recent list shows it literally', () => {
      const item = recentViewOf(viewOf(snapshot, fx.url), '2026-01-10T10:00:00.000Z');
      const { container } = render(createElement(RecentList, { recent: [item], now: new Date('2026-01-10T10:05:00.000Z') }));
      expectNoMarkup(container, 'RecentList');
      expect(container.textContent).toContain(payload);
    });

    it('the dashboard shows it literally', () => {
      const profile = newProfile(viewOf(snapshot, fx.url), '2026-01-10T10:00:00.000Z');
      const row = toRow(profile, DEFAULT_TIER_SCHEME);
      const { container } = render(
        createElement(ShortlistTable, {
          rows: [row],
          sort: { column: 'handle', direction: 'ascending' },
          onSort: noop,
          selected: new Set<string>(),
          onToggle: noop,
          matching: 1,
          matchingSelected: 0,
          onToggleAll: noop,
          onEdit: noop,
          now: Date.parse('2026-01-10T10:05:00.000Z'),
        }),
      );
      expectNoMarkup(container, 'ShortlistTable');
      expect(within(container).getByText(payload)).toBeTruthy();
    });

    it('the CSV keeps it literal', () => {
      const profile = newProfile(viewOf(snapshot, fx.url), '2026-01-10T10:00:00.000Z');
      const rows = parseCsv(shortlistToCsv([profile]).replace(/^\uFEFF/, ''));
      expect(rows[1]![rows[0]!.indexOf('Name')]).toBe(payload);
    });
  });

  it('a header naming another account with markup: the note the badge shows keeps it as text', () => {
    // TikTok names the account its header still shows in a note ("The page still shows @…").
    const fx = NAME_FIXTURES.find((candidate) => candidate.platform === 'tiktok')!;
    const payload = PAYLOADS[0]!;
    const html = fixtureSource(fx).replace(
      '<h1 data-e2e="user-title">mara.bakes</h1>',
      `<h1 data-e2e="user-title">@${escapeHtml(payload)}</h1>`,
    );
    const snapshot = readSnapshot(adapterOf('tiktok'), documentFrom(html, fx.url), fx.url, { trustBootstrap: true });
    const note = snapshot.notes.map(noteText).find((line) => line.includes(payload));
    expect(note, `notes: ${JSON.stringify(snapshot.notes)}`).toBeDefined();
    const verdict = buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled');
    const { container } = render(createElement(Badge, { verdict, expanded: true, onToggle: noop, saved: false, onSave: noop, theme: 'light' }));
    expectNoMarkup(container, 'Badge notes');
    expect(within(container).getByText(note!)).toBeTruthy();
  });
});

/** A strict RFC 4180 reader (the records shortlistToCsv writes end in CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

describe('CSV export: a name a spreadsheet would run stays text', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', ''],
    ['+1+cmd|\' /C calc\'!A0', ''],
    ['-2+3', ''],
    ['@SUM(1,2)', ''],
    ['=1+1', ''],
    // The formula after a tab or line break starts a cell of its own in a reader that splits
    // on tabs or ends the record there (lib/csv.ts): it gets an apostrophe of its own.
    ['\t=1+1', "'\t'=1+1"],
    ['\r=1+1', "'\r'=1+1"],
  ])('%j gets a leading apostrophe and is otherwise literal', (name, neutralised) => {
    const snapshot: ProfileSnapshot = { platform: 'x', handle: 'formula_name', locale: 'en', displayName: name, followers: reading(4_000), posts: [], notes: [] };
    const profile = newProfile(viewOf(snapshot, 'https://x.com/formula_name'), '2026-01-10T10:00:00.000Z');
    const rows = parseCsv(shortlistToCsv([profile]).replace(/^\uFEFF/, ''));
    expect(rows[1]![rows[0]!.indexOf('Name')]).toBe(neutralised || `'${name}`);
  });

  it('a markup name is quoted as every field is, never altered', () => {
    const name = '"><script>alert(1)</script>, <img src=x onerror=alert(1)>';
    const snapshot: ProfileSnapshot = { platform: 'x', handle: 'markup_name', locale: 'en', displayName: name, followers: reading(4_000), posts: [], notes: [] };
    const profile = newProfile(viewOf(snapshot, 'https://x.com/markup_name'), '2026-01-10T10:00:00.000Z');
    const rows = parseCsv(shortlistToCsv([profile]).replace(/^\uFEFF/, ''));
    expect(rows[1]![rows[0]!.indexOf('Name')]).toBe(name);
  });
});
