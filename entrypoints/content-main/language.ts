import { pickMessages } from '@/lib/i18n';
import { LOCALE_CACHE_KEY } from '@/lib/storage-keys';
import type { LanguageSetting } from '@/lib/ui-locales';
import { readUiMessages, showLocale } from '@/lib/ui-messages';
import { applyLocaleCache, currentLocaleCacheId, loadLocaleCache, resetLocaleCacheState } from '@/lib/warm-start/locale-cache';

/**
 * The content script in the language the settings name. Not called for 'browser' on a profile's
 * first read (getMessage answers, and the locale cache was read beside the settings, as before);
 * for a picked language one storage read (lib/ui-messages.ts readUiMessages: its templates and the
 * locale cache's record for it), after which the templates replace getMessage's and the locale
 * cache is applied for that language. Called for either when the setting changes on an open page.
 * Resolves whether the locale cache was used; never rejects. Where the picked language's messages
 * cannot be had, the browser's stay.
 */
export async function switchLanguage(language: LanguageSetting): Promise<boolean> {
  try {
    if (language === 'browser') {
      pickMessages(undefined);
      resetLocaleCacheState();
      return await loadLocaleCache();
    }
    const { templates, also } = await readUiMessages(language, LOCALE_CACHE_KEY);
    if (!templates) return false;
    // Forgets what the browser's language taught this page (templates, lists) before the first read.
    showLocale(language, templates);
    resetLocaleCacheState();
    return applyLocaleCache(also, currentLocaleCacheId());
  } catch (error) {
    console.debug('[MicroScope] language', error);
    return false;
  }
}
