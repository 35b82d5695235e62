import { describe, expect, it } from 'vitest';
import { neutraliseCell, SHORTLIST_CSV_HEADER, shortlistToCsv, toCsv } from '@/lib/csv';
import { BENCHMARK_WORDS, benchmarkWords, toRow } from '@/components/dashboard/shortlist-rows';
import { latestFigures, saveProfile } from '@/lib/shortlist/schema';
import { readStoredProfile, storedProfile } from '@/lib/shortlist/layout';
import { DEFAULT_TIER_SCHEME, tierSchemeById } from '@/lib/tiers';
import { makeProfile, makeView } from './shortlist-fixtures';

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else if (char === '\n' || char === '\r' || char === '"') throw new Error(`bare ${JSON.stringify(char)} at ${index}`);
    else field += char;
    index++;
  }
  if (field !== '' || row.length > 0) throw new Error('last record does not end with CRLF');
  return rows;
}

describe('toCsv', () => {
  it.each([
    [[['plain', 'text']], 'plain,text\r\n'],
    [[['a,b']], '"a,b"\r\n'],
    [[['say "hi"']], '"say ""hi"""\r\n'],
    [[['two\nlines']], '"two\nlines"\r\n'],
    [[['carriage\rreturn']], '"carriage\rreturn"\r\n'],
    [[['', '']], ',\r\n'],
    [[['Zoë', '佐藤']], 'Zoë,佐藤\r\n'],
    [[['a'], ['b']], 'a\r\nb\r\n'],
  ])('%j → %j', (rows, expected) => {
    expect(toCsv(rows)).toBe(expected);
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1:A2)', "'+SUM(A1:A2)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['=HYPERLINK("https://evil.example","click")', '\'=HYPERLINK("https://evil.example","click")'],
    // Plain numbers are data: follower growth can be negative.
    ['-3.5', '-3.5'],
    ['+12', '+12'],
    ['12', '12'],
    ['maya', 'maya'],
    ['', ''],
    [' =1', ' =1'],
  ])('%j → %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });
});

describe('shortlistToCsv', () => {
  const profiles = [
    makeProfile({ handle: 'maya', displayName: 'Maya "MJ" Jones, travel', followers: [8_000, 8_400], tags: ['travel', 'UK'], note: 'line one\nline two' }),
    makeProfile({ platform: 'x', handle: 'sam', displayName: '=cmd|\' /C calc\'!A0', followers: [20_000, 19_000], note: '@everyone' }),
    makeProfile({ platform: 'tiktok', handle: 'zoe', displayName: '<img src=x onerror=alert(1)><script>alert(1)</script>' }),
  ];

  it('starts with a UTF-8 BOM and a header, ends records with CRLF', () => {
    const csv = shortlistToCsv(profiles);
    expect(csv.startsWith('\uFEFFPlatform,Handle,Name,')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...SHORTLIST_CSV_HEADER]);
    expect(rows).toHaveLength(4);
  });

  it('quotes names with quotes and commas, and notes with line breaks', () => {
    const rows = parseCsv(shortlistToCsv(profiles).slice(1));
    const column = (name: (typeof SHORTLIST_CSV_HEADER)[number]) => SHORTLIST_CSV_HEADER.indexOf(name);
    expect(rows[1]![column('Name')]).toBe('Maya "MJ" Jones, travel');
    expect(rows[1]![column('Note')]).toBe('line one\nline two');
    expect(rows[1]![column('Tags')]).toBe('travel; UK');
    expect(rows[1]![column('Followers')]).toBe('8400');
    expect(rows[1]![column('Follower growth %')]).toBe('5');
    expect(rows[1]![column('Profile URL')]).toBe('https://www.instagram.com/maya/');
  });

  it('neutralises formula cells but keeps negative growth numeric', () => {
    const rows = parseCsv(shortlistToCsv(profiles).slice(1));
    const sam = rows[2]!;
    expect(sam[SHORTLIST_CSV_HEADER.indexOf('Name')]).toBe("'=cmd|' /C calc'!A0");
    expect(sam[SHORTLIST_CSV_HEADER.indexOf('Note')]).toBe("'@everyone");
    expect(sam[SHORTLIST_CSV_HEADER.indexOf('Follower growth %')]).toBe('-5');
  });

  it('keeps markup in names as literal text', () => {
    const csv = shortlistToCsv(profiles);
    expect(csv).toContain('<img src=x onerror=alert(1)><script>alert(1)</script>');
  });

  it('derives tiers with the scheme given, else uses the stored ones', () => {
    const tier = SHORTLIST_CSV_HEADER.indexOf('Tier');
    const stored = parseCsv(shortlistToCsv(profiles).slice(1));
    expect(stored.slice(1).map((row) => row[tier])).toEqual(['Micro', 'Mid-tier', 'Micro']);
    const fiveTier = parseCsv(shortlistToCsv(profiles, { scheme: tierSchemeById('five-tier') }).slice(1));
    expect(fiveTier.slice(1).map((row) => row[tier])).toEqual(['Nano', 'Micro', 'Nano']);
  });

  it('an empty shortlist is just the header', () => {
    expect(parseCsv(shortlistToCsv([]).slice(1))).toEqual([[...SHORTLIST_CSV_HEADER]]);
  });
});

describe('benchmark words agree with the popup and the badge', () => {
  it.each([
    // 8 000 Instagram followers: Modash's 5K–10K band, average 1.25–1.62%, high 3.54%.
    ['over the high threshold', 400, 'High', true],
    ['above average, under the high threshold', 200, 'Above average', false],
    ['typical', 100, 'Typical', false],
  ])('%s', (_, likes, words, high) => {
    const view = makeView({ likes });
    const benchmark = view.verdict.benchmark;
    // What the popup and the badge go by.
    expect(benchmark.verdict !== 'none' && benchmark.aboveHighThreshold).toBe(high);
    const profile = saveProfile(undefined, view, '2025-11-27T10:00:00.000Z');
    // Stored and read back as the dashboard reads it.
    const stored = readStoredProfile(storedProfile(profile))!;
    const row = toRow(stored, DEFAULT_TIER_SCHEME);
    expect(row.high).toBe(high);
    expect(benchmarkWords(row)).toBe(high ? 'verdictHigh' : BENCHMARK_WORDS[row.benchmark]);
    const csv = parseCsv(shortlistToCsv([stored]));
    expect(csv[1]![SHORTLIST_CSV_HEADER.indexOf('Benchmark')]).toBe(words);
  });

  it('a verdict made with other benchmarks than today\'s is not re-judged', () => {
    const profile = saveProfile(undefined, makeView({ likes: 400 }), '2025-11-27T10:00:00.000Z');
    const older = { ...profile, history: profile.history.map((snapshot) => ({ ...snapshot, benchmarksVersion: '2024-01' })) };
    expect(latestFigures(older)).toMatchObject({ benchmark: 'above', high: false });
  });
});
