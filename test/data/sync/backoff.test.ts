// Backoff after failed syncs: ceilings double from the base up to the cap; full jitter stays within [0, ceiling].
import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay } from '../../../src/data/sync/backoff.ts';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('backoff schedule', () => {
  it('doubles the ceiling per failure in a row and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffCeiling(n, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(backoffCeiling(0, policy)).toBe(0);
    expect(backoffCeiling(10_000, policy)).toBe(60_000); // no overflow to Infinity/NaN
  });

  it('full jitter: the delay is random·ceiling, never below 0 nor above the ceiling', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2_000);
    expect(backoffDelay(3, policy, () => 0.999_999)).toBeLessThanOrEqual(4_000);
    expect(backoffDelay(3, policy, () => 7)).toBe(4_000); // a broken random source is clamped
    for (let failures = 1; failures < 20; failures++) {
      for (const r of [0, 0.1, 0.37, 0.5, 0.9, 0.999]) {
        const delay = backoffDelay(failures, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(backoffCeiling(failures, policy));
      }
    }
  });

  it('the default random source spreads delays (not all the same)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(6, policy)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
