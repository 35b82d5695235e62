import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, numberCell, SHORTLIST_CSV_HEADER, shortlistToCsv, toCsv } from '@/lib/csv';
import { BENCHMARK_WORDS, benchmarkWords, toRow } from '@/components/dashboard/shortlist-rows';
import { latestFigures, saveProfile } from '@/lib/shortlist/schema';
import { readStoredProfile, storedProfile } from '@/lib/shortlist/layout';
import { DEFAULT_TIER_SCHEME, tierSchemeById } from '@/lib/tiers';
import { exact, makeProfile, makeView } from './shortlist-fixtures';

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

/**
 * How a spreadsheet that does not take our "," for the separator reads the file: Excel set to
 * German, Spanish or Portuguese splits on ";" (and a tab-separated import on tabs). Two lenient
 * readings of RFC 4180 quoting, as readers differ on a file that is not well-formed for them:
 * - 'field-start': a quote opens a quoted field only at the start of a cell; after its closing
 *   quote the rest up to the separator is literal (Python's csv module, LibreOffice);
 * - 'toggle': every quote outside a doubled pair opens or closes quoting (naive readers).
 * A line break outside quotes ends the record in both.
 */
function readLenient(text: string, separator: string, mode: 'field-start' | 'toggle'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let state: 'start' | 'plain' | 'quoted' | 'after-quote' = 'start';
  const endCell = (): void => {
    row.push(cell);
    cell = '';
    state = 'start';
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const lineBreak = char === '\r' || char === '\n';
    if (state === 'quoted') {
      if (char !== '"') cell += char;
      else if (mode === 'toggle' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else state = mode === 'toggle' ? 'plain' : 'after-quote';
      continue;
    }
    if (char === separator) endCell();
    else if (lineBreak) {
      if (char === '\r' && text[index + 1] === '\n') index++;
      endCell();
      rows.push(row);
      row = [];
    } else if (char === '"' && (state === 'start' || mode === 'toggle')) state = 'quoted';
    else if (char === '"' && state === 'after-quote') {
      cell += '"';
      state = 'quoted';
    } else {
      cell += char;
      state = 'plain';
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const FORMULA_CHARACTERS = ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

/** A cell a spreadsheet could run: after whitespace, NUL and quotes, a formula character. */
function runs(cell: string): boolean {
  const first = [...cell].find((char) => !/\s/u.test(char) && char !== '\u0000' && char !== '"');
  return first !== undefined && FORMULA_CHARACTERS.includes(first);
}

describe('toCsv', () => {
  it.each([
    [[['plain', 'text']], '"plain","text"\r\n'],
    [[['a,b']], '"a,b"\r\n'],
    [[['a;b']], '"a;b"\r\n'],
    [[['say "hi"']], '"say ""hi"""\r\n'],
    [[['two\nlines']], '"two\nlines"\r\n'],
    [[['carriage\rreturn']], '"carriage\rreturn"\r\n'],
    [[['', '']], '"",""\r\n'],
    [[['Zoë', '佐藤']], '"Zoë","佐藤"\r\n'],
    [[['a'], ['b']], '"a"\r\n"b"\r\n'],
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
    ['=HYPERLINK("https://evil.example","click")', '\'=HYPERLINK("https://evil.example","click")'],
    // After leading whitespace (Excel and LibreOffice may trim it), NUL or a quote.
    [' =1', "' =1"],
    ['\u3000=1', "'\u3000=1"],
    ['\u0000=1', "'\u0000=1"],
    ['"=1"', '\'"=1"'],
    // Full-width forms, which some spreadsheets read as their ASCII twins.
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20cmd', "'\uFF20cmd"],
    // Control characters first; the formula after them starts a cell of its own in a reader
    // that splits on tabs or ends the record at the line break, so it is neutralised too.
    ['\t=1', "'\t'=1"],
    ['\r=1', "'\r'=1"],
    ['\n=1', "'\n'=1"],
    ['\tplain', "'\tplain"],
    ['\u0000', "'\u0000"],
    // Excel in German, Spanish or Portuguese splits on ";".
    ['Mara;=1+1', "Mara;'=1+1"],
    ['Mara; =1+1', "Mara; '=1+1"],
    ['Mara;"=1+1', 'Mara;"\'=1+1'],
    ['line one\r\n@everyone', "line one\r\n'@everyone"],
    ['a;;-1', "a;;'-1"],
    // Text is always text: numbers in cells are numberCell's.
    ['-3.5', "'-3.5"],
    ['+12', "'+12"],
    ['12', '12'],
    ['maya', 'maya'],
    ['', ''],
    ['a-b', 'a-b'],
    ["it's", "it's"],
    ['travel; UK', 'travel; UK'],
    ['a, =1', 'a, =1'], // "," is inside quotes for every reader: see the property below
  ])('%j → %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
    expect(neutraliseCell(expected), 'twice is once').toBe(expected);
  });
});

describe('numberCell', () => {
  it.each([
    [8400, undefined, '8400'],
    [-3.24, 1, '-3.2'],
    [-3.25, 1, '-3.3'],
    [2.123456, 4, '2.1235'],
    [0, undefined, '0'],
    [-0.01, 1, '0'],
    [1e-9, 4, '0'],
    [1e21, undefined, ''], // String(1e21) is "1e+21": not a plain decimal
    [Number.NaN, 1, ''],
    [Number.POSITIVE_INFINITY, undefined, ''],
    [undefined, 1, ''],
  ])('%s (%s digits) → %j', (value, digits, expected) => {
    expect(numberCell(value, digits)).toBe(expected);
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
    expect(csv.startsWith('\uFEFF"Platform","Handle","Name",')).toBe(true);
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

  describe('decision signals and the quoted price (issue 16)', () => {
    const NOW = Date.parse('2025-03-01T12:00:00.000Z');
    const cell = (csv: string, name: (typeof SHORTLIST_CSV_HEADER)[number], row = 1): string => parseCsv(csv.slice(1))[row]![SHORTLIST_CSV_HEADER.indexOf(name)]!;
    const withSignals = () => {
      const profile = makeProfile({ followers: [10_000, 10_100] });
      profile.history[1]!.signals = {
        states: { 'low-engagement': 'fine', 'comment-density': 'look', 'uniform-likes': 'fine', 'viral-dependence': 'look', 'views-likes': 'unknown', 'following-ratio': 'fine' },
        posts: 12,
        newestPost: '2025-01-10T08:00:00.000Z',
        postsPerWeek: 0.58,
        engagements: exact(250),
        views: exact(20_000),
        impressions: exact(20_000),
        impressionsFrom: 'views',
      };
      return { ...profile, quote: { amount: 500, currency: '=EUR' } };
    };

    it.each<[(typeof SHORTLIST_CSV_HEADER)[number], string]>([
      ['Posts per week', '0.58'],
      ['Newest post', '2025-01-10'],
      ['Post dates approximate', 'no'],
      // 50 days since the newest post (> 30: inactive), and the two stored looks.
      ['Signals worth a look', '3'],
      ['Signal ids worth a look', 'inactive comment-density viral-dependence'],
      // 20 000 views ÷ 1 000 × $10 (Instagram's default CPM).
      ['Estimated post value', '200'],
      ['Value currency', 'USD'],
      ['Quoted price', '500'],
      // The label as typed, neutralised like any text.
      ['Quote currency', "'=EUR"],
      ['Cost per engagement', '2'],
      ['Cost per 1,000 views', '25'],
      ['Cost per 1,000 followers', '49.5'],
    ])('%s: %s', (name, expected) => {
      expect(cell(shortlistToCsv([withSignals()], { now: NOW }), name)).toBe(expected);
    });

    it('a 60-day inactivity line and a CPM of the user change what they say', () => {
      const csv = shortlistToCsv([withSignals()], { now: NOW, inactiveDays: 60, cpms: { instagram: 4 }, currency: 'GBP' });
      expect(cell(csv, 'Signal ids worth a look')).toBe('comment-density viral-dependence');
      expect(cell(csv, 'Estimated post value')).toBe('80');
      expect(cell(csv, 'Value currency')).toBe('GBP');
    });

    it('an old snapshot without a summary: every cell empty (unknown), never 0', () => {
      const csv = shortlistToCsv([makeProfile({ followers: [10_000] })], { now: NOW });
      for (const name of ['Posts per week', 'Newest post', 'Signals worth a look', 'Estimated post value', 'Quoted price', 'Cost per engagement', 'Cost per 1,000 followers'] as const) {
        expect(cell(csv, name), name).toBe('');
      }
      // A price without stored posts: only the cost per 1,000 followers is known.
      const quoted = shortlistToCsv([{ ...makeProfile({ followers: [10_000] }), quote: { amount: 100, currency: 'USD' } }], { now: NOW });
      expect([cell(quoted, 'Cost per engagement'), cell(quoted, 'Cost per 1,000 views'), cell(quoted, 'Cost per 1,000 followers')]).toEqual(['', '', '10']);
    });
  });

  it('neutralises formula cells but keeps negative growth numeric', () => {
    const rows = parseCsv(shortlistToCsv(profiles).slice(1));
    const sam = rows[2]!;
    expect(sam[SHORTLIST_CSV_HEADER.indexOf('Name')]).toBe("'=cmd|' /C calc'!A0");
    expect(sam[SHORTLIST_CSV_HEADER.indexOf('Note')]).toBe("'@everyone");
    expect(sam[SHORTLIST_CSV_HEADER.indexOf('Follower growth %')]).toBe('-5');
  });

  it('keeps numbers we compute numeric: counts, rates, negative growth', () => {
    const shrinking = makeProfile({ followers: [10_000, 9_680], engagement: 2.34567 });
    const [header, row] = parseCsv(shortlistToCsv([shrinking]).slice(1));
    const cell = (name: (typeof SHORTLIST_CSV_HEADER)[number]) => row![header!.indexOf(name)];
    expect(cell('Follower growth %')).toBe('-3.2');
    expect(cell('Followers')).toBe('9680');
    expect(cell('Engagement %')).toBe('2.3457');
    expect(cell('Posts in sample')).toBe('12');
    expect(cell('Snapshots')).toBe('2');
  });

  it('a name or tag that runs only where Excel splits on ";" stays text there too', () => {
    const mara = makeProfile({ handle: 'mara', displayName: 'Mara;=1+1', tags: ['=1+1', 'ok;@SUM(1)', ' -2', '\uFF1Dcmd'], note: 'fine\n+1 from the client' });
    const csv = shortlistToCsv([mara]).slice(1);
    const [header, row] = parseCsv(csv);
    expect(row![header!.indexOf('Name')]).toBe("Mara;'=1+1");
    expect(row![header!.indexOf('Tags')]).toBe("'=1+1; ok;'@SUM(1); ' -2; '\uFF1Dcmd");
    expect(row![header!.indexOf('Note')]).toBe("fine\n'+1 from the client");
    for (const mode of ['field-start', 'toggle'] as const) {
      for (const separator of [';', ',', '\t']) {
        const cells = readLenient(csv, separator, mode).flat();
        expect(cells.filter(runs), `${mode} "${separator}"`).toEqual([]);
      }
    }
  });

  it('property: whatever names, tags and notes hold, no reading of the file starts a cell with a formula', () => {
    // Pieces that make formulas, separators, quotes and whitespace likely, and anything else.
    const piece = fc.oneof(
      fc.constantFrom('=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\t', '\r', '\n', '\r\n', '\u0000', ';', ',', '"', "'", ' ', '\u3000', '1', '3.5', 'a'),
      fc.string({ maxLength: 4 }),
    );
    const text = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
    const profile = fc.record({
      handle: text,
      displayName: text,
      url: text,
      tags: fc.array(text, { maxLength: 4 }),
      note: text,
      followers: fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 1, maxLength: 3 }),
    });
    const numeric = new Set<string>(['Followers', 'Engagement %', 'Posts in sample', 'Follower growth %', 'Snapshots']);
    fc.assert(
      fc.property(fc.array(profile, { minLength: 1, maxLength: 3 }), (drawn) => {
        const profiles = drawn.map((options, index) => ({
          ...makeProfile({ handle: `p${index}`, followers: options.followers, tags: options.tags, note: options.note }),
          handle: options.handle,
          displayName: options.displayName,
          url: options.url,
        }));
        const csv = shortlistToCsv(profiles).slice(1);
        // As written: every field exactly, text cells neutralised, number cells plain numbers.
        const rows = parseCsv(csv);
        expect(rows).toHaveLength(profiles.length + 1);
        for (const row of rows.slice(1)) {
          expect(row).toHaveLength(SHORTLIST_CSV_HEADER.length);
          row.forEach((cell, column) => {
            const name = SHORTLIST_CSV_HEADER[column]!;
            if (numeric.has(name)) expect(cell, name).toMatch(/^(?:-?\d+(?:\.\d+)?)?$/);
            else expect(runs(cell), `${name}: ${JSON.stringify(cell)}`).toBe(false);
          });
        }
        drawn.forEach((options, index) => {
          const row = rows[index + 1]!;
          const cell = (name: (typeof SHORTLIST_CSV_HEADER)[number]) => row[SHORTLIST_CSV_HEADER.indexOf(name)]!;
          // Only apostrophes are added, nothing else changes.
          const bare = (value: string) => value.replaceAll("'", '');
          expect(bare(cell('Name'))).toBe(bare(options.displayName));
          expect(bare(cell('Note'))).toBe(bare(options.note));
          expect(bare(cell('Tags'))).toBe(bare(options.tags.join('; ')));
        });
        // As a spreadsheet splitting on ";", "," or tabs reads it, leniently: no cell runs.
        for (const mode of ['field-start', 'toggle'] as const) {
          for (const separator of [';', ',', '\t']) {
            const cells = readLenient(csv, separator, mode).flat();
            const running = cells.filter(runs).filter((cell) => !(separator === ',' && /^-?\d+(?:\.\d+)?$/.test(cell)));
            expect(running, `${mode} "${separator}"`).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
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
    const csv = parseCsv(shortlistToCsv([stored]).slice(1));
    expect(csv[1]![SHORTLIST_CSV_HEADER.indexOf('Benchmark')]).toBe(words);
  });

  it('a verdict made with other benchmarks than today\'s is not re-judged', () => {
    const profile = saveProfile(undefined, makeView({ likes: 400 }), '2025-11-27T10:00:00.000Z');
    const older = { ...profile, history: profile.history.map((snapshot) => ({ ...snapshot, benchmarksVersion: '2024-01' })) };
    expect(latestFigures(older)).toMatchObject({ benchmark: 'above', high: false });
  });
});
