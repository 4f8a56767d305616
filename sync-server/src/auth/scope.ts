// Roles → what a user may push and pull: the forms of each role, and whether they see every record or only their own/assigned ones.
import type { Role, Scope, UserRow } from '../storage/sync-store.ts';

export const ROLES: readonly Role[] = [
  'care_assessor', 'ambulance_crew', 'hospital', 'disaster_surveyor',
  'vacant_house_surveyor', 'gis_staff', 'supervisor', 'admin',
];

/**
 * Form ids per role. field-check is the demo form every field role may use; each survey's own
 * form joins its role's list when it lands in forms/.
 */
export const ROLE_FORMS: Record<Role, readonly string[]> = {
  care_assessor: ['field-check', 'care-assessment', 'care-case'],
  ambulance_crew: ['field-check', 'ambulance-record'],
  hospital: ['ambulance-record'],
  disaster_surveyor: ['field-check', 'disaster-damage', 'quick-inspection'],
  vacant_house_surveyor: ['field-check', 'vacant-house'],
  gis_staff: ['field-check', 'gis-feature'],
  supervisor: [],
  admin: [],
};

/** Roles that review every record: they see all forms and all records. */
export const OFFICE_ROLES: readonly Role[] = ['supervisor', 'admin'];

export function isOfficeRole(role: Role): boolean {
  return OFFICE_ROLES.includes(role);
}

/** Every form id some field role may use (the default catalog for office roles). */
export const KNOWN_FORM_IDS: readonly string[] = [...new Set(Object.values(ROLE_FORMS).flat())];

/** The scope the sync services filter by. `allFormIds` is the loaded catalog (office roles see every form). */
export function scopeFor(user: Pick<UserRow, 'id' | 'role'>, allFormIds: readonly string[] = KNOWN_FORM_IDS): Scope {
  if (isOfficeRole(user.role)) return { formIds: [...allFormIds], userId: null };
  const allowed = ROLE_FORMS[user.role] ?? [];
  return { formIds: allFormIds.filter((id) => allowed.includes(id)), userId: user.id };
}

/** Whether one record is inside a scope (the same rule SyncTx.listChanges applies). */
export function formInScope(scope: Scope, formId: string): boolean {
  return scope.formIds.includes(formId);
}

/** The one scope rule for records: the form is in scope, and (for field roles) the user owns it or is assigned to it. */
export function recordInScope(record: { formId: string; ownerId: string; assigneeId: string | null }, scope: Scope): boolean {
  if (!formInScope(scope, record.formId)) return false;
  return scope.userId === null || record.ownerId === scope.userId || record.assigneeId === scope.userId;
}
