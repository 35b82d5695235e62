/*
 * chrome.i18n's messages.json format and getMessage's rules, for a language picked in the settings:
 * getMessage cannot switch language, so the UI then reads that locale's file itself
 * (lib/ui-messages.ts) and fills its messages the way getMessage would.
 * https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 */

export interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type ChromeMessages = Record<string, ChromeMessage>;

/**
 * A message as getMessage fills it: named placeholders ($COUNT$, case-insensitive) take their
 * `content`, `$1`…`$9` take the substitutions (empty where missing), `$$` is a dollar sign; no
 * entry gives "".
 * @example formatMessage({ message: 'Saved $COUNT$', placeholders: { count: { content: '$1' } } }, ['3']) // "Saved 3"
 */
export function formatMessage(entry: ChromeMessage | undefined, substitutions: readonly string[]): string {
  if (!entry) return '';
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  const positional = (text: string): string => text.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
  return entry.message
    .split('$$')
    .map((part) => positional(part.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole)))
    .join('$');
}

/** More keys than any messages.json of ours will have (about 560 now). */
const MAX_KEYS = 5_000;
/** Far longer than any message (the longest is about 330 characters). */
const MAX_TEXT = 4_000;

const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;

/** One entry of a messages.json as read (a file of ours, still checked: a broken one is not used). */
function isEntry(value: unknown): value is ChromeMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { message, placeholders } = value as { message?: unknown; placeholders?: unknown };
  if (!isText(message)) return false;
  if (placeholders === undefined) return true;
  if (typeof placeholders !== 'object' || placeholders === null || Array.isArray(placeholders)) return false;
  return Object.values(placeholders).every(
    (placeholder) => typeof placeholder === 'object' && placeholder !== null && isText((placeholder as { content?: unknown }).content),
  );
}

/** Whether `value` is a messages.json's content: an object of entries with a `message` text each. */
export function isChromeMessages(value: unknown): value is ChromeMessages {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= MAX_KEYS && entries.every(([key, entry]) => key.length <= 100 && isEntry(entry));
}

/**
 * Every key's message as getMessage gives it with `markers` as the substitutions: the locale's
 * entry, else the fallback's (English), as Chrome falls back per key. Keys neither has are absent.
 */
export function messageTemplates(messages: ChromeMessages, fallback: ChromeMessages, markers: readonly string[]): Record<string, string> {
  const templates: Record<string, string> = {};
  for (const key of new Set([...Object.keys(fallback), ...Object.keys(messages)])) {
    const entry = Object.hasOwn(messages, key) ? messages[key] : Object.hasOwn(fallback, key) ? fallback[key] : undefined;
    const text = formatMessage(entry, markers);
    if (text !== '') templates[key] = text;
  }
  return templates;
}
