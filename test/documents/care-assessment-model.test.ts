// The 調査票 document model: every item with all its options from the definition, exactly the chosen codes checked, 概況調査 details, 特記事項 in item order.
import { describe, expect, it } from 'vitest';
import { careAssessmentModel } from '../../src/documents/care-assessment-model.ts';
import { itemRows, type Block, type DocumentModel } from '../../src/documents/document-model.ts';
import type { Answers } from '../../src/engine/index.ts';
import { insertPhrase } from '../../src/app/care-notes/tokkiPhrase.ts';
import { careChoices, careField, careForm, fullAnswers, itemIds, validAnswers } from './care-fixtures.ts';

const NOW = new Date('2025-04-01T03:00:00Z');
const modelOf = (answers: Answers, lang: 'ja' | 'en' = 'ja'): DocumentModel => careAssessmentModel(careForm, answers, { lang, now: NOW });
const blocksOf = (model: DocumentModel, part: number): Block[] => model.parts[part]!.blocks;
const chosenCodes = (answer: unknown): unknown[] => (Array.isArray(answer) ? answer : answer === undefined || answer === null ? [] : [answer]);

describe('care-assessment document model', () => {
  it('has the three parts of the 調査票: 概況調査, 基本調査, 特記事項', () => {
    const model = modelOf(validAnswers);
    expect(model.title).toBe('要介護認定 認定調査票');
    expect(model.parts.map((p) => p.title)).toEqual(['認定調査票（概況調査）', '認定調査票（基本調査）', '認定調査票（特記事項）']);
  });

  it.each([['valid.json', validAnswers], ['the full fixture', fullAnswers]] as const)('%s: every item (群1–5, 6, 7-1, 7-2) once, in form order', (_, answers) => {
    expect(itemRows(modelOf(answers)).map((r) => r.number)).toEqual(itemIds);
  });

  it.each([['valid.json', validAnswers], ['the full fixture', fullAnswers]] as const)('%s: each item lists all its options with the definition\'s codes and labels, and checks exactly the chosen codes', (_, answers) => {
    for (const row of itemRows(modelOf(answers))) {
      const choices = careChoices(row.number);
      expect(row.options.map((o) => [o.code, o.label]), row.number).toEqual(choices.map((c) => [c.value, c.label.ja]));
      expect(row.options.filter((o) => o.checked).map((o) => o.code), row.number).toEqual(
        choices.map((c) => c.value).filter((code) => chosenCodes(answers[row.number]).includes(code)),
      );
      expect(row.multiple, row.number).toBe(careField(row.number).type === 'select_multiple');
    }
  });

  it('marks several codes of a multiple item (1-1: 2, 4, 6; 6: 1, 5, 10, 12) and one rank of each 自立度', () => {
    const rows = new Map(itemRows(modelOf(fullAnswers)).map((r) => [r.number, r]));
    const checked = (id: string) => rows.get(id)!.options.filter((o) => o.checked).map((o) => o.code);
    expect(checked('1-1')).toEqual([2, 4, 6]);
    expect(checked('6')).toEqual([1, 5, 10, 12]);
    expect(rows.get('6')!.options).toHaveLength(12);
    expect(checked('7-1')).toEqual(['B1']);
    expect(checked('7-2')).toEqual(['Ⅲa']);
  });

  it('prints an item label without its number (the number has its own column)', () => {
    const row = itemRows(modelOf(validAnswers)).find((r) => r.number === '1-3')!;
    expect(row.label).toBe('寝返り');
  });

  it('leaves every option unchecked for an unanswered item, and checks nothing for an empty 特別な医療', () => {
    const { ['2-4']: _, ...withoutEating } = validAnswers;
    const rows = itemRows(modelOf(withoutEating));
    expect(rows.find((r) => r.number === '2-4')!.options.every((o) => !o.checked)).toBe(true);
    expect(rows.find((r) => r.number === '6')!.options.every((o) => !o.checked)).toBe(true);
  });

  it('概況調査: questions with every option marked, the place name of 「自宅外」 and service counts with their unit', () => {
    const blocks = blocksOf(modelOf(fullAnswers), 0);
    const choice = (label: string) => blocks.find((b): b is Extract<Block, { kind: 'choice' }> => b.kind === 'choice' && b.label === label)!;
    expect(choice('実施場所').options).toEqual([
      { code: 'home', label: '自宅内', checked: false },
      { code: 'away', label: '自宅外', checked: true, detail: 'みどり市 見本デイサービスセンター 相談室' },
    ]);
    const services = choice('在宅利用（認定調査を行った月のサービス利用状況）');
    expect(services.options).toHaveLength(careChoices('home_services').length);
    expect(services.options.find((o) => o.code === 'home_help')).toMatchObject({ checked: true, detail: '12 回/月' });
    expect(services.options.find((o) => o.code === 'equipment_rental')).toMatchObject({ checked: true, detail: '3 品目' });
    expect(services.options.find((o) => o.code === 'home_modification')).toEqual({ code: 'home_modification', label: '住宅改修', checked: true });
    expect(services.options.find((o) => o.code === 'day_service')).toEqual(expect.objectContaining({ checked: false }));
    // The count fields and the place name are printed with their option, not again on their own.
    expect(blocks.some((b) => b.kind === 'field' && (b.label.startsWith('訪問介護') || b.label.startsWith('実施場所（')))).toBe(false);
  });

  it('概況調査: dates as written, age calculated at generation time, group fields under their group, hidden questions left out', () => {
    const fields = blocksOf(modelOf(fullAnswers), 0).filter((b): b is Extract<Block, { kind: 'field' }> => b.kind === 'field');
    const value = (label: string) => fields.find((b) => b.label === label)?.value;
    expect(value('実施日時')).toBe('2025年3月28日 14:30');
    expect(value('生年月日')).toBe('1936年11月3日');
    expect(value('年齢')).toBe('88 歳');
    expect(value('家族等連絡先：氏名')).toBe('見本 三枝');
    // 初回: 前回認定日 and 前回認定結果 are not relevant.
    expect(value('前回認定日')).toBeUndefined();
    expect(blocksOf(modelOf(fullAnswers), 0).some((b) => b.kind === 'choice' && b.label === '前回認定結果')).toBe(false);
    expect(blocksOf(modelOf(validAnswers), 0).some((b) => b.kind === 'field' && b.label === '前回認定日')).toBe(true);
  });

  it('特記事項: in item order (entries of one item in the order written), under their group, empty entries left out', () => {
    const answers = { ...fullAnswers, tokki: [...(fullAnswers.tokki as object[]), { tokki_item: '2-2', tokki_text: '   ' }] };
    const blocks = blocksOf(modelOf(answers), 2);
    const notes = blocks.filter((b): b is Extract<Block, { kind: 'note' }> => b.kind === 'note');
    expect(notes.map((n) => n.number)).toEqual(['1-1', '1-1', '2-5', '3-8', '4-12', '5-2', '6-5', '7-1']);
    expect(notes[0]!.text).toContain('左上肢と左下肢に麻痺');
    expect(notes[1]!.text).toContain('発症から3年');
    expect(notes.find((n) => n.number === '6-5')!.label).toBe('酸素療法');
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual([
      '基本調査 第1群 身体機能・起居動作', '基本調査 第2群 生活機能', '基本調査 第3群 認知機能', '基本調査 第4群 精神・行動障害',
      '基本調査 第5群 社会生活への適応', '特別な医療', '日常生活自立度',
    ]);
  });

  it('特記事項: says there are none when none were written', () => {
    expect(blocksOf(modelOf({ ...validAnswers, tokki: [] }), 2)).toEqual([{ kind: 'text', text: '特記事項はありません。' }]);
  });

  it('follows the form: a changed label or choice in the definition is what gets printed', () => {
    const changed = structuredClone(careForm);
    const list = changed.choiceLists!.k3!;
    list[0] = { ...list[0]!, label: { ja: '自力でできる（改訂）' } };
    const row = itemRows(careAssessmentModel(changed, validAnswers, { lang: 'ja', now: NOW })).find((r) => r.number === '1-3')!;
    expect(row.options[0]!.label).toBe('自力でできる（改訂）');
  });

  it('prints English labels when asked (falling back to Japanese only where the form has none)', () => {
    const model = modelOf(validAnswers, 'en');
    expect(model.parts[1]!.title).toBe('Certification survey (basic survey)');
    expect(itemRows(model).find((r) => r.number === '1-3')!.label).toBe('Rolling over');
  });

  it('prints a phrase chosen from the 特記事項 picker with its item number once (finding 9)', () => {
    // The picker writes 「（2-5）」 in front of the phrase; the PDF prints the number in its own column.
    const picked = insertPhrase('', '2-5', '夜間は{n:2}回、ポータブルトイレを使用している。').text;
    expect(picked.startsWith('（2-5）')).toBe(true);
    const notes = modelOf({ ...validAnswers, tokki: [{ tokki_item: '2-5', tokki_text: picked }, { tokki_item: '1-3', tokki_text: '（2-5）に関連して、寝返りも困難。' }] })
      .parts[2]!.blocks.filter((b): b is Extract<Block, { kind: 'note' }> => b.kind === 'note');
    expect(notes.map((n) => [n.number, n.text])).toEqual([
      ['1-3', '（2-5）に関連して、寝返りも困難。'],
      ['2-5', '夜間は2回、ポータブルトイレを使用している。'],
    ]);
  });

  it('carries the record title (applicant, 申請番号, 調査日) for the page header', () => {
    expect(modelOf({ ...validAnswers, case_number: 'R7-0042' }).recordTitle).toBe('見本 花子 ・ 申請番号 R7-0042 ・ 調査日 2025-03-28');
    expect(modelOf({}).recordTitle).toBe('');
  });
});
