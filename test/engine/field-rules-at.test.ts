// fieldRulesAt (the server's per-value check) reports readonly and filtered choices exactly as a FormSession does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldRulesAt, FormSession, parseForm } from '../../src/engine/index.ts';
import fieldCheckJson from '../../forms/field-check/form.json';
import { f, form } from './helpers.ts';

const parsed = parseForm(fieldCheckJson);
if (!parsed.ok) throw new Error('field-check does not parse');
const fieldCheck = parsed.form;
const NOW = new Date('2026-12-05T03:00:00Z');

function fromSession(answers: Record<string, unknown>, path: string) {
  const state = new FormSession(fieldCheck, answers, { now: NOW, utcOffsetMinutes: 540, applyDefaults: false }).field(path);
  return state.choices ? { readonly: state.readonly, choices: state.choices } : { readonly: state.readonly };
}

describe('fieldRulesAt', () => {
  it('offers the cities of the chosen prefecture (field-check\'s cascading select)', () => {
    const rules = fieldRulesAt(fieldCheck, { prefecture: 'nishi' }, 'city', { now: NOW });
    expect(rules?.choices?.map((c) => c.value)).toEqual(['umibe', 'yamate']);
    expect(fieldRulesAt(fieldCheck, {}, 'city', { now: NOW })?.choices).toEqual([]);
  });

  it('says readonly from an expression over other answers, and from the field\'s own value', () => {
    expect(fieldRulesAt(fieldCheck, { confirmed: true }, 'overall_notes', { now: NOW })?.readonly).toBe(true);
    expect(fieldRulesAt(fieldCheck, { confirmed: false }, 'overall_notes', { now: NOW })?.readonly).toBe(false);
    const def = form([f('code', 'text', { readonly: 'not empty(.)' })]);
    expect(fieldRulesAt(def, {}, 'code', { now: NOW })?.readonly).toBe(false);
    expect(fieldRulesAt(def, { code: 'A-1' }, 'code', { now: NOW })?.readonly).toBe(true);
  });

  it('is null for a path the form does not have', () => {
    expect(fieldRulesAt(fieldCheck, {}, 'nope', { now: NOW })).toBeNull();
  });

  it('agrees with a FormSession on random answers', () => {
    fc.assert(fc.property(
      fc.record({ prefecture: fc.constantFrom('higashi', 'nishi', 'unknown'), confirmed: fc.boolean(), city: fc.constantFrom('midori', 'aoba', 'umibe') }, { requiredKeys: [] }),
      fc.constantFrom('city', 'overall_notes', 'prefecture'),
      (answers, path) => {
        expect(fieldRulesAt(fieldCheck, answers, path, { now: NOW, utcOffsetMinutes: 540 })).toEqual(fromSession(answers, path));
      },
    ), { seed: 1205, numRuns: 200 });
  });
});
