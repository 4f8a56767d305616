// A submit makes a new revision: a snapshot of the answers; the previous revision, if still undecided or returned, is superseded.
import type { RevisionRow, ServerRecord, SyncTx } from '../storage/sync-store.ts';
import { answersWithoutMeta } from './answers-without-meta.ts';

/** Inserts revision n+1 for `record` (already carrying its new change sequence) and returns n+1. */
export async function insertSubmitRevision(tx: SyncTx, record: ServerRecord, submittedBy: string, at: string): Promise<number> {
  const latest = (await tx.listRevisions(record.id)).at(-1);
  // An approved revision stays approved: it was handed off; the new one needs approval again.
  if (latest && (latest.status === 'submitted' || latest.status === 'returned')) await tx.updateRevision({ ...latest, status: 'superseded' });
  const row: RevisionRow = {
    recordId: record.id, revision: (latest?.revision ?? 0) + 1, formId: record.formId, formVersion: record.formVersion,
    answers: answersWithoutMeta(record.answers), submittedBy, submittedAt: at, changeSeq: record.changeSeq,
    status: 'submitted', decidedBy: null, decidedAt: null, reason: null, approvedSeq: null,
  };
  await tx.insertRevision(row);
  return row.revision;
}
