// Bounds the password hashes computed at once (each scrypt holds 128 MiB and a libuv thread): excess logins wait briefly, then get 503 E_BUSY, so /healthz and real logins stay fast under a flood.
import { HttpError } from '../http/errors.ts';

export interface HashGateOptions {
  /** Hashes at once. */
  concurrency: number;
  /** Longest a login waits for a slot before 503 E_BUSY. */
  maxWaitMs: number;
  /** Logins allowed to wait at all; beyond this the answer is an immediate 503 (the queue cannot grow without bound). */
  maxQueue: number;
}

/** A login admitted to the gate: it runs its hash through the ticket, or cancels when refused before hashing. */
export interface GateTicket {
  run<T>(fn: () => Promise<T>): Promise<T>;
  cancel(): void;
}

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

/** A counting semaphore with a bounded, timed queue; one per process (the limiter, not this, is shared across processes). */
export class HashGate {
  private active = 0;
  /** Tickets not yet finished: hashing, waiting, or still in the limiter's transaction. */
  private admitted = 0;
  private readonly queue: Waiter[] = [];

  constructor(private readonly options: HashGateOptions) {}

  /**
   * Admission BEFORE any database work: when concurrency + maxQueue logins are already in, the answer is an
   * immediate 503 with no write at all, so a flood costs neither hashes nor commits (each SQLite commit is an fsync
   * on the event loop's thread).
   */
  admit(): GateTicket {
    if (this.admitted >= this.options.concurrency + this.options.maxQueue) throw busy();
    this.admitted++;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      this.admitted--;
    };
    return {
      run: async (fn) => {
        try {
          return await this.run(fn);
        } finally {
          leave();
        }
      },
      cancel: leave,
    };
  }

  /** Runs fn when a slot is free; throws 503 E_BUSY (retry-after in details) when none frees up in time. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(busy());
    return new Promise<void>((resolvePromise, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolvePromise();
        },
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(busy());
        }, this.options.maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private release(): void {
    // The slot passes straight to the next waiter, so `active` stays the same.
    const next = this.queue.shift();
    if (next) next.grant();
    else this.active--;
  }
}

function busy(): HttpError {
  return new HttpError('E_BUSY', undefined, { details: { retryAfterSeconds: 2 } });
}
