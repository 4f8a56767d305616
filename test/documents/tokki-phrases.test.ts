// 特記事項 phrases: template filling with example numbers, the item number in brackets, the templates data against the form, and the assessor's saved phrases on the device.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillTemplate, insertPhrase, itemBracket, leadingItem, phraseToSave } from '../../src/app/care-notes/tokkiPhrase.ts';
import { phrasesFor, TokkiTemplatesSchema } from '../../src/app/care-notes/tokkiTemplates.ts';
import { deletePhrase, listSavedPhrases, savedPhrasesFor, savePhrase } from '../../src/data/savedPhrases.ts';
import { openTestDb } from '../data/helpers.ts';
import { careChoices } from './care-fixtures.ts';

const VAGUE = /ときどき|時々|たまに|時折|ときおり|まれに|稀に|しばしば|随時/;

describe('fillTemplate', () => {
  it('inserts the example numbers and says where they are', () => {
    expect(fillTemplate('週{n:2、3}回、1回約{n:10}分')).toEqual({ text: '週2、3回、1回約10分', numbers: [{ start: 1, end: 4 }, { start: 9, end: 11 }] });
  });

  it('uses 1 when a placeholder has no example, and leaves other braces alone', () => {
    expect(fillTemplate('月{n}回 {x}')).toEqual({ text: '月1回 {x}', numbers: [{ start: 1, end: 2 }] });
    expect(fillTemplate('数字なし。')).toEqual({ text: '数字なし。', numbers: [] });
  });
});

describe('insertPhrase', () => {
  it('starts an empty note with the item number in brackets and selects the first number', () => {
    const { text, select } = insertPhrase('', '1-3', '夜間は体位変換を{n:2、3}回行う。');
    expect(text).toBe('（1-3）夜間は体位変換を2、3回行う。');
    expect(text.slice(select!.start, select!.end)).toBe('2、3');
  });

  it('adds to the end of a note that already names its item, closing an open sentence first', () => {
    expect(insertPhrase('（2-5）夜間は失敗がある。', '2-5', '週{n:2}回。').text).toBe('（2-5）夜間は失敗がある。週2回。');
    expect(insertPhrase('(2-5) 夜間は失敗がある', '2-5', '週{n:2}回。').text).toBe('(2-5) 夜間は失敗がある。週2回。');
  });

  it('puts the bracket in front of a note written without it, replacing another item\'s', () => {
    expect(insertPhrase('家族が介助している。', '1-10', '週{n:2}回。').text).toBe('（1-10）家族が介助している。週2回。');
    expect(insertPhrase('（1-1）肩関節に拘縮。', '1-2', '週{n:2}回ストレッチ。').text).toBe('（1-2）肩関節に拘縮。週2回ストレッチ。');
  });

  it('selects nothing for a phrase without numbers', () => {
    expect(insertPhrase('', '3-1', '家族から聞き取った。').select).toBeNull();
  });
});

describe('brackets', () => {
  it('reads the item a note starts with, in either bracket width', () => {
    expect(leadingItem('（1-3）寝返り')).toBe('1-3');
    expect(leadingItem(' (6-12) カテーテル')).toBe('6-12');
    expect(leadingItem('寝返り（1-3）')).toBeNull();
    expect(itemBracket('7-1')).toBe('（7-1）');
  });

  it('saves a note as a phrase without its item bracket', () => {
    expect(phraseToSave('（2-2）屋内は伝い歩き。 ')).toBe('屋内は伝い歩き。');
    expect(phraseToSave('（2-2）')).toBe('');
  });
});

describe('tokki-templates.json', () => {
  const templates = TokkiTemplatesSchema.parse(JSON.parse(readFileSync('forms/care-assessment/tokki-templates.json', 'utf8')));
  const items = careChoices('tokki_item').map((c) => String(c.value));
  const all = [...templates.common, ...Object.values(templates.groups).flat(), ...Object.values(templates.items).flat()];

  it('names only items and groups of the form', () => {
    for (const item of Object.keys(templates.items)) expect(items).toContain(item);
    for (const group of Object.keys(templates.groups)) expect(items.some((i) => i.startsWith(`${group}-`))).toBe(true);
  });

  it('has phrases for every group, and never writes the bracket or a vague frequency itself', () => {
    expect(Object.keys(templates.groups).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    for (const phrase of all) {
      expect(leadingItem(phrase), phrase).toBeNull();
      expect(fillTemplate(phrase).text, phrase).not.toMatch(VAGUE);
      expect(fillTemplate(phrase).text, phrase).not.toMatch(/[{}]/);
    }
    expect(all.filter((p) => fillTemplate(p).numbers.length > 0).length).toBeGreaterThan(10);
  });

  it('offers an item its own phrases, then its group\'s, then the common ones', () => {
    const offered = phrasesFor(templates, '2-5');
    expect(offered.item).toEqual(templates.items['2-5']);
    expect(offered.group).toEqual(templates.groups['2']);
    expect(offered.common).toEqual(templates.common);
    expect(phrasesFor(templates, '6-3').item).toEqual([]);
    expect(phrasesFor(templates, '6-3').group).toEqual(templates.groups['6']);
  });
});

describe('saved phrases (device settings)', () => {
  it('saves, lists newest first, keeps the same text for the same item once, and deletes', async () => {
    const db = openTestDb();
    const first = await savePhrase(db, { item: '2-2', text: ' 屋内は伝い歩き。 ' }, new Date('2025-04-01T00:00:00Z'));
    const second = await savePhrase(db, { item: null, text: '家族から聞き取った。' });
    expect(await savePhrase(db, { item: '2-2', text: '屋内は伝い歩き。' })).toEqual(first);
    expect((await listSavedPhrases(db)).map((p) => p.text)).toEqual(['家族から聞き取った。', '屋内は伝い歩き。']);
    expect(first).toMatchObject({ item: '2-2', text: '屋内は伝い歩き。', createdAt: '2025-04-01T00:00:00.000Z' });
    await deletePhrase(db, second.id);
    expect((await listSavedPhrases(db)).map((p) => p.id)).toEqual([first.id]);
  });

  it('offers the phrases saved for the item, then those for every item', async () => {
    const db = openTestDb();
    await savePhrase(db, { item: null, text: '共通' });
    await savePhrase(db, { item: '1-3', text: '寝返り用' });
    await savePhrase(db, { item: '1-4', text: '起き上がり用' });
    expect(savedPhrasesFor(await listSavedPhrases(db), '1-3').map((p) => p.text)).toEqual(['寝返り用', '共通']);
  });

  it('refuses an empty or too long phrase with E_ARGUMENT, and a stored row of the wrong shape reads as none', async () => {
    const db = openTestDb();
    await expect(savePhrase(db, { item: '1-3', text: '   ' })).rejects.toMatchObject({ code: 'E_ARGUMENT' });
    await expect(savePhrase(db, { item: '1-3', text: 'あ'.repeat(501) })).rejects.toMatchObject({ code: 'E_ARGUMENT' });
    await db.settings.put({ key: 'tokkiPhrases', value: [{ id: 1 }] });
    expect(await listSavedPhrases(db)).toEqual([]);
  });
});
