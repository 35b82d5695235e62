import type { CountReading } from './count';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * A count for the UI: exact counts in full, rounded ones as the page rounded them, marked "≈".
 * @example formatCount({ value: 48_200, exact: false, min: 48_150, max: 48_249 }) // "≈48.2K"
 */
export function formatCount(reading: CountReading | undefined): string {
  if (!reading) return 'unknown';
  return reading.exact ? integer.format(reading.value) : `≈${compact.format(reading.value)}`;
}

/** A plain integer with grouping, for averages and tooltips. */
export function formatInteger(value: number): string {
  return integer.format(Math.round(value));
}

/**
 * A rate in percent with two decimals, or more when small enough to round to zero.
 * @example formatPercent(0.0345) // "0.035%"
 */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return 'unknown';
  const digits = percent !== 0 && Math.abs(percent) < 0.01 ? 3 : 2;
  return `${percent.toFixed(digits)}%`;
}
