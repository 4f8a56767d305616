// The certification CSV's table as a pure function of CARE's form: item columns in form order, single and multiple codes, the case columns.
import { describe, expect, it } from 'vitest';
import { parseForm, type FormDefinition } from '../../src/engine/index.ts';
import { loadFormCatalog } from '../../sync-server/src/forms/catalog.ts';
import { assessmentTable, itemCell, itemColumns, MULTI_CODE_SEPARATOR } from '../../sync-server/src/care/assessment-table.ts';
import { assessmentAnswers } from './care-server.ts';

const careForm = loadFormCatalog().get('care-assessment');

function tinyForm(): FormDefinition {
  const parsed = parseForm({
    id: 'tiny', version: 1, title: { ja: '小' },
    sections: [{ id: 's', title: { ja: 'S' }, fields: [
      { id: 'name', type: 'text', label: { ja: '氏名' } },
      { id: '1-1', type: 'select_multiple', label: { ja: '麻痺' }, choices: [{ value: 1, label: { ja: 'ない' } }, { value: 2, label: { ja: '左上肢' } }, { value: 3, label: { ja: '右上肢' } }] },
      { id: 'grp', type: 'group', label: { ja: 'G' }, fields: [{ id: '1-3', type: 'select_one', label: { ja: '寝返り' }, choiceList: 'k3' }] },
      { id: 'notes', type: 'repeat', label: { ja: 'R' }, fields: [{ id: 'item', type: 'select_one', label: { ja: 'I' }, choiceList: 'k3' }] },
      { id: '7-1', type: 'select_one', label: { ja: '自立度' }, choices: [{ value: '自立', label: { ja: '自立' } }, { value: 'J1', label: { ja: 'J1' } }] },
    ] }],
    choiceLists: { k3: [{ value: 1, label: { ja: '1' } }, { value: 2, label: { ja: '2' } }, { value: 3, label: { ja: '3' } }] },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.form;
}

describe('itemColumns', () => {
  it('takes every numbered select in form order, through groups, never inside repeats or plain fields', () => {
    expect(itemColumns(tinyForm()).map((c) => c.id)).toEqual(['1-1', '1-3', '7-1']);
  });

  it('follows CARE\'s care-assessment form: every 基本調査 item 1-1 … 5-6 in order', () => {
    expect(careForm).toBeDefined();
    const ids = itemColumns(careForm!).map((c) => c.id);
    const basic = ids.filter((id) => /^[1-5]-\d+$/.test(id));
    expect(basic).toHaveLength(55);
    expect(basic.slice(0, 3)).toEqual(['1-1', '1-2', '1-3']);
    expect(basic.at(-1)).toBe('5-6');
    const order = (id: string) => id.split('-').map(Number);
    const sorted = [...basic].sort((a, b) => order(a)[0]! - order(b)[0]! || order(a)[1]! - order(b)[1]!);
    expect(basic).toEqual(sorted);
  });
});

describe('itemCell', () => {
  const [multi] = itemColumns(tinyForm());
  it('lists several codes in the form\'s choice order, one code as itself, nothing as empty', () => {
    expect(itemCell(multi!, [3, 2])).toBe(`2${MULTI_CODE_SEPARATOR}3`);
    expect(itemCell(multi!, [1])).toBe('1');
    expect(itemCell(multi!, [])).toBe('');
    expect(itemCell(multi!, undefined)).toBeNull();
    expect(itemCell(multi!, 'oops')).toBeNull();
    const single = itemColumns(tinyForm())[1]!;
    expect(itemCell(single, 2)).toBe(2);
    expect(itemCell(single, { bad: true })).toBeNull();
  });
});

describe('assessmentTable', () => {
  it('puts the case number, insured number and the survey date before the items', () => {
    const table = assessmentTable(tinyForm(), [
      { answers: { survey_datetime: '2025-03-28T10:00+09:00', '1-1': [2, 3], grp: { '1-3': 3 }, '7-1': 'J1' }, caseNumber: 'C-1', insuredNumber: '0000000001' },
      { answers: {}, caseNumber: null, insuredNumber: null },
    ]);
    expect(table.header).toEqual(['申請番号', '被保険者番号', '調査実施日', '1-1', '1-3', '7-1']);
    expect(table.rows).toEqual([
      ['C-1', '0000000001', '2025-03-28', '2;3', 3, 'J1'],
      [null, null, null, null, null, null],
    ]);
  });

  it('reads CARE\'s valid fixture into one full row', () => {
    const table = assessmentTable(careForm!, [{ answers: assessmentAnswers(), caseNumber: 'C-9', insuredNumber: '0000000009' }]);
    const row = Object.fromEntries(table.header.map((h, i) => [h, table.rows[0]![i]]));
    expect(row).toMatchObject({ 申請番号: 'C-9', 調査実施日: '2025-03-28', '1-1': '1', '1-3': 2, '2-3': 1, '5-6': 4 });
    expect(table.rows[0]!.slice(3).filter((cell) => cell === null)).toEqual([]);
  });
});
