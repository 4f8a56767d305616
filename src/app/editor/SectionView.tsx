// The active section: its title, its fields, and previous/next buttons.
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../engine/types.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { setActiveSection, useEditorStore } from '../state/editorStore.ts';
import { FieldList } from './FieldList.tsx';

export function SectionView({ form }: { form: FormDefinition }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const activeId = useEditorStore((s) => s.activeSection);
  const index = Math.max(0, form.sections.findIndex((s) => s.id === activeId));
  const section = form.sections[index];
  if (!section) return null;
  const go = (i: number) => {
    const target = form.sections[i];
    if (!target) return;
    setActiveSection(target.id);
    window.scrollTo(0, 0);
  };
  return (
    <div className="section" data-testid={`section-view-${section.id}`}>
      <h2 className="section-title">{localize(section.title, language)}</h2>
      <FieldList key={section.id} fields={section.fields} prefix="" progressive />
      <div className="section-pager">
        <button type="button" className="btn" disabled={index === 0} onClick={() => go(index - 1)}>
          ← {t('editor.prevSection')}
        </button>
        <span className="muted">
          {index + 1} / {form.sections.length}
        </span>
        <button type="button" className="btn" disabled={index === form.sections.length - 1} onClick={() => go(index + 1)} data-testid="next-section">
          {t('editor.nextSection')} →
        </button>
      </div>
    </div>
  );
}
