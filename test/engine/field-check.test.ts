// The sample form: its fixtures, a v1 draft migrated to v2, and the behaviour the UI and e2e tests rely on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, FormSession, migrateAnswers, parseForm } from '../../src/engine/index.ts';
import type { FormDefinition } from '../../src/engine/index.ts';
import { functionsFor } from '../../forms/registry.ts';
import { opts } from './helpers.ts';

const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(`forms/field-check/${file}`, 'utf8'));
const parsed = parseForm(read('form.json'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const fm: FormDefinition = parsed.form;
const ALL_TYPES = ['text', 'integer', 'decimal', 'date', 'time', 'datetime', 'select_one', 'select_multiple', 'boolean', 'geopoint', 'geoshape', 'photo', 'signature', 'ocr_text', 'note', 'timestamp', 'group', 'repeat'];
const options = { ...opts, functions: functionsFor('field-check') };

describe('field-check form', () => {
  it('has the stable fields the UI and e2e tests use', () => {
    const basic = fm.sections[0]!;
    expect(basic.id).toBe('basic');
    expect(basic.fields.find((x) => x.id === 'inspector_name')).toMatchObject({ type: 'text', required: true });
    const site = fm.sections.flatMap((s) => s.fields).find((x) => x.id === 'building_count');
    expect(site).toMatchObject({ type: 'integer', required: true });
  });

  it('uses every field type', () => {
    const types = new Set<string>();
    const walk = (fields: FormDefinition['sections'][number]['fields']): void => fields.forEach((x) => { types.add(x.type); if (x.fields) walk(x.fields); });
    fm.sections.forEach((s) => walk(s.fields));
    expect([...types].sort()).toEqual(ALL_TYPES.slice().sort());
  });

  it('accepts the valid fixture', () => {
    const e = evaluate(fm, read('fixtures/valid.json'), options);
    expect(e.errors).toEqual([]);
    expect(e.result).toEqual({ defect_count: 2, risk_points: 6, risk_level: 'C' });
  });

  it('rejects the invalid fixture with one error per problem', () => {
    const e = evaluate(fm, read('fixtures/invalid.json'), options);
    expect(e.errors.map((x) => `${x.path}:${x.code}`)).toEqual([
      'inspector_name:E_REQUIRED',
      'survey_date:E_TYPE',
      'city:E_CHOICE',
      'building_count:E_BUILDING_COUNT_RANGE',
      'location:E_OUT_OF_RANGE',
      'defects:E_EXCLUSIVE',
      'buildings:E_REPEAT_MIN',
      'confirmed:E_TYPE',
    ]);
  });

  it('migrates the version-1 draft', () => {
    const out = migrateAnswers(fm, 1, read('fixtures/v1-draft.json'));
    expect(out).toEqual({ ok: true, answers: { inspector_name: '調査 花子', survey_date: '2025-03-01', defects: ['crack'], severity: 'mid' }, dropped: { weather: '晴れ' } });
  });

  it('drives a session: cascading city, building count constraint, per-entry calculation', () => {
    const s = new FormSession(fm, {}, options);
    expect(s.field('equipment_ok').value).toBe(true);
    s.setAnswer('prefecture', 'nishi');
    expect(s.field('city').choices?.map((c) => c.value)).toEqual(['umibe', 'yamate']);
    s.setAnswer('building_count', 1000);
    expect(s.field('building_count').errors[0]?.code).toBe('E_BUILDING_COUNT_RANGE');
    const entry = s.addRepeat('buildings');
    s.setAnswer(`${entry}.built_year`, 2000);
    expect(s.field(`${entry}.building_age`).value).toBe(25);
    expect(s.field(`${entry}.inspected`).value).toBe(false);
  });
});
