// Login limiter: per account name, per client address and in total, counted in the database so every server process shares it; check and record are one atomic step.
import { HttpError } from '../http/errors.ts';
import type { SyncStore, SyncTx } from '../storage/sync-store.ts';

export interface LoginLimits {
  windowMs: number;
  perAccount: number;
  perAddress: number;
  total: number;
}

/** What a login reserved: given back on success, kept on a wrong password (and on E_BUSY). */
export interface LoginReservation {
  accountKey: string;
  addressKey: string;
}

const TOTAL_KEY = 'total';

/**
 * Counts this attempt BEFORE the password is hashed, in one transaction: each key's counter is bumped by one
 * upsert (atomic per row in SQLite and PostgreSQL), so 100 parallel guesses see counts 1..100 and the ones over
 * the limit are refused — the old check-then-await-then-record let them all through. A refused attempt rolls its
 * bumps back (it costs no hash, so it does not count) and answers 429 with the seconds until the window ends.
 * Keys in a fixed order (account, address, total) so two transactions never wait on each other in a cycle.
 */
export async function reserveLoginAttempt(store: SyncStore, limits: LoginLimits, username: string, address: string, now: Date): Promise<LoginReservation> {
  const reservation = { accountKey: `account:${username.normalize('NFC').toLowerCase()}`, addressKey: `address:${address}` };
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - limits.windowMs).toISOString();
  const checks: [string, number][] = [[reservation.accountKey, limits.perAccount], [reservation.addressKey, limits.perAddress], [TOTAL_KEY, limits.total]];
  await store.transaction(async (tx) => {
    for (const [key, max] of checks) {
      const { count, windowStart } = await tx.bumpLoginAttempts(key, at, cutoff);
      // Once per window (the first attempt of a new total window): forget the counters of names and addresses
      // that are over, so made-up usernames cannot grow the table without bound.
      if (key === TOTAL_KEY && count === 1) await tx.pruneLoginAttempts(cutoff);
      if (count > max) {
        const waitMs = Date.parse(windowStart) + limits.windowMs - now.getTime();
        throw new HttpError('E_TOO_MANY_ATTEMPTS', undefined, { details: { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } });
      }
    }
  });
  return reservation;
}

/**
 * A right password, inside the transaction that issues the token: clears the account's failures and gives back its
 * address and total attempt, so only failures stay counted.
 */
export async function settleLoginAttempt(tx: SyncTx, reservation: LoginReservation): Promise<void> {
  await tx.releaseLoginAttempt(reservation.accountKey, true);
  await tx.releaseLoginAttempt(reservation.addressKey, false);
  await tx.releaseLoginAttempt(TOTAL_KEY, false);
}
