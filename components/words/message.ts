import { formatBytes, formatFollowers, formatInteger, formatPlain, formatPlainPercent } from '@/lib/format';
import { listInWords, plural, t, uiLanguage, type MessageCode, type MessageArg, type NumberStyle } from '@/lib/i18n';

/*
 * The UI edge's one door from codes to words: lib/ returns Messages (lib/i18n.ts), and badge, popup
 * and dashboard call `say` where they show one. Numbers are formatted here, in the UI language, so
 * lib/ never needs it.
 */

// The number as typed, in the UI language ("1,500.5", "1.500,5"): no rounding, no compact form.
const typed = (value: number): string =>
  Number.isFinite(value) ? value.toLocaleString(uiLanguage(), { maximumFractionDigits: 20 }) : String(value);

const NUMBER_STYLES: Readonly<Record<NumberStyle, (value: number) => string>> = {
  integer: formatInteger,
  followers: formatFollowers,
  plain: formatPlain,
  plainPercent: formatPlainPercent,
  typed,
  bytes: formatBytes,
};

function argument(arg: MessageArg): string | number {
  if (typeof arg !== 'object') return arg;
  if ('key' in arg) return say(arg);
  if ('number' in arg) return NUMBER_STYLES[arg.as](arg.number);
  if ('plural' in arg) return plural(arg.plural, arg.count, ...(arg.args ?? []).map(argument));
  return listInWords(arg.list.map((item) => String(argument(item))), arg.type);
}

/**
 * A message's words in the UI language.
 * @example say({ key: 'benchmarkFewPosts', args: [3, 5] }) // "Only 3 posts …"
 */
export function say(message: MessageCode): string {
  return t(message.key, ...(message.args ?? []).map(argument));
}

/** say() for a message that may be absent (a form field without a problem). */
export function sayIf(message: MessageCode | undefined): string | undefined {
  return message && say(message);
}
