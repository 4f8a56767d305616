// Finds the field definition an answer path names ("a", "grp.b", "rep[1].c"), so the server can check an op against its form.
import type { FieldDefinition, FormDefinition } from '../../../src/engine/index.ts';
import { parseAnswerPath } from '../../../src/protocol/answer-paths.ts';

/** What a path points at: a field's value, or one entry of a repeat (`rep[2]`). */
export type PathTarget = { kind: 'field'; field: FieldDefinition } | { kind: 'repeat-entry'; field: FieldDefinition };

function topLevelFields(form: FormDefinition): FieldDefinition[] {
  return form.sections.flatMap((s) => s.fields);
}

/** Groups nest as objects (witness.witness_name), repeats as arrays of objects; null for an unknown path. */
export function findPathTarget(form: FormDefinition, path: string): PathTarget | null {
  const segments = parseAnswerPath(path);
  if (!segments || segments.length === 0) return null;
  let fields = topLevelFields(form);
  let target: PathTarget | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (typeof segment === 'number') {
      if (!target || target.kind !== 'field' || target.field.type !== 'repeat') return null;
      if (target.field.maxCount !== undefined && segment >= target.field.maxCount) return null;
      target = { kind: 'repeat-entry', field: target.field };
      continue;
    }
    if (target) {
      // A name after a field: only inside a group, or inside a repeat entry.
      const container = target.field;
      if (target.kind === 'field' && container.type !== 'group') return null;
      fields = container.fields ?? [];
    }
    const field = fields.find((f) => f.id === segment);
    if (!field) return null;
    target = { kind: 'field', field };
  }
  return target;
}
