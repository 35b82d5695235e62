import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, profileKey, type Platform } from '@/lib/platforms';
import { canonicalProfileUrl, profileOfUrl } from '@/lib/sites/url/canonical';
import { exportBackup, mergeProfiles, mergeProfilesDetailed, parseBackup } from '@/lib/shortlist/backup';
import { checkProfile, SHORTLIST_VERSION, type SavedProfile } from '@/lib/shortlist/schema';
import { readStoredProfile, storedProfile } from '@/lib/shortlist/layout';
import type { MessageCode } from '@/lib/i18n';
import { TIERS } from '@/lib/tiers';
import { byKey, makeProfile } from './shortlist-fixtures';

const NOW = new Date('2025-11-27T12:00:00.000Z');

/** A backup row of @maya's (or of the handle given, with its own link unless one is given). */
function row(overrides: Record<string, unknown>): Record<string, unknown> {
  const handle = typeof overrides.handle === 'string' && overrides.handle !== '' ? overrides.handle : 'maya';
  return { ...JSON.parse(JSON.stringify(makeProfile({ handle: /^[\w.]+$/.test(handle) ? handle : 'maya' }))), ...overrides };
}

describe('exportBackup / parseBackup', () => {
  it('round-trips the shortlist', () => {
    const profiles = byKey(
      makeProfile({ handle: 'maya', displayName: 'Maya <script>x</script>', followers: [8_000, 9_000], tags: ['travel'], note: 'hi\nthere' }),
      makeProfile({ platform: 'bluesky', handle: 'sam.bsky.social' }),
      makeProfile({ platform: 'youtube', handle: 'Café·Crème' }),
    );
    const text = exportBackup({ profiles }, NOW);
    const json = JSON.parse(text);
    expect(json).toMatchObject({ format: 'microscope-backup', version: SHORTLIST_VERSION, exportedAt: NOW.toISOString(), count: 3 });
    const parsed = parseBackup(json);
    expect(parsed.refused).toEqual([]);
    expect(byKey(...parsed.rows)).toEqual(profiles);
    // The text itself is accepted too (a BOM added by an editor included).
    expect(parseBackup(`\uFEFF${text}`).rows).toHaveLength(3);
  });

  it('writes one profile per line', () => {
    const text = exportBackup({ profiles: byKey(makeProfile({ handle: 'a' }), makeProfile({ handle: 'b' })) }, NOW);
    expect(text.split('\n')).toHaveLength(5);
  });

  // The words of each reason: tests/components/words/shortlist.test.ts.
  const instagramHost = { list: ['instagram.com'], type: 'disjunction' } as const;
  it.each<[string, Record<string, unknown> | string, MessageCode]>([
    ['platform unknown', { platform: 'myspace' }, { key: 'invalidOneOf', args: ['platform', PLATFORMS.join(', ')] }],
    ['handle missing', { handle: '' }, { key: 'invalidHandleMissing' }],
    ['handle with bad characters', { handle: 'maya jones' }, { key: 'invalidHandleCharacters', args: ['maya jones', 'Instagram'] }],
    ['handle too long', { handle: 'a'.repeat(101) }, { key: 'invalidHandleLength', args: [100] }],
    ['url on another host', { url: 'https://evil.example/maya' }, { key: 'invalidUrlHost', args: [instagramHost, 'Instagram', 'evil.example'] }],
    ['url javascript:', { url: 'javascript:alert(1)' }, { key: 'invalidUrlProtocol', args: ['javascript'] }],
    ['url of another handle', { url: 'https://www.instagram.com/sam/' }, { key: 'invalidUrlOtherProfile', args: ['Instagram', 'maya', 'https://www.instagram.com/sam/'] }],
    [
      "url through Instagram's link redirector",
      { url: 'https://l.instagram.com/?u=https%3A%2F%2Fwww.instagram.com%2Fmaya%2F' },
      { key: 'invalidUrlOtherProfile', args: ['Instagram', 'maya', 'https://l.instagram.com/?u=https%3A%2F%2Fwww.instagram.com%2Fmaya%2F'] },
    ],
    ['url of a post', { url: 'https://www.instagram.com/p/C0ffee123/' }, { key: 'invalidUrlOtherProfile', args: ['Instagram', 'maya', 'https://www.instagram.com/p/C0ffee123/'] }],
    ['url on a look-alike host', { url: 'https://instagram.com.evil.example/maya/' }, { key: 'invalidUrlHost', args: [instagramHost, 'Instagram', 'instagram.com.evil.example'] }],
    ['savedAt not a date', { savedAt: 'yesterday' }, { key: 'invalidDate', args: ['savedAt'] }],
    ['savedAt impossible', { savedAt: '2025-13-45T99:00:00Z' }, { key: 'invalidRealDate', args: ['savedAt', '2025-13-45T99:00:00Z'] }],
    ['history empty', { history: [] }, { key: 'invalidHistory' }],
    ['negative followers', { history: [{ at: '2025-01-01T00:00:00Z', sampleSize: 1, followers: { value: -5, exact: true, min: -5, max: -5 } }] }, { key: 'invalidCount', args: ['history[0].followers.value', '-5'] }],
    ['fractional followers', { history: [{ at: '2025-01-01T00:00:00Z', sampleSize: 1, followers: { value: 1.5, exact: true, min: 1.5, max: 1.5 } }] }, { key: 'invalidCount', args: ['history[0].followers.value', '1.5'] }],
    ['unsafe followers', { history: [{ at: '2025-01-01T00:00:00Z', sampleSize: 1, followers: { value: 2 ** 60, exact: true, min: 2 ** 60, max: 2 ** 60 } }] }, { key: 'invalidCount', args: ['history[0].followers.value', JSON.stringify(2 ** 60)] }],
    ['tier unknown', { history: [{ at: '2025-01-01T00:00:00Z', sampleSize: 1, tier: 'giga' }] }, { key: 'invalidOneOf', args: ['history[0].tier', TIERS.join(', ')] }],
    ['tag not text', { tags: [42] }, { key: 'invalidText', args: ['tags[0]'] }],
    ['tag too long', { tags: ['x'.repeat(41)] }, { key: 'invalidTextLength', args: ['tags[0]', 40] }],
    ['note too long', { note: 'x'.repeat(2001) }, { key: 'invalidTextLength', args: ['note', 2000] }],
    ['not an object', 'maya', { key: 'invalidNotObject' }],
  ])('refuses a row with %s, saying why', (_, overrides, reason) => {
    const bad = typeof overrides === 'string' ? overrides : row(overrides);
    const parsed = parseBackup({ format: 'microscope-backup', version: 2, profiles: [row({ handle: 'good' }), bad] });
    expect(parsed.rows.map((profile) => profile.handle)).toEqual(['good']);
    expect(parsed.refused).toHaveLength(1);
    expect(parsed.refused[0]!.index).toBe(1);
    expect(parsed.refused[0]!.reason).toEqual(reason);
  });

  it('names the handle of a refused row when it has one', () => {
    const parsed = parseBackup([row({ handle: 'maya', url: 'ftp://x' })]);
    expect(parsed.refused).toEqual([{ index: 0, handle: 'maya', reason: { key: 'invalidUrlProtocol', args: ['ftp'] } }]);
  });

  it.each<[string, unknown, MessageCode]>([
    ['not JSON', '{oops', { key: 'backupNotJson', args: [expect.any(String)] }],
    ['a number', 42, { key: 'backupNotBackup' }],
    ['another format', { format: 'someone-else', profiles: [] }, { key: 'backupNotBackup' }],
    ['a newer version', { format: 'microscope-backup', version: SHORTLIST_VERSION + 1, profiles: [] }, { key: 'backupNewer', args: [SHORTLIST_VERSION + 1, SHORTLIST_VERSION] }],
  ])('refuses %s as a whole', (_, json, error) => {
    const parsed = parseBackup(json);
    expect(parsed.rows).toEqual([]);
    expect(parsed.error).toEqual(error);
  });

  it('reads a version-1 backup by migrating its rows', () => {
    const v1 = { platform: 'instagram', handle: 'old', url: 'https://www.instagram.com/old/', savedAt: '2025-01-01T00:00:00.000Z', lastSeen: '2025-01-01T00:00:00.000Z', tags: [], note: '', history: [{ at: '2025-01-01T00:00:00.000Z', followers: { value: 20_000, exact: true, min: 20_000, max: 20_000 }, engagementPercent: 1, basis: 'followers', sampleSize: 12 }] };
    const parsed = parseBackup({ version: 1, profiles: { 'instagram:old': v1 } });
    expect(parsed.refused).toEqual([]);
    expect(parsed.rows[0]!.history[0]).toMatchObject({ benchmark: 'typical', method: 'median' });
  });
});

