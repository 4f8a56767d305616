// Comments on specific fields for a return: pick a field (by its label), type the comment, add it; several comments, each removable. The comment being typed is the parent's (it is sent even if never added).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, FormDefinition } from '../../../engine/types.ts';
import type { ReviewComment } from '../../../protocol/review-request.ts';
import { useLanguage } from '../../state/appStore.ts';
import { answerRows, pathLabel } from '../shared/answerRows.ts';

/** The comment being typed and not yet added: the return sends it too, so nothing typed is lost. */
export interface PendingComment {
  path: string;
  text: string;
}

interface Props {
  form: FormDefinition | null;
  answers: Answers;
  comments: ReviewComment[];
  onChange: (comments: ReviewComment[]) => void;
  pending: PendingComment;
  onPendingChange: (pending: PendingComment) => void;
  /** Set when a comment was typed without choosing its item: the picker says so and takes the focus. */
  pickerInvalid: boolean;
}

/** The typed comment as a ReviewComment; null when nothing is typed or no item is chosen. */
export function pendingAsComment(pending: PendingComment): ReviewComment | null {
  return pending.path && pending.text.trim() ? { path: pending.path, comment: pending.text.trim() } : null;
}

export function FieldComments({ form, answers, comments, onChange, pending, onPendingChange, pickerInvalid }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = answerRows(form, answers, language);
  const { path, text } = pending;
  const picker = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (pickerInvalid) picker.current?.focus();
  }, [pickerInvalid]);

  const add = () => {
    const comment = pendingAsComment(pending);
    if (!comment) return;
    onChange([...comments, comment]);
    onPendingChange({ path, text: '' });
  };

  return (
    <fieldset className="office-comments" data-testid="field-comments">
      <legend>{t('office.review.comments')}</legend>
      {comments.length > 0 && (
        <ul className="office-comment-list">
          {comments.map((comment, index) => (
            <li key={`${comment.path}-${index}`} data-testid="comment-item" data-path={comment.path}>
              <span>
                <strong>{pathLabel(form, comment.path, language)}</strong>: {comment.comment}
              </span>
              <button type="button" className="btn btn-ghost btn-danger-text" onClick={() => onChange(comments.filter((_, i) => i !== index))} aria-label={t('office.review.removeComment')}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="office-comment-editor">
        <label className="office-field office-comment-field">
          <span>{t('office.review.commentField')}</span>
          <select
            ref={picker}
            className="input"
            value={path}
            onChange={(e) => onPendingChange({ path: e.target.value, text })}
            aria-invalid={pickerInvalid}
            aria-describedby={pickerInvalid ? 'comment-field-needed' : undefined}
            data-testid="comment-field"
          >
            <option value="">{t('office.review.pickField')}</option>
            {rows.map((row) => (
              <option key={row.path} value={row.path}>
                {row.sectionTitle ? `${row.sectionTitle} › ${row.label}` : row.label}
              </option>
            ))}
          </select>
          {pickerInvalid && (
            <span id="comment-field-needed" className="field-error" role="alert" data-testid="comment-field-needed">
              {t('office.review.pickFieldFirst')}
            </span>
          )}
        </label>
        <label className="office-field office-wide">
          <span>{t('office.review.commentText')}</span>
          <textarea className="input" rows={2} value={text} maxLength={2000} onChange={(e) => onPendingChange({ path, text: e.target.value })} data-testid="comment-text" />
        </label>
        <button type="button" className="btn" onClick={add} disabled={!path || !text.trim()} data-testid="comment-add">
          ＋ {t('office.review.addComment')}
        </button>
      </div>
    </fieldset>
  );
}
