/*
 * The locales MicroScope ships (public/_locales/<locale>/messages.json), in one place: what the
 * language setting offers (lib/settings.ts), what the picked language's messages are read from
 * (lib/ui-messages.ts), what the tests check every file of. tests/lib/ui-locales.test.ts fails
 * while this list and the directories differ.
 */

/** The directories of public/_locales, the default (English) first. */
export const SHIPPED_LOCALES = ['en', 'es', 'de', 'pt_BR', 'fr', 'it', 'nl', 'ja', 'ko', 'id', 'pl', 'tr', 'pt_PT'] as const;

export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

/** The language setting: follow the browser (Chrome's getMessage), or a shipped locale. */
export type LanguageSetting = 'browser' | ShippedLocale;

/** Whether `value` names a shipped locale ("pt_BR", as the directory is named). */
export function isShippedLocale(value: unknown): value is ShippedLocale {
  return typeof value === 'string' && (SHIPPED_LOCALES as readonly string[]).includes(value);
}

/**
 * A locale directory's BCP 47 tag, as its `intlLocale` message says too.
 * @example localeTag('pt_BR') // 'pt-BR'
 */
export function localeTag(locale: string): string {
  return locale.replace(/_/g, '-');
}
