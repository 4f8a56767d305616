// Banner above a returned record: the office sent it back, why, who and when; the field comments appear under their fields.
import { useTranslation } from 'react-i18next';
import type { ReviewNote } from '../../protocol/review-request.ts';

export function ReviewBanner({ review }: { review: ReviewNote }) {
  const { t, i18n } = useTranslation();
  const at = new Date(review.at);
  const when = Number.isNaN(at.getTime()) ? review.at : at.toLocaleString(i18n.language);
  return (
    <div className="banner banner-warning review-banner" role="alert" data-testid="review-banner">
      <strong>{t('editor.returnedBanner')}</strong>
      {review.reason && <span data-testid="review-reason">{t('editor.returnedReason', { reason: review.reason })}</span>}
      <span className="muted">{t('editor.returnedBy', { by: review.by, at: when })}</span>
    </div>
  );
}
