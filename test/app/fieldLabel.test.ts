// fieldLabel: answer paths shown as the labels people know, with the repeat entry they are in.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/engine/index.ts';
import { fieldLabel } from '../../src/app/editor/fieldLabel.ts';
import fieldCheck from '../../forms/field-check/form.json';

const parsed = parseForm(fieldCheck);
if (!parsed.ok) throw new Error('field-check does not parse');
const form = parsed.form;

describe('fieldLabel', () => {
  it('names a top-level field by its label, in the chosen language', () => {
    expect(fieldLabel(form, 'overall_notes', 'ja')).toBe('特記事項');
    expect(fieldLabel(form, 'overall_notes', 'en')).toBe('Remarks');
  });

  it('names a field inside a repeat with the entry it is in, counted from 1', () => {
    expect(fieldLabel(form, 'buildings[1].built_year', 'ja')).toBe('建築年（建物 2）');
  });

  it('falls back to the path when the form (or the field) is unknown', () => {
    expect(fieldLabel(undefined, 'x.y', 'ja')).toBe('x.y');
    expect(fieldLabel(form, 'no_such_field', 'ja')).toBe('no_such_field');
  });
});
