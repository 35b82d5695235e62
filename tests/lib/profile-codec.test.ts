import { describe, expect, it } from 'vitest';
import { decodeProfile, encodeProfile, isoTime, readProfileText } from '@/lib/shortlist/codec';
import { checkProfile, HISTORY_KEPT, LIMITS, thinHistory, type SavedProfile, type SavedSnapshot } from '@/lib/shortlist/schema';
import { storageKeyOf } from '@/lib/storage-keys';
import { storedProfile } from '@/lib/shortlist/layout';
import { PLATFORMS, profileKey } from '@/lib/platforms';
import { exact, makeProfile } from './shortlist-fixtures';

/** What the stored text reads back as, checked like every stored profile. */
function roundTrip(profile: SavedProfile): SavedProfile {
  const checked = checkProfile(decodeProfile(encodeProfile(profile)), 'stored');
  if (!checked.ok) throw new Error(JSON.stringify(checked.reason));
  return checked.profile;
}

const ODD: SavedProfile = {
  platform: 'bluesky',
  handle: 'did:plc:abc%7C~x',
  displayName: 'Ana | Chef; 100% real, ~yes~!',
  url: 'https://staging.bsky.app/profile/did:plc:abc',
  savedAt: '2025-03-01T10:00:00.123Z',
  lastSeen: '2025-04-01T10:00:00.000Z',
  tags: ['a,b', 'semi;colon', 'per%cent', '!bang', 'ü ñ 漢字'],
  note: 'line one\nline | two; "quoted", \\ back~slash!',
  history: [
    // Before savedAt (merged from an import): a negative offset.
    { at: '2025-02-27T10:00:00.000Z', sampleSize: 0, benchmark: 'none' },
    { at: '2025-03-01T10:00:00.123Z', followers: { value: 12_300, exact: false, min: 12_250, max: 12_349 }, tier: 'mid', scheme: 'custom', sampleSize: 0, benchmark: 'none' },
    { at: '2025-03-02T10:00:00.000Z', followers: exact(0), engagementPercent: 0, basis: 'followers', method: 'mean', sampleSize: 1_000, benchmark: 'below', benchmarksVersion: 'v,1|x' },
    { at: '2025-03-03T10:00:00.000Z', followers: { value: 7, exact: false, min: 7, max: 7 }, engagementPercent: 1e-7, basis: 'views', method: 'median', sampleSize: 3, benchmark: 'typical', benchmarksVersion: 'v,1|x' },
    { at: '2025-03-04T10:00:00.000Z', followers: exact(Number.MAX_SAFE_INTEGER), engagementPercent: 123.456789012345, sampleSize: 3, benchmark: 'above' },
    { at: '2025-03-05T10:00:00.000Z', followers: exact(5), tier: 'emerging', scheme: 'later-sprout', sampleSize: 1, benchmark: 'none', benchmarksVersion: '2025-11' },
  ],
};

