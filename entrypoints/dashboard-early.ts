import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyReads } from '@/lib/warm-start/dashboard';

/**
 * A classic script in the dashboard's <head> (entrypoints/dashboard/index.html): starts its first
 * storage reads while the page's modules load (lib/warm-start/dashboard.ts). No WXT runtime.
 */
export default defineUnlistedScript(() => {
  try {
    startEarlyReads({
      local: { get: (keys, done) => chrome.storage.local.get(keys, (items) => done(items as Record<string, unknown> | undefined)) },
      sync: (key, done) => chrome.storage.sync.get(key, (items) => done(chrome.runtime.lastError, (items as Record<string, unknown> | undefined)?.[key])),
      onChanged: chrome.storage.onChanged,
      lastError: () => chrome.runtime.lastError,
    });
  } catch {
    // no early reads: main.tsx and the settings store read themselves
  }
});
