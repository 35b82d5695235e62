import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { badgeOverflows, formatOverflows, pageOverflows, unfoldAll, type Overflow } from './overflow';
import { DEMO_PAGES, demoRoute, ROOT } from './pages';
import { startReplayServer, type ReplayServer } from './server';
import { shippedLocales } from './store-listing';
import { openBadgeCard, openDashboardWithProfiles, openPopupOn, POPUP_WIDTH } from './surfaces';

/*
 * Text fits its box in every shipped UI language (public/_locales/*), in real Chromium started in
 * that language: the badge's card open (the Instagram creator with signals, the YouTube one with a
 * note), the popup at its 360 px for that creator, the dashboard at 1280 px with saved profiles and
 * a creator's details, every <details> unfolded. What counts as an overflow: tests/e2e/overflow.ts.
 * One Chromium per locale. Screenshots of every surface in .output/overflow/<locale>-*.png.
 */

const SHOTS = join(ROOT, '.output/overflow');
const demo = (platform: string, name: string) => DEMO_PAGES.find((page) => page.platform === platform && page.name === name)!;
const FLAGGED = demo('instagram', 'demo-flagged');
const YOUTUBE = demo('youtube', 'demo-creator');

/** Long words of the kind the UI languages make: a German compound, a Dutch one, a Japanese sentence without spaces. */
const GERMAN = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetrieb';
const DUTCH = 'Kindercarnavalsoptochtvoorbereidingswerkzaamhedenplan';
const JAPANESE = 'このクリエイターのエンゲージメント率は同じ規模のアカウントについて公表されている平均よりも高く最新の投稿でも安定しています';
/** Korean as the UI writes it has spaces; a run of syllables without any must still break. */
const KOREAN = '이크리에이터의참여율은같은규모의계정에대해공개된평균보다높고최근게시물에서도안정적입니다';

let server: ReplayServer;

