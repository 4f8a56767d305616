// A revision's answers with the form's labels, by section; fields changed since the previous revision are highlighted.
import { useTranslation } from 'react-i18next';
import type { Answers, FormDefinition } from '../../../engine/types.ts';
import { useLanguage } from '../../state/appStore.ts';
import { answerRows } from '../shared/answerRows.ts';
import { formatAnswer } from '../shared/formatAnswer.ts';
import { useAnswerWords } from '../shared/useFormat.ts';
import { isChangedPath } from './diffModel.ts';

export function AnswersTable({ form, answers, changedPaths }: { form: FormDefinition | null; answers: Answers; changedPaths: readonly string[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const words = useAnswerWords();
  const rows = answerRows(form, answers, language);
  const sections = [...new Set(rows.map((row) => row.sectionTitle))];
  return (
    <div className="office-answers" data-testid="office-answers">
      {sections.map((section) => (
        <table key={section} className="office-table office-answer-table">
          {section && <caption>{section}</caption>}
          <tbody>
            {rows
              .filter((row) => row.sectionTitle === section)
              .map((row) => {
                const changed = isChangedPath(row.path, changedPaths);
                const text = formatAnswer(form, row.field, row.value, language, words);
                return (
                  <tr key={row.path} className={changed ? 'is-changed' : undefined} data-testid="answer-row" data-path={row.path} data-changed={changed}>
                    <th scope="row">
                      {row.label}
                      {changed && <span className="badge badge-changed">{t('office.revisions.changed')}</span>}
                    </th>
                    <td className={text ? undefined : 'muted'}>{text || '—'}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      ))}
    </div>
  );
}
