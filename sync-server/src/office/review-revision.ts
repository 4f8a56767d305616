// A review decides the latest revision: return and approve record the decision on it (approval takes the hand-off cursor); reopen leaves the approved one as handed off.
import type { ReviewRequest } from '../../../src/protocol/review-request.ts';
import type { RevisionRow, ServerRecord, SyncTx } from '../storage/sync-store.ts';
import { answersWithoutMeta } from './answers-without-meta.ts';

export interface ReviewDecisionInput {
  /** The record as the review leaves it (new status, new change sequence). */
  record: ServerRecord;
  action: ReviewRequest['action'];
  userId: string;
  reason: string | null;
  at: string;
  /** The review transaction's change sequence: an approval's hand-off cursor. */
  seq: number;
}

/** Returns the record with its summary's revision number kept in step (a revision may be made here, see below). */
export async function decideLatestRevision(tx: SyncTx, input: ReviewDecisionInput): Promise<ServerRecord> {
  const { record, action } = input;
  // A reopened record keeps its approved revision (office systems already have it); its next submit adds one.
  if (action === 'reopen') return record;
  let latest: RevisionRow | undefined = (await tx.listRevisions(record.id)).at(-1);
  if (!latest || latest.status !== 'submitted') {
    // A record submitted before revisions existed: its current answers become the revision being decided.
    if (latest?.status === 'returned') await tx.updateRevision({ ...latest, status: 'superseded' });
    latest = {
      recordId: record.id, revision: (latest?.revision ?? 0) + 1, formId: record.formId, formVersion: record.formVersion,
      answers: answersWithoutMeta(record.answers), submittedBy: record.ownerId,
      submittedAt: record.summary?.submittedAt ?? record.updatedAt, changeSeq: input.seq,
      status: 'submitted', decidedBy: null, decidedAt: null, reason: null, approvedSeq: null,
    };
    await tx.insertRevision(latest);
  }
  const decided: RevisionRow = action === 'approve'
    ? {
      ...latest, status: 'approved', decidedBy: input.userId, decidedAt: input.at, reason: input.reason, approvedSeq: input.seq,
      // What is handed off is what was approved: a conflict resolved since the submit is included.
      answers: answersWithoutMeta(record.answers), formVersion: record.formVersion,
    }
    : { ...latest, status: 'returned', decidedBy: input.userId, decidedAt: input.at, reason: input.reason };
  await tx.updateRevision(decided);
  const summary = record.summary ?? { title: null, lat: null, lon: null, errorCount: 0, warningCount: 0, submittedAt: latest.submittedAt, revision: 0 };
  return { ...record, summary: { ...summary, revision: decided.revision } };
}