describe('mergeProfiles', () => {
  const existing = makeProfile({ handle: 'maya', followers: [8_000, 8_500], tags: ['travel'], note: 'our note', start: '2025-03-01T00:00:00.000Z' });

  it('never loses existing data: histories merge by time, earliest save, latest visit, all tags, our note', () => {
    const incoming = makeProfile({ handle: 'MAYA', followers: [7_000, 8_000, 8_500, 9_000], tags: ['Travel', 'food'], note: 'their note', start: '2025-02-28T00:00:00.000Z' });
    const merged = mergeProfiles(byKey(existing), [incoming])['instagram:maya']!;
    expect(merged.handle).toBe('maya');
    expect(merged.savedAt).toBe('2025-02-28T00:00:00.000Z');
    expect(merged.lastSeen).toBe(incoming.lastSeen);
    expect(merged.tags).toEqual(['travel', 'food']);
    expect(merged.note).toBe('our note');
    const times = merged.history.map((snapshot) => snapshot.at);
    expect(times).toEqual([...new Set(times)].sort());
    expect(merged.history).toHaveLength(4); // 28 Feb – 3 Mar, the two shared days once
    for (const snapshot of existing.history) expect(merged.history).toContainEqual(snapshot);
  });

  it('takes their note when ours is empty', () => {
    const ours: SavedProfile = { ...existing, note: '  ' };
    expect(mergeProfiles(byKey(ours), [{ ...existing, note: 'theirs' }])['instagram:maya']!.note).toBe('theirs');
  });

  it('counts added, merged and unchanged; unchanged profiles keep their identity', () => {
    const sam = makeProfile({ handle: 'sam' });
    const result = mergeProfilesDetailed(byKey(existing, sam), [structuredClone(existing), makeProfile({ handle: 'zoe' }), { ...sam, tags: ['new'] }]);
    expect(result).toMatchObject({ added: 1, merged: 1, unchanged: 1 });
    expect(result.profiles['instagram:maya']).toBe(existing);
    expect(Object.keys(result.profiles).sort()).toEqual(['instagram:maya', 'instagram:sam', 'instagram:zoe']);
  });
});

