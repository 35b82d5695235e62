import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetShortlistDoor, serveShortlistWrites } from '@/lib/shortlist/door';

/**
 * A fresh fake browser whose "background" is the shortlist's writer, as in the extension: every
 * context's changes reach it through runtime.sendMessage (lib/shortlist/door.ts).
 */
export function resetBrowser(): void {
  fakeBrowser.reset();
  resetShortlistDoor();
  serveShortlistWrites();
}
