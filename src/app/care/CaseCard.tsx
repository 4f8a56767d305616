// One case in the schedule: visit time, applicant, address, application type and the 調査票's state; tapping opens the case.
import { useTranslation } from 'react-i18next';
import { navigate } from '../state/routeStore.ts';
import { AssessmentBadge } from './AssessmentBadge.tsx';
import { visitSlot, type ScheduleCase } from './schedule.ts';
import type { AssessmentState } from './useCareCases.ts';

interface Props {
  item: ScheduleCase;
  assessment: AssessmentState | undefined;
  /** Week view: time and name only. */
  compact?: boolean;
}

export function CaseCard({ item, assessment, compact = false }: Props) {
  const { t } = useTranslation();
  const { view } = item;
  const slot = visitSlot(view.visitAt);
  const open = () => void navigate({ name: 'care-case', recordId: item.id });
  return (
    <button type="button" className={`card care-case-card${compact ? ' is-compact' : ''}`} onClick={open} data-testid="care-case-card" data-case-id={item.id}>
      {slot && <span className="care-time">{slot.time}</span>}
      <span className="care-case-main">
        <span className="card-title">{view.name ?? t('care.unnamed')}</span>
        {!compact && (
          <>
            {view.address && <span className="card-sub">{view.address}</span>}
            <span className="card-meta">
              {view.applicationType && <span className="count-pill">{t(`care.applicationType.${view.applicationType}`)}</span>}
              {view.caseNumber && <span>{t('care.caseNumber', { number: view.caseNumber })}</span>}
              <AssessmentBadge linkedId={view.assessmentRecordId} assessment={assessment} />
            </span>
          </>
        )}
      </span>
    </button>
  );
}
