import type { CountReading } from '../../count';
import { textOf } from '../../dom';
import { attemptFor, countReader, preferExact } from '../shared';
import { isYouTubeHost, parseChannelPath, type ChannelRef } from '../url/youtube';
import { DELIMITER, DELIMITER_ONLY, labels } from './selectors';

/** Reading YouTube's counts: the rounding rule, metadata parts, the channel header's rows. */

/**
 * YouTube abbreviates by truncating: "127.696 visualizaciones" shows as "127 K", "1.787" as
 * "1,7 K", "8.664.386" as "8,6 M" (channel-es.server.html, 2024-01); "2,989,906 views" as "2.9m"
 * (channel-header-2026); its 2019 subscriber announcement says the same ("10,486 → 10.4K"). So
 * "12.3K" stands for 12 300 … 12 399.
 */
export const readCount = countReader('down');
export const attempt = attemptFor('youtube');

/** A channel link (relative or absolute, on a YouTube host) → the channel it names. */
export function channelRefOf(href: string | null | undefined, base: string | URL): ChannelRef | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    if (!isYouTubeHost(url.hostname)) return undefined;
    return parseChannelPath(url.pathname);
  } catch {
    return undefined;
  }
}

/** A key to compare channels by: handles and legacy names are case-insensitive, ids are not. */
export function refKey(ref: Pick<ChannelRef, 'kind' | 'name'>): string {
  return ref.kind === 'channel' ? `channel:${ref.name}` : `${ref.kind}:${ref.name.toLowerCase()}`;
}


/** Counts other than subscribers are taken as count.ts reads them. */
export const asRead = (reading: CountReading): CountReading => reading;

export function trailingZeros(value: number): number {
  let zeros = 0;
  for (let n = value; n > 0 && n % 10 === 0; n /= 10) zeros++;
  return zeros;
}

/**
 * The rule for subscriber counts (since September 2019 YouTube shows them abbreviated):
 * - abbreviated ("4,69 M", "12.3K", "12,3万") → rounded down: value … value + one step of the last
 *   written digit − 1 ("4,69 M" → 4 690 000 … 4 699 999);
 * - written in full below 1 000 ("847 subscribers") → exact: YouTube does not round those;
 * - written in full from 1 000 up with only zeros after the third significant digit ("12.300
 *   Abonnenten", "4.690.000") → rounded down: the trailing zeros are padding ("4.690.000" →
 *   4 690 000 … 4 699 999);
 * - written in full with more than three significant digits ("1,234 subscribers") → exact: no
 *   3-significant-digit rounding can print it, so YouTube (or an older page) showed the real count.
 */
export function subscriberReading(reading: CountReading): CountReading {
  if (!reading.exact) return reading;
  const { value } = reading;
  if (value < 1000) return reading;
  const digits = String(value).length;
  const zeros = trailingZeros(value);
  if (zeros < digits - 3) return reading;
  return { value, exact: false, min: value, max: value + 10 ** zeros - 1 };
}

/** One metadata part: its visible text and its accessibility label, if any. */
export interface Part {
  text: string;
  label?: string;
}

export type PartKind = 'handle' | 'subscribers' | 'videos' | 'views' | 'upcoming';

export function classify(part: Part): PartKind | undefined {
  const text = part.text;
  if (text.startsWith('@')) return 'handle';
  const both = `${text} ${part.label ?? ''}`;
  if (labels.subscribers.test(both)) return 'subscribers';
  if (labels.views.test(both)) return 'views';
  if (labels.videos.test(both)) return 'videos';
  if (labels.upcoming.test(text)) return 'upcoming';
  return undefined;
}

/** A part's count: an exact reading of its text or label wins, else the text's, else the label's. */
export function partCount(part: Part, locale: string, shape: (reading: CountReading) => CountReading): CountReading | undefined {
  if (labels.none.test(part.text)) return { value: 0, exact: true, min: 0, max: 0 };
  const fromText = readCount(part.text, locale);
  const fromLabel = readCount(part.label, locale);
  const text = fromText ? shape(fromText) : undefined;
  const label = fromLabel ? shape(fromLabel) : undefined;
  return preferExact(text, label);
}

/** What a channel header says, from its metadata parts (DOM rows or the JSON rows alike). */
export interface HeaderParts {
  handle?: string;
  subscribers?: CountReading;
  videos?: CountReading;
}

export function readHeaderParts(parts: Part[], locale: string): HeaderParts {
  const result: HeaderParts = {};
  let recognised = false;
  const unlabelled: Part[] = [];
  for (const part of parts) {
    const kind = classify(part);
    if (kind === 'handle') {
      result.handle ??= part.text.slice(1).split(/\s/)[0];
    } else if (kind === 'subscribers') {
      recognised = true;
      result.subscribers ??= partCount(part, locale, subscriberReading);
    } else if (kind === 'videos') {
      recognised = true;
      result.videos ??= partCount(part, locale, asRead);
    } else if (kind === undefined && /\d/.test(part.text)) {
      unlabelled.push(part);
    }
  }
  // A language whose words we do not know: YouTube's order is "@handle • subscribers • videos"
  // (2024-26 rows, verified in channel-header-2026). Only when nothing was recognised by its label.
  if (!recognised && unlabelled.length === 2) {
    result.subscribers = partCount(unlabelled[0]!, locale, subscriberReading);
    result.videos = partCount(unlabelled[1]!, locale, asRead);
  }
  return result;
}

/** Parts of a rendered `yt-content-metadata-view-model`: rows are its children, parts their children. */
export function domParts(metadata: Element): Part[] {
  const parts: Part[] = [];
  const push = (text: string, label?: string) => {
    for (const piece of text.split(DELIMITER)) {
      if (!DELIMITER_ONLY.test(piece)) parts.push({ text: piece.trim(), label });
    }
  };
  const rows = metadata.children.length > 0 ? [...metadata.children] : [metadata];
  for (const row of rows) {
    const children = [...row.children];
    if (children.length === 0) {
      push(textOf(row), row.getAttribute('aria-label') ?? undefined);
      continue;
    }
    for (const child of children) {
      const text = textOf(child);
      if (DELIMITER_ONLY.test(text)) continue;
      const labelled = child.hasAttribute('aria-label') ? child : child.querySelector('[aria-label]');
      const label = labelled?.getAttribute('aria-label') ?? undefined;
      push(text, label && /\d/.test(label) ? label : undefined);
    }
  }
  return parts;
}

