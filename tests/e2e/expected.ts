import { readFileSync } from 'node:fs';
import { adapterFor, readSnapshot } from '@/lib/sites';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { PageDataFeed } from '@/lib/sites/types';
import { badgeAttributes, buildVerdict } from '@/lib/verdict';
import { documentFrom } from '../lib/sites/fixture';

/**
 * What lib/ says the badge must show for a page, read in Node (happy-dom) from the same file the
 * browser gets. The E2E tests compare the real badge with it, beside hand-checked facts.
 *
 * The clock: data-last-post and data-posts-per-week come from dates in the page (ids, taken_at)
 * that do not move; only YouTube's "3 days ago" counts back from the read, and the page's read and
 * this one are seconds apart, so they name the same UTC day unless midnight falls between them.
 * The fixtures' newest posts are hours or years from the 30-day inactivity line, so data-flags
 * does not drift within a run either.
 */
export function expectedBadge(file: string, url: string, options: { pageData?: PageDataFeed } = {}): Record<string, string | null> {
  const found = adapterFor(url);
  if (!found) throw new Error(`${url} is not a profile`);
  const doc = documentFrom(readFileSync(file, 'utf8'), url);
  // pageData: the posts the page's own script fetches after load (Instagram's observer reads them).
  const snapshot = readSnapshot(found.adapter, doc, url, { trustBootstrap: true, ...options });
  const attributes = badgeAttributes(buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled'));
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, value ?? null]));
}