describe('export, then import', () => {
  // Handles the adapters can read (and so save): each platform's alphabet, less reserved paths.
  const handles: Record<Platform, fc.Arbitrary<string>> = {
    instagram: fc.stringMatching(/^[a-z0-9_](?:[a-z0-9._]{0,28}[a-z0-9_])?$/).filter((handle) => !handle.includes('..')),
    tiktok: fc.stringMatching(/^[a-z0-9._]{2,24}$/),
    youtube: fc.stringMatching(/^[a-zA-Z0-9._-]{3,30}$/),
    x: fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/),
    bluesky: fc.stringMatching(/^[a-z0-9-]{1,20}\.bsky\.social$/),
    threads: fc.stringMatching(/^[a-z0-9_](?:[a-z0-9._]{0,28}[a-z0-9_])?$/).filter((handle) => !handle.includes('..')),
  };
  const reading = fc.integer({ min: 0, max: 50_000_000 }).map((value) => ({ value, exact: true, min: value, max: value }));
  const state = fc.constantFrom('fine' as const, 'look' as const, 'unknown' as const);
  // Issue 16's summary: read back on import as it was exported.
  const signals = fc.record(
    {
      states: fc.record({ 'low-engagement': state, 'comment-density': state, 'uniform-likes': state, 'viral-dependence': state, 'views-likes': state, 'following-ratio': state }),
      posts: fc.integer({ min: 0, max: 1_000 }),
      newestPost: fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) }).map((time) => new Date(time).toISOString()),
      postsPerWeek: fc.integer({ min: 0, max: 100_000 }).map((hundredths) => hundredths / 100),
      approximate: fc.constant(true as const),
      engagements: reading,
      views: reading,
      impressions: reading,
      impressionsFrom: fc.constantFrom('views' as const, 'likes-proxy' as const),
    },
    { requiredKeys: ['states', 'posts'] },
  ).map((summary) => (summary.impressions && !summary.impressionsFrom ? { ...summary, impressionsFrom: 'views' as const } : !summary.impressions ? { ...summary, impressionsFrom: undefined } : summary));
  const snapshot = fc.record(
    {
      at: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((time) => new Date(time).toISOString()),
      followers: reading,
      engagementPercent: fc.double({ min: 0, max: 500, noNaN: true }),
      sampleSize: fc.integer({ min: 0, max: 1_000 }),
      benchmark: fc.constantFrom('below' as const, 'typical' as const, 'above' as const, 'none' as const),
      signals,
    },
    { requiredKeys: ['at', 'sampleSize', 'benchmark'] },
  );
  const profile = fc.constantFrom(...PLATFORMS).chain((platform) =>
    fc.record({
      platform: fc.constant(platform),
      handle: handles[platform].filter((handle) => profileOfUrl(canonicalProfileUrl(platform, handle)) !== undefined),
      displayName: fc.option(fc.string({ minLength: 1, maxLength: 200 }), { nil: undefined }),
      tags: fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }),
      note: fc.string({ maxLength: 300 }),
      history: fc.array(snapshot, { minLength: 1, maxLength: 25 }),
      // Whatever the address bar held: the link stored is rebuilt from platform and handle.
      url: fc.constantFrom('?igsh=abc', '#top', '', '?si=xyz&utm_source=share'),
      quote: fc.option(
        fc.record({ amount: fc.integer({ min: 0, max: 100_000_000_000 }).map((cents) => cents / 100), currency: fc.string({ maxLength: 12 }).map((label) => label.replace(/\s+/g, ' ').trim()) }),
        { nil: undefined },
      ),
    }),
  );

  it('gives back exactly the shortlist exported (any profiles, any platform)', () => {
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 6 }), (rows) => {
        const profiles: Record<string, SavedProfile> = {};
        for (const row of rows) {
          const history = [...row.history].sort((a, b) => (a.at < b.at ? -1 : 1));
          const raw = { ...row, url: `${canonicalProfileUrl(row.platform, row.handle)}${row.url}`, savedAt: history[0]!.at, lastSeen: history.at(-1)!.at, history };
          const checked = checkProfile(raw, 'stored');
          if (!checked.ok) throw new Error(JSON.stringify(checked.reason));
          profiles[profileKey(row.platform, row.handle)] = checked.profile;
        }
        const parsed = parseBackup(exportBackup({ profiles }, NOW));
        expect(parsed.refused).toEqual([]);
        expect(byKey(...parsed.rows)).toEqual(profiles);
        for (const row of parsed.rows) expect(row.url).toBe(canonicalProfileUrl(row.platform, row.handle));
        // And storage's text gives back the same, v4 fields included (fast path or full path).
        for (const stored of Object.values(profiles)) expect(readStoredProfile(storedProfile(stored))).toEqual(stored);
      }),
      { numRuns: 200 },
    );
    // ~0.6 s alone; it once took 11 s in the whole suite on a shared 2-core machine.
  }, 60_000);
});
