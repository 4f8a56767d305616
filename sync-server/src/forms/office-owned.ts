// Refuses a field role's op on what the form reserves to the back office: '@create'/'@delete' of a createdBy-office form, writes to owner-office fields.
import type { FieldDefinition, FormDefinition } from '../../../src/engine/index.ts';
import type { Op } from '../../../src/protocol/op.ts';
import { parseAnswerPath } from '../../../src/protocol/answer-paths.ts';
import { childFieldIndex, topLevelFieldIndex } from './field-lookup.ts';

export interface OwnershipProblem {
  code: 'E_OFFICE_OWNED';
  message: string;
  path: string;
}

/** Containers are checked once: whether any field inside is office-owned (a whole-repeat write would replace it). */
const holdsOwned = new WeakMap<FieldDefinition, boolean>();

function containsOfficeField(field: FieldDefinition): boolean {
  let known = holdsOwned.get(field);
  if (known === undefined) {
    known = field.owner === 'office' || (field.fields ?? []).some(containsOfficeField);
    holdsOwned.set(field, known);
  }
  return known;
}

/**
 * For field roles only (the caller decides; supervisors and admins are the office). The op's path is already known
 * to name a field (validate-op.ts ran first); a write is refused when the field, a group or repeat around it, or a
 * field inside it is office-owned.
 */
export function officeOwnedProblem(form: FormDefinition, op: Pick<Op, 'path'>): OwnershipProblem | null {
  const path = op.path;
  if (path === '@create' || path === '@delete') {
    return form.createdBy === 'office'
      ? { code: 'E_OFFICE_OWNED', message: `records of form ${form.id} are created and deleted by the office only`, path }
      : null;
  }
  if (path.startsWith('@')) return null; // @status, @ack, @migrate: the record's workflow, not office data
  const segments = parseAnswerPath(path);
  if (!segments) return null;
  let fields = topLevelFieldIndex(form);
  let field: FieldDefinition | undefined;
  for (const segment of segments) {
    if (typeof segment === 'number') continue;
    if (field) fields = childFieldIndex(field);
    field = fields.get(segment);
    if (!field) return null;
    if (field.owner === 'office') break;
  }
  if (field && containsOfficeField(field)) {
    return { code: 'E_OFFICE_OWNED', message: `"${path.slice(0, 200)}" is kept by the office; a field device cannot change it`, path };
  }
  return null;
}
