// Office edits in the review: which supervisor or admin wrote which answers of this record through the sync API, and when (issue 12: not unnoticed).
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../engine/types.ts';
import type { OfficeEdit } from '../../../protocol/office/record-detail.ts';
import { useLanguage } from '../../state/appStore.ts';
import { pathLabel } from '../shared/answerRows.ts';
import { useDateTime } from '../shared/useFormat.ts';

export function OfficeEditsPanel({ edits, form, users }: { edits: readonly OfficeEdit[]; form: FormDefinition | null; users: Record<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dateTime = useDateTime();
  if (edits.length === 0) return null;
  return (
    <section className="office-panel" aria-labelledby="office-edits-title" data-testid="office-record-edits" data-count={edits.length}>
      <h3 id="office-edits-title" className="office-panel-title">
        {t('office.record.officeEdits')}
      </h3>
      <p className="muted">{t('office.record.officeEditsHint')}</p>
      <ul className="office-findings">
        {edits.map((edit) => (
          <li key={edit.userId} className="office-finding is-warning" data-testid="office-record-edit" data-user={edit.userId}>
            <strong>{users[edit.userId] ?? edit.userId}</strong>{' '}
            <span>{t('office.record.officeEditsWhen', { from: dateTime(edit.firstAt), to: dateTime(edit.lastAt) })}</span>
            <div>{edit.paths.map((path) => (path.startsWith('@') ? path : pathLabel(form, path, language))).join('、')}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
