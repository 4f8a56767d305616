// 警告コード of the care-assessment form: each encoded code fires for its combination and not otherwise; vague 特記事項 words; acknowledgement.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, FormSession, parseForm } from '../../src/engine/index.ts';
import type { FormDefinition } from '../../src/engine/index.ts';
import { opts } from './helpers.ts';

const DIR = 'forms/care-assessment';
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8'));
const parsed = parseForm(read('form.json'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const fm: FormDefinition = parsed.form;
const VALID = read('fixtures/valid.json');

type Pair = [string, number];
interface TableCode { code: string; sourceName: string; condition: Pair[] | null; encoded: boolean; reason?: string }
const table = read('fixtures/warning-codes.json') as unknown as { source: string; codes: TableCode[] };
const encoded = table.codes.filter((c) => c.encoded);

const warningCodes = (answers: Record<string, unknown>, acknowledged: Record<string, string> = {}): string[] =>
  evaluate(fm, answers, { ...opts, acknowledged }).warnings.map((w) => w.code);
const withAnswers = (pairs: Pair[]): Record<string, unknown> => ({ ...VALID, ...Object.fromEntries(pairs) });
/** Another valid code for the same item, so the combination no longer holds. */
const otherValue = ([id, value]: Pair): Pair => [id, value === 1 ? 2 : 1];
const note = (tokki_item: string, tokki_text: string): { tokki_item: string; tokki_text: string } => ({ tokki_item, tokki_text });

describe('care-assessment: 警告コード as data', () => {
  it('the table lists all 57 codes of 警告コード09, every one encoded', () => {
    expect(table.codes.map((c) => c.code)).toEqual(Array.from({ length: 57 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(table.codes.filter((c) => !c.encoded).map((c) => c.code)).toEqual([]);
  });

  it('10–12 read the source\'s 「両足での立位」「4.できない」 by the option name: 1-6 できない is code 3', () => {
    const standBoth = fm.choiceLists!.s3!;
    expect(standBoth.find((c) => c.value === 3)?.label.ja).toBe('できない');
    expect(standBoth.map((c) => c.value)).toEqual([1, 2, 3]);
    for (const code of ['10', '11', '12']) expect(encoded.find((c) => c.code === code)?.condition?.[0]).toEqual(['1-6', 3]);
  });

  it('the form encodes exactly the encoded codes of the table, each {code, condition, message}', () => {
    const numbered = fm.warnings!.filter((w) => /^\d\d$/.test(w.code));
    expect(numbered.map((w) => w.code)).toEqual(encoded.map((c) => c.code));
    for (const [i, w] of numbered.entries()) {
      const pairs = encoded[i]!.condition!;
      expect(w.condition).toBe(pairs.map(([id, v]) => `\${${id}} == ${v}`).join(' and '));
      expect(w.paths).toEqual(pairs.map(([id]) => id));
      expect(w.message.ja).toContain(`警告コード${w.code}`);
      expect(w.message.en).toBeTruthy();
    }
  });

  it('the domain file examples: 01 = 1-3 できない × 1-10 介助されていない, 17 = 2-3 × 2-4, 57 = 2-10 × 2-11', () => {
    const byCode = new Map(encoded.map((c) => [c.code, c.condition]));
    expect(byCode.get('01')).toEqual([['1-3', 3], ['1-10', 1]]);
    expect(byCode.get('17')).toEqual([['2-3', 3], ['2-4', 1]]);
    expect(byCode.get('57')).toEqual([['2-10', 4], ['2-11', 1]]);
  });

  it.each(encoded.map((c) => [c.code, c.sourceName, c.condition!] as const))('%s fires for %s', (code, _name, pairs) => {
    expect(warningCodes(withAnswers(pairs))).toContain(code);
  });

  it.each(encoded.map((c) => [c.code, c.condition!] as const))('%s stays quiet when one answer of the combination differs', (code, pairs) => {
    for (let i = 0; i < pairs.length; i++) {
      const changed = pairs.map((p, j) => (j === i ? otherValue(p) : p));
      expect(warningCodes(withAnswers(changed)), `${code} with ${JSON.stringify(changed)}`).not.toContain(code);
    }
  });

  it('a warning never makes the answers invalid', () => {
    const e = evaluate(fm, withAnswers([['2-10', 4], ['2-11', 1]]), opts);
    expect(e.warnings.map((w) => w.code)).toEqual(['57']);
    expect(e.valid).toBe(true);
  });

  it('an acknowledged warning is still reported, with the assessor\'s reason', () => {
    const answers = withAnswers([['1-3', 3], ['1-10', 1]]);
    const e = evaluate(fm, answers, { ...opts, acknowledged: { '01': '洗身はシャワーチェアを使い自分で行っている' } });
    expect(e.warnings).toEqual([expect.objectContaining({ code: '01', paths: ['1-3', '1-10'], acknowledgedReason: '洗身はシャワーチェアを使い自分で行っている' })]);
    expect(evaluate(fm, answers, { ...opts, acknowledged: { '01': '  ' } }).warnings[0]!.acknowledgedReason).toBeUndefined();
  });
});

describe('care-assessment: vague words in 特記事項', () => {
  const tokki = (text: string): Record<string, unknown> => ({ ...VALID, tokki: [...(VALID.tokki as object[]), note('2-12', text)] });

  it.each(['(2-12) ときどき散歩に出る。', '(2-12) たまに娘と買い物に行く。', '(2-12) 時々外出する。', '(2-12) 通院は随時。'])('flags %s', (text) => {
    expect(warningCodes(tokki(text))).toEqual(['TOKKI_VAGUE_WORDS']);
  });

  it.each(['(2-12) 週2、3回、夫と散歩に出る。', '(4-5) 同じ話を週1回程度するため「ときどきある」を選択。', '(3-1) 「ときどき伝達できる」を選択。'])('does not flag %s', (text) => {
    expect(warningCodes(tokki(text))).toEqual([]);
  });

  it('points at the 特記事項 and marks the entry, so the tablet can show which one', () => {
    const s = new FormSession(fm, tokki('(2-12) たまに外出する。'), opts);
    expect(s.evaluation().warnings).toEqual([expect.objectContaining({ code: 'TOKKI_VAGUE_WORDS', paths: ['tokki.tokki_text'] })]);
    expect(s.field('tokki[3].tokki_vague').value).toBe(true);
    expect(s.field('tokki[0].tokki_vague').value).toBe(false);
    s.setAnswer('tokki[3].tokki_text', '(2-12) 月に2回、娘と外出する。');
    expect(s.evaluation().warnings).toEqual([]);
  });

  it('the vague-words fixture fires only that warning', () => {
    expect(warningCodes(read('fixtures/vague-words.json'))).toEqual(['TOKKI_VAGUE_WORDS']);
  });
});
