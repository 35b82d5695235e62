export interface SparklineProps {
  /** Oldest first. Fewer than two values draw nothing. */
  values: readonly number[];
  /** Indexes of values that jumped from the one before (growth anomalies): drawn as red dots. */
  marks?: readonly number[];
  width?: number;
  height?: number;
  /**
   * Words for the chart (its accessible name), and for each mark's tooltip. Without `label` the
   * chart is decorative: the growth figure beside it says it in words.
   */
  label?: string;
  markTitle?: string;
}

/** A small line of follower counts over time, with the jumps worth a look marked. */
export function Sparkline({ values, marks = [], width = 56, height = 16, label, markTitle }: SparklineProps) {
  if (values.length < 2) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const span = max - min || 1;
  const step = (width - 4) / (values.length - 1);
  const x = (index: number): number => 2 + index * step;
  const y = (value: number): number => height - 2 - ((value - min) / span) * (height - 4);
  const points = values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const rising = values[values.length - 1]! >= values[0]!;
  const marked = marks.filter((index) => index > 0 && index < values.length);
  return (
    <svg
      className={`sparkline ${rising ? 'sparkline-up' : 'sparkline-down'}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
      focusable="false"
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
      {marked.map((index) => (
        <circle key={index} className="sparkline-mark" data-index={index} cx={x(index).toFixed(1)} cy={y(values[index]!).toFixed(1)} r={height > 24 ? 4 : 2.5}>
          {markTitle && <title>{markTitle}</title>}
        </circle>
      ))}
    </svg>
  );
}
