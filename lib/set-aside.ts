import { browser } from 'wxt/browser';
import { UNREADABLE_PREFIX } from './storage-keys';

/** Data that could not be read, to be set aside rather than lost. */
export interface Unreadable {
  reason: string;
  value: unknown;
}

let lastStamp = 0;

/**
 * Copies data that could not be read to 'microscope:unreadable:<ISO time>' in storage.local, so a
 * newer version (or a person) can still recover it. Never throws; returns the key or undefined.
 */
export async function setAside(from: string, area: 'local' | 'sync', unreadable: Unreadable, now = Date.now()): Promise<string | undefined> {
  // One key per call even within one millisecond.
  const stamp = Math.max(now, lastStamp + 1);
  lastStamp = stamp;
  const key = `${UNREADABLE_PREFIX}${new Date(stamp).toISOString()}`;
  try {
    await browser.storage.local.set({ [key]: { from, area, reason: unreadable.reason, at: new Date(now).toISOString(), value: unreadable.value } });
    console.warn(`[MicroScope] ${from} (${area}): ${unreadable.reason}; kept a copy under ${key}`);
    return key;
  } catch (error) {
    console.warn(`[MicroScope] ${from}: ${unreadable.reason}; could not keep a copy`, error);
    return undefined;
  }
}

/** Every set-aside copy, oldest first. */
export async function listUnreadable(): Promise<{ key: string; value: unknown }[]> {
  const all = await browser.storage.local.get(null);
  return Object.keys(all)
    .filter((key) => key.startsWith(UNREADABLE_PREFIX))
    .sort()
    .map((key) => ({ key, value: all[key] }));
}
