// Each rule kind on a small inline form: defaults, calculate, relevant, required, readonly, constraints, choices.
import { describe, expect, it } from 'vitest';
import { evaluate, FormSession } from '../../src/engine/index.ts';
import { codes, f, form, opts } from './helpers.ts';

const choice = (value: string, extra = {}) => ({ value, label: { ja: value, en: value }, ...extra });

describe('defaults', () => {
  it('fills missing answers on creation but keeps given ones', () => {
    const fm = form([f('ok', 'boolean', { default: true }), f('n', 'integer', { default: 3 })]);
    expect(new FormSession(fm, { n: 5 }, opts).answers()).toEqual({ ok: true, n: 5 });
    expect(new FormSession(fm, {}, { ...opts, applyDefaults: false }).answers()).toEqual({});
  });
});

describe('calculate', () => {
  it('stores calculated values as answers and follows changes', () => {
    const fm = form([f('w', 'decimal'), f('h', 'decimal'), f('bmi', 'decimal', { calculate: 'round(${w} / (${h} * ${h}), 1)' })]);
    const s = new FormSession(fm, { w: 60, h: 1.7 }, opts);
    expect(s.answers().bmi).toBe(20.8);
    s.setAnswer('w', 70);
    expect(s.field('bmi').value).toBe(24.2);
    expect(s.field('bmi').readonly).toBe(true);
    s.setAnswer('h', null);
    expect(s.answers()).toEqual({ w: 70 });
  });
});

describe('relevant', () => {
  const fm = form([f('smoker', 'boolean'), f('packs', 'integer', { relevant: '${smoker} == true', required: true }), f('packs2', 'integer', { calculate: '${packs} * 2' })]);

  it('hidden fields are not required, keep their answer, and are excluded from results and expressions', () => {
    const s = new FormSession(fm, { smoker: true, packs: 3 }, opts);
    expect(s.field('packs2').value).toBe(6);
    s.setAnswer('smoker', false);
    expect(s.field('packs')).toMatchObject({ relevant: false, required: false, value: 3, errors: [] });
    expect(s.answers().packs).toBe(3);
    expect(s.field('packs2').value).toBe(null);
    expect(s.relevantAnswers()).toEqual({ smoker: false });
    expect(s.evaluation().valid).toBe(true);
  });

  it('a relevant required empty field is an error', () => {
    expect(codes(evaluate(fm, { smoker: true }, opts).errors)).toEqual(['packs:E_REQUIRED']);
  });

  it('relevance is inherited from groups', () => {
    const g = form([f('on', 'boolean'), f('g', 'group', { relevant: '${on}', fields: [f('x', 'text', { required: true })] })]);
    const s = new FormSession(g, { on: false }, opts);
    expect(s.field('g.x').relevant).toBe(false);
    s.setAnswer('on', true);
    expect(s.field('g.x')).toMatchObject({ relevant: true, required: true });
    expect(codes(s.evaluation().errors)).toEqual(['g.x:E_REQUIRED']);
  });
});

describe('required', () => {
  it('accepts an expression and a custom message', () => {
    const fm = form([f('age', 'integer'), f('guardian', 'text', { required: '${age} < 18', requiredMessage: { ja: '保護者名が必要です', en: 'Guardian needed' } })]);
    expect(evaluate(fm, { age: 20 }, opts).valid).toBe(true);
    const e = evaluate(fm, { age: 12 }, opts);
    expect(e.errors).toEqual([{ path: 'guardian', code: 'E_REQUIRED', message: { ja: '保護者名が必要です', en: 'Guardian needed' } }]);
  });

  it('treats empty strings and empty lists as missing', () => {
    const fm = form([f('t', 'text', { required: true }), f('m', 'select_multiple', { required: true, choices: [choice('a')] })]);
    expect(codes(evaluate(fm, { t: '', m: [] }, opts).errors)).toEqual(['t:E_REQUIRED', 'm:E_REQUIRED']);
  });
});

