// The review state machine as data: which action moves a record from which status to which, and which roles may take it.
import { ROLES } from './auth.ts';
import { RECORD_STATUSES, type RecordStatus } from './snapshot.ts';

export type ReviewRole = (typeof ROLES)[number];

export const REVIEW_ACTIONS = ['submit', 'return', 'approve', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Roles that review records in the back office. */
export const REVIEWER_ROLES: readonly ReviewRole[] = ['supervisor', 'admin'];

export interface ReviewTransition {
  action: ReviewAction;
  from: readonly RecordStatus[];
  to: RecordStatus;
  roles: readonly ReviewRole[];
  /** A non-empty reason is required (it tells the surveyor what to correct). */
  needsReason: boolean;
  /** 'device': sent as an '@status' op and applied by the merge; 'review': POST /api/records/:id/review. */
  via: 'device' | 'review';
}

/**
 * The whole table. Submit is listed so the machine is complete, but it arrives as an '@status' op and the
 * merge applies it (scope decides who may push it, so every role is listed). Reopen is how an approved
 * record goes back to the surveyor; a new-revision workflow may replace it later.
 */
export const REVIEW_TRANSITIONS: readonly ReviewTransition[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', roles: ROLES, needsReason: false, via: 'device' },
  { action: 'return', from: ['submitted'], to: 'returned', roles: REVIEWER_ROLES, needsReason: true, via: 'review' },
  { action: 'approve', from: ['submitted'], to: 'approved', roles: REVIEWER_ROLES, needsReason: false, via: 'review' },
  { action: 'reopen', from: ['approved'], to: 'returned', roles: REVIEWER_ROLES, needsReason: true, via: 'review' },
];

export type ReviewDecision =
  | { ok: true; to: RecordStatus; transition: ReviewTransition }
  | { ok: false; code: 'E_FORBIDDEN' | 'E_REVIEW_TRANSITION'; message: string };

export function transitionFor(action: ReviewAction): ReviewTransition | undefined {
  return REVIEW_TRANSITIONS.find((t) => t.action === action);
}

/** The status after `action`, or a coded refusal; a role that may never take the action is refused before the status is looked at. */
export function nextReviewState(current: RecordStatus, action: ReviewAction, role: ReviewRole): ReviewDecision {
  const transition = transitionFor(action);
  if (!transition || !RECORD_STATUSES.includes(current)) {
    return { ok: false, code: 'E_REVIEW_TRANSITION', message: `unknown review action "${String(action)}" or status "${String(current)}"` };
  }
  if (!transition.roles.includes(role)) {
    return { ok: false, code: 'E_FORBIDDEN', message: `the role ${role} may not ${action} a record` };
  }
  if (!transition.from.includes(current)) {
    return { ok: false, code: 'E_REVIEW_TRANSITION', message: `a ${current} record cannot be ${action === 'approve' ? 'approved' : `${action}ed`} (only from ${transition.from.join(' or ')})` };
  }
  return { ok: true, to: transition.to, transition };
}

/** What the office shows of a record's review state (queue, record page, care case): its status, or deleted. */
export type ShownReviewState = RecordStatus | 'deleted';

/** A deleted record is shown as deleted, never with the status it had (a deleted 差し戻し is not waiting for anyone). */
export function shownReviewState(record: { status: RecordStatus; deleted: boolean }): ShownReviewState {
  return record.deleted ? 'deleted' : record.status;
}
