import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { adapterFor, readSnapshot } from '../lib/sites';
import { badgeAttributes, buildVerdict } from '../lib/verdict';
import { documentFrom } from '../tests/lib/sites/fixture';

export type BadgeAttributes = Record<string, string | null>;

export interface ExpectedBadge {
  /** What the badge shows once settled: the E2E tests' expectation (tests/e2e/expected.ts). */
  settled: BadgeAttributes;
  /** What it may show before the settle timeout; differs when the verdict waits for posts by design. */
  reading: BadgeAttributes;
}

function attributes(record: Record<string, string | undefined>): BadgeAttributes {
  return Object.fromEntries(Object.entries(record).map(([name, value]) => [name, value ?? null]));
}

/** The badge lib/ computes in Node (happy-dom) for the HTML served at `url`. */
export function expectedBadge(html: string, url: string): ExpectedBadge {
  const found = adapterFor(url);
  if (!found) throw new Error(`${url} is not a profile`);
  const doc = documentFrom(html, url);
  const snapshot = readSnapshot(found.adapter, doc, url, { trustBootstrap: true });
  return {
    settled: attributes(badgeAttributes(buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled'))),
    reading: attributes(badgeAttributes(buildVerdict(snapshot, DEFAULT_SETTINGS, 'reading'))),
  };
}

export function expectedBadgeOfFile(file: string, url: string): ExpectedBadge {
  return expectedBadge(readFileSync(file, 'utf8'), url);
}

export function sameBadge(a: BadgeAttributes | null | undefined, b: BadgeAttributes): boolean {
  if (!a) return false;
  return Object.keys(b).every((name) => (a[name] ?? null) === b[name]);
}
