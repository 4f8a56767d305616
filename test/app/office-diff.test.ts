// The record view's diff model: changes shown with the form's labels and choice labels, added/removed/changed kinds, and a leaf-level diff.
import { describe, expect, it } from 'vitest';
import { diffAnswers, diffKind, diffRows, isChangedPath } from '../../src/app/office/record/diffModel.ts';
import { answerRows, pathLabel } from '../../src/app/office/shared/answerRows.ts';
import { formatAnswer, type AnswerWords } from '../../src/app/office/shared/formatAnswer.ts';
import type { FormDefinition } from '../../src/engine/types.ts';

const form: FormDefinition = {
  id: 'demo',
  version: 1,
  title: { ja: 'デモ' },
  choiceLists: { defects: [{ value: 'leak', label: { ja: '漏れ', en: 'Leak' } }, { value: 'crack', label: { ja: 'ひび', en: 'Crack' } }] },
  sections: [
    {
      id: 'basic',
      title: { ja: '基本' },
      fields: [
        { id: 'intro', type: 'note', label: { ja: '説明' } },
        { id: 'inspector_name', type: 'text', label: { ja: '担当者名', en: 'Inspector' } },
        { id: 'defects', type: 'select_multiple', label: { ja: '不具合' }, choiceList: 'defects' },
        { id: 'ok', type: 'boolean', label: { ja: '正常' } },
        { id: 'location', type: 'geopoint', label: { ja: '位置' } },
      ],
    },
    {
      id: 'buildings_section',
      title: { ja: '棟別' },
      fields: [
        {
          id: 'buildings', type: 'repeat', label: { ja: '建物' },
          fields: [
            { id: 'building_name', type: 'text', label: { ja: '建物名' } },
            { id: 'photos', type: 'photo', label: { ja: '写真' } },
          ],
        },
      ],
    },
  ],
};

const words: AnswerWords = {
  yes: 'はい', no: 'いいえ', photos: (n) => `写真${n}枚`, entries: (n) => `${n}件`, points: (n) => `${n}点`, signed: '署名あり',
};

describe('diffRows', () => {
  it('labels each change with its field (repeat entries numbered) and shows choice labels, not codes', () => {
    const rows = diffRows(form, [
      { path: 'inspector_name', before: '山田 太朗', after: '山田 太郎' },
      { path: 'defects', before: ['leak'], after: ['leak', 'crack'] },
      { path: 'buildings[1].building_name', before: null, after: '別館' },
      { path: 'ok', before: true, after: null },
    ], 'ja', words);
    expect(rows).toEqual([
      { path: 'inspector_name', label: '担当者名', before: '山田 太朗', after: '山田 太郎', kind: 'changed' },
      { path: 'defects', label: '不具合', before: '漏れ', after: '漏れ、ひび', kind: 'changed' },
      { path: 'buildings[1].building_name', label: '建物 2 › 建物名', before: '', after: '別館', kind: 'added' },
      { path: 'ok', label: '正常', before: 'はい', after: '', kind: 'removed' },
    ]);
  });
  it('uses English labels when asked and raw paths for fields the form does not know; drops @ metadata', () => {
    const rows = diffRows(form, [
      { path: 'inspector_name', before: 'a', after: 'b' },
      { path: 'legacy_field', before: 1, after: 2 },
      { path: '@ack', before: null, after: { X: 'y' } },
    ], 'en', words);
    expect(rows.map((r) => r.label)).toEqual(['Inspector', 'legacy_field']);
  });
  it('treats an empty list as no answer', () => {
    expect(diffKind({ path: 'defects', before: [], after: ['leak'] })).toBe('added');
    expect(diffKind({ path: 'defects', before: ['leak'], after: [] })).toBe('removed');
  });
});

