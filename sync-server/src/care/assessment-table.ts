// The certification system's table of finished 調査票 (pure): 申請番号, 被保険者番号, 調査実施日, then one column per numbered item of the care-assessment form, in form order.
import type { Choice, FieldDefinition, FormDefinition } from '../../../src/engine/index.ts';
import type { Cell } from '../office/answer-columns.ts';
import { localDateOf } from './case-kpis.ts';
import { ASSESSMENT_VISIT_FIELD } from './case-row.ts';

export const CASE_COLUMNS = ['申請番号', '被保険者番号', '調査実施日'] as const;
/** Official item numbers: 基本調査 "1-1" … "5-6", 特別な医療 "6", 自立度 "7-1"/"7-2" (as CARE numbers them). */
const ITEM_NUMBER = /^\d+(-\d+)?$/;
/** Several codes in one cell (1-1 麻痺, 1-2 拘縮, 特別な医療): joined without a comma so the cell needs no quoting. */
export const MULTI_CODE_SEPARATOR = ';';

export interface ItemColumn {
  id: string;
  multiple: boolean;
  /** Choice values in the form's order (multi-selects list the chosen codes in this order). */
  order: readonly (string | number)[];
}

function choicesOf(form: FormDefinition, field: FieldDefinition): readonly Choice[] {
  if (field.choices) return field.choices;
  return field.choiceList ? form.choiceLists?.[field.choiceList] ?? [] : [];
}

/** Every select whose id is an item number, walking sections and groups in order (a repeat is never an item). */
export function itemColumns(form: FormDefinition): ItemColumn[] {
  const columns: ItemColumn[] = [];
  const walk = (fields: readonly FieldDefinition[]) => {
    for (const field of fields) {
      if (field.type === 'group' && field.fields) walk(field.fields);
      if ((field.type === 'select_one' || field.type === 'select_multiple') && ITEM_NUMBER.test(field.id)) {
        columns.push({ id: field.id, multiple: field.type === 'select_multiple', order: choicesOf(form, field).map((c) => c.value) });
      }
    }
  };
  for (const section of form.sections) walk(section.fields);
  return columns;
}

/** Finds a field's answer through groups (item fields are top-level in CARE's form today). */
function answerOf(form: FormDefinition, answers: Record<string, unknown>, id: string): unknown {
  if (Object.hasOwn(answers, id)) return answers[id];
  const search = (fields: readonly FieldDefinition[], scope: Record<string, unknown>): unknown => {
    for (const field of fields) {
      if (field.type !== 'group' || !field.fields) continue;
      const inner = scope[field.id];
      if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) continue;
      const group = inner as Record<string, unknown>;
      if (Object.hasOwn(group, id)) return group[id];
      const found = search(field.fields, group);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  for (const section of form.sections) {
    const found = search(section.fields, answers);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function itemCell(column: ItemColumn, value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (column.multiple) {
    if (!Array.isArray(value)) return null;
    const rank = (v: unknown) => {
      const i = column.order.indexOf(v as string | number);
      return i === -1 ? Number.MAX_SAFE_INTEGER : i;
    };
    return [...value].sort((a, b) => rank(a) - rank(b)).map(String).join(MULTI_CODE_SEPARATOR);
  }
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

export interface FinishedAssessment {
  answers: Record<string, unknown>;
  caseNumber: string | null;
  insuredNumber: string | null;
}

export function assessmentTable(form: FormDefinition, assessments: readonly FinishedAssessment[]): { header: string[]; rows: Cell[][] } {
  const columns = itemColumns(form);
  const rows = assessments.map((a) => {
    const surveyed = a.answers[ASSESSMENT_VISIT_FIELD];
    return [
      a.caseNumber,
      a.insuredNumber,
      localDateOf(typeof surveyed === 'string' ? surveyed : null),
      ...columns.map((c) => itemCell(c, answerOf(form, a.answers, c.id))),
    ];
  });
  return { header: [...CASE_COLUMNS, ...columns.map((c) => c.id)], rows };
}
