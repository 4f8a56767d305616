// One answer as a person reads it in an export: choice labels (several joined with 「、」), はい/いいえ, local date-times, counts of photos; codes stay in the codes sheet.
import { choicesOf } from '../../../src/engine/values/choice-value.ts';
import type { Choice, FieldDefinition, FormDefinition } from '../../../src/engine/index.ts';
import { codeCell, type Cell } from './answer-columns.ts';
import { localAnswerDateTime, localDateTime } from './local-time.ts';

/** How several chosen labels are joined in one cell (the Japanese list mark, as on the office's record page). */
export const LABEL_SEPARATOR = '、';

export const YES = 'はい';
export const NO = 'いいえ';

function choiceLabel(choices: readonly Choice[], value: unknown): string {
  // A stored code the form no longer lists stays visible as itself rather than disappearing.
  const choice = choices.find((c) => c.value === value) ?? choices.find((c) => String(c.value) === String(value));
  return choice?.label.ja || String(value);
}

export function labelCell(form: FormDefinition, field: FieldDefinition, value: unknown, timeZone: string): Cell {
  if (value === undefined || value === null || value === '') return null;
  const choices = choicesOf(form, field) ?? [];
  switch (field.type) {
    case 'select_one':
      return choiceLabel(choices, value);
    case 'select_multiple':
      return Array.isArray(value) ? value.map((v) => choiceLabel(choices, v)).join(LABEL_SEPARATOR) : choiceLabel(choices, value);
    case 'boolean':
      return value === true ? YES : value === false ? NO : String(value);
    case 'datetime':
      return typeof value === 'string' ? localAnswerDateTime(value, timeZone) : codeCell(field, value);
    case 'timestamp':
      return typeof value === 'string' ? localDateTime(value, timeZone) ?? value : codeCell(field, value);
    case 'photo':
      return Array.isArray(value) ? `写真 ${value.length} 枚` : codeCell(field, value);
    case 'signature':
      return '署名あり';
    case 'geoshape':
      return Array.isArray(value) ? `範囲（${value.length} 点）` : codeCell(field, value);
    default:
      return codeCell(field, value);
  }
}
