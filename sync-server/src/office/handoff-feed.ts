// The hand-off feed: approved revisions after a cursor, in cursor (approval change sequence) order; the cursor never skips an approval (store guarantee 3).
import type { HandoffChange, HandoffResponse } from '../../../src/protocol/office/handoff.ts';
import type { RevisionRow, SyncTx } from '../storage/sync-store.ts';

export function toHandoffChange(row: RevisionRow): HandoffChange {
  return {
    cursor: row.approvedSeq ?? 0,
    recordId: row.recordId,
    revision: row.revision,
    formId: row.formId,
    formVersion: row.formVersion,
    approvedAt: row.decidedAt ?? row.submittedAt,
    approvedBy: row.decidedBy ?? '',
    answers: row.answers,
  };
}

export async function readHandoffPage(tx: SyncTx, after: number, limit: number, formIds?: string[]): Promise<HandoffResponse> {
  const rows = await tx.listApprovedRevisions(after, limit + 1, formIds);
  const changes = rows.slice(0, limit).map(toHandoffChange);
  return { changes, next: changes.at(-1)?.cursor ?? after, hasMore: rows.length > limit };
}
