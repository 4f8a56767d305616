// 差し戻しの履歴: every return (and reopening) of the record with who and when (Asia/Tokyo), the reason, each field comment under its item's label, and the assessor's reply to it.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../engine/types.ts';
import type { ReviewHistoryEntry } from '../../../protocol/review-history.ts';
import { useLanguage } from '../../state/appStore.ts';
import { pathLabel } from '../shared/answerRows.ts';

/** Review times are the office's local time, whatever the computer's zone. */
const OFFICE_TIME_ZONE = 'Asia/Tokyo';

interface Props {
  reviews: readonly ReviewHistoryEntry[];
  form: FormDefinition | null;
  users: Readonly<Record<string, string>>;
}

export function ReviewHistory({ reviews, form, users }: Props) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const format = useMemo(
    () => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short', timeZone: OFFICE_TIME_ZONE }),
    [i18n.language],
  );
  const returns = reviews.filter((r) => r.action !== 'approve');
  if (returns.length === 0) return null;
  const when = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
  return (
    <section className="office-panel" aria-labelledby="office-returns-title" data-testid="review-history">
      <h3 id="office-returns-title" className="office-panel-title">
        {t('office.returns.title', { count: returns.length })}
      </h3>
      <ol className="office-returns">
        {returns.map((review, n) => (
          <li key={review.at} className="office-return" data-testid="review-history-entry">
            <p className="office-return-head">
              <strong>{t(`office.returns.action.${review.action}`, { n: n + 1 })}</strong>{' '}
              <span data-testid="review-history-by">{t('office.returns.by', { name: review.byName ?? users[review.by] ?? t('office.returns.someone'), at: when(review.at) })}</span>
            </p>
            {review.reason && <p className="office-return-reason">{t('office.returns.reason', { reason: review.reason })}</p>}
            {review.comments.length > 0 && (
              <ul className="office-comment-list">
                {review.comments.map((comment, index) => {
                  const reply = review.replies.find((r) => r.index === index);
                  return (
                    <li key={index} className="office-return-comment" data-testid="review-history-comment" data-path={comment.path}>
                      <span>
                        <strong>{pathLabel(form, comment.path, language)}</strong>: {comment.comment}
                      </span>
                      {reply && (
                        <span className="office-return-reply" data-testid="review-history-reply" data-addressed={reply.addressed}>
                          {reply.addressed ? `✓ ${t('office.returns.addressed')}` : t('office.returns.notAddressed')}
                          {reply.reply.trim() && ` — ${t('office.returns.reply', { reply: reply.reply })}`}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
