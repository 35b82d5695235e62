import { bandMessage, type BenchmarkBand, type BenchmarkResult } from '@/lib/benchmarks';
import { formatPlain, formatPlainPercent } from '@/lib/format';
import { t } from '@/lib/i18n';
import { say } from './message';

/** A band's follower range in words. @example bandLabel(band) // "10K–50K followers" */
export function bandLabel(band: Pick<BenchmarkBand, 'minFollowers' | 'maxFollowers'>): string {
  return say(bandMessage(band));
}

/**
 * One line for the popup.
 * @example describeComparison(result) // "Typical for 10K–50K followers (average 0.84–1.11%, Modash Instagram engagement rate calculator, 2025)"
 */
export function describeComparison(result: BenchmarkResult): string {
  if (result.verdict === 'none') return say(result.reason);
  const { band, source } = result;
  const verdict = t(
    { below: 'verdictBelow', typical: 'verdictTypical', above: result.aboveHighThreshold ? 'verdictHigh' : 'verdictAbove' }[
      result.verdict
    ] as 'verdictBelow',
  );
  const average = `${formatPlain(band.low)}–${formatPlainPercent(band.high)}`;
  return t('comparisonSentence', verdict, bandLabel(band), average, source.name, String(source.year));
}
