import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postsInBody } from '@/lib/sites/instagram/page-data';
import type { PageDataFeed } from '@/lib/sites/types';
import { FIXTURES_DIR } from '../fixtures';
import { expectedBadge } from './expected';
import { fixtureHtml, fixturePath, fixtureUrl } from './pages';
import type { Route } from './server';

/**
 * The Instagram profile whose posts come after load from its own request, as Instagram's do
 * (tests/fixtures/instagram/profile-page-data.html): the page, with a CSP that lets its one
 * inline script run (by hash) and nothing else, and the posts query answer on both endpoints.
 * Chromium (instagram.test.ts) and Firefox (firefox.test.ts) serve the same routes.
 */
export const PAGE_DATA_FIXTURE = 'profile-page-data';
export const PAGE_DATA_URL = fixtureUrl('instagram', PAGE_DATA_FIXTURE);
const POSTS_FILE = join(FIXTURES_DIR, 'instagram', 'posts-query.json');

/** The CSP of the page: its own inline script, by hash; no other script of the page runs. */
function scriptHashCsp(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`,
  );
  return `script-src ${hashes.join(' ')}`;
}

/** `postsFile`: the answer both endpoints serve (the bench also serves a real one, bench/observer-bench.ts). */
export function pageDataRoutes(postsFile = POSTS_FILE): Route[] {
  const { host, pathname } = new URL(PAGE_DATA_URL);
  const html = fixtureHtml('instagram', PAGE_DATA_FIXTURE);
  const answer = { 'content-type': 'text/javascript; charset=utf-8', 'content-security-policy': "default-src 'none'" };
  return [
    { host, path: pathname, html, headers: { 'content-security-policy': scriptHashCsp(html) } },
    { host, path: '/graphql/query', file: postsFile, headers: answer },
    { host, path: '/api/graphql', file: postsFile, headers: answer },
  ];
}

/** What lib/ says the badge shows once the page has its posts: the fixture read with the answer's posts. */
export function expectedPageDataBadge(): Record<string, string | null> {
  const posts = postsInBody(readFileSync(POSTS_FILE, 'utf8'));
  const pageData: PageDataFeed = { posts: () => posts, version: 1, subscribe: () => () => undefined };
  return expectedBadge(fixturePath('instagram', PAGE_DATA_FIXTURE), PAGE_DATA_URL, { pageData });
}
