import { parseCount } from '../lib/count';
import { engagementRate } from '../lib/engagement';
import { DEFAULT_SETTINGS } from '../lib/settings';
import type { PostCounts, ProfileSnapshot } from '../lib/sites/types';
import { buildVerdict } from '../lib/verdict';
import { elapsed, median } from './stats';

/**
 * Counts as the five sites print them, in the locales of tests/lib/count.test.ts: exact, rounded,
 * with labels, and some that must read as null. [text, page locale].
 */
export const COUNT_CORPUS: readonly [string, string][] = [
  ['12,345 followers', 'en'], ['12.5K', 'en'], ['1.2M followers', 'en'], ['9,512', 'en'], ['783.4K Followers', 'en'],
  ['3,893 Followers', 'en'], ['23.9K posts', 'en'], ['1.1M', 'en'], ['224 posts', 'en'], ['-5', 'en'],
  ['12.3L', 'en-IN'], ['12,34,567', 'en-IN'], ['12.3 लाख', 'hi'],
  ['1,2 Mio. Follower', 'de'], ['12.500', 'de'], ['9.512 Beiträge', 'de'],
  ['12,5 k abonnés', 'fr'], ['9\u202f512', 'fr'], ['1,2 M', 'fr'],
  ['4,69 M de suscriptores', 'es'], ['127.696 visualizaciones', 'es'], ['12,5 mil', 'es'],
  ['1,2 mi seguidores', 'pt-BR'], ['12,5 mil', 'pt-BR'],
  ['1,2 Mln', 'it'], ['1,2 mln.', 'nl'], ['12,5 tn', 'sv'], ['12,5 tys.', 'pl'],
  ['12,5 тыс.', 'ru'], ['12,5 B', 'tr'], ['1,2 jt', 'id'], ['1,2 Tr', 'vi'],
  ['1.3万', 'ja'], ['登録者数123万人', 'ja'], ['12.3億', 'ja'], ['123.5万', 'zh-CN'], ['12.3萬', 'zh-TW'],
  ['1.2만', 'ko'], ['١٢٫٣ ألف', 'ar'], ['3 ملايين', 'ar'],
  ['user123', 'en'], ['1e5', 'en'], ['', 'en'],
];

export interface LibResults {
  /** parseCount calls per second over the corpus, every locale already seen once. */
  parseCallsPerSecond: number;
  corpusSize: number;
  locales: number;
  /** First call for each locale (its units derived from Intl), median per locale, ms. */
  firstCallPerLocaleMs: number;
  /** engagementRate over a snapshot of 10 000 posts, ms per call (median). */
  engagement10kMs: number;
  /** buildVerdict (engagement + tier + benchmark) over the same snapshot, ms per call (median). */
  verdict10kMs: number;
}

/** A profile with `count` posts, some pinned, some hiding likes, some reposts: every branch runs. */
export function syntheticSnapshot(count: number): ProfileSnapshot {
  const posts: PostCounts[] = [];
  for (let index = 0; index < count; index++) {
    const likes = 200 + ((index * 7919) % 1800);
    posts.push({
      id: `p${index}`,
      likes: { value: likes, exact: index % 3 !== 0, min: likes - 5, max: likes + 5 },
      comments: { value: index % 40, exact: true, min: index % 40, max: index % 40 },
      pinned: index < 3,
      likesHidden: index % 17 === 5,
      notOwn: index % 23 === 7,
    });
  }
  return {
    platform: 'instagram',
    handle: 'bench',
    locale: 'en',
    followers: { value: 48_200, exact: false, min: 48_150, max: 48_249 },
    posts,
    notes: [],
  };
}

/** Runs `body` repeatedly for about `ms`, returning ms per call over `rounds` rounds (median). */
function perCall(body: () => void, rounds = 7, ms = 150): number {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let calls = 0;
    const start = performance.now();
    while (elapsed(start) < ms) {
      body();
      calls++;
    }
    times.push(elapsed(start) / calls);
  }
  return median(times);
}

export function runLibBench(): LibResults {
  const locales = [...new Set(COUNT_CORPUS.map(([, locale]) => locale))];
  const firsts = locales.map((locale) => {
    const start = performance.now();
    parseCount('1', locale);
    return elapsed(start);
  });
  let sink = 0;
  const perCorpus = perCall(() => {
    for (const [text, locale] of COUNT_CORPUS) sink += parseCount(text, locale) ?? 0;
  }, 7, 250);
  const snapshot = syntheticSnapshot(10_000);
  const engagement = perCall(() => {
    sink += engagementRate(snapshot).ok ? 1 : 0;
  });
  const verdict = perCall(() => {
    sink += buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled').engagement.ok ? 1 : 0;
  });
  if (sink === 42) console.info(''); // keeps the work observable
  return {
    parseCallsPerSecond: (COUNT_CORPUS.length / perCorpus) * 1000,
    corpusSize: COUNT_CORPUS.length,
    locales: locales.length,
    firstCallPerLocaleMs: median(firsts.slice(1)),
    engagement10kMs: engagement,
    verdict10kMs: verdict,
  };
}