describe('encodeProfile / decodeProfile', () => {
  it.each<[string, SavedProfile]>([
    ['a profile as the fixtures make it', makeProfile({ followers: [8_000, 8_100, 9_000], tags: ['beauty'], note: 'hi', displayName: 'Maya' })],
    ['separators, escapes and non-ASCII in every text; odd counts and versions', ODD],
    ...PLATFORMS.map((platform): [string, SavedProfile] => [`a ${platform} profile at its usual address`, makeProfile({ platform, handle: 'someone_1' })]),
    ['a url elsewhere', { ...makeProfile({ platform: 'tiktok' }), url: 'https://m.tiktok.com/@maya?lang=de' }],
  ])('%s reads back exactly', (_, profile) => {
    const checked = checkProfile(profile, 'stored');
    expect(checked.ok).toBe(true);
    const stored = checked.ok ? checked.profile : profile;
    expect(roundTrip(stored)).toEqual(stored);
    // Text without a separator left unescaped: nothing leaks out of its field.
    expect(encodeProfile(stored).split('|')).toHaveLength(9);
    // The fast path reads what the full path reads, or leaves it to it.
    const fast = readProfileText(encodeProfile(stored));
    if (fast) expect(fast).toEqual(stored);
  });

  it('the fast path reads the usual stored profile, and leaves the odd ones to the full path', () => {
    const usual = checkProfile(makeProfile({ followers: [8_000, 8_100], tags: ['beauty', 'UK micro'], note: 'a; b | c', displayName: 'Maya' }), 'stored');
    expect(usual.ok && readProfileText(encodeProfile(usual.profile))).toEqual(usual.ok && usual.profile);
    expect(readProfileText(encodeProfile(ODD))).toEqual(checkProfile(ODD, 'stored').ok ? ODD : undefined);
    const maya = makeProfile({ followers: [1, 2, 3] });
    // A link that is not http(s), or not a link: the full path refuses it with its reason.
    expect(readProfileText(encodeProfile({ ...maya, url: 'ftp://example.com/maya' }))).toBeUndefined();
    expect(readProfileText(encodeProfile({ ...maya, url: 'https://exa mple.com:99999/' }))).toBeUndefined();
    const text = encodeProfile(maya);
    const history = text.split('|')[8]!;
    const withHistory = (next: string): string => [...text.split('|').slice(0, 8), next].join('|');
    // Out of order (sortHistory would change it), a tag not normalised, a count range that lies.
    expect(readProfileText(withHistory(history.replace(/;[0-9a-z]+,/, ';-5,')))).toBeUndefined();
    expect(text.replace('|||', '| UK ||').split('|')).toHaveLength(9);
    expect(readProfileText(text.replace('|||', '| UK ||'))).toBeUndefined();
    expect(readProfileText(text.replace('|||', '|UK||'))).toMatchObject({ tags: ['UK'] });
    expect(readProfileText(withHistory(`0,${(100).toString(36)},1.${(200).toString(36)}.${(300).toString(36)}`))).toBeUndefined();
    expect(checkProfile(decodeProfile(withHistory(`0,${(100).toString(36)},1.${(200).toString(36)}.${(300).toString(36)}`)), 'stored').ok).toBe(false);
  });

  it.each([
    ['too few fields', '0|maya|~maya/'],
    ['an unknown platform', '9|maya|~maya/||mhfq2k00|0|||0'],
  ])('%s is not a profile', (_, text) => {
    expect(decodeProfile(text)).toBeUndefined();
  });

  it.each([
    ['a broken number', '0|maya|~maya/||mhfq2k00|0|||0,4m.o'],
    ['an impossible date', '0|maya|~maya/||zzzzzzzzzzzzz|0|||0'],
    ['no snapshots', '0|maya|~maya/||mhfq2k00|0|||'],
    ['an unknown tier code', '0|maya|~maya/||mhfq2k00|0|||0,4mo,,9'],
  ])('%s decodes to something validation refuses', (_, text) => {
    expect(checkProfile(decodeProfile(text), 'stored').ok).toBe(false);
    expect(readProfileText(text)).toBeUndefined();
  });

  it.each([
    ['a javascript: url', '0|maya|javascript%3Aalert(1)||mhfq2k00|0|||0'],
    ['a url with share tracking and a fragment', `0|maya|~maya/?igsh=abc#${'x'.repeat(3000)}||mhfq2k00|0|||0`],
    ["another profile's url", '0|maya|~sam/||mhfq2k00|0|||0'],
  ])('%s is never kept: the profile reads with its own link, rebuilt from platform and handle', (_, text) => {
    const checked = checkProfile(decodeProfile(text), 'stored');
    expect(checked.ok && checked.profile.url).toBe('https://www.instagram.com/maya/');
  });
});

