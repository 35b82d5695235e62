import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/*
 * The stores' listing texts (store/listing/<locale>.md, store/chrome-web-store.md), read for
 * `npm run store-assets` (which writes them out ready to paste) and checked by
 * tests/store-listing.test.ts. The short description is never written twice: it is the locale's
 * extDescription in public/_locales, what the extension's own manifest says.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const LISTING_DIR = join(ROOT, 'store/listing');
const LOCALES_DIR = join(ROOT, 'public/_locales');

/** The Chrome Web Store's limits: the summary (the manifest's description), and the description field. */
export const CWS_SHORT_MAX = 132;
export const LONG_MAX = 16_000;

/** The pictures the captions go with: tests/e2e/store-assets.ts. */
export const CAPTION_KEYS = ['badge', 'popup', 'dashboard', 'tile'] as const;
export type CaptionKey = (typeof CAPTION_KEYS)[number];

export interface Listing {
  locale: string;
  /** extDescription of public/_locales/<locale>/messages.json; undefined where the locale does not ship (yet). */
  short: string | undefined;
  long: string;
  captions: Record<CaptionKey, string>;
}

/** The locales the extension ships: the folders of public/_locales. */
export function shippedLocales(): string[] {
  return readdirSync(LOCALES_DIR).filter((name) => existsSync(join(LOCALES_DIR, name, 'messages.json'))).sort();
}

/** The locales with a listing file. */
export function listedLocales(): string[] {
  return readdirSync(LISTING_DIR)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
}

/** The text under `## <heading>` of a Markdown file, up to the next `## ` heading, trimmed. */
export function section(markdown: string, heading: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

export function readListing(locale: string): Listing {
  const file = join(LISTING_DIR, `${locale}.md`);
  const markdown = readFileSync(file, 'utf8');
  const long = section(markdown, 'Long description');
  if (!long) throw new Error(`${file} has no "## Long description"`);
  const captionLines = section(markdown, 'Captions') ?? '';
  const captions = Object.fromEntries(
    CAPTION_KEYS.map((key) => {
      const match = new RegExp(`^- ${key}: (.+)$`, 'm').exec(captionLines);
      if (!match) throw new Error(`${file}: "## Captions" has no "- ${key}: …" line`);
      return [key, match[1]!.trim()];
    }),
  ) as Record<CaptionKey, string>;
  const messages = join(LOCALES_DIR, locale, 'messages.json');
  const short = existsSync(messages)
    ? (JSON.parse(readFileSync(messages, 'utf8')) as Record<string, { message: string }>).extDescription?.message
    : undefined;
  return { locale, short, long, captions };
}

/** One listing as the stores' forms take it: each field under a line naming it. */
export function pasteReady(listing: Listing): string {
  return [
    `MicroScope store listing (${listing.locale})`,
    '',
    `== Short description / summary (${listing.short?.length ?? 0} of ${CWS_SHORT_MAX} characters) ==`,
    listing.short ?? '(this locale does not ship yet: no extDescription)',
    '',
    '== Long description ==',
    listing.long,
    '',
  ].join('\n');
}
