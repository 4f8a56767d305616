// The filter selects several office screens share: a survey (every form, or all) and a user (any, or one by display name).
import { useTranslation } from 'react-i18next';
import { localize } from '../../localize.ts';
import { useLanguage } from '../../state/appStore.ts';
import type { OfficeUser } from '../api/schemas.ts';
import { useFormList } from './useOfficeForms.ts';

export function SurveySelect({ value, onChange, testId }: { value: string; onChange: (formId: string) => void; testId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const forms = useFormList();
  return (
    <label className="office-field">
      <span>{t('office.queue.survey')}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('office.queue.allSurveys')}</option>
        {forms?.map((form) => (
          <option key={form.id} value={form.id}>
            {localize(form.title, language)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function UserSelect({ label, users, value, onChange, testId }: {
  label: string; users: readonly OfficeUser[]; value: string; onChange: (userId: string) => void; testId: string;
}) {
  const { t } = useTranslation();
  return (
    <label className="office-field">
      <span>{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('office.queue.anyone')}</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}
