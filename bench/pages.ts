import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ADAPTERS, adapterFor } from '../lib/sites';
import type { Platform } from '../lib/sites/types';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'tests/fixtures');

/**
 * The URL each fixture page depicts, per platform: the bench serves the fixture there. A fixture
 * file without a line here is listed as skipped in results.md; a platform whose adapter is not in
 * lib/sites/index.ts ADAPTERS yet is listed as waiting for it (the content script ignores it).
 * To add a platform: add its block, with the URLs its E2E test uses.
 */
export const PAGE_URLS: Partial<Record<Platform, Record<string, string>>> = {
  instagram: {
    'profile-exact': 'https://www.instagram.com/ana.tidepool/',
    'profile-rounded': 'https://www.instagram.com/kofi.bakes/',
    'profile-hidden-likes': 'https://www.instagram.com/noor.ceramics/',
    'profile-de': 'https://www.instagram.com/lena.wandert/',
    'profile-reels': 'https://www.instagram.com/ana.tidepool/reels/',
    'profile-late': 'https://www.instagram.com/late.bloomer/',
    'profile-no-posts': 'https://www.instagram.com/fresh.start.studio/',
    'post-page': 'https://www.instagram.com/p/DAtp02bRsTu/',
  },
};

/**
 * Fixtures whose counts arrive after load, as client-rendered sites draw them: the bench swaps in
 * `slot` from `source` (renamed) and times the badge from that moment. Same as the E2E test.
 */
export const LATE_HEADERS: Partial<Record<Platform, { fixture: string; source: string; rename: [string, string]; slot: string }>> = {
  instagram: { fixture: 'profile-late', source: 'profile-exact', rename: ['ana.tidepool', 'late.bloomer'], slot: 'header' },
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
  /** Fixture files without a URL in PAGE_URLS. */
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
    const urls = PAGE_URLS[platform] ?? {};
    const names = readdirSync(join(FIXTURES, platform))
      .filter((file) => file.endsWith('.html'))
      .map((file) => file.replace(/\.html$/, ''))
      .sort();
    const registered = ADAPTERS.some((adapter) => adapter.platform === platform);
    const pages: FixturePage[] = [];
    const unmapped: string[] = [];
    // Map order first (profiles the user listed first come first), then the rest of the files.
    for (const name of [...Object.keys(urls).filter((n) => names.includes(n)), ...names.filter((n) => !(n in urls))]) {
      const url = urls[name];
      if (!url) {
        unmapped.push(name);
        continue;
      }
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
