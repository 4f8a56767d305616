// The office's part of every record write: the review-queue summary, a new revision when the record becomes submitted, the blob refs.
import type { Evaluation, FormDefinition } from '../../../src/engine/index.ts';
import type { RecordSummary, ServerRecord, SyncTx } from '../storage/sync-store.ts';
import { syncBlobRefs } from '../blobs/blob-refs.ts';
import { evaluateRecord } from './evaluate-record.ts';
import { firstGeopoint } from './first-geopoint.ts';
import { summaryTitle } from './summary-title.ts';
import { insertSubmitRevision } from './submit-revision.ts';

export interface RecordWrite {
  /** The record about to be stored, with its new change sequence. */
  record: ServerRecord;
  /** As stored before this write (null for a new record). */
  previous: ServerRecord | null;
  form: FormDefinition | undefined;
  /** Who caused the write: the submitter when it is a submit. */
  userId: string;
  at: string;
  now: Date;
  /** An evaluation this write already made of the same answers (the push's rule check), reused instead of a second run. */
  evaluation?: Evaluation | null;
}

/**
 * The engine is the expensive part (~0.3 ms a record), so a draft is evaluated only when the caller already did it:
 * drafts keep the counts of their last evaluation, every non-draft write (submit, edits of a returned record,
 * reviews and resolutions) counts afresh. Title and place are cheap and always current.
 */
export async function withOfficeColumns(tx: SyncTx, write: RecordWrite): Promise<ServerRecord> {
  const { record, previous, form } = write;
  // Who may read a photo follows from who may read a record naming it: the index moves with the answers, in this transaction.
  await syncBlobRefs(tx, record, previous, write.at);
  const before: RecordSummary | undefined = record.summary ?? previous?.summary;
  let revision = before?.revision ?? 0;
  let submittedAt = before?.submittedAt ?? null;
  if (record.status === 'submitted' && previous?.status !== 'submitted' && !record.deleted) {
    revision = await insertSubmitRevision(tx, record, write.userId, write.at);
    submittedAt = write.at;
  }
  const evaluation = write.evaluation ?? (record.status === 'draft' ? null : evaluateRecord(form, record.answers, write.now));
  const point = firstGeopoint(form, record.answers);
  const summary: RecordSummary = {
    ...summaryTitle(form, record.answers, write.now),
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
    errorCount: evaluation ? evaluation.errors.length : before?.errorCount ?? 0,
    warningCount: evaluation ? evaluation.warnings.length : before?.warningCount ?? 0,
    submittedAt,
    revision,
  };
  return { ...record, summary };
}
