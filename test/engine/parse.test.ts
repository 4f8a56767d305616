// parseForm: schema errors with JSON paths and every semantic check, on small inline definitions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/engine/index.ts';
import { f, rawForm } from './helpers.ts';

const errorsOf = (input: unknown): string[] => {
  const parsed = parseForm(input);
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.path}:${e.code}`);
};

describe('parseForm', () => {
  it('accepts the sample form', () => {
    const parsed = parseForm(JSON.parse(readFileSync('forms/field-check/form.json', 'utf8')));
    expect(parsed.ok).toBe(true);
  });

  it('reports schema problems with the JSON path of the problem', () => {
    expect(errorsOf(rawForm([f('a'), f('b', 'integer'), f('c'), f('d', 'text', { relevant: 42 as never })]))).toEqual(['sections[0].fields[3].relevant:E_DEF_SCHEMA']);
    expect(errorsOf(rawForm([f('a', 'colour' as never)]))).toEqual(['sections[0].fields[0].type:E_DEF_SCHEMA']);
    expect(errorsOf(rawForm([f('a', 'text', { requierd: true } as never)]))).toEqual(['sections[0].fields[0]:E_DEF_SCHEMA']);
    expect(errorsOf({ id: 't' })[0]).toMatch(/E_DEF_SCHEMA/);
  });

  it('never throws on hostile input', () => {
    for (const input of [null, 42, 'form', [], { __proto__: { polluted: true } }, JSON.parse('{"__proto__": {"x": 1}, "id": "t"}')]) {
      expect(parseForm(input).ok).toBe(false);
    }
    const root: Record<string, unknown> = {};
    let deep = root;
    for (let i = 0; i < 100_000; i++) {
      const child: Record<string, unknown> = {};
      deep.fields = [child];
      deep = child;
    }
    expect(errorsOf(root)).toEqual([':E_DEF_TOO_DEEP']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('rejects ids that could reach prototypes', () => {
    expect(errorsOf(rawForm([f('__proto__')]))).toEqual(['sections[0].fields[0].id:E_DEF_SCHEMA']);
  });

  it('finds duplicate ids across groups', () => {
    expect(errorsOf(rawForm([f('a'), f('g', 'group', { fields: [f('a')] })]))).toEqual(['sections[0].fields[1].fields[0].id:E_DEF_DUPLICATE_ID']);
  });

  it('finds references to unknown fields, and to groups or notes', () => {
    expect(errorsOf(rawForm([f('a', 'text', { relevant: '${nope} > 1' })]))).toEqual(['sections[0].fields[0].relevant:E_DEF_UNKNOWN_REF']);
    expect(errorsOf(rawForm([f('g', 'group', { fields: [f('x')] }), f('a', 'text', { relevant: 'empty(${g})' })]))).toEqual(['sections[0].fields[1].relevant:E_DEF_BAD_REF']);
  });

  it('finds calculate and relevance cycles', () => {
    const codes = errorsOf(rawForm([f('a', 'integer', { calculate: '${b} + 1' }), f('b', 'integer', { calculate: '${a} + 1' })]));
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/calculate:E_DEF_CYCLE$/);
    expect(errorsOf(rawForm([f('a', 'text', { relevant: '${a} == 1' })]))).toEqual(['sections[0].fields[0].relevant:E_DEF_CYCLE']);
  });

  it('allows a constraint to read a field that is calculated from the constrained field (checks run after values)', () => {
    expect(errorsOf(rawForm([f('a', 'integer', { constraints: [{ expr: '. < ${b}', code: 'E_X', message: { ja: 'x' } }] }), f('b', 'integer', { calculate: '${a} * 2' })]))).toEqual([]);
  });

  it('finds unknown choice lists, missing choices and bad repeat counts', () => {
    expect(errorsOf(rawForm([f('s', 'select_one', { choiceList: 'nope' })]))).toEqual(['sections[0].fields[0].choiceList:E_DEF_UNKNOWN_CHOICE_LIST']);
    expect(errorsOf(rawForm([f('s', 'select_one')]))).toEqual(['sections[0].fields[0]:E_DEF_CHOICES']);
    expect(errorsOf(rawForm([f('r', 'repeat', { minCount: 3, maxCount: 2, fields: [f('x')] })]))).toEqual(['sections[0].fields[0].minCount:E_DEF_REPEAT_COUNT']);
    expect(errorsOf(rawForm([f('g', 'group')]))).toEqual(['sections[0].fields[0].fields:E_DEF_CHILDREN']);
  });

  it('checks that requiresReason choices have a reason field and that defaults fit the type', () => {
    const choices = [{ value: 'other', label: { ja: 'その他' }, requiresReason: true }];
    expect(errorsOf(rawForm([f('s', 'select_one', { choices })]))).toEqual(['sections[0].fields[0].reasonField:E_DEF_REASON_FIELD']);
    expect(errorsOf(rawForm([f('s', 'select_one', { choices }), f('s_reason')]))).toEqual([]);
    expect(errorsOf(rawForm([f('n', 'integer', { default: 'x' })]))).toEqual(['sections[0].fields[0].default:E_DEF_DEFAULT']);
  });

  it('limits special names to where they mean something', () => {
    expect(errorsOf(rawForm([f('a', 'integer', { relevant: '. > 1' })]))).toEqual(['sections[0].fields[0].relevant:E_DEF_EXPR_UNSUPPORTED']);
    expect(errorsOf(rawForm([f('a', 'integer', { calculate: 'choice.value' })]))).toEqual(['sections[0].fields[0].calculate:E_DEF_EXPR_UNSUPPORTED']);
    expect(errorsOf(rawForm([f('a', 'integer')], { scoring: [{ key: 'x', expr: '$result.y' }, { key: 'y', expr: '1' }] }))).toEqual(['scoring[0].expr:E_DEF_UNKNOWN_REF']);
  });

  it('checks warning paths and migration steps', () => {
    expect(errorsOf(rawForm([f('a')], { warnings: [{ code: 'W', condition: '${a} == 1', message: { ja: 'w' }, paths: ['zz'] }] }))).toEqual(['warnings[0].paths[0]:E_DEF_UNKNOWN_REF']);
    expect(errorsOf(rawForm([f('a')], { migrations: [{ from: 1, to: 3 }] }))).toEqual(['migrations[0]:E_DEF_MIGRATION']);
  });

  it('reads a warning written with the legacy `when` key (definitions cached before the rename) as its condition', () => {
    const legacy = parseForm(rawForm([f('a', 'integer')], { warnings: [{ code: 'W', when: '${a} == 1', message: { ja: 'w' }, paths: ['a'] } as never] }));
    expect(legacy.ok).toBe(true);
    if (legacy.ok) expect(legacy.form.warnings?.[0]?.condition).toBe('${a} == 1');
    expect(errorsOf(rawForm([f('a')], { warnings: [{ code: 'W', message: { ja: 'w' }, paths: ['a'] } as never] }))).toContain('warnings[0].condition:E_DEF_SCHEMA');
  });
});
