// The state of a case's 調査票 on this tablet: not started, not received yet, or the record's own status badge (下書き, 送信待ち, 送信済み, 承認済み, 差し戻し).
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../components/StatusBadge.tsx';
import type { AssessmentState } from './useCareCases.ts';

export function AssessmentBadge({ linkedId, assessment }: { linkedId: string | null; assessment: AssessmentState | undefined }) {
  const { t } = useTranslation();
  if (assessment) return <StatusBadge status={assessment.status} errorCount={assessment.errorCount} returned={assessment.returned === true} approved={assessment.approved === true} />;
  return (
    <span className="badge badge-draft" data-testid="assessment-badge">
      {linkedId ? t('care.assessment.notHere') : t('care.assessment.notStarted')}
    </span>
  );
}
