import { checkedReading } from '../count';
import type { SavedSnapshot } from '../shortlist/schema';
import { unknown } from './judge';
import { ROUND_JUMPS, SIGNAL_RULES, signalRule, type RuleId, type Signal, type SignalRule } from './rules';

const DAY = 86_400_000;

interface Point {
  at: number;
  min: number;
  max: number;
  value: number;
  exact: boolean;
  engagement?: { percent: number; basis?: string; method?: string };
}

function pointOf(snapshot: SavedSnapshot): Point | undefined {
  const at = Date.parse(snapshot.at);
  const followers = checkedReading(snapshot.followers);
  if (!Number.isFinite(at) || !followers) return undefined;
  const point: Point = { at, ...followers };
  const percent = snapshot.engagementPercent;
  if (typeof percent === 'number' && Number.isFinite(percent)) {
    point.engagement = { percent, basis: snapshot.basis, method: snapshot.method };
  }
  return point;
}

/**
 * Follower jumps between a saved profile's dated snapshots. Per interval: the gain it must at
 * least have been (later min − earlier max, so rounding never makes a spike), per day (intervals
 * under a day count as a day), as a fraction of the earlier count. 'look' for, in this order: a
 * spike while the engagement rate (same basis and method) fell; a gain of exactly one of
 * ROUND_JUMPS between exact counts (value: the gain); a spike (value: the largest daily gain).
 */
export function growthSpike(history: readonly SavedSnapshot[], rules: readonly SignalRule[] = SIGNAL_RULES): Signal<'growth-spike'> {
  const points = history
    .map(pointOf)
    .filter((point) => point !== undefined)
    .sort((a, b) => a.at - b.at);
  if (points.length < signalRule('growth-rate', rules).minSample) return unknown('growth-spike', 'no-history');

  const spikeLine = signalRule('growth-rate', rules).threshold ?? Number.POSITIVE_INFINITY;
  const fallingLine = signalRule('growth-falling-engagement', rules).threshold ?? spikeLine;
  let largest = 0;
  let falling: number | undefined;
  let round: number | undefined;
  for (let index = 1; index < points.length; index++) {
    const before = points[index - 1]!;
    const after = points[index]!;
    const days = Math.max(1, (after.at - before.at) / DAY);
    const rate = (after.min - before.max) / Math.max(1, before.max) / days;
    largest = Math.max(largest, rate);
    const gain = after.value - before.value;
    if (round === undefined && before.exact && after.exact && ROUND_JUMPS.includes(gain)) round = gain;
    const was = before.engagement;
    const now = after.engagement;
    if (
      falling === undefined &&
      rate > fallingLine &&
      was &&
      now &&
      was.basis === now.basis &&
      was.method === now.method &&
      now.percent < was.percent
    ) {
      falling = rate;
    }
  }
  const sample = points.length - 1;
  const look = (rule: RuleId, value: number): Signal<'growth-spike'> => ({ id: 'growth-spike', state: 'look', value, rule, sample });
  if (falling !== undefined) return look('growth-falling-engagement', falling);
  if (round !== undefined) return look('growth-round-jump', round);
  if (largest > spikeLine) return look('growth-rate', largest);
  return { id: 'growth-spike', state: 'fine', value: largest, rule: 'growth-rate', sample };
}
