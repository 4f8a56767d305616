// FormSession: incremental re-evaluation through the dependency graph, repeats, and hostile answers.
import { describe, expect, it } from 'vitest';
import { evaluate, FormSession } from '../../src/engine/index.ts';
import { codes, f, form, opts } from './helpers.ts';

describe('dependency graph', () => {
  const fm = form([
    f('a', 'integer'),
    f('b', 'integer', { calculate: '${a} + 1' }),
    f('c', 'integer', { calculate: '${b} * 2' }),
    f('show', 'text', { relevant: '${c} > 10' }),
    f('u1', 'integer', { relevant: '${u0} == 1' }),
    f('u0', 'integer'),
    ...Array.from({ length: 30 }, (_, i) => f(`other${i}`, 'integer', { constraints: [{ expr: `. < ${i + 100}`, code: 'E_BIG', message: { ja: '大' } }] })),
  ]);

  it('returns the changed field and only the dependents whose state changed, transitively', () => {
    const s = new FormSession(fm, {}, opts);
    expect(s.setAnswer('a', 1)).toEqual(['a', 'b', 'c']);
    expect(s.setAnswer('a', 5)).toEqual(['a', 'b', 'c', 'show']);
    expect(s.field('show').relevant).toBe(true);
  });

  it('setting the same value again changes nothing', () => {
    const s = new FormSession(fm, { a: 1 }, opts);
    expect(s.setAnswer('a', 1)).toEqual([]);
  });

  it('a change to an unrelated field evaluates no rule of the others', () => {
    const s = new FormSession(fm, {}, opts);
    const before = s.ruleEvaluations;
    s.setAnswer('u0', 1);
    // u0's own checks have no expressions; only u1's relevant (1 rule) runs.
    expect(s.ruleEvaluations - before).toBe(1);
    const mid = s.ruleEvaluations;
    s.setAnswer('other3', 5);
    expect(s.ruleEvaluations - mid).toBe(1);
  });

  it('ignores paths that are not fields or not leaves', () => {
    const s = new FormSession(fm, {}, opts);
    expect(s.setAnswer('nope', 1)).toEqual([]);
    expect(s.setAnswer('a.b', 1)).toEqual([]);
    expect(s.setAnswer('__proto__', 1)).toEqual([]);
    expect(() => s.field('nope')).toThrow(/E_UNKNOWN_FIELD/);
  });
});

describe('repeats', () => {
  const fm = form([
    f('members', 'repeat', {
      minCount: 1,
      maxCount: 2,
      fields: [f('age', 'integer'), f('senior', 'boolean', { calculate: '${age} >= 65' }), f('care', 'text', { relevant: '${senior}', required: true })],
    }),
    f('count', 'integer', { calculate: 'count(${members})' }),
    f('total_age', 'integer', { calculate: 'sum(${members.age})' }),
  ]);

  it('resolves sibling references inside the same entry and fans out from outside', () => {
    const s = new FormSession(fm, { members: [{ age: 70 }, { age: 30 }] }, opts);
    expect(s.field('members[0].care').relevant).toBe(true);
    expect(s.field('members[1].care').relevant).toBe(false);
    expect(s.answers()).toMatchObject({ count: 2, total_age: 100 });
    expect(s.setAnswer('members[1].age', 80).sort()).toEqual(['members[1].age', 'members[1].care', 'members[1].senior', 'total_age']);
  });

  it('adds entries up to maxCount and removes them, shifting later entries', () => {
    const s = new FormSession(fm, {}, opts);
    expect(codes(s.evaluation().errors)).toEqual(['members:E_REPEAT_MIN']);
    expect(s.addRepeat('members')).toBe('members[0]');
    expect(s.addRepeat('members')).toBe('members[1]');
    expect(s.addRepeat('members')).toBe(null);
    expect(s.repeatCount('members')).toBe(2);
    s.setAnswer('members[1].age', 90);
    const changed = s.removeRepeat('members', 0);
    expect(changed).toContain('members[1].age');
    expect(s.repeatCount('members')).toBe(1);
    expect(s.field('members[0].age').value).toBe(90);
    expect(s.answers()).toMatchObject({ count: 1, total_age: 90 });
    expect(s.removeRepeat('members', 5)).toEqual([]);
  });

  it('reports too many entries', () => {
    expect(codes(evaluate(fm, { members: [{}, {}, {}] }, opts).errors)).toEqual(['members:E_REPEAT_MAX']);
  });
});

describe('hostile answers', () => {
  const fm = form([f('t', 'text'), f('g', 'group', { fields: [f('x', 'integer')] }), f('r', 'repeat', { fields: [f('y', 'text')] })]);

  it('reports unknown keys (including __proto__) without polluting prototypes', () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 1, "g": {"__proto__": {"x": 1}}, "r": [{"zz": 1}], "t": "ok"}');
    const e = evaluate(fm, input, opts);
    expect(codes(e.errors)).toEqual(['__proto__:E_UNKNOWN_FIELD', 'constructor:E_UNKNOWN_FIELD', 'g.__proto__:E_UNKNOWN_FIELD', 'r[0].zz:E_UNKNOWN_FIELD']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const s = new FormSession(fm, input, opts);
    expect(Object.getPrototypeOf(s.answers())).toBe(Object.prototype);
    expect(s.answers()).toEqual({ g: {}, r: [{}], t: 'ok' });
  });

  it('handles non-object answers, deep nesting and huge values with errors, not crashes', () => {
    expect(codes(evaluate(fm, 'x' as never, opts).errors)).toEqual([':E_TYPE']);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(codes(evaluate(fm, { t: deep, g: { x: 'x'.repeat(1_000_000) } }, opts).errors)).toEqual(['t:E_TYPE', 'g.x:E_TYPE']);
    expect(codes(evaluate(fm, { r: Array.from({ length: 5000 }, () => ({})) }, opts).errors)).toEqual(['r:E_REPEAT_MAX']);
  });

  it('does not alter the caller’s answers object', () => {
    const input = { t: 'a', g: { x: 1 } };
    const s = new FormSession(fm, input, opts);
    s.setAnswer('g.x', 2);
    s.setAnswer('t', null);
    expect(input).toEqual({ t: 'a', g: { x: 1 } });
  });
});

describe('sections', () => {
  it('counts errors of relevant fields per section', () => {
    const fm = form([f('a', 'text', { required: true }), f('b', 'integer', { required: true })]);
    const s = new FormSession(fm, {}, opts);
    expect(s.sectionErrorCount('main')).toBe(2);
    s.setAnswer('a', 'x');
    expect(s.sectionErrorCount('main')).toBe(1);
    expect(s.sectionErrorCount('other')).toBe(0);
  });
});
