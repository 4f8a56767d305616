// Property tests: evaluation never throws on arbitrary JSON answers, and incremental equals full evaluation.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, FormSession, parseForm } from '../../src/engine/index.ts';
import type { FormDefinition } from '../../src/engine/index.ts';
import { functionsFor } from '../../forms/registry.ts';
import { opts } from './helpers.ts';

const parsed = parseForm(JSON.parse(readFileSync('forms/field-check/form.json', 'utf8')));
if (!parsed.ok) throw new Error('sample form does not parse');
const fm: FormDefinition = parsed.form;
const options = { ...opts, functions: functionsFor('field-check') };
const ids = ['inspector_name', 'building_count', 'floor_area', 'defects', 'defects_reason', 'severity', 'equipment_ok', 'prefecture', 'city', 'survey_date', 'confirmed', 'signature', 'buildings'];

describe('engine properties', () => {
  it('evaluate never throws and always returns the Evaluation shape on arbitrary JSON', () => {
    const answers = fc.dictionary(fc.oneof(fc.constantFrom(...ids), fc.string()), fc.jsonValue(), { maxKeys: 12 });
    fc.assert(
      fc.property(answers, (a) => {
        const e = evaluate(fm, a, options);
        expect(typeof e.valid).toBe('boolean');
        expect(Array.isArray(e.errors) && Array.isArray(e.warnings)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a session after any sequence of setAnswer calls evaluates like a fresh evaluation of its answers', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 1500 }), fc.constantFrom('higashi', 'nishi', 'midori', 'umibe', 'low', 'x', '2025-03-01'), fc.boolean(), fc.constant(null), fc.constantFrom(['none'], ['leak', 'other'], ['rust']));
    const step = fc.tuple(fc.constantFrom(...ids.filter((i) => i !== 'buildings')), value);
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const s = new FormSession(fm, { buildings: [{ building_name: 'A' }] }, options);
        for (const [path, v] of steps) s.setAnswer(path, v);
        const fresh = evaluate(fm, s.answers(), { ...options, applyDefaults: false });
        const incremental = s.evaluation();
        expect(incremental.errors.map((e) => `${e.path}:${e.code}`)).toEqual(fresh.errors.map((e) => `${e.path}:${e.code}`));
        expect(incremental.result).toEqual(fresh.result);
      }),
      { numRuns: 200 },
    );
  });
});
