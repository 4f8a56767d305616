// The tablet locks fields a form reserves to the office for field roles (the server refuses their writes with E_OFFICE_OWNED), and the care-case form marks its office data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseForm, type FieldDefinition } from '../../src/engine/index.ts';
import { officeFieldLocked } from '../../src/app/editor/officeOwned.ts';

const parsed = parseForm(JSON.parse(readFileSync(new URL('../../forms/care-case/form.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('care-case does not parse');
const fields = new Map<string, FieldDefinition>(parsed.form.sections.flatMap((s) => s.fields).map((f) => [f.id, f]));

describe('officeFieldLocked', () => {
  it('locks office-owned fields for field roles and while the login is unknown, never for supervisors and admins', () => {
    const name = fields.get('name')!;
    expect(officeFieldLocked(name, 'care_assessor')).toBe(true);
    expect(officeFieldLocked(name, undefined)).toBe(true);
    expect(officeFieldLocked(name, 'supervisor')).toBe(false);
    expect(officeFieldLocked(name, 'admin')).toBe(false);
  });

  it('leaves the assessor\'s own fields of a case open', () => {
    for (const id of ['visit_at', 'calls', 'assessment_record_id']) expect(officeFieldLocked(fields.get(id)!, 'care_assessor'), id).toBe(false);
    for (const id of ['case_number', 'insured_number', 'application_date', 'name', 'address']) expect(officeFieldLocked(fields.get(id)!, 'care_assessor'), id).toBe(true);
    expect(parsed.ok && parsed.form.createdBy).toBe('office');
  });
});
