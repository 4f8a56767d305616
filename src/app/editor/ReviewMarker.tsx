// The small 「コメント n」 marker of a section tab that holds supervisor's comments of a return (kept apart from the error and warning markers).
import { useTranslation } from 'react-i18next';
import type { SectionDefinition } from '../../engine/types.ts';
import { useSectionReviewCount } from './ReviewContext.tsx';

export function SectionReviewMarker({ section }: { section: SectionDefinition }) {
  const { t } = useTranslation();
  const count = useSectionReviewCount(section);
  if (count === 0) return null;
  return (
    <span className="review-pill" data-testid="section-review-marker" data-count={count}>
      <span aria-hidden="true">{t('editor.reviewMarker', { count })}</span>
      <span className="visually-hidden">{t('editor.reviewMarkerLong', { count })}</span>
    </span>
  );
}
