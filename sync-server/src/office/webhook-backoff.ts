// Retry delays of webhook deliveries: exponential (base · 2^(n-1), capped) with jitter, so receivers coming back are not hit in lockstep.

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The wait before retry `attempt` (1 = the first retry): uniformly in [d/2, d] with d = min(max, base · 2^(attempt-1)). */
export function retryDelayMs(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
