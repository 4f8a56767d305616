// Conformance of SyncTx.listRecordEdits: the ops log grouped per (user, path) of one record, with first/last time and count, in a stable order.
import { describe, expect, it } from 'vitest';
import type { SyncTx } from '../../sync-server/src/storage/sync-store.ts';
import { anOp } from './fixtures.ts';

export function describeRecordEditsConformance(ctx: { tx<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T> }): void {
  describe('record edits (who wrote which path)', () => {
    it('groups one record\'s ops by user and path, ordered by first time, user, path; other records left out', async () => {
      await ctx.tx((t) => t.insertOps([
        anOp('dev-a:1', { userId: 'u-field', recordId: 'rec-e', path: '@create', receivedAt: '2026-11-28T09:00:00.000Z' }),
        anOp('dev-a:2', { userId: 'u-field', recordId: 'rec-e', path: 'note', receivedAt: '2026-11-28T09:01:00.000Z' }),
        anOp('dev-a:3', { userId: 'u-field', recordId: 'rec-e', path: 'note', receivedAt: '2026-11-28T09:05:00.000Z', outcome: 'noop' }),
        anOp('dev-s:1', { userId: 'u-office', recordId: 'rec-e', path: 'note', receivedAt: '2026-11-28T10:00:00.000Z' }),
        anOp('dev-s:2', { userId: 'u-office', recordId: 'rec-e', path: 'grp.b', receivedAt: '2026-11-28T10:00:00.000Z' }),
        anOp('dev-s:3', { userId: 'u-office', recordId: 'rec-other', path: 'note', receivedAt: '2026-11-28T08:00:00.000Z' }),
      ]));
      expect(await ctx.tx((t) => t.listRecordEdits('rec-e'))).toEqual([
        { userId: 'u-field', path: '@create', firstAt: '2026-11-28T09:00:00.000Z', lastAt: '2026-11-28T09:00:00.000Z', ops: 1 },
        { userId: 'u-field', path: 'note', firstAt: '2026-11-28T09:01:00.000Z', lastAt: '2026-11-28T09:05:00.000Z', ops: 2 },
        { userId: 'u-office', path: 'grp.b', firstAt: '2026-11-28T10:00:00.000Z', lastAt: '2026-11-28T10:00:00.000Z', ops: 1 },
        { userId: 'u-office', path: 'note', firstAt: '2026-11-28T10:00:00.000Z', lastAt: '2026-11-28T10:00:00.000Z', ops: 1 },
      ]);
      expect(await ctx.tx((t) => t.listRecordEdits('rec-none'))).toEqual([]);
    });
  });
}
