// recordTitle: a form's recordTitle expressions title its records (the 調査票 by its applicant, never the assessor), the first-text fallback, bounds and join().
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_SUBTITLE, MAX_RECORD_TITLE, parseForm, recordTitle } from '../../src/engine/index.ts';
import careJson from '../../forms/care-assessment/form.json';
import caseJson from '../../forms/care-case/form.json';
import { f, form, rawForm } from './helpers.ts';

const parse = (json: unknown) => {
  const parsed = parseForm(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.form;
};
const care = parse(careJson);
const careCase = parse(caseJson);

describe('recordTitle with the form option', () => {
  it('titles a 調査票 with the applicant and its 申請番号 and 調査日, not with the assessor typed first', () => {
    const answers = { survey_datetime: '2026-12-05T10:00', surveyor_name: '調査員 一郎', case_number: 'R8-0042', subject_name: '山田 花子' };
    expect(recordTitle(care, answers)).toEqual({ title: '山田 花子', subtitle: '申請番号 R8-0042 ・ 調査日 2026-12-05' });
  });

  it('leaves missing parts out, and stays untitled rather than falling back to another answer', () => {
    expect(recordTitle(care, { subject_name: '山田 花子' })).toEqual({ title: '山田 花子', subtitle: '' });
    expect(recordTitle(care, { case_number: 'R8-0042' })).toEqual({ title: '', subtitle: '申請番号 R8-0042' });
    expect(recordTitle(care, { surveyor_name: '調査員 一郎', survey_place_name: '施設' })).toEqual({ title: '', subtitle: '' });
  });

  it('titles a 申請 (care-case) with the applicant and 申請番号', () => {
    expect(recordTitle(careCase, { case_number: 'R8-0042', name: '山田 花子', address: '緑市' })).toEqual({ title: '山田 花子', subtitle: '申請番号 R8-0042' });
  });

  it('bounds hostile values: one line, control characters gone, at most the maximum length', () => {
    const long = `${'長'.repeat(5000)}\n次の行`;
    const { title, subtitle } = recordTitle(care, { subject_name: `  山田\n\t花子\u0000${long}`, case_number: 'X'.repeat(30) });
    expect(title.startsWith('山田 花子 長')).toBe(true);
    expect([...title].length).toBe(MAX_RECORD_TITLE);
    expect(['\n', '\t', '\u0000'].some((ch) => title.includes(ch))).toBe(false);
    expect([...subtitle].length).toBeLessThanOrEqual(MAX_RECORD_SUBTITLE);
    // A 100,000-character answer is cut, not copied around.
    expect([...recordTitle(care, { subject_name: 'あ'.repeat(100_000) }).title].length).toBe(MAX_RECORD_TITLE);
  });

  it('never splits a surrogate pair at the bound', () => {
    const { title } = recordTitle(care, { subject_name: '𠮷'.repeat(100) });
    expect([...title].every((ch) => ch === '𠮷')).toBe(true);
    expect([...title].length).toBe(MAX_RECORD_TITLE);
  });

  it('reads relevance and calculations as a full evaluation would', () => {
    const definition = form([f('kind', 'text'), f('name', 'text', { relevant: "${kind} == 'person'" }), f('code', 'text', { calculate: "concat('K-', ${kind})" })], {
      recordTitle: { title: 'coalesce(${name}, ${code})' },
    });
    expect(recordTitle(definition, { kind: 'person', name: '佐藤' }).title).toBe('佐藤');
    expect(recordTitle(definition, { kind: 'place', name: '佐藤' }).title).toBe('K-place');
  });

  it('ignores wrong answer types instead of throwing', () => {
    expect(recordTitle(care, { subject_name: { toString: 'x' }, survey_datetime: { y: 1 } } as never).title).toBe('');
  });
});

describe('recordTitle without the form option (fallback)', () => {
  const plain = form([f('code', 'text', { calculate: "concat('a', '-')" }), f('count', 'integer'), f('name', 'text'), f('note', 'text')]);

  it('is the first answered text field the user typed, trimmed, without subtitle', () => {
    expect(recordTitle(plain, { code: 'a-', count: 3, name: '  山田 太郎 ', note: 'x' })).toEqual({ title: '山田 太郎', subtitle: '' });
    expect(recordTitle(plain, {})).toEqual({ title: '', subtitle: '' });
  });

  it('gives nothing for no form', () => {
    expect(recordTitle(undefined, { name: 'x' })).toEqual({ title: '', subtitle: '' });
  });
});

describe('the recordTitle option in a definition', () => {
  it('refuses unknown references and references into repeats', () => {
    const unknown = parseForm(rawForm([f('name')], { recordTitle: { title: '${nobody}' } }));
    expect(unknown.ok).toBe(false);
    const repeat = parseForm(rawForm([{ id: 'rep', type: 'repeat', fields: [f('x')] }], { recordTitle: { title: 'string(${x})' } }));
    expect(!repeat.ok && repeat.errors.map((e) => `${e.path}:${e.code}`)).toEqual(['recordTitle.title:E_DEF_BAD_REF']);
    const extra = parseForm(rawForm([f('name')], { recordTitle: { title: '${name}', sort: 'x' } as never }));
    expect(extra.ok).toBe(false);
  });
});

describe('join()', () => {
  it('joins the non-empty parts with the separator', () => {
    const definition = form([f('a'), f('b'), f('c')], { recordTitle: { title: "join(' / ', ${a}, ${b}, ${c})" } });
    expect(recordTitle(definition, { a: 'x', c: 'z' }).title).toBe('x / z');
    expect(recordTitle(definition, { b: '  ' }).title).toBe('');
    expect(recordTitle(definition, { a: 'x', b: 'y', c: 'z' }).title).toBe('x / y / z');
  });
});
