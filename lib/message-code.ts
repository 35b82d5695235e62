import type { MessageArg, MessageCode, MessageKey } from './i18n';

/**
 * A MessageCode: the key, and its arguments when there are any. What lib/ returns for the user to
 * read; components/words/message.ts writes it.
 * @example messageCode('benchmarkFewPosts', 3, 5) // { key: 'benchmarkFewPosts', args: [3, 5] }
 */
export function messageCode(key: MessageKey, ...args: MessageArg[]): MessageCode {
  return args.length > 0 ? { key, args } : { key };
}
