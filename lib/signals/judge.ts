import { signalRule, SIGNAL_RULES, type RuleId, type Signal, type SignalRule, type UnknownReason } from './rules';

/** unknown(reason) for signal `id`. */
export function unknown<Id extends string>(id: Id, reason: UnknownReason): Signal<Id> {
  return { id, state: 'unknown', reason };
}

/** Whether `value` crosses `rule` (a rule without threshold or direction never does). */
export function crosses(value: number, rule: SignalRule): boolean {
  if (rule.threshold === undefined) return false;
  if (rule.direction === 'below') return value < rule.threshold;
  if (rule.direction === 'above') return value > rule.threshold;
  return false;
}

/**
 * 'look' at the first of `ruleIds` that `value` crosses, else 'fine' under the first; unknown
 * ('too-few-posts') when `sample` is under the first rule's minimum, ('no-engagement') for a
 * non-finite value.
 */
export function judge<Id extends string>(
  id: Id,
  value: number,
  ruleIds: readonly [RuleId, ...RuleId[]],
  sample: number,
  rules: readonly SignalRule[] = SIGNAL_RULES,
): Signal<Id> {
  const first = signalRule(ruleIds[0], rules);
  if (sample < first.minSample) return unknown(id, 'too-few-posts');
  if (!Number.isFinite(value)) return unknown(id, 'no-engagement');
  const crossed = ruleIds.find((ruleId) => crosses(value, signalRule(ruleId, rules)));
  return { id, state: crossed === undefined ? 'fine' : 'look', value, rule: crossed ?? ruleIds[0], sample };
}
