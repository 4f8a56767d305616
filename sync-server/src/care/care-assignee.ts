// Checks inside a transaction that a case may be assigned to this user: an enabled care_assessor account.
import { HttpError } from '../http/errors.ts';
import type { SyncTx, UserRow } from '../storage/sync-store.ts';

export async function requireAssessor(tx: SyncTx, userId: string): Promise<UserRow> {
  const user = await tx.getUser(userId);
  if (!user || user.disabled || user.role !== 'care_assessor') {
    throw new HttpError('E_CARE_ASSIGNEE', `User ${userId.slice(0, 100)} is not an active care assessor.`);
  }
  return user;
}
