export interface SparklineProps {
  /** Oldest first. Fewer than two values draw nothing. */
  values: readonly number[];
  width?: number;
  height?: number;
}

/** A small line of follower counts over time; decorative (the growth figure beside it says it in words). */
export function Sparkline({ values, width = 56, height = 16 }: SparklineProps) {
  if (values.length < 2) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const span = max - min || 1;
  const step = (width - 2) / (values.length - 1);
  const points = values
    .map((value, index) => `${(1 + index * step).toFixed(1)},${(height - 1 - ((value - min) / span) * (height - 2)).toFixed(1)}`)
    .join(' ');
  const rising = values[values.length - 1]! >= values[0]!;
  return (
    <svg className={`sparkline ${rising ? 'sparkline-up' : 'sparkline-down'}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
