// Banner above a returned record: why, by whom (display name) and when; every field comment with its item's label (tap to go to the item) and the assessor's answer to it (対応済み, a short reply), sent on 記入完了.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../engine/types.ts';
import type { ReviewNote, ReviewReply } from '../../protocol/review-request.ts';
import { recordRepository } from '../db.ts';
import { useLanguage } from '../state/appStore.ts';
import { focusField } from '../state/editorStore.ts';
import { fieldLabel } from './fieldLabel.ts';

interface Props {
  review: ReviewNote;
  form: FormDefinition;
  recordId: string;
  /** The answers kept on the device for this return (saved as they are typed). */
  initialReplies: ReviewReply[];
  editable: boolean;
}

const REPLY_MAX = 500;

export function ReviewBanner({ review, form, recordId, initialReplies, editable }: Props) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const [replies, setReplies] = useState<ReviewReply[]>(() => review.comments.map((_, index) => initialReplies.find((r) => r.index === index) ?? { index, addressed: false, reply: '' }));
  const saving = useRef(Promise.resolve());
  const at = new Date(review.at);
  const when = Number.isNaN(at.getTime()) ? review.at : at.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' });
  // A note from before display names were kept names no one: never a raw user id on a field worker's screen.
  const by = review.byName ?? t('editor.returnedBySupervisor');

  const update = (index: number, change: Partial<ReviewReply>) => {
    const next = replies.map((r) => (r.index === index ? { ...r, ...change } : r));
    setReplies(next);
    // Saved in order, on the device only; 記入完了 sends them with the record.
    saving.current = saving.current.then(() => recordRepository().saveReviewReplies(recordId, { reviewAt: review.at, replies: next }).then(() => undefined, () => undefined));
  };

  return (
    <section className="banner banner-warning review-banner" aria-labelledby="review-banner-title" data-testid="review-banner">
      <strong id="review-banner-title" role="alert">{t('editor.returnedBanner')}</strong>
      {review.reason && <span data-testid="review-reason">{t('editor.returnedReason', { reason: review.reason })}</span>}
      <span className="muted" data-testid="review-by">{t('editor.returnedBy', { by, at: when })}</span>
      {review.comments.length > 0 && (
        <>
          <p className="review-comments-title">{t('editor.reviewCommentsTitle', { count: review.comments.length })}</p>
          <ol className="review-comment-list" data-testid="review-comment-list">
            {review.comments.map((comment, index) => {
              const reply = replies[index]!;
              return (
                <li key={index} className="review-comment-item" data-testid="review-comment-item" data-path={comment.path}>
                  <button type="button" className="btn btn-link review-comment-jump" onClick={() => focusField(comment.path)} data-testid="review-comment-jump">
                    <strong>{fieldLabel(form, comment.path, language)}</strong>
                    <span className="visually-hidden">{t('editor.reviewJump')}</span>
                  </button>
                  <span className="review-comment-text">{comment.comment}</span>
                  {editable && (
                    <span className="review-reply">
                      <label className="review-addressed">
                        <input type="checkbox" checked={reply.addressed} onChange={(e) => update(index, { addressed: e.target.checked })} data-testid="review-addressed" />
                        {t('editor.reviewAddressed')}
                      </label>
                      <input
                        className="input review-reply-input"
                        type="text"
                        value={reply.reply}
                        maxLength={REPLY_MAX}
                        placeholder={t('editor.reviewReplyPlaceholder')}
                        aria-label={t('editor.reviewReplyLabel', { n: index + 1 })}
                        onChange={(e) => update(index, { reply: e.target.value })}
                        data-testid="review-reply"
                      />
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          {editable && <p className="hint">{t('editor.reviewReplyHint')}</p>}
        </>
      )}
    </section>
  );
}
