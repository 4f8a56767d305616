// Records a scope removal for every user who had a record in scope (owner or assignee) before a write and not after it, at that write's change sequence.
import type { ServerRecord, SyncTx } from '../storage/sync-store.ts';

type ScopeHolders = Pick<ServerRecord, 'ownerId' | 'assigneeId'>;

/** Users in before's scope but not in after's (the same owner-or-assignee rule as recordInScope). */
export function usersLosingScope(before: ScopeHolders, after: ScopeHolders): string[] {
  const keep = new Set([after.ownerId, after.assigneeId]);
  return [...new Set([before.ownerId, before.assigneeId])].filter((user): user is string => user !== null && !keep.has(user));
}

/**
 * Call in the transaction that writes `after`, with the change sequence of that write: a pull page then returns the
 * removal in the same change-sequence order as the record's own changes, so the user's devices forget the record.
 * (Office users see every record of their forms; a row for one is harmless, pull only reads them for field users.)
 */
export async function recordScopeRemovals(tx: SyncTx, before: ScopeHolders, after: ScopeHolders & { id: string; changeSeq: number }): Promise<void> {
  for (const userId of usersLosingScope(before, after)) {
    await tx.insertScopeRemoval({ userId, recordId: after.id, changeSeq: after.changeSeq });
  }
}
