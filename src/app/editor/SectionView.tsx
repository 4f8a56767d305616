// The active section (title, fields, previous/next buttons), with the other sections kept mounted but parked so a section change only flips which one shows.
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, SectionDefinition } from '../../engine/types.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { setActiveSection, useEditorStore } from '../state/editorStore.ts';
import { FieldList } from './FieldList.tsx';

/**
 * Why parked sections: mounting a long section (React render, DOM creation, style and Japanese text layout) is what a section
 * change costs on a slow tablet. A section once shown stays mounted under `content-visibility: hidden`, which skips its
 * rendering but keeps its layout, and the sections not yet shown are mounted one per idle period after the editor opens, so
 * a tap on another section only swaps which slot is visible. Parked fields keep following the answers like visible ones.
 */
export function SectionView({ form }: { form: FormDefinition }) {
  const activeId = useEditorStore((s) => s.activeSection);
  const index = Math.max(0, form.sections.findIndex((s) => s.id === activeId));
  const active = form.sections[index];
  const mounted = useMountedSections(form, active?.id);
  if (!active) return null;
  return (
    <div className="section-slots">
      {form.sections.map((section, i) =>
        mounted.has(section.id) || section.id === active.id ? (
          <SectionSlot key={section.id} form={form} section={section} index={i} shown={section.id === active.id} />
        ) : null,
      )}
    </div>
  );
}

/** The ids of the sections to keep mounted: the shown one, every one shown before, and one more per idle period. */
function useMountedSections(form: FormDefinition, activeId: string | undefined): Set<string> {
  const [mounted, setMounted] = useState<ReadonlySet<string>>(() => new Set(activeId ? [activeId] : []));
  const current = activeId && !mounted.has(activeId) ? new Set([...mounted, activeId]) : mounted;
  if (current !== mounted) setMounted(current);
  useEffect(() => {
    const next = form.sections.find((s) => !current.has(s.id));
    if (!next) return;
    const mountNext = () => setMounted((m) => new Set([...m, next.id]));
    // After the shown section has painted and the tablet has nothing else to do; a timeout as the fallback where idle callbacks do not exist.
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(mountNext, { timeout: 2_000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(mountNext, 200);
    return () => clearTimeout(timer);
  }, [form, current]);
  return current as Set<string>;
}

/** Memoised: a section change re-renders only the slot that hides and the one that shows, not every parked section. */
const SectionSlot = memo(function SectionSlot({ form, section, index, shown }: { form: FormDefinition; section: SectionDefinition; index: number; shown: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // A section mounted while parked is first laid out for one frame, invisible, at the width it will show at; parking keeps
  // that layout, so its first showing does not lay out the whole section at once.
  const [laidOut, setLaidOut] = useState(shown);
  useEffect(() => {
    if (laidOut) return;
    const frame = requestAnimationFrame(() => setLaidOut(true));
    return () => cancelAnimationFrame(frame);
  }, [laidOut]);
  const go = (i: number) => {
    const target = form.sections[i];
    if (!target) return;
    setActiveSection(target.id);
    window.scrollTo(0, 0);
  };
  return (
    <div
      className={shown ? 'section-slot' : laidOut ? 'section-slot is-parked' : 'section-slot is-prerender'}
      data-testid={shown ? `section-view-${section.id}` : `section-parked-${section.id}`}
      aria-hidden={shown ? undefined : true}
      inert={!shown}
    >
      <div className="section">
        <h2 className="section-title">{localize(section.title, language)}</h2>
        <FieldList fields={section.fields} prefix="" progressive />
        <div className="section-pager">
          <button type="button" className="btn" disabled={index === 0} onClick={() => go(index - 1)}>
            ← {t('editor.prevSection')}
          </button>
          <span className="muted">
            {index + 1} / {form.sections.length}
          </span>
          <button type="button" className="btn" disabled={index === form.sections.length - 1} onClick={() => go(index + 1)} data-testid={shown ? 'next-section' : undefined}>
            {t('editor.nextSection')} →
          </button>
        </div>
      </div>
    </div>
  );
});
