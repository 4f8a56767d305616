// The marker on a section tab while one of its fields has a conflict the user has not looked at.
import { useTranslation } from 'react-i18next';
import { useSectionConflictCount } from '../state/editorStore.ts';

export function SectionConflictMark({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const count = useSectionConflictCount(sectionId);
  if (count === 0) return null;
  const label = t('marks.sectionConflicts', { count });
  return (
    <span className="conflict-pill" role="img" aria-label={label} title={label} data-testid="section-conflicts" data-count={count}>
      <span aria-hidden="true">⇄ {count}</span>
    </span>
  );
}
