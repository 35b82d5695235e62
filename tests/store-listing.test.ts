import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { EXPECTED_SITE_MATCHES } from './e2e/manifest-expected';
import { CWS_SHORT_MAX, LONG_MAX, listedLocales, readListing, ROOT, section, shippedLocales } from './e2e/store-listing';

/*
 * The stores' listing texts (store/): one per UI language, the short description being the
 * manifest's own (extDescription), and a justification for every permission the manifest asks for.
 */

/** The UI languages the listing is written for: the shipped ones and the ones being added (issue 18). */
const LISTING_LOCALES = ['de', 'en', 'es', 'fr', 'id', 'it', 'ja', 'ko', 'nl', 'pl', 'pt_BR', 'pt_PT', 'tr'];
const PLATFORMS = ['Instagram', 'TikTok', 'YouTube', 'X', 'Bluesky', 'Threads'];

describe('store listing per UI language (store/listing/<locale>.md)', () => {
  it('exists for every shipped locale and every locale of the listing', () => {
    expect(listedLocales()).toEqual(expect.arrayContaining([...shippedLocales(), ...LISTING_LOCALES]));
  });

  it.each(shippedLocales())('%s: the short description is extDescription, within the Chrome Web Store limit', (locale) => {
    const listing = readListing(locale);
    const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    expect(listing.short).toBe(messages.extDescription?.message);
    expect(listing.short!.length).toBeGreaterThan(40);
    expect(listing.short!.length).toBeLessThanOrEqual(CWS_SHORT_MAX);
  });

  it.each(LISTING_LOCALES)('%s: a long description in plain text that names the six platforms; captions that fit', (locale) => {
    const { long, captions } = readListing(locale);
    expect(long.length).toBeGreaterThan(800);
    expect(long.length).toBeLessThanOrEqual(LONG_MAX);
    for (const platform of PLATFORMS) expect(long, `${locale} names ${platform}`).toMatch(new RegExp(`\\b${platform}\\b`));
    // Plain text: the stores show no Markdown.
    expect(long).not.toMatch(/^#|\*\*|\]\(/m);
    // English left in a translation (a copied paragraph) shows as its words.
    if (locale !== 'en') expect(long).not.toMatch(/\b(the|and|your|engagement rate over)\b/);
    for (const caption of Object.values(captions)) {
      expect(caption.length).toBeGreaterThan(10);
      expect(caption.length).toBeLessThanOrEqual(70);
    }
  });
});

type Manifest = { permissions?: string[]; host_permissions?: string[]; optional_permissions?: string[] };

/** The manifest as wxt.config.ts declares it for `browser` (what `wxt build` writes, before WXT's additions). */
function declaredManifest(browser: 'chrome' | 'firefox'): Manifest {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function of the browser');
  return manifest({ browser, manifestVersion: browser === 'chrome' ? 3 : 2, mode: 'production', command: 'build' }) as Manifest;
}

const JUSTIFICATIONS = readFileSync(join(ROOT, 'store/chrome-web-store.md'), 'utf8');

/** The permissions justified: the `### <name>` headings under "## Permission justifications". */
function justified(markdown: string): Map<string, string> {
  const text = section(markdown, 'Permission justifications') ?? '';
  const parts = text.split(/^### /m).slice(1);
  return new Map(parts.map((part) => [part.split('\n')[0]!.trim(), part.slice(part.indexOf('\n') + 1).trim()]));
}

/** What a manifest asks for that `justifications` does not cover: API permissions by name, hosts each by host name. */
function uncovered(manifest: Manifest, justifications: Map<string, string>): string[] {
  const missing = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])].filter((name) => !justifications.get(name));
  const hosts = justifications.get('Host permissions') ?? '';
  for (const match of manifest.host_permissions ?? []) {
    const host = new URL(match.replace('/*', '/')).host;
    if (!new RegExp(`(^|[\\s,:])${host.replaceAll('.', '\\.')}([\\s,.]|$)`).test(hosts)) missing.push(match);
  }
  return missing;
}

describe('Chrome Web Store privacy practices (store/chrome-web-store.md)', () => {
  it('has the single purpose, remote code and data usage answers', () => {
    expect(section(JUSTIFICATIONS, 'Single purpose')).toMatch(/Instagram, TikTok, YouTube, X, Bluesky or Threads/);
    expect(section(JUSTIFICATIONS, 'Remote code')).toMatch(/^No/);
    expect(section(JUSTIFICATIONS, 'Data usage')).toMatch(/collects no user data/);
  });

  it.each(['chrome', 'firefox'] as const)('justifies every permission the %s manifest asks for', (browser) => {
    const manifest = declaredManifest(browser);
    expect(manifest.permissions?.length).toBeGreaterThan(0);
    expect(uncovered(manifest, justified(JUSTIFICATIONS))).toEqual([]);
  });

  it('covers the host permissions the built manifest is checked against (tests/e2e/manifest-expected.ts)', () => {
    expect(uncovered({ host_permissions: EXPECTED_SITE_MATCHES }, justified(JUSTIFICATIONS))).toEqual([]);
  });

  it('justifies nothing the manifest no longer asks for', () => {
    const asked = new Set([...(declaredManifest('chrome').permissions ?? []), 'Host permissions']);
    expect([...justified(JUSTIFICATIONS).keys()].filter((name) => !asked.has(name))).toEqual([]);
  });

  it('fails when the manifest gains a permission or a host without a justification', () => {
    const manifest = declaredManifest('chrome');
    expect(
      uncovered(
        { ...manifest, permissions: [...(manifest.permissions ?? []), 'tabs'], host_permissions: [...(manifest.host_permissions ?? []), 'https://www.facebook.com/*', 'https://x.co/*'] },
        justified(JUSTIFICATIONS),
      ),
    ).toEqual(['tabs', 'https://www.facebook.com/*', 'https://x.co/*']);
  });
});
