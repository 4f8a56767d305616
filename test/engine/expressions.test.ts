// Expression language: operators, functions, null handling, references and hostile input (no eval).
import { describe, expect, it } from 'vitest';
import { evaluate, parseForm } from '../../src/engine/index.ts';
import { f, form, opts, rawForm } from './helpers.ts';

/** Evaluates `expr` as a scoring output over a form with fields a (decimal), s (text), m (select_multiple), d (date), 1-1 (integer). */
function run(expr: string, answers: Record<string, unknown> = {}): unknown {
  const fm = form(
    [f('a', 'decimal'), f('b', 'decimal'), f('s', 'text'), f('m', 'select_multiple', { choices: ['x', 'y', 'z'].map((v) => ({ value: v, label: { ja: v } })) }), f('d', 'date'), f('1-1', 'integer')],
    { scoring: [{ key: 'v', expr }] },
  );
  return evaluate(fm, answers, opts).result.v;
}

function parseError(expr: string): string | undefined {
  const parsed = parseForm(rawForm([f('a', 'integer'), f('c', 'integer', { calculate: expr })]));
  return parsed.ok ? undefined : parsed.errors[0]?.code;
}

describe('operators', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['7 % 3', 1],
    ['7 mod 3', 1],
    ['7 div 2', 3.5],
    ['-${a}', -4],
    ['${a} > 3 && ${a} < 5', true],
    ['${a} > 3 and ${a} > 5', false],
    ['${a} > 5 || ${a} == 4', true],
    ['${a} > 5 or not (${a} == 4)', false],
    ['!(${a} != 4)', true],
    ['${a} >= 4 ? "big" : "small"', 'big'],
    ["'ab' + 'cd'", 'abcd'],
    ['${1-1} + 1', 3],
  ])('%s', (expr, expected) => {
    expect(run(expr, { a: 4, '1-1': 2 })).toBe(expected);
  });

  it('treats missing answers as null: arithmetic gives null, comparisons are false, == null is true', () => {
    expect(run('${a} + 1')).toBe(null);
    expect(run('${a} > 0')).toBe(false);
    expect(run('${a} < 0')).toBe(false);
    expect(run('${a} == null')).toBe(true);
    expect(run('${a} != null', { a: 1 })).toBe(true);
  });

  it('gives null, not an exception, for division by zero and bad types', () => {
    expect(run('${a} / 0', { a: 1 })).toBe(null);
    expect(run('${a} % 0', { a: 1 })).toBe(null);
    expect(run('${s} * 2', { s: 'abc' })).toBe(null);
  });

  it('compares numbers with numeric strings and dates as strings', () => {
    expect(run("${a} == '4'", { a: 4 })).toBe(true);
    expect(run("${d} < '2025-01-01'", { d: '2024-12-31' })).toBe(true);
  });
});

describe('functions', () => {
  it.each([
    ["selected(${m}, 'y')", { m: ['x', 'y'] }, true],
    ["selected(${m}, 'z')", { m: ['x', 'y'] }, false],
    ['count_selected(${m})', { m: ['x', 'y'] }, 2],
    ['count_selected(${m})', {}, 0],
    ["contains(${s}, 'bc')", { s: 'abcd' }, true],
    ['length(${s})', { s: '現場調査' }, 4],
    ['round(${a}, 1)', { a: 2.345 }, 2.3],
    ['round(${a})', { a: 2.5 }, 3],
    ['sum(${a}, ${b}, 1)', { a: 1, b: 2 }, 4],
    ['min(${a}, ${b})', { a: 5, b: 2 }, 2],
    ['max(${a}, ${b})', { a: 5 }, 5],
    ['if(${a} > 1, "yes", "no")', { a: 2 }, 'yes'],
    ["coalesce(${s}, ${b}, 'none')", {}, 'none'],
    ['empty(${s})', { s: '' }, true],
    ['empty(${m})', { m: [] }, true],
    ["number('12.5')", {}, 12.5],
    ['string(${a})', { a: 3 }, '3'],
    ["concat(${s}, '-', ${a})", { s: 'A', a: 1 }, 'A-1'],
    ["regex(${s}, '^[0-9]{3}-[0-9]{4}$')", { s: '123-4567' }, true],
    ["regex(${s}, '^[0-9]{3}-[0-9]{4}$')", { s: '1234567' }, false],
    ['today()', {}, '2025-04-01'],
    ['now()', {}, '2025-04-01T12:00:00+09:00'],
    ["date_diff_days('2025-03-30', ${d})", { d: '2025-04-02' }, 3],
    ["age_years('1960-04-02')", {}, 64],
    ["age_years('1960-04-01')", {}, 65],
    ['year(${d})', { d: '1999-12-31' }, 1999],
    ["substr('abcdef', 1, 3)", {}, 'bc'],
  ])('%s with %j', (expr, answers, expected) => {
    expect(run(expr, answers)).toEqual(expected);
  });

  it('returns null for bad dates instead of throwing', () => {
    expect(run("date_diff_days('2025-02-30', '2025-03-01')")).toBe(null);
    expect(run('age_years(${s})', { s: 'yesterday' })).toBe(null);
  });
});

describe('definition-time checks of expressions', () => {
  it('rejects syntax errors with E_DEF_EXPR_SYNTAX', () => {
    expect(parseError('${a} +')).toBe('E_DEF_EXPR_SYNTAX');
    expect(parseError('${a')).toBe('E_DEF_EXPR_SYNTAX');
    expect(parseError('round()')).toBe('E_DEF_EXPR_SYNTAX');
  });

  it('rejects unknown names, functions and property access: nothing can reach constructors or globals', () => {
    expect(parseError("constructor.constructor('return process')()")).toBe('E_DEF_EXPR_UNSUPPORTED');
    expect(parseError("${a}.constructor")).toBe('E_DEF_EXPR_UNSUPPORTED');
    expect(parseError('globalThis')).toBe('E_DEF_EXPR_UNSUPPORTED');
    expect(parseError('eval("1")')).toBe('E_DEF_EXPR_UNSUPPORTED');
    expect(parseError('this')).toBe('E_DEF_EXPR_UNSUPPORTED');
    expect(parseError('${a}[0]')).toBe('E_DEF_EXPR_UNSUPPORTED');
    expect(parseError('__ref0')).toBe('E_DEF_EXPR_SYNTAX');
    expect(parseError('${a} | 1')).toBe('E_DEF_EXPR_UNSUPPORTED');
  });

  it('accepts only safe literal regex patterns', () => {
    expect(parseError("regex(${a}, '(a+)+$')")).toBe('E_DEF_REGEX_UNSAFE');
    expect(parseError("regex(${a}, '(a|aa)*')")).toBe('E_DEF_REGEX_UNSAFE');
    expect(parseError("regex(${a}, '(x)\\\\1')")).toBe('E_DEF_REGEX_UNSAFE');
    expect(parseError('regex(${a}, ${a})')).toBe('E_DEF_REGEX_UNSAFE');
    expect(parseError("regex(${a}, '^[0-9]+$')")).toBeUndefined();
  });

  it('does not execute string content as code', () => {
    const before = Object.keys(globalThis).length;
    expect(run("'constructor' + '.constructor(\"globalThis.pwned=1\")()'")).toBe('constructor.constructor("globalThis.pwned=1")()');
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(Object.keys(globalThis).length).toBe(before);
  });
});
