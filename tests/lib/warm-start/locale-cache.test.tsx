import { render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCALE_CACHE_KEY } from '@/lib/storage-keys';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Badge } from '@/components/Badge';
import { forgetCountLocales } from '@/lib/count';
import { resetLanguage } from '@/lib/i18n';
import { applyLocaleCache, currentRecord, loadLocaleCache, localeCacheId, resetLocaleCacheState, saveLocaleCache } from '@/lib/warm-start/locale-cache';
import { setNumberSource } from '@/lib/number-source';
import { packNumberSource, resetNumberPacks } from '@/lib/warm-start/number-pack';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { adapterFor, readSnapshot } from '@/lib/sites';
import { buildVerdict } from '@/lib/verdict';
import { fixturePages } from '../../../bench/pages';
import { useLocale as switchLocale, type Locale } from '../../i18n-fake';
import { closeFixtures, documentFrom } from '../sites/fixture';

const PROFILES = fixturePages()
  .flatMap((platform) => platform.pages)
  .filter((page) => page.kind === 'profile');

/** A new page: nothing learned in memory (the module state of a fresh content script). */
function freshPage(): void {
  resetLanguage();
  forgetCountLocales();
  resetNumberPacks();
  resetLocaleCacheState();
}

/** The collapsed badge of a fixture, as the content script renders it (its HTML). */
function badgeOf(page: (typeof PROFILES)[number]): string {
  const found = adapterFor(page.url);
  if (!found) throw new Error(`${page.url} is not a profile`);
  const snapshot = readSnapshot(found.adapter, documentFrom(readFileSync(page.file, 'utf8'), page.url), page.url, { trustBootstrap: true });
  const verdict = buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled');
  const { container, unmount } = render(
    <Badge verdict={verdict} expanded={false} onToggle={() => undefined} saved={false} onSave={() => undefined} theme="light" />,
  );
  // useId's values count the renders of the test file: the same badge has other ids.
  const html = container.innerHTML.replace(/(aria-controls|id)="[^"]*"/g, '$1=""');
  unmount();
  return html;
}

/** Replaces Intl with an object that notes any use (and fails, as a missing Intl would). */
function watchIntl(): string[] {
  const used: string[] = [];
  vi.stubGlobal(
    'Intl',
    new Proxy(
      {},
      {
        get(_target, property) {
          used.push(String(property));
          throw new Error(`Intl.${String(property)} used`);
        },
      },
    ),
  );
  return used;
}

beforeEach(() => {
  fakeBrowser.reset();
  freshPage();
  // As the content script installs it (entrypoints/content-main): the core's number port.
  setNumberSource(packNumberSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setNumberSource(undefined);
});

afterAll(closeFixtures);

describe('the locale cache: the second profile needs neither Intl nor getMessage', () => {
  it.each<Locale>(['en', 'de', 'es', 'pt_BR', 'ja', 'ko', 'id', 'fr', 'pl', 'tr'])('every profile fixture, UI in %s: the same badge from the cache', async (locale) => {
    expect(PROFILES.length).toBeGreaterThan(20);
    switchLocale(locale);
    // First page: nothing stored, everything learned from Intl and getMessage, then stored.
    expect(await loadLocaleCache()).toBe(false);
    const cold = PROFILES.map(badgeOf);
    expect(await saveLocaleCache()).toBe(true);
    const stored = (await fakeBrowser.storage.local.get(LOCALE_CACHE_KEY))[LOCALE_CACHE_KEY] as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['counts', 'id', 'lists', 'numbers', 'templates']);

    // Next page: a fresh content script that reads the record first.
    freshPage();
    switchLocale(locale);
    expect(await loadLocaleCache()).toBe(true);
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    const intl = watchIntl();
    let warm: string[];
    try {
      warm = PROFILES.map(badgeOf);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(warm).toEqual(cold);
    expect(intl).toEqual([]);
    expect(getMessage).not.toHaveBeenCalled();
    // It learned nothing new: no write.
    expect(await saveLocaleCache()).toBe(false);
  });

  it('a record of another browser version, build or UI language is not used', async () => {
    switchLocale('de');
    badgeOf(PROFILES[0]!);
    const record = currentRecord(localeCacheId(navigator.userAgent, 'de'));
    for (const id of [
      localeCacheId('Mozilla/5.0 Chrome/999.0.0.0', 'de'),
      localeCacheId(navigator.userAgent, 'en'),
      JSON.stringify([navigator.userAgent, 'another build', 'de']),
    ]) {
      freshPage();
      switchLocale('de');
      expect(applyLocaleCache({ ...record, id }, localeCacheId(navigator.userAgent, 'de')), id).toBe(false);
    }
    freshPage();
    switchLocale('de');
    expect(applyLocaleCache(record, localeCacheId(navigator.userAgent, 'de'))).toBe(true);
  });

  it('a stored record of the wrong shape is ignored, part by part, and the badge is still right', async () => {
    switchLocale('es');
    const right = PROFILES.map(badgeOf);
    const id = localeCacheId(navigator.userAgent, 'es');
    for (const stored of [
      null,
      'cache',
      [],
      { id },
      { id, templates: 'x', counts: [], numbers: { language: 'es' } },
      { id, templates: { badgeMicro: 7 }, counts: { es: { comma: 'group' } }, numbers: null },
    ]) {
      freshPage();
      switchLocale('es');
      await fakeBrowser.storage.local.set({ [LOCALE_CACHE_KEY]: stored });
      await loadLocaleCache();
      expect(PROFILES.map(badgeOf)).toEqual(right);
    }
    // Seven rounds over every profile fixture: seconds on a busy 2-core machine.
  }, 30_000);

  it('writes only when the page learned something the record did not have', async () => {
    switchLocale('en');
    expect(await saveLocaleCache(), 'nothing learned yet').toBe(false);
    badgeOf(PROFILES[0]!);
    expect(await saveLocaleCache()).toBe(true);
    expect(await saveLocaleCache(), 'nothing new').toBe(false);
    const other = PROFILES.find((page) => page.name.endsWith('-de'));
    badgeOf(other!);
    expect(await saveLocaleCache(), 'a German page: a new count locale').toBe(true);
    const stored = (await fakeBrowser.storage.local.get(LOCALE_CACHE_KEY))[LOCALE_CACHE_KEY] as { counts: Record<string, unknown> };
    expect(Object.keys(stored.counts)).toContain('de');
  });
});
