import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Platform } from '../lib/platforms';
import { ADAPTERS, adapterFor } from '../lib/sites';
import { LATE_RENDERS } from '../tests/e2e/late-renders';
import { fixtureUrl } from '../tests/fixtures';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'tests/fixtures');

/**
 * The fixture pages the bench serves, per platform, first profile and first other page first (the
 * representative pages): each at the URL it carries in its <meta name="microscope:fixture-url">
 * (tests/fixtures/index.ts). A fixture file without a line here is listed as skipped in
 * results.md; a platform whose adapter is not in lib/sites/index.ts ADAPTERS yet is listed as
 * waiting for it (the content script ignores it). To add a platform: add its block.
 */
// instagram/profile-page-data (its own script loads its posts) is measured by bench/observer-bench.ts,
// whose server lets that one script run; here page scripts are off.
export const BENCH_PAGES: Partial<Record<Platform, readonly string[]>> = {
  instagram: ['profile-exact', 'profile-rounded', 'profile-hidden-likes', 'profile-de', 'profile-reels', 'profile-late', 'profile-no-posts', 'post-page'],
  tiktok: ['profile', 'profile-stale-bootstrap', 'profile-de', 'profile-no-posts', 'profile-late', 'video-page'],
  youtube: ['channel-rounded', 'channel-exact', 'channel-es', 'channel-ja', 'channel-de', 'channel-no-videos', 'channel-late', 'watch-page'],
  x: ['profile-exact', 'profile-rounded', 'profile-es', 'profile-de', 'profile-no-posts', 'profile-late', 'status-page', 'home'],
  bluesky: ['profile', 'profile-ja', 'profile-no-posts', 'profile-late', 'post-thread'],
  threads: ['profile', 'profile-private', 'profile-no-posts', 'profile-late', 'post-page'],
};

/**
 * Fixtures whose counts arrive after load, as client-rendered sites draw them, and how they look
 * once rendered: either the element `slot` of the fixture `source` (handle renamed) swapped in, or
 * `render`'s [selector, innerHTML] pairs (the E2E test's, tests/e2e/late-renders.ts). The bench
 * times the badge from that moment. Same as the E2E tests.
 */
export type LateHeader =
  | { fixture: string; source: string; rename: [string, string]; slot: string }
  | { fixture: string; render: [selector: string, html: string][] };

export const LATE_HEADERS: Partial<Record<Platform, LateHeader>> = {
  instagram: { fixture: 'profile-late', source: 'profile-exact', rename: ['ana.tidepool', 'late.bloomer'], slot: 'header' },
  tiktok: { fixture: 'profile-late', render: LATE_RENDERS.tiktok },
  youtube: { fixture: 'channel-late', render: LATE_RENDERS.youtube },
  x: { fixture: 'profile-late', render: LATE_RENDERS.x },
  bluesky: { fixture: 'profile-late', render: LATE_RENDERS.bluesky },
  threads: { fixture: 'profile-late', render: LATE_RENDERS.threads },
};

export type PageKind = 'profile' | 'other';

export interface FixturePage {
  platform: Platform;
  name: string;
  file: string;
  url: string;
  /** 'profile' when the content script's adapters see a profile at `url`. */
  kind: PageKind;
}

export interface PlatformPages {
  platform: Platform;
  /** False while the platform's adapter is not in ADAPTERS: the content script does nothing there. */
  registered: boolean;
  pages: FixturePage[];
  /** Fixture files not in BENCH_PAGES. */
  unmapped: string[];
}

/** Every platform with a fixture directory, its fixtures read from disk now. */
export function fixturePages(only?: readonly string[]): PlatformPages[] {
  if (!existsSync(FIXTURES)) return [];
  const platforms = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name as Platform)
    .filter((platform) => !only || only.includes(platform))
    .sort();
  return platforms.map((platform) => {
    const listed = BENCH_PAGES[platform] ?? [];
    const names = readdirSync(join(FIXTURES, platform))
      .filter((file) => file.endsWith('.html'))
      .map((file) => file.replace(/\.html$/, ''))
      .sort();
    const registered = ADAPTERS.some((adapter) => adapter.platform === platform);
    const pages: FixturePage[] = [];
    const unmapped: string[] = [];
    // List order first (profiles listed first come first), then the rest of the files.
    for (const name of [...listed.filter((n) => names.includes(n)), ...names.filter((n) => !listed.includes(n))]) {
      if (!listed.includes(name)) {
        unmapped.push(name);
        continue;
      }
      const url = fixtureUrl(platform, name);
      pages.push({
        platform,
        name,
        file: join(FIXTURES, platform, `${name}.html`),
        url,
        kind: adapterFor(url) ? 'profile' : 'other',
      });
    }
    return { platform, registered, pages, unmapped };
  });
}
