// One case (/care/case/:id): the applicant, 「調査を開始」, reschedule, call log and directions, all on the device's copy so it works offline.
import { useTranslation } from 'react-i18next';
import { navigate } from '../state/routeStore.ts';
import { ApplicantPanel } from './ApplicantPanel.tsx';
import { CallLog } from './CallLog.tsx';
import { DirectionsPanel } from './DirectionsPanel.tsx';
import { RescheduleForm } from './RescheduleForm.tsx';
import { StartAssessment } from './StartAssessment.tsx';
import { useCareCases } from './useCareCases.ts';
import './care.css';

export function CareCaseScreen({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const data = useCareCases();
  const back = () => void navigate({ name: 'care-schedule' });
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  const item = data.cases.find((c) => c.id === recordId);
  if (!item) {
    return (
      <section className="screen">
        <p className="notice notice-error" data-testid="care-case-missing">{t('care.detail.notFound')}</p>
        <button type="button" className="btn" onClick={back}>← {t('care.detail.back')}</button>
      </section>
    );
  }
  const { view } = item;
  const linkedId = view.assessmentRecordId;
  return (
    <section className="screen care-case" data-testid="care-case" data-case-id={recordId}>
      <div className="screen-head">
        <button type="button" className="btn btn-ghost" onClick={back}>← {t('care.detail.back')}</button>
        <h1 className="screen-title">{view.name ?? t('care.unnamed')}</h1>
        {view.caseNumber && <span className="muted">{t('care.caseNumber', { number: view.caseNumber })}</span>}
      </div>
      <StartAssessment caseId={recordId} linkedId={linkedId} assessment={linkedId ? data.assessments.get(linkedId) : undefined} formReady={data.assessmentFormReady} />
      <div className="care-columns">
        <ApplicantPanel view={view} />
        <RescheduleForm caseId={recordId} visitAt={view.visitAt} />
        <CallLog caseId={recordId} calls={view.calls} />
        <DirectionsPanel view={view} />
      </div>
      <button type="button" className="btn btn-ghost" onClick={() => void navigate({ name: 'editor', recordId })}>
        {t('care.detail.editData')}
      </button>
    </section>
  );
}