describe('diffAnswers', () => {
  it('compares repeat entries field by field, and a geopoint as one value', () => {
    const before = { inspector_name: 'A', location: { lat: 35, lng: 139 }, buildings: [{ building_name: '本館' }], '@review': { action: 'return' } };
    const after = { inspector_name: 'A', location: { lat: 35.1, lng: 139 }, buildings: [{ building_name: '本館 東棟' }, { building_name: '別館' }] };
    expect(diffAnswers(before, after)).toEqual([
      { path: 'location', before: { lat: 35, lng: 139 }, after: { lat: 35.1, lng: 139 } },
      { path: 'buildings[0].building_name', before: '本館', after: '本館 東棟' },
      { path: 'buildings[1]', before: undefined, after: { building_name: '別館' } },
    ]);
  });
  it('finds nothing between equal answers and reports removed answers', () => {
    expect(diffAnswers({ a: [1, 2], b: { c: 'x' } }, { b: { c: 'x' }, a: [1, 2] })).toEqual([]);
    expect(diffAnswers({ a: 'x', b: 'y' }, { a: 'x' })).toEqual([{ path: 'b', before: 'y', after: undefined }]);
  });
});

describe('isChangedPath', () => {
  it('marks a row changed by its own path or by a change of a containing repeat entry', () => {
    expect(isChangedPath('inspector_name', ['inspector_name'])).toBe(true);
    expect(isChangedPath('buildings[0].building_name', ['buildings[0]'])).toBe(true);
    expect(isChangedPath('buildings[0].building_name', ['buildings'])).toBe(true);
    expect(isChangedPath('buildings[10].building_name', ['buildings[1]'])).toBe(false);
    expect(isChangedPath('inspector_name_kana', ['inspector_name'])).toBe(false);
  });
});

describe('answerRows and formatAnswer', () => {
  it('lists every answerable field in form order (notes skipped, repeats expanded), then unknown answers', () => {
    const answers = { inspector_name: '見本 太郎', buildings: [{ building_name: '本館', photos: [{ hash: 'h1' }, { hash: 'h2' }] }], extra: 1, '@status': 'submitted' };
    const rows = answerRows(form, answers, 'ja');
    expect(rows.map((r) => [r.path, r.label, r.sectionTitle])).toEqual([
      ['inspector_name', '担当者名', '基本'],
      ['defects', '不具合', '基本'],
      ['ok', '正常', '基本'],
      ['location', '位置', '基本'],
      ['buildings[0].building_name', '建物 1 › 建物名', '棟別'],
      ['buildings[0].photos', '建物 1 › 写真', '棟別'],
      ['extra', 'extra', ''],
    ]);
    const photos = rows.find((r) => r.path === 'buildings[0].photos');
    expect(formatAnswer(form, photos?.field ?? null, photos?.value, 'ja', words)).toBe('写真2枚');
  });
  it('formats coordinates with their accuracy and labels paths', () => {
    const location = answerRows(form, { location: { lat: 35.68123, lng: 139.76712, accuracy: 8.4 } }, 'ja').find((r) => r.path === 'location');
    expect(formatAnswer(form, location?.field ?? null, location?.value, 'ja', words)).toBe('35.68123, 139.76712 (±8 m)');
    expect(pathLabel(form, 'buildings[2].photos', 'ja')).toBe('建物 3 › 写真');
    expect(pathLabel(form, 'nope.x', 'ja')).toBe('nope.x');
    expect(pathLabel(null, 'inspector_name', 'ja')).toBe('inspector_name');
  });
});

describe('a repeat entry added as a whole', () => {
  it('is one diff row named by the entry, its answers listed with their labels', () => {
    const [row] = diffRows(form, [{ path: 'buildings[1]', before: null, after: { building_name: '別館', photos: [{ hash: 'h' }] } }], 'ja', words);
    expect(row).toEqual({ path: 'buildings[1]', label: '建物 2', before: '', after: '建物名: 別館 / 写真: 写真1枚', kind: 'added' });
  });
});
