import { browser } from 'wxt/browser';
import { MAIN_PART } from './injector';

/**
 * The main part (guarded: lib/injector.ts MAIN_PART_GUARD) into the tab's top frame: the one way
 * in, for the background (a tab's URL became a profile) and the popup (a profile tab without it).
 * Apart from lib/injector.ts because wxt.config.ts loads that one in Node.
 */
export async function injectMainPart(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [`/${MAIN_PART}`] });
}
