import { describe, expect, it } from 'vitest';
import { DEFAULT_INACTIVE_DAYS, signalsOf } from '@/lib/signals';

const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;
const tiktokAt = (at: number, index: number): string => ((BigInt(Math.floor(at / 1000)) << 32n) | BigInt(index)).toString();
// One video 45 days old: inactive under 30 days, fine under 60.
const posts = [{ id: tiktokAt(NOW - 45 * DAY, 0) }];

describe('signalsOf: the report states the inactivity threshold it was judged with (the card words the rule from it)', () => {
  it.each([
    ['the default', undefined, DEFAULT_INACTIVE_DAYS, 'look'],
    ['60 days from the settings', 60, 60, 'fine'],
    ['0: not a threshold, the default as inactive() uses', 0, DEFAULT_INACTIVE_DAYS, 'look'],
    ['NaN: the default', Number.NaN, DEFAULT_INACTIVE_DAYS, 'look'],
  ])('%s', (_title, inactiveDays, expected, state) => {
    const report = signalsOf({ platform: 'tiktok', posts, now: NOW, inactiveDays });
    expect(report.inactiveDays).toBe(expected);
    expect(report.signals.find((signal) => signal.id === 'inactive')?.state).toBe(state);
  });
});
