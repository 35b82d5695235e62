import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { noteText, type NoteCode } from '../../../lib/i18n';
import type { Platform } from '../../../lib/platforms';

/**
 * Saved real pages (read-only, never copied into the project): `../shared/pages` beside the
 * repository, as on every developer machine and in CI; see its README.md.
 */
export const SHARED_PAGES =
  process.env.MICROSCOPE_SHARED_PAGES ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'pages');

const windows: Window[] = [];

/**
 * Parses `html` as the page at `url`, in its own happy-dom Window (scripts neither run nor load,
 * so saved pages are inert), and returns its Document.
 */
export function documentFrom(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableChildPageNavigation: true, disableChildFrameNavigation: true },
    },
  });
  windows.push(window);
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  // A browser running the content script has scripting on, so <noscript> is inert text there;
  // parsed here it would become markup (X's hides the whole page with #react-root{display:none}).
  for (const noscript of doc.querySelectorAll('noscript')) noscript.remove();
  return doc as unknown as Document;
}

/** The fixture tests/fixtures/{platform}/{name}.html as the page at `url`. */
export function loadFixture(platform: Platform, name: string, url: string): Document {
  // Resolved with node:path: in the happy-dom environment the global URL is happy-dom's.
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', platform, `${name}.html`);
  return documentFrom(readFileSync(file, 'utf8'), url);
}

/** A saved real page from /work/shared/pages (e.g. 'instagram/profile.server.html'), or undefined if absent. */
export function loadSharedPage(path: string, url: string): Document | undefined {
  const file = `${SHARED_PAGES}/${path}`;
  return existsSync(file) ? documentFrom(readFileSync(file, 'utf8'), url) : undefined;
}

/** Whether a saved real page is available (it lives outside the repository). */
export function hasSharedPage(path: string): boolean {
  return existsSync(`${SHARED_PAGES}/${path}`);
}

/** Closes every Window opened by this module (call from afterAll). */
export async function closeFixtures(): Promise<void> {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
}

/** An adapter's note codes in words, as badge and popup show them (English in the unit tests). */
export function words(notes: readonly NoteCode[]): string[] {
  return notes.map(noteText);
}
