// The editor's heading: whose record this is (the record's title, live as it is typed) above the form's name, each on one line.
import { useMemo } from 'react';
import type { FormDefinition } from '../../engine/types.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { useEditorStore } from '../state/editorStore.ts';
import { recordTitle } from './recordTitle.ts';

export function EditorTitle({ form }: { form: FormDefinition }) {
  const language = useLanguage();
  const session = useEditorStore((s) => s.session);
  // Re-read when an answer changes (the field states change with it); the title is cheap to compute.
  const fields = useEditorStore((s) => s.fields);
  const title = useMemo(() => (session && fields ? recordTitle(session.form, session.answers()) : ''), [session, fields]);
  const formName = localize(form.title, language);
  return (
    <h1 className="editor-heading" data-testid="editor-title">
      {title && (
        <span className="editor-record-title" data-testid="editor-record-title">
          {title}
        </span>
      )}
      <span className={title ? 'editor-form-name' : 'editor-record-title'}>{formName}</span>
    </h1>
  );
}
