/** A number read from page text: its value, and whether the page rounded it. */
export interface CountReading {
  /** Best value: the number as written, expanded ("12.5K" → 12 500). Non-negative integer. */
  value: number;
  /** False when the page wrote a rounded or abbreviated number. */
  exact: boolean;
  /** Smallest true count the text can stand for (inclusive). Equals value when exact. */
  min: number;
  /** Largest true count the text can stand for (inclusive). Equals value when exact. */
  max: number;
}

// TODO(helper): implementation in progress.
export function parseCountDetailed(_text: string, _locale?: string): CountReading | null {
  return null;
}

export function parseCount(text: string, locale?: string): number | null {
  return parseCountDetailed(text, locale)?.value ?? null;
}