/** A profile with v4's fields: a quote, and snapshots with and without a signals summary. */
const WITH_SIGNALS: SavedProfile = {
  ...makeProfile({ platform: 'youtube', handle: 'chef.ana', followers: [50_000, 51_000, 52_000] }),
  quote: { amount: 1250.5, currency: 'EUR|€,~' },
};
WITH_SIGNALS.history[1]!.signals = {
  states: { 'low-engagement': 'fine', 'comment-density': 'look', 'uniform-likes': 'unknown', 'viral-dependence': 'fine', 'views-likes': 'unknown', 'following-ratio': 'look' },
  posts: 12,
  newestPost: '2024-12-30T00:00:00.000Z',
  postsPerWeek: 0.58,
  approximate: true,
  engagements: { value: 1_234, exact: false, min: 1_200, max: 1_299 },
  views: exact(40_000),
  impressions: exact(40_000),
  impressionsFrom: 'views',
};
WITH_SIGNALS.history[2]!.signals = { states: { ...WITH_SIGNALS.history[1]!.signals.states, 'comment-density': 'fine' }, posts: 3 };

describe('schema v4 fields in the text: quote and signals summary', () => {
  it('read back exactly, by the full path and the fast path', () => {
    const checked = checkProfile(WITH_SIGNALS, 'stored');
    if (!checked.ok) throw new Error(JSON.stringify(checked.reason));
    expect(checked.profile).toEqual(WITH_SIGNALS);
    const text = encodeProfile(WITH_SIGNALS);
    expect(text.split('|')).toHaveLength(10);
    expect(roundTrip(WITH_SIGNALS)).toEqual(WITH_SIGNALS);
    expect(readProfileText(text)).toEqual(WITH_SIGNALS);
  });

  it('a profile without them is the same text as v3 wrote', () => {
    const plain = makeProfile({ followers: [8_000, 8_100] });
    expect(encodeProfile(plain).split('|')).toHaveLength(9);
    expect(encodeProfile(plain).split(';').every((snapshot) => snapshot.split(',').length <= 11)).toBe(true);
  });

  it.each([
    ['a state letter that is none', (text: string) => text.replace(/,flu/, ',fxu')],
    ['a negative amount', (text: string) => text.replace(/\|1250\.5,/, '|-3,')],
    ['an amount over the limit', (text: string) => text.replace(/\|1250\.5,/, `|${LIMITS.quoteAmount * 10},`)],
    ['impressions without what stood for them', (text: string) => text.replace(/:v[0-9a-z]+(?=;)/, ':x100')],
  ])('%s: the fast path leaves it, the full path refuses it with a reason', (_, change) => {
    const text = change(encodeProfile(WITH_SIGNALS));
    expect(text).not.toBe(encodeProfile(WITH_SIGNALS));
    expect(readProfileText(text)).toBeUndefined();
    const checked = checkProfile(decodeProfile(text), 'stored');
    expect(checked.ok).toBe(false);
  });
});

describe('isoTime', () => {
  it('writes what Date#toISOString writes, from 1970 to 9999', () => {
    const times = [0, 1, 999, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2000, 0, 1), 253_402_300_799_999];
    for (let index = 0; index < 2_000; index++) times.push(Math.floor(((index * 2654435761) % 4294967296) / 4294967296 * 253_402_300_799_999));
    for (const time of times) expect(isoTime(time), String(time)).toBe(new Date(time).toISOString());
  });
});

function snapshot(day: number, followers?: number, rated = true): SavedSnapshot {
  const entry: SavedSnapshot = { at: new Date(Date.UTC(2025, 0, 1 + day)).toISOString(), sampleSize: 12, benchmark: 'none' };
  if (followers !== undefined) entry.followers = exact(followers);
  if (rated) entry.engagementPercent = 2;
  return entry;
}

