import { afterEach, describe, expect, it } from 'vitest';
import { learnedCountLocales, parseCount, seedCountLocales } from '@/lib/count';
import { pageLocale } from '@/lib/dom';
import { boundedLanguageTag, MAX_LANGUAGE_TAG_LENGTH } from '@/lib/locale-tag';

/*
 * The page's `<html lang>` is the page's to write: a 4 MB value once went into the stored locale
 * cache (issue 14). Only a bounded, BCP 47-shaped tag is read, kept or stored.
 */
describe('boundedLanguageTag', () => {
  it.each([
    ['en', 'en'],
    ['pt-BR', 'pt-BR'],
    [' pt_BR ', 'pt-BR'], // some sites write the POSIX form
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['sl-IT-rozaj-biske-1994', 'sl-IT-rozaj-biske-1994'], // variants: still a tag
    ['de-DE-u-nu-latn', 'de-DE-u-nu-latn'],
  ])('%j is the tag %j', (raw, tag) => {
    expect(boundedLanguageTag(raw)).toBe(tag);
  });

  it.each([
    ['', 'empty'],
    ['e', 'one letter is no language'],
    ['en--US', 'an empty subtag'],
    ['en-US-', 'a trailing dash'],
    ['not a locale!!', 'spaces and punctuation'],
    ['<script>', 'markup'],
    ['en-' + 'a'.repeat(9), 'a subtag longer than 8'],
    [`en${'-abcdefgh'.repeat(4)}`, `longer than ${MAX_LANGUAGE_TAG_LENGTH} characters`],
    ['x'.repeat(4_000_000), 'the 4 MB lang once stored'],
  ])('%j is refused (%s)', (raw) => {
    expect(boundedLanguageTag(raw)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    expect(boundedLanguageTag(undefined)).toBeUndefined();
    expect(boundedLanguageTag(42)).toBeUndefined();
  });
});

describe('the page lang on its way to storage', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
  });

  it('pageLocale reads a bounded tag, else English', () => {
    document.documentElement.setAttribute('lang', 'de_DE');
    expect(pageLocale(document)).toBe('de-DE');
    document.documentElement.setAttribute('lang', 'x'.repeat(4_000_000));
    expect(pageLocale(document)).toBe('en');
  });

  it('no unbounded text becomes a key of the learned count locales (what the locale cache stores)', () => {
    const huge = `de${'-abcdefgh'.repeat(500_000)}`;
    // Read as English, not as the text: "12,345" is twelve thousand in English.
    expect(parseCount('12,345', huge)).toBe(12345);
    expect(parseCount('1.234', 'de')).toBe(1234);
    const keys = Object.keys(learnedCountLocales());
    expect(keys).toContain('de');
    expect(keys.every((key) => key.length <= MAX_LANGUAGE_TAG_LENGTH), keys.map((key) => key.slice(0, 40)).join(', ')).toBe(true);
  });

  it('a stored record with an unbounded key is not taken', () => {
    const known = learnedCountLocales();
    const data = known.de ?? Object.values(known)[0];
    expect(data).toBeDefined();
    const huge = `fr${'-abcdefgh'.repeat(10)}`;
    seedCountLocales({ [huge]: data, 'not a locale!!': data });
    expect(Object.keys(learnedCountLocales())).not.toContain(huge);
    expect(Object.keys(learnedCountLocales())).not.toContain('not a locale!!');
  });
});
