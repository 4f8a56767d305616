// 「調査を開始」: creates the 調査票 from the case and opens it (or opens the one already linked); says plainly when the form is not on the device.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../state/routeStore.ts';
import { useSession } from '../sync.ts';
import { AssessmentBadge } from './AssessmentBadge.tsx';
import { startAssessment } from './caseActions.ts';
import type { AssessmentState } from './useCareCases.ts';

interface Props {
  caseId: string;
  linkedId: string | null;
  assessment: AssessmentState | undefined;
  formReady: boolean;
}

export function StartAssessment({ caseId, linkedId, assessment, formReady }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const login = useSession();

  const start = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await startAssessment(caseId, login?.user.displayName ?? null);
      if (outcome.ok) await navigate({ name: 'editor', recordId: outcome.assessmentId });
      else setFailure(outcome.code);
    } catch (error) {
      setFailure((error as { code?: string }).code ?? String(error));
    } finally {
      setBusy(false);
    }
  };

  const linkedButNotHere = linkedId !== null && !assessment;
  return (
    <section className="care-panel care-start" data-testid="care-start">
      <div className="row">
        <AssessmentBadge linkedId={linkedId} assessment={assessment} />
        {assessment ? (
          <button type="button" className="btn btn-primary btn-large" onClick={() => void navigate({ name: 'editor', recordId: assessment.id })} data-testid="care-open-assessment">
            {t('care.start.open')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary btn-large" disabled={busy || !formReady || linkedButNotHere} onClick={() => void start()} data-testid="care-start-assessment">
            {t('care.start.button')}
          </button>
        )}
      </div>
      {!formReady && !assessment && <p className="notice" data-testid="care-form-missing">{t('care.start.formMissing')}</p>}
      {linkedButNotHere && <p className="notice">{t('care.start.notHere')}</p>}
      {failure && <p className="notice notice-error" role="alert">{t('care.start.failed', { code: failure })}</p>}
    </section>
  );
}
