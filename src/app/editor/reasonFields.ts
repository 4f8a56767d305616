// Reason fields: a select with a requiresReason choice keeps its reason in a sibling text field (reasonField, default "<id>_reason").
import type { FieldDefinition, FieldPath, FormDefinition } from '../../engine/types.ts';

function choicesOf(field: FieldDefinition, form: FormDefinition) {
  return field.choices ?? (field.choiceList ? (form.choiceLists?.[field.choiceList] ?? []) : []);
}

export function reasonFieldId(field: FieldDefinition, form: FormDefinition): string | null {
  if (field.type !== 'select_one' && field.type !== 'select_multiple') return null;
  if (!choicesOf(field, form).some((c) => c.requiresReason)) return null;
  return field.reasonField ?? `${field.id}_reason`;
}

/** Ids in this list of fields that are rendered inside their select (as its reason box), not on their own. */
export function reasonFieldIds(fields: FieldDefinition[], form: FormDefinition): Set<string> {
  const ids = new Set<string>();
  for (const field of fields) {
    const id = reasonFieldId(field, form);
    if (id && fields.some((f) => f.id === id)) ids.add(id);
  }
  return ids;
}

/** "grp.choice" with reason id "choice_reason" → "grp.choice_reason". */
export function siblingPath(path: FieldPath, id: string): FieldPath {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? id : `${path.slice(0, dot + 1)}${id}`;
}