describe('thinHistory', () => {
  it('leaves a short history alone', () => {
    const history = [snapshot(0, 10), snapshot(1, 11)];
    expect(thinHistory(history)).toBe(history);
  });

  it('keeps first, last and the jumps; drops snapshots without a count first', () => {
    const history = Array.from({ length: 40 }, (_, day) => snapshot(day, day % 5 === 3 ? undefined : 1_000 + day * 10 + (day === 21 ? 500 : 0) - (day === 30 ? 400 : 0), day !== 38));
    const thinned = thinHistory(history, 12);
    expect(thinned).toHaveLength(12);
    expect(thinned[0]).toBe(history[0]);
    expect(thinned.at(-1)).toBe(history[39]);
    expect(thinned).toContain(history[21]);
    expect(thinned).toContain(history[30]);
    expect(thinned.filter((entry) => !entry.followers)).toEqual([]);
    // Oldest first, still.
    expect(thinned.map((entry) => entry.at)).toEqual([...thinned.map((entry) => entry.at)].sort());
  });

  it('keeps the latest rate and the latest count when they are in different snapshots', () => {
    const history = [snapshot(0, 100), ...Array.from({ length: 30 }, (_, day) => snapshot(day + 1, 100 + day, false)), snapshot(31, undefined, true), snapshot(32, undefined, false)];
    const thinned = thinHistory(history, 6);
    expect(thinned).toContain(history[30]); // latest with a count
    expect(thinned).toContain(history[31]); // latest with a rate
  });

  it('a huge imported history is cut to the cap', () => {
    const history = Array.from({ length: LIMITS.history }, (_, day) => snapshot(day, 1_000 + ((day * 7919) % 500)));
    expect(thinHistory(history)).toHaveLength(HISTORY_KEPT);
  });
});

/** Bytes as Chrome counts storage.local's quota: each key's length plus its value's JSON (UTF-8). */
function quotaBytes(items: Record<string, unknown>): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value));
  return bytes;
}

/** 5 000 profiles like a marketer's: mixed platforms, names, some tags and notes, `snapshots` visits each. */
function shortlistOf(snapshots: number, stored: (profile: SavedProfile) => unknown): Record<string, unknown> {
  const items: Record<string, unknown> = { 'microscope:shortlist': { version: 3 } };
  for (let index = 0; index < 5_000; index++) {
    const platform = PLATFORMS[index % PLATFORMS.length]!;
    const base = 2_000 + ((index * 7919) % 900_000);
    const profile = makeProfile({
      platform,
      handle: `creator.${index}_name`,
      displayName: `Creator Number ${index}`,
      followers: Array.from({ length: snapshots }, (_, visit) => base + visit * ((index % 97) + 13) * 7),
      // A measured median rate has every digit a double has.
      engagement: ((index * 2654435761) % 1_000_000) / 97_301,
      tags: index % 3 === 0 ? ['beauty', 'UK'] : [],
      note: index % 10 === 0 ? 'Asked for rates on 3 Nov; replied within a day.' : '',
      start: '2025-06-01T09:30:00.000Z',
    });
    items[storageKeyOf(profileKey(profile.platform, profile.handle))] = stored(profile);
  }
  return items;
}

describe("5 000 profiles in storage.local's 10 MB (no unlimitedStorage)", () => {
  const QUOTA = 10 * 1024 * 1024;

  it('with 5 snapshots each: under a fifth of the quota, a quarter of what v2 stored', () => {
    const v3 = quotaBytes(shortlistOf(5, storedProfile));
    const v2 = quotaBytes(shortlistOf(5, (profile) => profile));
    expect(v2).toBeGreaterThan(0.7 * QUOTA); // the problem: v2 was near the limit
    expect(v3).toBeLessThan(QUOTA / 5);
    expect(v3).toBeLessThan(v2 / 4);
  });

  it(`with the most snapshots kept (${HISTORY_KEPT}) each: under half the quota`, () => {
    expect(quotaBytes(shortlistOf(HISTORY_KEPT, storedProfile))).toBeLessThan(QUOTA / 2);
  });
});