describe('readonly', () => {
  it('is a boolean or an expression', () => {
    const fm = form([f('done', 'boolean'), f('a', 'text', { readonly: true, default: 'x' }), f('b', 'text', { readonly: '${done}' })]);
    const s = new FormSession(fm, {}, opts);
    expect([s.field('a').readonly, s.field('b').readonly]).toEqual([true, false]);
    expect(s.setAnswer('done', true)).toContain('b');
    expect(s.field('b').readonly).toBe(true);
  });
});

describe('constraints', () => {
  const fm = form([
    f('min', 'integer'),
    f('n', 'integer', {
      constraints: [
        { expr: '. >= 0', code: 'E_NEGATIVE', message: { ja: '0以上', en: 'At least 0' } },
        { expr: 'value >= ${min}', code: 'E_BELOW_MIN', message: { ja: '下限未満', en: 'Below minimum' } },
      ],
    }),
  ]);

  it('reports the first failing constraint with its own code and ja/en message', () => {
    expect(evaluate(fm, { n: -1, min: 5 }, opts).errors).toEqual([{ path: 'n', code: 'E_NEGATIVE', message: { ja: '0以上', en: 'At least 0' } }]);
    expect(codes(evaluate(fm, { n: 3, min: 5 }, opts).errors)).toEqual(['n:E_BELOW_MIN']);
    expect(evaluate(fm, { n: 6, min: 5 }, opts).valid).toBe(true);
  });

  it('re-checks when a field the constraint reads changes', () => {
    const s = new FormSession(fm, { n: 6, min: 5 }, opts);
    expect(s.setAnswer('min', 10)).toEqual(['min', 'n']);
    expect(codes(s.field('n').errors)).toEqual(['n:E_BELOW_MIN']);
  });
});

describe('choices', () => {
  const fm = form(
    [
      f('pref', 'select_one', { choiceList: 'prefs' }),
      f('city', 'select_one', { choiceList: 'cities', choiceFilter: 'choice.pref == ${pref}' }),
      f('sym', 'select_multiple', { choices: [choice('fever'), choice('cough'), choice('other', { requiresReason: true }), choice('none', { exclusive: true })] }),
      f('sym_reason', 'text'),
    ],
    {
      choiceLists: {
        prefs: [choice('e'), choice('w')],
        cities: [choice('e1', { data: { pref: 'e' } }), choice('e2', { data: { pref: 'e' } }), choice('w1', { data: { pref: 'w' } })],
      },
    },
  );

  it('filters cascading choices and rejects values outside the filtered list', () => {
    const s = new FormSession(fm, { pref: 'e' }, opts);
    expect(s.field('city').choices?.map((c) => c.value)).toEqual(['e1', 'e2']);
    s.setAnswer('city', 'e2');
    expect(s.setAnswer('pref', 'w')).toEqual(['pref', 'city']);
    expect(s.field('city').choices?.map((c) => c.value)).toEqual(['w1']);
    expect(codes(s.field('city').errors)).toEqual(['city:E_CHOICE']);
  });

  it('keeps an exclusive choice alone, forbids duplicates and requires reasons', () => {
    expect(codes(evaluate(fm, { sym: ['none', 'fever'] }, opts).errors)).toEqual(['sym:E_EXCLUSIVE']);
    expect(evaluate(fm, { sym: ['none'] }, opts).valid).toBe(true);
    expect(codes(evaluate(fm, { sym: ['fever', 'fever'] }, opts).errors)).toEqual(['sym:E_DUPLICATE_CHOICE']);
    expect(codes(evaluate(fm, { sym: ['other'] }, opts).errors)).toEqual(['sym:E_REASON_REQUIRED']);
    expect(codes(evaluate(fm, { sym: ['other'], sym_reason: '  ' }, opts).errors)).toEqual(['sym:E_REASON_REQUIRED']);
    expect(evaluate(fm, { sym: ['other'], sym_reason: '頭痛' }, opts).valid).toBe(true);
  });

  it('re-checks the select when its reason changes', () => {
    const s = new FormSession(fm, { sym: ['other'] }, opts);
    expect(s.setAnswer('sym_reason', '頭痛')).toEqual(['sym_reason', 'sym']);
    expect(s.field('sym').errors).toEqual([]);
  });
});
