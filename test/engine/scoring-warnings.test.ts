// Scoring (expressions, tables, named functions, $result chaining) and warning rules with acknowledgement.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.ts';
import type { ScoringFunction } from '../../src/engine/index.ts';
import { f, form, opts } from './helpers.ts';

describe('scoring', () => {
  const double: ScoringFunction = ({ results, args }) => (results.total as number) * (args.factor as number);
  const fm = form([f('a', 'integer'), f('b', 'integer'), f('hidden', 'integer', { relevant: '${a} > 100' })], {
    scoring: [
      { key: 'total', expr: 'sum(${a}, ${b}, ${hidden})' },
      { key: 'level', table: { input: '$result.total', rows: [{ max: 10, value: '低' }, { min: 10, max: 20, value: '中' }, { min: 20, value: '高' }], default: '不明' } },
      { key: 'doubled', fn: 'double', args: { factor: 2 } },
      { key: 'answers_seen', fn: 'seen' },
      { key: 'kind', table: { input: '${b}', rows: [{ equals: 1, value: 'one' }, { equals: 2, value: 'two' }] } },
    ],
  });
  const seen: ScoringFunction = ({ answers }) => Object.keys(answers).sort().join(',');
  const functions = { double, seen };

  it('computes outputs in order; tables use min ≤ v < max; non-relevant answers are excluded', () => {
    expect(evaluate(fm, { a: 4, b: 6, hidden: 1000 }, { ...opts, functions }).result).toEqual({ total: 10, level: '中', doubled: 20, answers_seen: 'a,b', kind: null });
    expect(evaluate(fm, { a: 3, b: 1 }, { ...opts, functions }).result).toMatchObject({ total: 4, level: '低', kind: 'one' });
    expect(evaluate(fm, { a: 19, b: 1 }, { ...opts, functions }).result).toMatchObject({ level: '高' });
  });

  it('uses the table default when the input is empty', () => {
    const empty = form([f('a', 'integer')], { scoring: [{ key: 'l', table: { input: '${a}', rows: [{ min: 0, value: 'x' }], default: '不明' } }] });
    expect(evaluate(empty, {}, opts).result).toEqual({ l: '不明' });
  });

  it('reports a missing or failing named function as an error with a null output', () => {
    const e = evaluate(fm, { a: 1 }, { ...opts, functions: { seen: () => { throw new Error('boom'); } } });
    expect(e.result).toMatchObject({ doubled: null, answers_seen: null });
    expect(e.errors.map((x) => `${x.path}:${x.code}`)).toEqual(['result.doubled:E_SCORING_FUNCTION', 'result.answers_seen:E_SCORING_FUNCTION']);
  });
});

describe('warnings', () => {
  const fm = form([f('sys', 'integer'), f('dia', 'integer')], {
    scoring: [{ key: 'pulse_pressure', expr: '${sys} - ${dia}' }],
    warnings: [
      { code: 'BP_HIGH', condition: '${sys} >= 180', message: { ja: '血圧が高い', en: 'High BP' }, paths: ['sys'] },
      { code: 'PP_WIDE', condition: '$result.pulse_pressure > 100', message: { ja: '脈圧が大きい' }, paths: ['sys', 'dia'] },
    ],
  });

  it('fires when the rule is true and never makes the answers invalid', () => {
    const e = evaluate(fm, { sys: 200, dia: 90 }, opts);
    expect(e.valid).toBe(true);
    expect(e.warnings).toEqual([
      { code: 'BP_HIGH', message: { ja: '血圧が高い', en: 'High BP' }, paths: ['sys'] },
      { code: 'PP_WIDE', message: { ja: '脈圧が大きい' }, paths: ['sys', 'dia'] },
    ]);
    expect(evaluate(fm, { sys: 120, dia: 80 }, opts).warnings).toEqual([]);
  });

  it('carries the acknowledgement reason', () => {
    const e = evaluate(fm, { sys: 190, dia: 150 }, { ...opts, acknowledged: { BP_HIGH: '再測定済み' } });
    expect(e.warnings).toEqual([{ code: 'BP_HIGH', message: { ja: '血圧が高い', en: 'High BP' }, paths: ['sys'], acknowledgedReason: '再測定済み' }]);
  });
});
