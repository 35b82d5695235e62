import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from './a11y';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { ROOT } from './pages';
import { startReplayServer, type ReplayServer } from './server';

/*
 * The decision signals' settings (issue 16) in the built dashboard: stored in storage.sync and
 * read back after a reload, invalid entries explained, axe-clean in both colour schemes.
 *
 * The badge's card with signals is not here yet: in this branch the verdict does not carry
 * signals (lib/verdict.ts buildVerdict computes them in another branch). Once it does, the card's
 * real-browser test and screenshot belong beside tests/e2e/a11y.test.ts's badge tests.
 */

const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

let server: ReplayServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startReplayServer([]);
  browser = await launchWithExtension(server.hostResolverRules);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function settingsPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html#settings`);
  await page.locator('main.page:not([aria-busy])').waitFor();
  return page;
}

describe('decision signals settings in the dashboard', () => {
  it('edits are stored and survive a reload; an invalid CPM says why and is not stored', async () => {
    const page = await settingsPage();
    const group = page.getByRole('group', { name: 'Decision signals' });
    await group.scrollIntoViewIfNeeded();
    await expect.poll(() => group.getByRole('textbox', { name: 'CPM on Instagram' }).inputValue()).toBe('10');

    await group.getByRole('textbox', { name: 'Currency label' }).fill('EUR');
    await group.getByRole('textbox', { name: 'CPM on X' }).fill('3');
    await group.getByRole('spinbutton', { name: /Inactive after/ }).fill('45');
    const instagram = group.getByRole('textbox', { name: 'CPM on Instagram' });
    await instagram.fill('ten');
    await expect.poll(() => instagram.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => group.getByText('A CPM must be a number from 0 to 10,000.').count()).toBe(1);

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect.soft(await audit(page, `settings, signals group with an invalid CPM (${colorScheme})`)).toBe('');
      await group.screenshot({ path: join(SCREENSHOTS, `settings-signals-${colorScheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    const stored = async () =>
      browser.serviceWorker().evaluate(async () => (await chrome.storage.sync.get('microscope:settings'))['microscope:settings'] as Record<string, unknown>);
    await expect.poll(async () => (await stored())?.currency).toBe('EUR');
    expect(await stored()).toMatchObject({ currency: 'EUR', inactiveDays: 45, cpms: { x: 3, instagram: 10 }, signals: true });

    await page.reload();
    await page.locator('main.page:not([aria-busy])').waitFor();
    const again = page.getByRole('group', { name: 'Decision signals' });
    expect(await again.getByRole('textbox', { name: 'Currency label' }).inputValue()).toBe('EUR');
    expect(await again.getByRole('textbox', { name: 'CPM on X' }).inputValue()).toBe('3');
    expect(await again.getByRole('textbox', { name: 'CPM on Instagram' }).inputValue()).toBe('10');
    expect(await again.getByRole('spinbutton', { name: /Inactive after/ }).inputValue()).toBe('45');

    await again.getByRole('checkbox', { name: /Show signals/ }).uncheck();
    await expect.poll(async () => (await stored())?.signals).toBe(false);
    await page.close();
  });
});
