import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openTab, sampleBackup } from './a11y-setup';
import { openCard, revealBadge, settledBadge } from './badge';
import { openPopupForTab, type ExtensionBrowser } from './browser';

/*
 * The extension's three surfaces opened as a user sees them, in whatever UI language the browser
 * was started in (launchWithExtension's `lang`): the badge card on a profile, the toolbar popup
 * for a profile's tab, the dashboard with saved profiles. Shared by the store's screenshots
 * (tests/e2e/store-assets.ts) and the text-overflow test (tests/e2e/overflow.test.ts).
 */

/** The sizes the extension draws at: the popup's body width (entrypoints/popup/style.css), the dashboard's window. */
export const POPUP_WIDTH = 360;
export const STORE_SIZE = { width: 1280, height: 800 } as const;

/**
 * A profile page at 1280×800 with its badge settled and its card open (a real click). With
 * `reveal`, the badge's closed shadow root is handed to the test driver (revealBadge) first.
 */
export async function openBadgeCard(browser: ExtensionBrowser, url: string, { reveal = false } = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(STORE_SIZE);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await settledBadge(page);
  if (reveal) await revealBadge(page);
  if (!(await openCard(page))) throw new Error(`the badge card did not open on ${url}`);
  return page;
}

/**
 * The popup as the toolbar opens it for a tab showing `url` (openPopupForTab), POPUP_WIDTH wide,
 * once it shows the profile (its tier section). Returns the popup and the profile's tab.
 */
export async function openPopupOn(browser: ExtensionBrowser, url: string): Promise<{ popup: Page; tab: Page }> {
  const { page: tab, tabId } = await openTab(browser, url);
  await settledBadge(tab);
  const popup = await openPopupForTab(browser, tabId);
  await popup.setViewportSize({ width: POPUP_WIDTH, height: 700 });
  await popup.locator('section.block').first().waitFor({ timeout: 15_000 });
  return { popup, tab };
}

/**
 * The dashboard at 1280 px with the sample shortlist imported (a11y-setup.ts sampleBackup, without
 * the refused row), the import notice dismissed, and the details (costs, signals) of the YouTube
 * creator open beside the table.
 */
export async function openDashboardWithProfiles(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(STORE_SIZE);
  await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  await page.locator('main.page:not([aria-busy])').waitFor();
  const file = join(mkdtempSync(join(tmpdir(), 'microscope-surfaces-')), 'backup.json');
  writeFileSync(file, sampleBackup({ withRefused: false }));
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.locator('.notice').waitFor();
  await page.locator('.notice button').last().click();
  await page.locator('table.shortlist tbody tr').nth(4).waitFor();
  await page.locator('table.shortlist tbody tr', { hasText: 'copperkettle' }).locator('.col-actions button').first().click();
  await page.locator('aside').first().waitFor();
  return page;
}
