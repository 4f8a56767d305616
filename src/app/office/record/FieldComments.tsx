// Comments on specific fields for a return: pick a field (by its label), type the comment, add it; several comments, each removable.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, FormDefinition } from '../../../engine/types.ts';
import type { ReviewComment } from '../../../protocol/review-request.ts';
import { useLanguage } from '../../state/appStore.ts';
import { answerRows, pathLabel } from '../shared/answerRows.ts';

interface Props {
  form: FormDefinition | null;
  answers: Answers;
  comments: ReviewComment[];
  onChange: (comments: ReviewComment[]) => void;
}

export function FieldComments({ form, answers, comments, onChange }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = answerRows(form, answers, language);
  const [path, setPath] = useState('');
  const [text, setText] = useState('');

  const add = () => {
    if (!path || !text.trim()) return;
    onChange([...comments, { path, comment: text.trim() }]);
    setText('');
  };

  return (
    <fieldset className="office-comments" data-testid="field-comments">
      <legend>{t('office.review.comments')}</legend>
      {comments.length > 0 && (
        <ul className="office-comment-list">
          {comments.map((comment, index) => (
            <li key={`${comment.path}-${index}`} data-testid="comment-item" data-path={comment.path}>
              <strong>{pathLabel(form, comment.path, language)}</strong>: {comment.comment}
              <button type="button" className="btn btn-ghost btn-danger-text" onClick={() => onChange(comments.filter((_, i) => i !== index))} aria-label={t('office.review.removeComment')}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="office-comment-editor">
        <label className="office-field">
          <span>{t('office.review.commentField')}</span>
          <select className="input" value={path} onChange={(e) => setPath(e.target.value)} data-testid="comment-field">
            <option value="">{t('office.review.pickField')}</option>
            {rows.map((row) => (
              <option key={row.path} value={row.path}>
                {row.sectionTitle ? `${row.sectionTitle} › ${row.label}` : row.label}
              </option>
            ))}
          </select>
        </label>
        <label className="office-field office-wide">
          <span>{t('office.review.commentText')}</span>
          <textarea className="input" rows={2} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} data-testid="comment-text" />
        </label>
        <button type="button" className="btn" onClick={add} disabled={!path || !text.trim()} data-testid="comment-add">
          ＋ {t('office.review.addComment')}
        </button>
      </div>
    </fieldset>
  );
}
