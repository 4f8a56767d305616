// Retry delays after failed syncs: exponential backoff with "full jitter" (a random delay in [0, min(cap, base·2^n)]).
//
// Full jitter spreads the retries of a whole fleet of tablets that lost the network at the same moment
// (a disaster area coming back online), so they do not hit the server in lock-step.

export interface BackoffPolicy {
  /** Ceiling of the first retry, in ms. */
  baseMs: number;
  /** Largest ceiling, in ms, however many failures in a row. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** The ceiling for the `failures`-th failure in a row (1 = first failure). */
export function backoffCeiling(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0;
  // 2^30 already exceeds any sane cap; clamping the exponent keeps the arithmetic finite.
  const exponent = Math.min(failures - 1, 30);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/** A delay in [0, ceiling]; `random` returns [0, 1) like Math.random (tests pass a fixed one). */
export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * backoffCeiling(failures, policy));
}
