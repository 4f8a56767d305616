// Answer paths: parse "grp.a" / "rep[1].b", set without mutating the input, refuse invalid or conflicting paths.
import { describe, expect, it } from 'vitest';
import { getAnswerAt, parseAnswerPath, setAnswerAt } from '../../src/data/answerPaths.ts';

describe('answer paths', () => {
  it('parses keys and repeat indexes', () => {
    expect(parseAnswerPath('a')).toEqual(['a']);
    expect(parseAnswerPath('grp.b')).toEqual(['grp', 'b']);
    expect(parseAnswerPath('rep[2].c')).toEqual(['rep', 2, 'c']);
    expect(parseAnswerPath('m[0][1]')).toEqual(['m', 0, 1]);
    for (const bad of ['', '.a', 'a.', 'a..b', 'a[x]', 'a[1', '@create', 'rep[100000]', '__proto__', 'a.constructor', 'a b']) {
      expect(parseAnswerPath(bad)).toBeNull();
    }
  });

  it('sets nested values without touching the input', () => {
    const input = { grp: { a: 1 }, rep: [{ b: 1 }] };
    const frozen = structuredClone(input);
    const out = setAnswerAt(input, 'rep[2].b', 3);
    expect(out).toEqual({ ok: true, answers: { grp: { a: 1 }, rep: [{ b: 1 }, {}, { b: 3 }] } });
    expect(input).toEqual(frozen);
    if (out.ok) expect(out.answers.grp).toBe(input.grp); // untouched branches are shared, not copied
  });

  it('undefined removes an object key but not a repeat entry', () => {
    expect(setAnswerAt({ a: 1, b: 2 }, 'a', undefined)).toEqual({ ok: true, answers: { b: 2 } });
    expect(setAnswerAt({ rep: [{}, {}] }, 'rep[0]', undefined)).toMatchObject({ ok: false, code: 'E_PATH_INVALID' });
  });

  it('refuses to go through an answer of another shape', () => {
    expect(setAnswerAt({ a: 'text' }, 'a.b', 1)).toMatchObject({ ok: false, code: 'E_PATH_CONFLICT' });
    expect(setAnswerAt({ rep: { x: 1 } }, 'rep[0].b', 1)).toMatchObject({ ok: false, code: 'E_PATH_CONFLICT' });
  });

  it('reads values by path', () => {
    const answers = { grp: { a: 1 }, rep: [{ b: 'x' }] };
    expect(getAnswerAt(answers, 'rep[0].b')).toBe('x');
    expect(getAnswerAt(answers, 'grp.a')).toBe(1);
    expect(getAnswerAt(answers, 'grp[0]')).toBeUndefined();
    expect(getAnswerAt(answers, 'missing.x')).toBeUndefined();
  });
});
