/**
 * A port of the core: numbers and plural choices written without Intl, where a start-up
 * optimisation can (lib/warm-start/number-pack.ts fills it in the content script). The core asks
 * here first and uses Intl for whatever it is not answered; nothing is installed by default.
 */

/** The numbers a source may write: the Intl.NumberFormat options lib/format.ts uses for each. */
export type NumberKind =
  /** `{ maximumFractionDigits: 0 }` */
  | 'integer'
  /** `{ notation: 'compact', maximumSignificantDigits: 4 }`, for non-negative integers */
  | 'compact'
  /** `{ style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }` of value / 100 */
  | 'percent2'
  /** The same with 3 fraction digits */
  | 'percent3';

export interface NumberSource {
  /** `value` as Intl would write `kind` in `language`, or undefined: the caller uses Intl. */
  format(language: string, kind: NumberKind, value: number): string | undefined;
  /**
   * Whether Intl.PluralRules selects 'one' for `count` in `language`, or undefined: ask Intl. All a
   * plural choice needs where the messages come in one and other only.
   */
  isOne(language: string, count: number): boolean | undefined;
  /**
   * The category Intl.PluralRules selects for `count` in `language` (Polish 3 → "few"), or
   * undefined: ask Intl. lib/i18n.ts asks it where the messages carry more than one and other.
   */
  plural(language: string, count: number): Intl.LDMLPluralRule | undefined;
}

let source: NumberSource | undefined;

/** Installs `next` (undefined: none, Intl answers everything). */
export function setNumberSource(next: NumberSource | undefined): void {
  source = next;
}

/** The installed source, if any. */
export function numberSource(): NumberSource | undefined {
  return source;
}
