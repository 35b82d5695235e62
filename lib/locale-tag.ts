/**
 * The longest language tag we accept from a page. RFC 5646 §4.4.1 asks implementations to handle
 * tags of at least 35 characters (language, extlang, script, region and a variant); real pages use
 * 2–10 ("en", "pt-BR", "zh-Hant-TW"). One page once had a 4 MB `lang`, which went into storage.
 */
export const MAX_LANGUAGE_TAG_LENGTH = 35;

/** Well-formed in the sense of BCP 47's syntax, loosely: a 2–8 letter language, then 1–8 alphanumeric subtags. */
const TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * A page's `lang` (or any locale text from the page) as a language tag we may parse with and keep,
 * or undefined: trimmed, "_" read as "-", at most 35 characters, BCP 47-shaped. Never throws.
 * @example boundedLanguageTag(' pt_BR ') // 'pt-BR'
 * @example boundedLanguageTag('x'.repeat(4_000_000)) // undefined
 */
export function boundedLanguageTag(raw: unknown): string | undefined {
  // Length first: a huge attribute is refused without being scanned or copied.
  if (typeof raw !== 'string' || raw.length > MAX_LANGUAGE_TAG_LENGTH * 2) return undefined;
  const tag = raw.trim().replace(/_/g, '-');
  return tag.length <= MAX_LANGUAGE_TAG_LENGTH && TAG.test(tag) ? tag : undefined;
}
