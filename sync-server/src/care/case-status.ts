// A case's status as the office sees it, from its linked 認定調査票 alone: 未調査 / 調査済 / 差し戻し / 確定 (pure).
import type { Localized } from '../../../src/engine/index.ts';
import type { CaseStatus } from '../../../src/protocol/care/case-requests.ts';
import type { ServerRecordStatus } from '../storage/sync-store.ts';
import { shownReviewState, type ShownReviewState } from '../../../src/protocol/review.ts';

export const CASE_STATUS_LABELS: Record<CaseStatus, Localized> = {
  unsurveyed: { ja: '未調査', en: 'Not surveyed' },
  surveyed: { ja: '調査済', en: 'Surveyed' },
  returned: { ja: '差し戻し', en: 'Returned' },
  approved: { ja: '確定', en: 'Finished' },
};

/** What the server holds of the linked assessment; null when the case links none or the server has not received it yet. */
export interface LinkedAssessment {
  status: ServerRecordStatus;
  deleted: boolean;
}

/**
 * The case status for each state the review queue shows of its assessment, so the two never disagree.
 * A draft is still 未調査: the assessor may have started the form on the tablet, but nothing was handed in.
 * A deleted assessment counts as none (only a never-submitted draft is deleted from a tablet; the assessor may start again).
 */
export const CASE_STATUS_OF_REVIEW_STATE: Record<ShownReviewState, CaseStatus> = {
  draft: 'unsurveyed',
  deleted: 'unsurveyed',
  submitted: 'surveyed',
  returned: 'returned',
  approved: 'approved',
};

export function caseStatusOf(assessment: LinkedAssessment | null): CaseStatus {
  return assessment ? CASE_STATUS_OF_REVIEW_STATE[shownReviewState(assessment)] : 'unsurveyed';
}
