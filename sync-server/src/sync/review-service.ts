// Applies a supervisor's review (return, approve, reopen) to one record in ONE store transaction: role, scope, transition table, then a new change devices pull.
import { format, send } from '../../../src/protocol/hlc.ts';
import { nextReviewState, REVIEWER_ROLES } from '../../../src/protocol/review.ts';
import { REVIEW_HISTORY_MAX, ReviewRequestSchema, type ReviewNote, type ReviewRequest } from '../../../src/protocol/review-request.ts';
import type { ServerRecord } from '../storage/sync-store.ts';
import { recordInScope } from '../auth/scope.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';
import { decideLatestRevision } from '../office/review-revision.ts';
import { authoredBy } from '../office/office-edits.ts';
import { loadServerClock, saveServerClock, SERVER_NODE } from './server-clock.ts';
import type { Actor, SyncDeps } from './types.ts';

/** Where the latest review lives in a record, next to '@ack' (answers['@review'], stamp fields['@review']). */
export const REVIEW_PATH = '@review';
/** Every review of the record, oldest first (answers['@reviews']): each return's comments stay readable after the next one. */
export const REVIEW_HISTORY_PATH = '@reviews';

/** The reviews before this one: the stored history, or the single latest note of a record reviewed before the history was kept. */
function earlierReviews(answers: Record<string, unknown>): unknown[] {
  const history = answers[REVIEW_HISTORY_PATH];
  if (Array.isArray(history)) return history;
  const latest = answers[REVIEW_PATH];
  return latest && typeof latest === 'object' ? [latest] : [];
}

export type ReviewOutcome =
  | { ok: true; record: ServerRecord }
  | { ok: false; status: 400 | 403 | 404 | 409; error: { code: string; message: string } };

/** `audit` (the HTTP route passes it) appends the review to the audit log in the review's own transaction. */
export async function reviewRecord(deps: SyncDeps, actor: Actor, recordId: string, body: ReviewRequest, audit?: AuditContext): Promise<ReviewOutcome> {
  if (!REVIEWER_ROLES.includes(actor.role)) return { ok: false, status: 403, error: { code: 'E_FORBIDDEN', message: 'only a supervisor or an administrator reviews records' } };
  // Re-checked here: callers other than the HTTP route may reach the service.
  const parsed = ReviewRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, error: { code: 'E_BAD_REQUEST', message: parsed.error.issues[0]?.message ?? 'invalid review' } };
  const { action, reason, comments } = parsed.data;
  const now = (deps.now ?? (() => new Date()))();
  const at = now.toISOString();
  return deps.store.transaction(async (tx): Promise<ReviewOutcome> => {
    const [record] = await tx.getRecords([recordId]);
    if (!record || !recordInScope(record, actor.scope)) return { ok: false, status: 404, error: { code: 'E_NOT_FOUND', message: `no record ${recordId}` } };
    if (record.deleted) return { ok: false, status: 409, error: { code: 'E_REVIEW_TRANSITION', message: 'a deleted record cannot be reviewed' } };
    const decision = nextReviewState(record.status, action, actor.role);
    if (!decision.ok) return { ok: false, status: decision.code === 'E_FORBIDDEN' ? 403 : 409, error: { code: decision.code, message: decision.message } };
    // Four eyes: whoever owns the record or wrote any of its ops does not approve it (returning it stays possible).
    if (action === 'approve' && !deps.allowSelfApproval && authoredBy(actor.userId, record.ownerId, await tx.listRecordEdits(record.id))) {
      return { ok: false, status: 403, error: { code: 'E_REVIEW_SELF', message: 'you created or edited this record: another reviewer approves it' } };
    }
    if (action === 'approve' && (await tx.listConflicts({ recordIds: [record.id], status: 'open', limit: 1 })).length > 0) {
      return { ok: false, status: 409, error: { code: 'E_REVIEW_CONFLICTS', message: 'the record has open conflicts: resolve them before approving it' } };
    }
    const reviewer = await tx.getUser(actor.userId);
    const note: ReviewNote = { action, reason: reason?.trim() ? reason : null, comments: comments ?? [], by: actor.userId, at };
    if (reviewer?.displayName) note.byName = reviewer.displayName;
    const history = [...earlierReviews(record.answers), note].slice(-REVIEW_HISTORY_MAX);
    let clock = await loadServerClock(tx);
    clock = send(clock, now.getTime());
    const seq = await tx.nextChangeSeq();
    const stamp = { version: seq, hlc: format(clock), deviceId: SERVER_NODE, opId: `review:${record.id}:${seq}` };
    const reviewed: ServerRecord = {
      ...record,
      status: decision.to,
      answers: { ...record.answers, [REVIEW_PATH]: note, [REVIEW_HISTORY_PATH]: history },
      fields: { ...record.fields, '@status': stamp, [REVIEW_PATH]: stamp, [REVIEW_HISTORY_PATH]: stamp },
      changeSeq: seq,
      updatedAt: at,
    };
    // The revision being decided: approval takes this change sequence as its hand-off cursor.
    const next = await decideLatestRevision(tx, { record: reviewed, action, userId: actor.userId, reason: note.reason, at, seq });
    await tx.putRecord(next);
    if (audit) {
      const detail = { action, from: record.status, to: next.status, reason: note.reason, comments: note.comments.length, revision: next.summary?.revision ?? null };
      await tx.appendAudit([auditEntry(audit, 'review', record.id, detail, at)]);
    }
    await saveServerClock(tx, clock);
    return { ok: true, record: next };
  });
}
