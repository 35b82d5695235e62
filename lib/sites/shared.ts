import { parseCountDetailed, type CountReading, type Rounding } from '../count';
import { pageLocale } from '../dom';
import type { Platform } from '../platforms';
import type { ProfileReader, ReadOptions, SiteAdapter } from './types';

/** Handles are case-insensitive on every supported platform. */
export function sameHandle(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export function exactCount(value: number): CountReading {
  return { value, exact: true, min: value, max: value };
}

/**
 * A count reader for a site's rounding convention: reads one count from a label like
 * "48.2K followers", "1,2 Mio. Follower", "Like (3,817 likes)" (the first number, the words
 * around it ignored). A doubtful text gives undefined, never a guess.
 */
export function countReader(rounding: Rounding) {
  const options = { rounding };
  return (text: string | null | undefined, locale: string): CountReading | undefined => {
    const clean = (text ?? '').replace(/\s+/g, ' ').trim();
    if (!/\d/.test(clean)) return undefined;
    const reading = parseCountDetailed(clean, locale, options);
    return reading && Number.isSafeInteger(reading.value) && reading.value >= 0 ? reading : undefined;
  };
}

/** Whether an exact count lies inside a rounded one's interval, so it can stand for it. */
export function agrees(exact: CountReading, rounded: CountReading): boolean {
  return exact.value >= rounded.min && exact.value <= rounded.max;
}

/**
 * The primary (live DOM) reading when exact; else an exact reading from elsewhere (bootstrap
 * data, a label) that agrees with it; else whatever there is.
 */
export function preferExact(primary: CountReading | undefined, other: CountReading | undefined): CountReading | undefined {
  if (primary?.exact) return primary;
  if (other?.exact && (!primary || agrees(other, primary))) return other;
  return primary ?? other;
}

/** Runs `read`, logging and swallowing any surprise: adapters never throw into the page. */
export function attemptFor(platform: Platform) {
  return <T>(what: string, read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      console.debug(`[MicroScope] ${platform}:`, what, error);
      return undefined;
    }
  };
}

/**
 * A JSON-LD script's object. Servers write raw line breaks inside strings (bsky.app's description
 * in profile.rendered.html), which JSON.parse refuses: control characters become spaces first
 * (between tokens they are whitespace anyway).
 */
export function parseJsonLd(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    let clean = '';
    for (const ch of text) clean += ch < ' ' ? ' ' : ch;
    return JSON.parse(clean) as unknown;
  } catch {
    return undefined;
  }
}

/** What a platform file provides; defineAdapter makes every entry point of it safe. */
export interface AdapterSpec {
  platform: Platform;
  isHost(hostname: string): boolean;
  profileHandle(url: URL): string | undefined;
  /** The reader's methods may throw: defineAdapter turns a surprise into a partial answer. */
  createReader(doc: Document, url: URL, options: ReadOptions): ProfileReader;
  manualCheckUrls: readonly string[];
}

/** Matches nothing: a reader that could not be built reads no posts. */
const NO_POSTS = ':not(*)';

/**
 * One factory for every site adapter [github-better-line-counts]: the platform file says where
 * the numbers are, this wraps each method so that nothing it does can throw into the page.
 */
export function defineAdapter(spec: AdapterSpec): SiteAdapter {
  const attempt = attemptFor(spec.platform);
  const profileHandle = (url: URL): string | undefined => attempt('url', () => spec.profileHandle(url));
  return {
    platform: spec.platform,
    manualCheckUrls: spec.manualCheckUrls,
    matchesHost: (hostname) => attempt('host', () => spec.isHost(hostname)) ?? false,
    profileHandle,
    reader(doc, url, options) {
      const reader = attempt('reader', () => spec.createReader(doc, url, options));
      const empty = () => ({ platform: spec.platform, handle: profileHandle(url) ?? '', locale: pageLocale(doc), notes: [] });
      return {
        postSelector: reader?.postSelector ?? NO_POSTS,
        header: () => (reader && attempt('header', () => reader.header())) ?? empty(),
        post: (element) => (reader ? attempt('post', () => reader.post(element)) : undefined),
        anchor: () => (reader && attempt('anchor', () => reader.anchor())) ?? null,
      };
    },
  };
}
