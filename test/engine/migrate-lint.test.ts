// migrateAnswers along declared steps (rename, drop, mapValues, repeats) and lintForm advice.
import { describe, expect, it } from 'vitest';
import { lintForm, migrateAnswers } from '../../src/engine/index.ts';
import { f, form } from './helpers.ts';

const fm = form([f('name'), f('sev', 'select_one', { choices: ['low', 'high'].map((v) => ({ value: v, label: { ja: v, en: v } })) }), f('r', 'repeat', { fields: [f('y')] }), f('z')], {
  version: 3,
  migrations: [
    { from: 1, to: 2, rename: { surveyor: 'name', 'r.x': 'r.y' }, drop: ['weather'] },
    { from: 2, to: 3, mapValues: { sev: { '1': 'low', '2': 'high' } }, drop: ['r.old'] },
  ],
});

describe('migrateAnswers', () => {
  it('applies the chain of steps and returns what was dropped', () => {
    const input = { surveyor: '花子', weather: '晴れ', sev: 2, r: [{ x: 'a', old: 1 }, { x: 'b' }] };
    const out = migrateAnswers(fm, 1, input);
    expect(out).toEqual({ ok: true, answers: { name: '花子', sev: 'high', r: [{ y: 'a' }, { y: 'b' }] }, dropped: { weather: '晴れ', 'r[0].old': 1 } });
    expect(input.surveyor).toBe('花子');
  });

  it('starts from a middle version and is a copy at the current version', () => {
    expect(migrateAnswers(fm, 2, { sev: 1 })).toEqual({ ok: true, answers: { sev: 'low' }, dropped: {} });
    expect(migrateAnswers(fm, 3, { z: 'x' })).toEqual({ ok: true, answers: { z: 'x' }, dropped: {} });
  });

  it('fails with a code when no declared path exists or the input is not an object', () => {
    expect(migrateAnswers(fm, 0, {})).toMatchObject({ ok: false, code: 'E_MIGRATION_NO_PATH' });
    expect(migrateAnswers(fm, 4, {})).toMatchObject({ ok: false, code: 'E_MIGRATION_NO_PATH' });
    expect(migrateAnswers(fm, 1, [] as never)).toMatchObject({ ok: false, code: 'E_MIGRATION_INPUT' });
  });
});

describe('lintForm', () => {
  it('advises on missing English, unreachable and unfillable fields', () => {
    const linted = form([{ id: 'a', type: 'text', label: { ja: 'あ' } }, f('b', 'text', { relevant: 'false' }), f('c', 'text', { readonly: true })]);
    expect(lintForm(linted).map((a) => `${a.path}:${a.code}`)).toEqual([
      'sections[0].fields[0].label:W_LABEL_EN_MISSING',
      'sections[0].fields[1].relevant:W_UNREACHABLE',
      'sections[0].fields[2].readonly:W_READONLY_NO_VALUE',
    ]);
  });
});
