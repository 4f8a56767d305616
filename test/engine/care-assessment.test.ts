// The 要介護認定 認定調査票 form: items and choice codes against the transcribed table, exclusive 「ない」, 「その他」 → 特記事項, reasons, fixtures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, FormSession, lintForm, parseForm } from '../../src/engine/index.ts';
import type { Choice, FieldDefinition, FormDefinition } from '../../src/engine/index.ts';
import { codes, opts } from './helpers.ts';

const DIR = 'forms/care-assessment';
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8'));
const parsed = parseForm(read('form.json'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const fm: FormDefinition = parsed.form;
const VALID = read('fixtures/valid.json');

type TableChoice = [number | string, string];
interface TableItem { id: string; label: string; multi?: boolean; choices: string | TableChoice[] }
const table = read('fixtures/item-table.json') as unknown as { choiceSets: Record<string, TableChoice[]>; items: TableItem[] };

const allFields = (fields: FieldDefinition[]): FieldDefinition[] => fields.flatMap((f) => [f, ...allFields(f.fields ?? [])]);
const fieldById = new Map(fm.sections.flatMap((s) => allFields(s.fields)).map((f) => [f.id, f]));
const choicesOf = (f: FieldDefinition): Choice[] => f.choices ?? fm.choiceLists?.[f.choiceList ?? ''] ?? [];
/** The survey items: ids made of numbers ("1-3", "6", "7-1"). */
const itemIds = [...fieldById.keys()].filter((id) => /^\d+(-\d+)?$/.test(id));

const withAnswers = (changes: Record<string, unknown>): Record<string, unknown> => ({ ...VALID, ...changes });
const errorsOf = (answers: Record<string, unknown>): string[] => codes(evaluate(fm, answers, opts).errors);

describe('care-assessment: definition', () => {
  it('parses with no lint advice (every label has English)', () => {
    expect(lintForm(fm)).toEqual([]);
  });

  it('has exactly the items of the table: 55 基本調査 questions, 特別な医療 and the two 自立度', () => {
    expect(itemIds.sort()).toEqual(table.items.map((i) => i.id).sort());
    expect(table.items.filter((i) => /^[1-5]-/.test(i.id))).toHaveLength(55);
  });

  it.each(table.items.map((i) => [i.id, i] as const))('%s: number, label and choice codes as in the テキスト', (id, item) => {
    const field = fieldById.get(id)!;
    expect(field.label.ja).toBe(`${id} ${item.label}`);
    expect(field.type).toBe(item.multi ? 'select_multiple' : 'select_one');
    const expected = typeof item.choices === 'string' ? table.choiceSets[item.choices]! : item.choices;
    expect(choicesOf(field).map((c) => [c.value, c.label.ja])).toEqual(expected);
  });

  it('requires every 基本調査 item and both 自立度; 特別な医療 may stay empty (none received)', () => {
    for (const id of itemIds) expect([id, fieldById.get(id)!.required ?? false]).toEqual([id, id !== '6']);
  });

  it('gives every item a judging hint (evidence window, method not amount)', () => {
    for (const id of itemIds.filter((i) => /^[1-6]/.test(i))) expect(fieldById.get(id)!.hint?.ja, id).toBeTruthy();
    expect(fieldById.get('2-4')!.hint!.ja).toContain('介助の量や手間ではありません');
    expect(fieldById.get('1-3')!.hint!.ja).toContain('過去1週間');
    expect(fieldById.get('4-1')!.hint!.ja).toContain('過去1か月間');
    expect(fieldById.get('6')!.hint!.ja).toContain('過去14日間');
  });

  it('特記事項 entries link to every item number (6 per treatment, 7-1 / 7-2)', () => {
    const linkable = fm.choiceLists!.tokki_items!.map((c) => c.value);
    for (const id of itemIds.filter((i) => i !== '6')) expect(linkable).toContain(id);
    for (let n = 1; n <= 12; n++) expect(linkable).toContain(`6-${n}`);
  });
});

describe('care-assessment: checks while typing', () => {
  it('accepts the valid fixture with no warnings', () => {
    const e = evaluate(fm, VALID, opts);
    expect(e.errors).toEqual([]);
    expect(e.warnings).toEqual([]);
  });

  it('reports the invalid fixture with one error per problem', () => {
    expect(errorsOf(read('fixtures/invalid.json'))).toEqual([
      'survey_place:E_REASON_REQUIRED',
      '1-1:E_EXCLUSIVE',
      '1-2:E_TOKKI_REQUIRED',
      '2-4:E_CHOICE',
      '3-1:E_REQUIRED',
    ]);
  });

  it.each([
    ['1-1', [1, 2]],
    ['1-1', [4, 1]],
    ['1-2', [1, 3]],
    ['1-2', [1, 5]],
  ])('「ない」 in %s excludes the other choices (%j) with the error at exactly that path', (id, value) => {
    expect(errorsOf(withAnswers({ [id]: value }))).toEqual([`${id}:E_EXCLUSIVE`]);
  });

  it('「ない」 alone and several other sites together are fine', () => {
    expect(errorsOf(withAnswers({ '1-1': [1], '1-2': [2, 3, 4] }))).toEqual([]);
  });

  it.each([
    ['1-1', 6],
    ['1-2', 5],
  ])('「その他」 in %s needs a 特記事項 linked to that item', (id, other) => {
    const without = (VALID.tokki as { tokki_item: string }[]).filter((t) => t.tokki_item !== id);
    expect(errorsOf(withAnswers({ [id]: [other], tokki: without }))).toEqual([`${id}:E_TOKKI_REQUIRED`]);
    const otherItem = [...without, { tokki_item: '2-1', tokki_text: '(2-1) ベッドから車いすへの移乗は自分で行う。' }];
    expect(errorsOf(withAnswers({ [id]: [other], tokki: otherItem }))).toEqual([`${id}:E_TOKKI_REQUIRED`]);
    const linked = [...without, { tokki_item: id, tokki_text: `(${id}) 左下腿を欠損している。` }];
    expect(errorsOf(withAnswers({ [id]: [other], tokki: linked }))).toEqual([]);
  });

  it('exactly the options marked needsTokki (the two 「その他（四肢の欠損）」) carry the 特記事項 check', () => {
    const marked = itemIds.flatMap((id) => choicesOf(fieldById.get(id)!).filter((c) => c.data?.needsTokki === true).map((c) => `${id}:${c.value}`));
    expect(marked).toEqual(['1-1:6', '1-2:5']);
    const checked = itemIds.flatMap((id) => (fieldById.get(id)!.constraints ?? []).filter((c) => c.code === 'E_TOKKI_REQUIRED').map((c) => `${id}:${/selected\(\., (\d+)\)/.exec(c.expr)?.[1]}`));
    expect(checked).toEqual(marked);
  });

  it('a session clears the 「その他」 error as soon as the linked 特記事項 is written', () => {
    const s = new FormSession(fm, withAnswers({ '1-1': [3, 6], tokki: [] }), opts);
    expect(s.field('1-1').errors.map((e) => e.code)).toEqual(['E_TOKKI_REQUIRED']);
    const entry = s.addRepeat('tokki')!;
    s.setAnswer(`${entry}.tokki_item`, '1-1');
    s.setAnswer(`${entry}.tokki_text`, '(1-1) 右手指の一部を欠損している。');
    expect(s.field('1-1').errors).toEqual([]);
    expect(s.evaluation().valid).toBe(true);
  });

  it('an option marked as needing a reason (実施場所 自宅外) requires one', () => {
    expect(errorsOf(withAnswers({ survey_place: 'away' }))).toEqual(['survey_place:E_REASON_REQUIRED']);
    expect(errorsOf(withAnswers({ survey_place: 'away', survey_place_name: 'みどり病院 3階病棟' }))).toEqual([]);
  });

  it('a 特記事項 entry needs its item number and text', () => {
    expect(errorsOf(withAnswers({ tokki: [{ tokki_item: '2-4' }, { tokki_text: '(2-4) 自分で食べる。' }] })).sort()).toEqual([
      'tokki[0].tokki_text:E_REQUIRED',
      'tokki[1].tokki_item:E_REQUIRED',
    ]);
  });

  it('asks the previous certification only for a second or later application', () => {
    expect(errorsOf(withAnswers({ prior_certification: 'first', prior_certification_date: undefined, prior_certification_result: undefined }))).toEqual([]);
    expect(errorsOf(withAnswers({ prior_certification_date: undefined }))).toEqual(['prior_certification_date:E_REQUIRED']);
  });

  it('asks the count of a home service only when it is checked', () => {
    expect(errorsOf(withAnswers({ home_services: ['day_service', 'home_help'] }))).toEqual(['svc_home_help:E_REQUIRED']);
    expect(errorsOf(withAnswers({ svc_day_service: 0 }))).toEqual(['svc_day_service:E_SERVICE_COUNT_RANGE']);
  });
});

describe('engine: numbered warning codes', () => {
  const base = { id: 't', version: 1, title: { ja: 't' }, sections: [{ id: 's', title: { ja: 's' }, fields: [{ id: 'a', type: 'integer', label: { ja: 'a' } }] }] };
  const withCode = (code: string): unknown => ({ ...base, warnings: [{ code, condition: '${a} == 1', message: { ja: 'w' }, paths: ['a'] }] });

  it('accepts codes that start with a digit ("01") and still refuses lower case or a leading underscore', () => {
    expect(parseForm(withCode('01')).ok).toBe(true);
    expect(parseForm(withCode('57')).ok).toBe(true);
    expect(parseForm(withCode('x1')).ok).toBe(false);
    expect(parseForm(withCode('_01')).ok).toBe(false);
  });
});
