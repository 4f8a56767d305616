// The marker a field carries while another device's edit of it is in an open conflict: which value is shown, the one set aside, and 「確認しました」.
import { useTranslation } from 'react-i18next';
import type { FieldPath } from '../../engine/types.ts';
import { formatAnswer } from '../office/shared/formatAnswer.ts';
import { useAnswerWords } from '../office/shared/useFormat.ts';
import { useLanguage } from '../state/appStore.ts';
import { useEditorStore } from '../state/editorStore.ts';
import { useEditorActions } from './EditorContext.tsx';
import { definitionAt } from './paths.ts';
import { confirmConflict } from './useConflictMarks.ts';

export function FieldConflictMark({ path }: { path: FieldPath }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const words = useAnswerWords();
  const mark = useEditorStore((s) => s.conflicts[path]);
  const form = useEditorStore((s) => s.session?.form ?? null);
  const { recordId } = useEditorActions();
  if (!mark) return null;
  const field = form ? definitionAt(form, path) : null;
  const values = mark.setAside.map((value) => formatAnswer(form, field, value, language, words) || t('marks.emptyValue')).join('、');
  return (
    <div className="field-mark field-mark-conflict" role="note" data-testid="field-conflict">
      <span className="field-mark-icon" aria-hidden="true">
        ⇄
      </span>
      <span className="field-mark-text">
        <strong>{t('marks.conflict')}</strong> {mark.fromOtherDevice ? t('marks.conflictOther', { values }) : t('marks.conflictOwn', { values })}
      </span>
      <button type="button" className="btn btn-link field-mark-action" onClick={() => confirmConflict(recordId, path)} data-testid="conflict-confirm">
        {t('marks.conflictConfirm')}
      </button>
    </div>
  );
}
