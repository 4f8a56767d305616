// The editor's heading: whose record this is (the form's recordTitle, e.g. the applicant, live as it is typed) above its subtitle (e.g. 申請番号 and 調査日) and the survey's name, each on its own line.
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
    <h1 className="editor-heading" data-testid="editor-title">
      {title && (
        <span className="editor-record-title" data-testid="editor-record-title">
          {title}
        </span>
      )}
      {title && subtitle && (
        <span className="editor-record-subtitle" data-testid="editor-record-subtitle">
          {subtitle}
        </span>
      )}
      <span className={title ? 'editor-form-name' : 'editor-record-title'}>{survey}</span>
    </h1>
  );
}
