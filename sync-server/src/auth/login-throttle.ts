// Slows password guessing: after too many failed logins for one key (username + client address) within a window, further attempts are refused for a while (429).

export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: 10, windowMs: 15 * 60 * 1000 };

/**
 * In memory, per process: enough to make online guessing slow on one server; with several
 * processes behind a balancer each keeps its own count (the slow scrypt hash still bounds the rate).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  /** Milliseconds until the next attempt is allowed, or 0 when it is allowed now. */
  waitMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.options.maxFailures) return 0;
    return (recent[0] as number) + this.options.windowMs - now;
  }

  recordFailure(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key.toLowerCase(), recent);
    // Bound the memory an attacker can make us spend on made-up usernames.
    if (this.failures.size > 10_000) this.prune(now);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key.toLowerCase());
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key.toLowerCase()) ?? []).filter((at) => now - at < this.options.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) {
      const kept = times.filter((at) => now - at < this.options.windowMs);
      if (kept.length === 0) this.failures.delete(key);
      else this.failures.set(key, kept);
    }
  }
}
