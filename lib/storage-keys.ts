/*
 * Every key MicroScope keeps in browser.storage, in one place. No imports: the dashboard's early
 * <head> script reads these too, and must stay a few hundred bytes.
 *
 * storage.local
 *   'microscope:shortlist'             { version }           the shortlist's schema version (lib/shortlist/layout.ts)
 *   'microscope:profile:<profileKey>'  compact text           one saved profile (lib/shortlist/codec.ts)
 *   'microscope:recent'                { version, views }     profiles viewed lately, saved or not
 *   'microscope:revision'              random id              new with every change to the profiles
 *   'microscope:first-page'            { revision, … }        the dashboard's first page of that revision
 *   'microscope:removed'               { version, removed }   profile key → when it was removed (tombstones)
 *   'microscope:unreadable:<ISO time>' { from, reason, … }    data set aside because it could not be read
 *   'microscope:locale-cache'          { id, templates, … }   what the content script learned from Intl and i18n
 *   'microscope:ui-messages'           { locale, build, templates } the messages of a language picked in the settings
 *   'microscope:welcomed'              version                the welcome tab was opened, by this version (lib/first-run.ts)
 * storage.sync
 *   'microscope:settings'              { version, …Settings } the user's settings
 */

export const SHORTLIST_KEY = 'microscope:shortlist';
export const PROFILE_PREFIX = 'microscope:profile:';
export const RECENT_KEY = 'microscope:recent';
export const REVISION_KEY = 'microscope:revision';
export const FIRST_PAGE_KEY = 'microscope:first-page';
/** When each profile was last removed: a save made before that, arriving late, is not applied. */
export const TOMBSTONES_KEY = 'microscope:removed';
export const UNREADABLE_PREFIX = 'microscope:unreadable:';
export const LOCALE_CACHE_KEY = 'microscope:locale-cache';
/** The picked language's messages for the content script, which cannot read them itself (lib/ui-messages.ts). */
export const UI_MESSAGES_KEY = 'microscope:ui-messages';
/** Set when the welcome tab opens (lib/first-run.ts): it never opens again in this profile. */
export const WELCOMED_KEY = 'microscope:welcomed';
export const SETTINGS_KEY = 'microscope:settings';

/** The revision a removal writes first, with its other changes: no first page is ever stored for it. */
export const PENDING_REVISION_PREFIX = 'pending:';

/** The storage key of a profile. @example storageKeyOf('instagram:maya') // 'microscope:profile:instagram:maya' */
export function storageKeyOf(key: string): string {
  return `${PROFILE_PREFIX}${key}`;
}

/** Whether a storage.local key belongs to the shortlist (a change to it changes what the dashboard shows). */
export function isShortlistKey(key: string): boolean {
  return key.startsWith(PROFILE_PREFIX) || key === SHORTLIST_KEY || key === RECENT_KEY || key === REVISION_KEY;
}
