// The marker on a section tab while a warning not yet acknowledged concerns one of its fields.
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../state/editorStore.ts';

export function SectionWarningMark({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const count = useEditorStore((s) => s.sectionWarnings[sectionId] ?? 0);
  if (count === 0) return null;
  const label = t('marks.sectionWarnings', { count });
  return (
    <span className="warning-pill" role="img" aria-label={label} title={label} data-testid="section-warnings" data-count={count}>
      <span aria-hidden="true">⚠ {count}</span>
    </span>
  );
}
