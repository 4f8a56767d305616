// Test helper: the 認定調査票 definition as the app parses it, its fixtures (the form's valid one and our fuller one) and the Noto Sans JP bytes.
import { readFileSync } from 'node:fs';
import { parseForm } from '../../src/engine/index.ts';
import type { Answers, Choice, FieldDefinition, FormDefinition } from '../../src/engine/index.ts';

const parsed = parseForm(JSON.parse(readFileSync('forms/care-assessment/form.json', 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
export const careForm: FormDefinition = parsed.form;

export const validAnswers: Answers = JSON.parse(readFileSync('forms/care-assessment/fixtures/valid.json', 'utf8'));
/** Every group answered, several options of 1-1 and 6, 自宅外, a first certification, 特記事項 out of order and two near 2,000 characters long. */
export const fullAnswers: Answers = JSON.parse(readFileSync('test/documents/fixtures/care-assessment-full.json', 'utf8'));

export const FONT_PATH = 'node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf';
export const fontBytes = new Uint8Array(readFileSync(FONT_PATH));

const allFields = (fields: FieldDefinition[]): FieldDefinition[] => fields.flatMap((f) => [f, ...allFields(f.fields ?? [])]);
export const careField = (id: string): FieldDefinition => {
  const field = careForm.sections.flatMap((s) => allFields(s.fields)).find((f) => f.id === id);
  if (!field) throw new Error(`no field ${id}`);
  return field;
};
export const careChoices = (id: string): Choice[] => {
  const field = careField(id);
  return field.choices ?? careForm.choiceLists?.[field.choiceList ?? ''] ?? [];
};
/** The 基本調査 items, 特別な医療 and 自立度: fields named by an item number. */
export const itemIds = careForm.sections.flatMap((s) => allFields(s.fields)).map((f) => f.id).filter((id) => /^\d+(-\d+)?$/.test(id));
