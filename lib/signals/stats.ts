/* Small statistics for the signals. Callers pass non-empty arrays of finite numbers. */

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The arithmetic mean. */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Population standard deviation ÷ mean; undefined when the mean is 0. */
export function coefficientOfVariation(values: readonly number[]): number | undefined {
  const average = mean(values);
  if (!(average > 0)) return undefined;
  const variance = mean(values.map((value) => (value - average) ** 2));
  return Math.sqrt(variance) / average;
}

/** A finite value, else undefined: no signal ever carries NaN or Infinity. */
export function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}
