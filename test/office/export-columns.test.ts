// Export headers and cells for people: group, repeat (1-based), multi-select labels, missing-label fallback, internal fields left out; the care form's real labels.
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../src/engine/index.ts';
import { answerColumns, codeCell, valueAt } from '../../sync-server/src/office/answer-columns.ts';
import { labelCell } from '../../sync-server/src/office/label-cell.ts';
import { loadFormCatalog } from '../../sync-server/src/forms/catalog.ts';

const form: FormDefinition = {
  id: 'demo', version: 1, title: { ja: 'デモ' },
  sections: [
    {
      id: 's1', title: { ja: '基本' },
      fields: [
        { id: 'note', type: 'note', label: { ja: '説明文' } },
        { id: 'level', type: 'select_one', label: { ja: '要介護度' }, choices: [{ value: 'care_1', label: { ja: '要介護1' } }, { value: 2, label: { ja: '二' } }] },
        { id: 'sex', type: 'select_one', label: { ja: '性別' }, choiceList: 'sexes' },
        { id: 'services', type: 'select_multiple', label: { ja: '利用サービス' }, choices: [{ value: 'a', label: { ja: '訪問介護' } }, { value: 'b', label: { ja: '通所介護' } }] },
        { id: 'nolabel', type: 'text', label: { ja: '  ' } },
        { id: 'helper', type: 'boolean', label: { ja: '補助' }, internal: true, calculate: 'true' },
        {
          id: 'family', type: 'group', label: { ja: '家族等連絡先' },
          fields: [{ id: 'name', type: 'text', label: { ja: '氏名' } }, { id: 'secret', type: 'text', label: { ja: '内部' }, internal: true }],
        },
        {
          id: 'tokki', type: 'repeat', label: { ja: '特記事項' },
          fields: [
            { id: 'item', type: 'select_one', label: { ja: '項目番号' }, choices: [{ value: '1-1', label: { ja: '1-1 麻痺等の有無' } }] },
            { id: 'text', type: 'text', label: { ja: '特記事項' } },
            { id: 'vague', type: 'boolean', label: { ja: 'あいまい' }, internal: true },
          ],
        },
      ],
    },
  ],
  choiceLists: { sexes: [{ value: 'male', label: { ja: '男性' } }, { value: 'female', label: { ja: '女性' } }] },
} as FormDefinition;

const answers = [
  { level: 'care_1', sex: 'female', services: ['b', 'a'], nolabel: 'x', helper: true, family: { name: '山田 花子', secret: 's' }, tokki: [{ item: '1-1', text: 'A', vague: true }, { text: 'B' }] },
  { level: 2, tokki: [{ text: 'C' }] },
];

describe('answerColumns', () => {
  const columns = answerColumns([form], answers);

  it('names columns by the labels around them, repeat entries counted from 1, internal fields and notes left out', () => {
    expect(columns.map((c) => [c.path, c.header])).toEqual([
      ['level', '要介護度'],
      ['sex', '性別'],
      ['services', '利用サービス'],
      ['nolabel', 'nolabel'],
      ['family.name', '家族等連絡先 / 氏名'],
      ['tokki[0].item', '特記事項 1 / 項目番号'],
      ['tokki[0].text', '特記事項 1'],
      ['tokki[1].item', '特記事項 2 / 項目番号'],
      ['tokki[1].text', '特記事項 2'],
    ]);
  });

  it('gives choice labels for people (several joined with 、) and keeps the codes for machines', () => {
    const cell = (path: string, i = 0) => {
      const column = columns.find((c) => c.path === path)!;
      const value = valueAt(answers[i]!, path);
      const { form: f, field } = column.fieldByForm.get('demo')!;
      return [labelCell(f, field, value, 'Asia/Tokyo'), codeCell(column, value)];
    };
    expect(cell('level')).toEqual(['要介護1', 'care_1']);
    expect(cell('level', 1)).toEqual(['二', 2]);
    expect(cell('sex')).toEqual(['女性', 'female']);
    expect(cell('services')).toEqual(['通所介護、訪問介護', 'b;a']);
    expect(cell('tokki[0].item')).toEqual(['1-1 麻痺等の有無', '1-1']);
    expect(cell('family.name')).toEqual(['山田 花子', '山田 花子']);
    expect(cell('tokki[1].item', 1)).toEqual([null, null]);
  });

  it('keeps an unknown stored code visible, and says はい/いいえ for booleans', () => {
    const level = form.sections[0]!.fields[1]!;
    expect(labelCell(form, level, 'care_9', 'Asia/Tokyo')).toBe('care_9');
    expect(labelCell(form, { id: 'b', type: 'boolean', label: { ja: 'b' } }, false, 'Asia/Tokyo')).toBe('いいえ');
    expect(labelCell(form, { id: 'b', type: 'boolean', label: { ja: 'b' } }, true, 'Asia/Tokyo')).toBe('はい');
  });

  it('on the care assessment: 特記事項 entries by label, svc_home_help by its label, tokki_vague never a column', () => {
    const care = loadFormCatalog().get('care-assessment')!;
    const cols = answerColumns([care], [{ tokki: [{ tokki_item: '1-1', tokki_text: 'ときどき転ぶ', tokki_vague: true }], svc_home_help: 4, subject_sex: 'female', prior_certification_result: 'care_1' }]);
    const headers = new Map(cols.map((c) => [c.path, c.header]));
    expect(headers.get('svc_home_help')).toBe('訪問介護（ホームヘルプ）（月の利用回数）');
    expect(headers.get('tokki[0].tokki_item')).toBe('特記事項 1 / 項目番号');
    expect(headers.get('tokki[0].tokki_text')).toBe('特記事項 1');
    expect(headers.get('family_contact.family_name')).toBe('家族等連絡先 / 氏名');
    expect([...headers.keys()].some((p) => p.includes('tokki_vague'))).toBe(false);
    const sex = cols.find((c) => c.path === 'subject_sex')!.fieldByForm.get('care-assessment')!;
    expect(labelCell(care, sex.field, 'female', 'Asia/Tokyo')).toBe('女');
    const result = cols.find((c) => c.path === 'prior_certification_result')!.fieldByForm.get('care-assessment')!;
    expect(labelCell(care, result.field, 'care_1', 'Asia/Tokyo')).toBe('要介護1');
  });
});
