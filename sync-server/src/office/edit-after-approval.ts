// An edit after approval: resolving a locked-record conflict of an approved record with a value that changes an answer reopens the record, so its next submit is a new revision needing approval.
import { getAnswerAt } from '../../../src/protocol/answer-paths.ts';
import { jsonEqual } from '../../../src/protocol/json-equal.ts';
import type { ReviewNote } from '../../../src/protocol/review-request.ts';
import type { ConflictItem, FieldMeta, ServerRecord } from '../storage/sync-store.ts';

export interface ResolutionInput {
  /** The record before the resolution. */
  before: ServerRecord;
  /** The record with the chosen value written. */
  after: ServerRecord;
  conflict: ConflictItem;
  value: unknown;
  reason: string;
  userId: string;
  at: string;
  /** The resolution's stamp (server device), reused for '@status' and '@review'. */
  stamp: FieldMeta;
}

/** Where the review note lives (the same key review-service writes). */
const REVIEW_PATH = '@review';

export function reopenIfEditedAfterApproval(input: ResolutionInput): ServerRecord {
  const { before, after, conflict } = input;
  if (before.status !== 'approved' || after.status !== 'approved' || conflict.kind !== 'locked-record' || conflict.path.startsWith('@')) return after;
  if (jsonEqual(getAnswerAt(before.answers, conflict.path) ?? null, input.value ?? null)) return after;
  const note: ReviewNote = { action: 'reopen', reason: input.reason, comments: [{ path: conflict.path, comment: input.reason }], by: input.userId, at: input.at };
  return {
    ...after,
    status: 'returned',
    answers: { ...after.answers, [REVIEW_PATH]: note },
    fields: { ...after.fields, '@status': input.stamp, [REVIEW_PATH]: input.stamp },
  };
}
