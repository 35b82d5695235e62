import { localeTag } from '@/lib/ui-locales';

/**
 * Each language's name in itself, as language pickers write them (capitalised for a list):
 * fixed here rather than asked of Intl.DisplayNames, whose answers vary with the browser's CLDR
 * ("português europeu", "Indonesia"). Every locale MicroScope ships or is about to ship.
 */
const AUTONYMS: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'Español',
  de: 'Deutsch',
  'pt-BR': 'Português (Brasil)',
  'pt-PT': 'Português (Portugal)',
  fr: 'Français',
  it: 'Italiano',
  ja: '日本語',
  ko: '한국어',
  id: 'Bahasa Indonesia',
  tr: 'Türkçe',
  pl: 'Polski',
  nl: 'Nederlands',
};

/**
 * A language's name in that language, for a locale ("pt_BR") or a tag ("pt-BR"): from the table,
 * else Intl.DisplayNames in the language itself, else the tag.
 * @example autonym('de') // "Deutsch"
 */
export function autonym(locale: string): string {
  const tag = localeTag(locale);
  const known = AUTONYMS[tag];
  if (known) return known;
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language', languageDisplay: 'standard' }).of(tag);
    if (name && name !== tag) return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    // not a tag Intl knows
  }
  return tag;
}
