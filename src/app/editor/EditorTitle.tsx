// The editor's heading: the record's title (the form's recordTitle, e.g. the applicant's name) and subtitle, with the survey's name; follows the answers as they are typed.
import { recordTitle } from '../../engine/index.ts';
import type { Localized } from '../../engine/types.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { useEditorStore } from '../state/editorStore.ts';

export function EditorTitle({ formTitle }: { formTitle: Localized }) {
  const language = useLanguage();
  // The selectors return strings, so the heading re-renders only when the title itself changes.
  const title = useEditorStore((s) => (s.session ? recordTitle(s.session.form, s.session.answers()).title : ''));
  const subtitle = useEditorStore((s) => (s.session ? recordTitle(s.session.form, s.session.answers()).subtitle : ''));
  const survey = localize(formTitle, language);
  return (
    <h1 className="editor-title" data-testid="editor-title">
      {title ? (
        <>
          <span className="editor-title-main" data-testid="editor-record-title">{title}</span>
          <span className="editor-title-sub">{subtitle ? `${subtitle} ・ ${survey}` : survey}</span>
        </>
      ) : (
        <span className="editor-title-main">{survey}</span>
      )}
    </h1>
  );
}
