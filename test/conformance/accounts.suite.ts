// Accounts part of the ONE SyncStore conformance suite: forced password change, token idle stamp, API token expiry, revoking a user's tokens, and the login limiter's atomic counters (also across two connections).
import { describe, expect, it } from 'vitest';
import type { SyncStore, SyncTx } from '../../sync-server/src/storage/sync-store.ts';
import { aDevice, anApiToken, aToken, aUser } from './fixtures.ts';

export interface AccountsContext {
  tx<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T>;
  /** A second connection (pool) to the same database, migrated: a second server process. */
  openAnother(): Promise<SyncStore>;
}

const T0 = '2026-12-05T09:00:00.000Z';
const T1 = '2026-12-05T09:05:00.000Z';
const CUTOFF_BEFORE_T0 = '2026-12-05T08:45:00.000Z';

export function describeAccountsConformance(ctx: AccountsContext): void {
  const { tx } = ctx;

  describe('accounts', () => {
    it('users keep mustChangePassword; tokens keep lastUsedAt; API tokens keep expiresAt', async () => {
      await tx(async (t) => {
        await t.putUser(aUser('u-1', { mustChangePassword: true }));
        await t.putDevice(aDevice('d-1', 'u-1'));
        await t.putToken(aToken('h-1', 'u-1', 'd-1', { lastUsedAt: T1 }));
        await t.putApiToken(anApiToken('a-1', { expiresAt: T1 }));
      });
      expect((await tx((t) => t.getUser('u-1')))?.mustChangePassword).toBe(true);
      expect((await tx((t) => t.getToken('h-1')))?.lastUsedAt).toBe(T1);
      expect((await tx((t) => t.getApiTokenByHash('hash-a-1')))?.expiresAt).toBe(T1);
    });

    it('revokeUserTokens revokes only that user\'s live tokens and keeps an earlier revocation time', async () => {
      await tx(async (t) => {
        for (const u of ['u-1', 'u-2']) {
          await t.putUser(aUser(u));
          await t.putDevice(aDevice(`d-${u}`, u));
        }
        await t.putToken(aToken('h-a', 'u-1', 'd-u-1'));
        await t.putToken(aToken('h-b', 'u-1', 'd-u-1', { revokedAt: T0 }));
        await t.putToken(aToken('h-c', 'u-2', 'd-u-2'));
      });
      expect(await tx((t) => t.revokeUserTokens('u-1', T1))).toBe(1);
      expect((await tx((t) => t.getToken('h-a')))?.revokedAt).toBe(T1);
      expect((await tx((t) => t.getToken('h-b')))?.revokedAt).toBe(T0);
      expect((await tx((t) => t.getToken('h-c')))?.revokedAt).toBeNull();
    });

    it('bumpLoginAttempts counts within a window, starts a new one after the cutoff, and release takes one back or resets', async () => {
      expect(await tx((t) => t.bumpLoginAttempts('account:x', T0, CUTOFF_BEFORE_T0))).toEqual({ count: 1, windowStart: T0 });
      expect(await tx((t) => t.bumpLoginAttempts('account:x', T1, CUTOFF_BEFORE_T0))).toEqual({ count: 2, windowStart: T0 });
      await tx((t) => t.releaseLoginAttempt('account:x', false));
      expect(await tx((t) => t.bumpLoginAttempts('account:x', T1, CUTOFF_BEFORE_T0))).toEqual({ count: 2, windowStart: T0 });
      // The window that began at T0 is over once the cutoff reaches T0.
      expect(await tx((t) => t.bumpLoginAttempts('account:x', T1, T0))).toEqual({ count: 1, windowStart: T1 });
      await tx((t) => t.releaseLoginAttempt('account:x', true));
      expect(await tx((t) => t.bumpLoginAttempts('account:x', T1, T0))).toEqual({ count: 1, windowStart: T1 });
      // Never below zero; releasing an unknown key is a no-op.
      await tx(async (t) => {
        await t.releaseLoginAttempt('account:x', false);
        await t.releaseLoginAttempt('account:x', false);
        await t.releaseLoginAttempt('account:nobody', false);
      });
      expect(await tx((t) => t.bumpLoginAttempts('account:x', T1, T0))).toEqual({ count: 1, windowStart: T1 });
    });

    it('pruneLoginAttempts deletes only the counters whose window is over', async () => {
      await tx(async (t) => {
        await t.bumpLoginAttempts('account:old', T0, CUTOFF_BEFORE_T0);
        await t.bumpLoginAttempts('account:new', T1, CUTOFF_BEFORE_T0);
      });
      expect(await tx((t) => t.pruneLoginAttempts(T0))).toBe(1);
      expect(await tx((t) => t.bumpLoginAttempts('account:new', T1, T0))).toEqual({ count: 2, windowStart: T1 });
      expect(await tx((t) => t.bumpLoginAttempts('account:old', T1, T0))).toEqual({ count: 1, windowStart: T1 });
    });

    it('a bump rolled back with its transaction does not count', async () => {
      await expect(tx(async (t) => {
        await t.bumpLoginAttempts('total', T0, CUTOFF_BEFORE_T0);
        throw new Error('refused');
      })).rejects.toThrow('refused');
      expect(await tx((t) => t.bumpLoginAttempts('total', T0, CUTOFF_BEFORE_T0))).toEqual({ count: 1, windowStart: T0 });
    });

    it('60 racing bumps through two connections each see a distinct count (1..60)', async () => {
      const other = await ctx.openAnother();
      const counts = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? other : null))
        .map((s) => (s ? s.transaction((t) => t.bumpLoginAttempts('address:10.0.0.1', T0, CUTOFF_BEFORE_T0)) : tx((t) => t.bumpLoginAttempts('address:10.0.0.1', T0, CUTOFF_BEFORE_T0)))));
      expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    });
  });
}
