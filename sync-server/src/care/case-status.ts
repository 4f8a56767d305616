// A case's status as the office sees it, from its linked 認定調査票 alone: 未調査 / 調査済 / 差し戻し / 確定 (pure).
import type { Localized } from '../../../src/engine/index.ts';
import type { CaseStatus } from '../../../src/protocol/care/case-requests.ts';
import type { ServerRecordStatus } from '../storage/sync-store.ts';

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
 * A draft is still 未調査: the assessor may have started the form on the tablet, but nothing was handed in.
 * A deleted assessment counts as none (the assessor threw the draft away and may start again).
 */
export function caseStatusOf(assessment: LinkedAssessment | null): CaseStatus {
  if (!assessment || assessment.deleted) return 'unsurveyed';
  switch (assessment.status) {
    case 'draft':
      return 'unsurveyed';
    case 'submitted':
      return 'surveyed';
    case 'returned':
      return 'returned';
    case 'approved':
      return 'approved';
  }
}
