// Whether the editor locks a field the form reserves to the office ("owner": "office") for the signed-in user: the sync server would refuse a field role's write (E_OFFICE_OWNED).
import type { FieldDefinition } from '../../engine/types.ts';
import { REVIEWER_ROLES, type ReviewRole } from '../../protocol/review.ts';

/** Locked unless the user is known to be a supervisor or admin (no session yet counts as a field user). */
export function officeFieldLocked(field: Pick<FieldDefinition, 'owner'>, role: string | undefined): boolean {
  return field.owner === 'office' && !(role !== undefined && REVIEWER_ROLES.includes(role as ReviewRole));
}
