// Section navigation with per-section error counts (once shown) and markers (warnings, conflicts): a side list in landscape, a scrollable tab strip in portrait (CSS decides).
import { useTranslation } from 'react-i18next';
import type { SectionDefinition } from '../../engine/types.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { setActiveSection, useEditorStore } from '../state/editorStore.ts';
import { SectionConflictMark } from './SectionConflictMark.tsx';
import { SectionWarningMark } from './SectionWarningMark.tsx';
import { SectionReviewMarker } from './ReviewMarker.tsx';

export function SectionNav({ sections }: { sections: SectionDefinition[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const active = useEditorStore((s) => s.activeSection);
  // Only errors already shown on fields (touched, or all after a finalize attempt): a new form's tabs are not all red.
  const sectionErrors = useEditorStore((s) => s.shownErrors.bySection);
  return (
    <nav className="section-nav" aria-label={t('editor.sections')} data-testid="section-nav">
      <ol>
        {sections.map((section, i) => {
          const errors = sectionErrors[section.id] ?? 0;
          return (
            <li key={section.id}>
              <button
                type="button"
                className={`section-link ${active === section.id ? 'is-active' : ''}`}
                aria-current={active === section.id ? 'step' : undefined}
                onClick={() => {
                  setActiveSection(section.id);
                  window.scrollTo(0, 0);
                }}
                data-testid={`section-${section.id}`}
              >
                <span className="section-index">{i + 1}</span>
                <span className="section-name">{localize(section.title, language)}</span>
                <SectionWarningMark sectionId={section.id} />
                <SectionConflictMark sectionId={section.id} />
                {errors > 0 && (
                  <span className="error-pill" aria-label={t('editor.errorsInSection', { count: errors })} data-testid="section-errors">
                    {errors}
                  </span>
                )}
                <SectionReviewMarker section={section} />
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
