import { formatBytes, formatFollowers, formatInteger, formatPlain, formatPlainPercent, formatTyped } from '@/lib/format';
import { listInWords, plural, t, type MessageCode, type MessageArg, type NumberStyle } from '@/lib/i18n';

/*
 * The UI edge's one door from codes to words: lib/ returns Messages (lib/i18n.ts), and badge, popup
 * and dashboard call `say` where they show one. Numbers are formatted here, in the UI language, so
 * lib/ never needs it.
 */

const NUMBER_STYLES: Readonly<Record<NumberStyle, (value: number) => string>> = {
  integer: formatInteger,
  followers: formatFollowers,
  plain: formatPlain,
  plainPercent: formatPlainPercent,
  typed: formatTyped,
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
