// Renders a list of field definitions under a path prefix (a section, a group, one repeat entry).
import type { FieldDefinition, FieldPath } from '../../engine/types.ts';
import { useEditorStore } from '../state/editorStore.ts';
import { FieldView } from './FieldView.tsx';
import { childPath } from './paths.ts';
import { reasonFieldIds } from './reasonFields.ts';
import { useProgressiveCount } from './useProgressiveCount.ts';

/** A section's fields shown in the first frame after switching to it (about a tablet screen's worth); the rest follow at once. */
const FIRST_PAINT_FIELDS = 4;

/** `progressive`: a whole section, rendered FIRST_PAINT_FIELDS first so a section change paints quickly (useProgressiveCount). */
export function FieldList({ fields, prefix, progressive = false }: { fields: FieldDefinition[]; prefix: FieldPath; progressive?: boolean }) {
  const form = useEditorStore((s) => s.session?.form);
  const skipped = form ? reasonFieldIds(fields, form) : new Set<string>();
  const shown = fields.filter((field) => !skipped.has(field.id));
  const count = useProgressiveCount(shown.length, progressive ? FIRST_PAINT_FIELDS : shown.length);
  return (
    <>
      {shown.slice(0, count).map((field) => (
        <FieldView key={field.id} path={childPath(prefix, field.id)} />
      ))}
    </>
  );
}
