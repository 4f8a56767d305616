// 新しい申請を登録: the applicant's data and the assessor (care_assessor accounts) → POST /api/office/care/cases; the form's own checks come back from the server per field.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_TYPES, CASE_FIELDS, SEXES } from '../../../../forms/care-case/case-fields.ts';
import { localize } from '../../localize.ts';
import { useLanguage } from '../../state/appStore.ts';
import { createCareCase } from '../api/officeApi.ts';
import type { CaseRow } from '../../../protocol/care/case-list.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import type { OfficeUser } from '../api/schemas.ts';
import { officeErrorText } from '../shared/officeErrorText.ts';
import { caseIssuesOf, caseRequestOf, draftProblems, EMPTY_CASE_DRAFT, type CaseDraft } from './caseDraft.ts';

interface Props {
  assessors: readonly OfficeUser[];
  onCreated: (row: CaseRow) => void;
}

type TextKey = Exclude<keyof CaseDraft, 'applicationType' | 'sex' | 'assigneeId'>;

/** The draft key a server issue path (a care-case field id) belongs to, for its label. */
function draftKeyOf(path: string): keyof CaseDraft | null {
  if (path === CASE_FIELDS.location) return 'lat';
  const entry = Object.entries(CASE_FIELDS).find(([, id]) => id === path);
  return entry && entry[0] in EMPTY_CASE_DRAFT ? (entry[0] as keyof CaseDraft) : null;
}

export function CaseCreateForm({ assessors, onCreated }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<CaseDraft>(EMPTY_CASE_DRAFT);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OfficeError | null>(null);
  const problems = draftProblems(draft);
  const shownProblems = tried ? problems : {};
  const set = (patch: Partial<CaseDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const fieldLabel = (key: keyof CaseDraft) => t(`office.care.field.${key}`);

  const submit = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await createCareCase(caseRequestOf(draft));
      setDraft(EMPTY_CASE_DRAFT);
      setTried(false);
      onCreated(answer.case);
    } catch (caught) {
      setError(asOfficeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof CaseDraft, control: ReactNode, required = false) => (
    <label className="office-field" data-testid={`care-field-${key}`}>
      <span>
        {fieldLabel(key)}{' '}
        {required && <span className="required-mark">{t('editor.required')}</span>}
      </span>
      {control}
      {shownProblems[key] && (
        <span className="text-error" data-testid="care-field-problem">
          {t(`office.care.problem.${shownProblems[key]}`)}
        </span>
      )}
    </label>
  );
  const text = (key: TextKey, type = 'text', required = false) =>
    field(
      key,
      <input
        type={type}
        className={type === 'date' ? 'input input-date' : 'input'}
        value={draft[key]}
        onChange={(e) => set({ [key]: e.target.value })}
        aria-invalid={shownProblems[key] ? true : undefined}
        data-testid={`care-input-${key}`}
      />,
      required,
    );
  const issues = error?.code === 'E_CARE_CASE_INVALID' ? caseIssuesOf(error.details) : [];

  return (
    <form
      className="office-filters office-care-create"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      data-testid="care-create-form"
    >
      {field(
        'assigneeId',
        <select className="input" value={draft.assigneeId} onChange={(e) => set({ assigneeId: e.target.value })} data-testid="care-input-assigneeId">
          <option value="">{t('office.care.create.pickAssessor')}</option>
          {assessors.map((assessor) => (
            <option key={assessor.id} value={assessor.id}>
              {assessor.displayName}
            </option>
          ))}
        </select>,
        true,
      )}
      {text('caseNumber', 'text', true)}
      {text('applicationDate', 'date', true)}
      {field(
        'applicationType',
        <select className="input" value={draft.applicationType} onChange={(e) => set({ applicationType: e.target.value as CaseDraft['applicationType'] })} data-testid="care-input-applicationType">
          {APPLICATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`office.care.applicationType.${type}`)}
            </option>
          ))}
        </select>,
        true,
      )}
      {text('insuredNumber', 'text', true)}
      {text('name', 'text', true)}
      {text('nameKana')}
      {text('birthDate', 'date')}
      {field(
        'sex',
        <select className="input" value={draft.sex} onChange={(e) => set({ sex: e.target.value as CaseDraft['sex'] })} data-testid="care-input-sex">
          <option value="">{t('office.care.sex.unset')}</option>
          {SEXES.map((sex) => (
            <option key={sex} value={sex}>
              {t(`office.care.sex.${sex}`)}
            </option>
          ))}
        </select>,
      )}
      {text('phone', 'tel')}
      <div className="office-wide">{text('address')}</div>
      {text('lat')}
      {text('lng')}
      {text('visitAt', 'datetime-local')}
      <div className="office-wide">{text('preferredTimes')}</div>
      <p className="hint office-wide">{t('office.care.create.hint')}</p>
      {assessors.length === 0 && <p className="notice office-wide">{t('office.care.create.noAssessors')}</p>}
      {error && (
        <div className="notice notice-error office-wide" role="alert" data-testid="care-create-error" data-code={error.code}>
          <p>{officeErrorText(t, error.code)}</p>
          {issues.length > 0 && (
            <ul>
              {issues.map((issue) => {
                const key = draftKeyOf(issue.path);
                return (
                  <li key={`${issue.path}:${localize(issue.message, 'ja')}`} data-path={issue.path}>
                    {key ? fieldLabel(key) : issue.path}: {localize(issue.message, language)}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      <div className="row office-wide">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="care-create-submit">
          {busy ? t('app.loading') : t('office.care.create.submit')}
        </button>
      </div>
    </form>
  );
}
