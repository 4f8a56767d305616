// Flattens answers into export columns in form order, each with its internal path ("tokki[0].tokki_text") and a Japanese header from the form's labels ("特記事項 1 / 項目番号"); internal and note fields left out.
import type { FieldDefinition, FormDefinition } from '../../../src/engine/index.ts';

export interface AnswerColumn {
  /** Internal name: groups "grp.b", repeats "rep[0].c" (0-based, as stored). */
  path: string;
  /** For people: the labels of the groups and repeats around the field and its own, repeat entries counted from 1. */
  header: string;
  /** The section the field is in (its title), to tell apart two columns whose headers would read the same. */
  section: string;
  type: FieldDefinition['type'];
  /** The field as each exported form defines it (forms may share a path with different choices). */
  fieldByForm: ReadonlyMap<string, { form: FormDefinition; field: FieldDefinition }>;
}

export type Cell = string | number | boolean | null;

function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A label for people; the field's id only when the form gives no Japanese label. */
function labelOf(field: FieldDefinition): string {
  const text = field.label?.ja?.trim();
  return text ? text : field.id;
}

/** "家族等連絡先 / 氏名"; a child labelled like its parent adds nothing ("特記事項 1", not "特記事項 1 / 特記事項"). */
function joinLabel(parent: string, parentLabel: string, label: string): string {
  if (!parent) return label;
  return label === parentLabel ? parent : `${parent} / ${label}`;
}

/** The largest number of entries any of the records has in each repeat (by path), so every entry gets columns. */
function repeatSizes(fields: readonly FieldDefinition[], answers: readonly unknown[], prefix: string, sizes: Map<string, number>): void {
  for (const field of fields) {
    if (field.internal) continue;
    const path = prefix ? `${prefix}.${field.id}` : field.id;
    const values = answers.map((a) => objectOf(a)?.[field.id]);
    if (field.type === 'group' && field.fields) repeatSizes(field.fields, values, path, sizes);
    if (field.type === 'repeat' && field.fields) {
      const entries = values.filter(Array.isArray) as unknown[][];
      const size = Math.max(0, ...entries.map((e) => e.length));
      sizes.set(path, Math.max(sizes.get(path) ?? 0, size));
      for (let i = 0; i < size; i++) repeatSizes(field.fields, entries.map((e) => e[i]), `${path}[${i}]`, sizes);
    }
  }
}

interface Place {
  path: string;
  header: string;
  /** The label the header ends with (a child repeating it adds nothing). */
  label: string;
}

interface Leaf {
  path: string;
  header: string;
  field: FieldDefinition;
}

function leavesOf(fields: readonly FieldDefinition[], at: Place, sizes: Map<string, number>, out: Leaf[]): void {
  for (const field of fields) {
    // Helper answers for rules (internal) are never shown to people, so never exported; notes hold no answer.
    if (field.internal || field.type === 'note') continue;
    const path = at.path ? `${at.path}.${field.id}` : field.id;
    const label = labelOf(field);
    const header = joinLabel(at.header, at.label, label);
    if (field.type === 'group') {
      if (field.fields) leavesOf(field.fields, { path, header, label }, sizes, out);
    } else if (field.type === 'repeat') {
      for (let i = 0; i < (sizes.get(path) ?? 0); i++) {
        if (field.fields) leavesOf(field.fields, { path: `${path}[${i}]`, header: `${header} ${i + 1}`, label }, sizes, out);
      }
    } else {
      out.push({ path, header, field });
    }
  }
}

/** Columns for these forms over these answers (a path shared by two forms appears once, named by the first form's labels). */
export function answerColumns(forms: readonly FormDefinition[], answers: readonly Record<string, unknown>[]): AnswerColumn[] {
  const out: AnswerColumn[] = [];
  const byPath = new Map<string, { column: AnswerColumn; fieldByForm: Map<string, { form: FormDefinition; field: FieldDefinition }> }>();
  for (const form of forms) {
    const sizes = new Map<string, number>();
    repeatSizes(form.sections.flatMap((s) => s.fields), answers, '', sizes);
    for (const section of form.sections) {
      const leaves: Leaf[] = [];
      leavesOf(section.fields, { path: '', header: '', label: '' }, sizes, leaves);
      for (const leaf of leaves) {
        const known = byPath.get(leaf.path);
        if (known) {
          if (!known.fieldByForm.has(form.id)) known.fieldByForm.set(form.id, { form, field: leaf.field });
          continue;
        }
        const fieldByForm = new Map([[form.id, { form, field: leaf.field }]]);
        const column: AnswerColumn = { path: leaf.path, header: leaf.header, section: section.title.ja, type: leaf.field.type, fieldByForm };
        byPath.set(leaf.path, { column, fieldByForm });
        out.push(column);
      }
    }
  }
  return out;
}

export function valueAt(answers: Record<string, unknown>, path: string): unknown {
  let current: unknown = answers;
  for (const part of path.split('.')) {
    const match = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    current = objectOf(current)?.[match[1]!];
    for (const index of (match[2] ?? '').match(/\d+/g) ?? []) current = Array.isArray(current) ? current[Number(index)] : undefined;
  }
  return current;
}

/** One cell as stored (the codes): scalars as they are; choices joined by ";"; a place as "lat,lng"; photos and signatures by their hashes; anything else as JSON. */
export function codeCell(column: Pick<AnswerColumn, 'type'>, value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (column.type === 'geopoint' && objectOf(value)) {
    const { lat, lng } = value as { lat?: unknown; lng?: unknown };
    return `${String(lat)},${String(lng)}`;
  }
  if (column.type === 'signature') return String(objectOf(value)?.hash ?? '');
  if (column.type === 'photo' && Array.isArray(value)) return value.map((p) => String(objectOf(p)?.hash ?? '')).join(';');
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(String).join(';');
  return JSON.stringify(value);
}
