// Refuses a field role's '@delete' of a record that was ever submitted: what reached the office is never lost from a tablet.
import type { RejectedOp } from './types.ts';
import type { ServerRecord, SyncTx } from '../storage/sync-store.ts';

export const E_RECORD_SUBMITTED = 'E_RECORD_SUBMITTED';

/**
 * The records among `records` that were ever handed in: any status but draft, or a submit revision on file (a device
 * may have moved a submitted record back to draft with '@status'; its revision still says it was submitted).
 */
export async function everSubmittedIds(tx: SyncTx, records: readonly ServerRecord[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const record of records) {
    if (record.status !== 'draft' || (await tx.listRevisions(record.id)).length > 0) ids.add(record.id);
  }
  return ids;
}

/** The refusal of one '@delete' op on a record that was submitted (before the batch, or by an earlier op of it). */
export function submittedDeleteRefusal(opId: string, recordId: string): RejectedOp {
  return {
    opId, code: E_RECORD_SUBMITTED, path: '@delete',
    message: `record ${recordId} was submitted to the office and cannot be deleted from a device (a supervisor may)`,
  };
}
