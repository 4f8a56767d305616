// Renders a list of field definitions under a path prefix (a section, a group, one repeat entry).
import type { FieldDefinition, FieldPath } from '../../engine/types.ts';
import { useEditorStore } from '../state/editorStore.ts';
import { FieldView } from './FieldView.tsx';
import { childPath } from './paths.ts';
import { reasonFieldIds } from './reasonFields.ts';

export function FieldList({ fields, prefix }: { fields: FieldDefinition[]; prefix: FieldPath }) {
  const form = useEditorStore((s) => s.session?.form);
  const skipped = form ? reasonFieldIds(fields, form) : new Set<string>();
  return (
    <>
      {fields
        .filter((field) => !skipped.has(field.id))
        .map((field) => (
          <FieldView key={field.id} path={childPath(prefix, field.id)} />
        ))}
    </>
  );
}
