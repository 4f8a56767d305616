// The field definition a conflict is about: the form's field at its path, or a stand-in for the record-level paths '@status' and '@delete'.
import type { FieldDefinition, FormDefinition } from '../../../engine/types.ts';
import { RECORD_STATUSES } from '../../../protocol/snapshot.ts';
import { definitionAt } from '../../editor/paths.ts';

/** Labels of the stand-ins come from i18n (the caller passes them). */
export interface MetaLabels {
  status: string;
  statuses: Record<string, string>;
  deletion: string;
  delete: string;
  keep: string;
}

export function conflictField(form: FormDefinition | null, path: string, labels: MetaLabels): FieldDefinition | null {
  if (path === '@status') {
    return { id: '@status', type: 'select_one', label: { ja: labels.status }, choices: RECORD_STATUSES.map((s) => ({ value: s, label: { ja: labels.statuses[s] ?? s } })) };
  }
  if (path === '@delete') {
    // Boolean choices keyed by "true"/"false" so the editor can label them 削除する / 残す.
    return { id: '@delete', type: 'boolean', label: { ja: labels.deletion }, choices: [{ value: 'true', label: { ja: labels.delete } }, { value: 'false', label: { ja: labels.keep } }] };
  }
  return form ? definitionAt(form, path) : null;
}