/** Font families that cover `lang` here (fontconfig): without one, Chromium draws boxes of another width. */
function fontsFor(lang: string): string {
  try {
    return execFileSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

beforeAll(async () => {
  // Measured with a real CJK font or not at all: .ci/run installs Debian's fonts-noto-cjk.
  for (const lang of ['ja', 'ko']) {
    if (shippedLocales().includes(lang)) expect(fontsFor(lang), `no ${lang} font (apt install fonts-noto-cjk)`).not.toBe('');
  }
  server = await startReplayServer([FLAGGED, YOUTUBE].map((page) => demoRoute(page)));
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await server?.close();
});

async function badgeCard(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await openBadgeCard(browser, url, { reveal: true });
  await unfoldAll(page, 'badge');
  return page;
}

async function popup(browser: ExtensionBrowser): Promise<{ popup: Page; tab: Page }> {
  const opened = await openPopupOn(browser, FLAGGED.url);
  await unfoldAll(opened.popup, 'document');
  // Tall enough that nothing is scrolled out of view; the width is the popup's.
  await opened.popup.setViewportSize({ width: POPUP_WIDTH, height: 2400 });
  return opened;
}

async function dashboard(browser: ExtensionBrowser): Promise<Page> {
  const page = await openDashboardWithProfiles(browser);
  await unfoldAll(page, 'document');
  return page;
}

/** Screenshot of what the reader sees: the card region, the popup's height, the dashboard's first screen and its details. */
async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** The language tag lib/i18n.ts sets for a locale folder: "de" for de, "pt-BR" for pt_BR, "en-US" or "en" for en. */
const languageTag = (locale: string): RegExp => new RegExp(`^${locale.replace('_', '-')}(-|$)`);

const expectNone = (overflows: Overflow[], label: string) => expect(overflows, `${label}:\n${formatOverflows(overflows)}`).toEqual([]);

describe.each(shippedLocales())('text fits its box in %s', (locale) => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension(server.hostResolverRules, { lang: locale });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('badge card, open with its signals, on Instagram and YouTube', async () => {
    for (const [name, url] of [['instagram', FLAGGED.url], ['youtube', YOUTUBE.url]] as const) {
      const page = await badgeCard(browser, url);
      // The UI language on the badge's root: line breaking and hyphenation follow it.
      expect(await page.locator('microscope-badge .ms-root').getAttribute('lang')).toMatch(languageTag(locale));
      await page.setViewportSize({ width: 1280, height: 1400 });
      await shoot(page, `${locale}-badge-${name}`);
      expectNone(await badgeOverflows(page), `${locale} badge on ${name}`);
      await page.close();
    }
  });

  it(`popup at ${POPUP_WIDTH} px`, async () => {
    const { popup: page, tab } = await popup(browser);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(languageTag(locale));
    await shoot(page, `${locale}-popup`, true);
    expectNone(await pageOverflows(page), `${locale} popup`);
    await page.close();
    await tab.close();
  });

  it('dashboard at 1280 px with saved profiles and a creator’s details', async () => {
    const page = await dashboard(browser);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(languageTag(locale));
    await shoot(page, `${locale}-dashboard`, true);
    expectNone(await pageOverflows(page), `${locale} dashboard`);
    await page.close();
  });
});

describe('the overflow check', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension(server.hostResolverRules, { lang: 'de' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('catches planted overflows: a button label too long for the popup, an ellipsis in a label, a word that may not break', async () => {
    const { popup: page, tab } = await popup(browser);
    expectNone(await pageOverflows(page), 'before planting');
    await page.evaluate((word) => {
      // A label that may not wrap (as `white-space: nowrap` on a button would make it), too long for 360 px.
      const button = document.querySelector<HTMLElement>('.popup-bar button')!;
      button.textContent = 'Das Dashboard mit allen gespeicherten Profilen und sämtlichen Einstellungen öffnen';
      button.style.whiteSpace = 'nowrap';
      const label = document.createElement('label');
      label.innerHTML = `<span class="planted-ellipsis" style="display:block;width:90px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap">Engagement-Rate nach Followern</span>`;
      document.querySelector('main, #root')!.append(label);
      const paragraph = document.createElement('p');
      paragraph.className = 'planted-word';
      paragraph.style.overflowWrap = 'normal';
      paragraph.style.wordBreak = 'normal';
      paragraph.textContent = word;
      document.querySelector('main, #root')!.append(paragraph);
    }, GERMAN);
    const found = await pageOverflows(page);
    expect(found.find((overflow) => overflow.text.startsWith('Das Dashboard'))?.rule, formatOverflows(found)).toMatch(/crosses|outside/);
    expect(found.find((overflow) => overflow.where.includes('planted-ellipsis'))?.rule, formatOverflows(found)).toBe('clipped');
    expect(found.find((overflow) => overflow.where.includes('planted-word'))?.rule, formatOverflows(found)).toMatch(/crosses|outside/);
    await page.close();
    await tab.close();
  });

  it('catches a too-long word in the badge card when it may not break', async () => {
    const page = await badgeCard(browser, FLAGGED.url);
    await page.evaluate((word) => {
      const root = document.querySelector('microscope-badge')!.shadowRoot!;
      const value = root.querySelector('.ms-rows dd')!;
      value.textContent = word;
      (value as HTMLElement).style.overflowWrap = 'normal';
    }, GERMAN);
    const found = await badgeOverflows(page);
    expect(found.find((overflow) => overflow.text.startsWith('Donau'))?.rule, formatOverflows(found)).toBe('crosses');
    await page.close();
  });

  it('lets a shortened display name pass only with its whole text in a title', async () => {
    const page = await dashboard(browser);
    const name = page.locator('table.shortlist .display-name').first();
    await name.evaluate((element) => {
      element.textContent = 'Sunny Studio · Hautpflege, Make-up und ehrliche Produkttests aus Manchester';
    });
    expect(await name.getAttribute('title'), 'the table gives the whole name on hover').toBeTruthy();
    await name.evaluate((element) => element.setAttribute('title', element.textContent ?? ''));
    expectNone(await pageOverflows(page), 'with a title');
    await name.evaluate((element) => element.removeAttribute('title'));
    const found = await pageOverflows(page);
    expect(found.find((overflow) => overflow.where.includes('display-name'))?.rule, formatOverflows(found)).toBe('clipped');
    await page.close();
  });

  /** Puts `text` where the UI writes a value, a sentence and a label; returns the overflows and how many lines each took. */
  async function plantEverywhere(text: string, lang: string) {
    const badge = await badgeCard(browser, FLAGGED.url);
    const lines = await badge.evaluate(
      ([word, language]) => {
        const root = document.querySelector('microscope-badge')!.shadowRoot!;
        root.querySelector('.ms-root')!.setAttribute('lang', language);
        const value = root.querySelector('.ms-rows dd') as HTMLElement;
        value.textContent = word;
        const term = root.querySelector('.ms-rows dt') as HTMLElement;
        term.textContent = word;
        return [value, term].map((element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)));
      },
      [text, lang] as const,
    );
    const badgeFound = await badgeOverflows(badge);
    await badge.setViewportSize({ width: 1280, height: 900 });
    await shoot(badge, `planted-${lang}-badge`);
    await badge.close();

    const { popup: page, tab } = await popup(browser);
    await page.evaluate(
      ([word, language]) => {
        document.documentElement.lang = language;
        for (const selector of ['.block p', '.popup-bar button', 'h2, h3']) {
          const element = document.querySelector(selector);
          if (element) element.textContent = word;
        }
      },
      [text, lang] as const,
    );
    const popupFound = await pageOverflows(page);
    await page.setViewportSize({ width: POPUP_WIDTH, height: 600 });
    await shoot(page, `planted-${lang}-popup`);
    await page.close();
    await tab.close();

    const board = await dashboard(browser);
    await board.evaluate(
      ([word, language]) => {
        document.documentElement.lang = language;
        for (const selector of ['aside.details p', 'aside.details h3', '.notice, .masthead a, .masthead button', 'label']) {
          const element = document.querySelector(selector);
          if (element) element.textContent = word;
        }
      },
      [text, lang] as const,
    );
    const dashboardFound = await pageOverflows(board);
    await shoot(board, `planted-${lang}-dashboard`);
    await board.close();
    return { lines, found: [...badgeFound, ...popupFound, ...dashboardFound] };
  }

  it.each([
    ['de', GERMAN],
    ['nl', DUTCH],
  ])('%s: a long compound breaks inside its box on every surface', async (lang, word) => {
    const { lines, found } = await plantEverywhere(word, lang);
    expectNone(found, `${lang} compound`);
    expect(Math.min(...lines), 'the compound took more than one line in the card').toBeGreaterThan(1);
  });

  it.each([
    ['ja', JAPANESE],
    ['ko', KOREAN],
  ])('%s: a long sentence without spaces line-breaks inside its box on every surface', async (lang, sentence) => {
    const { lines, found } = await plantEverywhere(sentence, lang);
    expectNone(found, `${lang} sentence`);
    expect(Math.min(...lines), 'the sentence took more than one line in the card').toBeGreaterThan(1);
  });
});
