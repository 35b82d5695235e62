import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { makeStoreAssets, TILE_SIZE } from './store-assets';
import { readListing } from './store-listing';
import { STORE_SIZE } from './surfaces';

/*
 * `npm run store-assets` (tests/e2e/store-assets.ts) is not part of `npm test`; its pieces are: one
 * locale made here (a few seconds), in the sizes the stores require.
 */

const out = mkdtempSync(join(tmpdir(), 'microscope-store-'));

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

it('makes the German screenshots at 1280×800, the promo tile at 440×280, and the listing text', async () => {
  const files = await makeStoreAssets(['de'], out);
  expect(files.map((file) => basename(file)).sort()).toEqual(
    ['badge-instagram.png', 'badge-tiktok.png', 'badge-youtube.png', 'dashboard.png', 'listing.txt', 'popup.png', 'promo-tile.png'].sort(),
  );
  for (const file of files.filter((name) => name.endsWith('.png'))) {
    expect(pngSize(file), basename(file)).toEqual(basename(file) === 'promo-tile.png' ? TILE_SIZE : STORE_SIZE);
  }
  const listing = readFileSync(join(out, 'de', 'listing.txt'), 'utf8');
  const { short, long } = readListing('de');
  expect(listing).toContain(short!);
  expect(listing).toContain(long);
});
