import { readFileSync } from 'node:fs';
import { adapterFor, readSnapshot } from '@/lib/sites';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { badgeAttributes, buildVerdict } from '@/lib/verdict';
import { documentFrom } from '../lib/sites/fixture';

/**
 * What lib/ says the badge must show for a page, read in Node (happy-dom) from the same file the
 * browser gets. The E2E tests compare the real badge with it, beside hand-checked facts.
 */
export function expectedBadge(file: string, url: string): Record<string, string | null> {
  const found = adapterFor(url);
  if (!found) throw new Error(`${url} is not a profile`);
  const doc = documentFrom(readFileSync(file, 'utf8'), url);
  const snapshot = readSnapshot(found.adapter, doc, url, { trustBootstrap: true });
  const attributes = badgeAttributes(buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled'));
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, value ?? null]));
}
