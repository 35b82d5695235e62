import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Platform } from '../lib/platforms';
import { ADAPTERS, adapterFor } from '../lib/sites';
import { LATE_RENDERS } from '../tests/e2e/late-renders';

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
  // tests/e2e/platforms.test.ts serves the same fixtures at the same URLs.
  tiktok: {
    profile: 'https://www.tiktok.com/@mara.bakes',
    'profile-stale-bootstrap': 'https://www.tiktok.com/@kofi.draws',
    'profile-de': 'https://www.tiktok.com/@lena.wandert?lang=de-DE',
    'profile-no-posts': 'https://www.tiktok.com/@fresh.start.studio',
    'profile-late': 'https://www.tiktok.com/@late.bloomer',
    'video-page': 'https://www.tiktok.com/@mara.bakes/video/7302000000000000002',
  },
  youtube: {
    'channel-rounded': 'https://www.youtube.com/@copperkettle/videos',
    'channel-exact': 'https://www.youtube.com/@quietpond/videos',
    'channel-es': 'https://www.youtube.com/@cocinaconlola/videos',
    'channel-ja': 'https://www.youtube.com/@yamanoyu/videos',
    'channel-de': 'https://www.youtube.com/@backstubeweiss/videos',
    'channel-no-videos': 'https://www.youtube.com/@freshclay',
    'channel-late': 'https://www.youtube.com/@lateriser/videos',
    'watch-page': 'https://www.youtube.com/watch?v=ckKtlCorn03',
  },
  x: {
    'profile-exact': 'https://x.com/noor_ceramics',
    'profile-rounded': 'https://x.com/mara_sketches',
    'profile-es': 'https://x.com/lucia_ortega',
    'profile-de': 'https://x.com/lena_wandert',
    'profile-no-posts': 'https://x.com/fresh_start',
    'profile-late': 'https://x.com/late_bloomer',
    'status-page': 'https://x.com/ink_club/status/1869000000000000003',
    home: 'https://x.com/home',
  },
  bluesky: {
    profile: 'https://bsky.app/profile/juniper-oakes.bsky.social',
    'profile-ja': 'https://bsky.app/profile/hanami.kobo.jp',
    'profile-no-posts': 'https://bsky.app/profile/fresh-start.bsky.social',
    'profile-late': 'https://bsky.app/profile/late-bloomer.bsky.social',
    'post-thread': 'https://bsky.app/profile/juniper-oakes.bsky.social/post/3lm5c2wxyz22a',
  },
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
