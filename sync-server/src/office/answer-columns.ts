// Flattens answers into export columns in form order: groups as "grp.b", repeats as "rep[0].c" (as many entries as the records hold), values as cells.
import type { FieldDefinition, FormDefinition } from '../../../src/engine/index.ts';

export interface AnswerColumn {
  path: string;
  type: FieldDefinition['type'];
}

export type Cell = string | number | boolean | null;

function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The largest number of entries any of the records has in each repeat (by path), so every entry gets columns. */
function repeatSizes(fields: readonly FieldDefinition[], answers: readonly unknown[], prefix: string, sizes: Map<string, number>): void {
  for (const field of fields) {
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

function columnsOf(fields: readonly FieldDefinition[], prefix: string, sizes: Map<string, number>, out: AnswerColumn[]): void {
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.id}` : field.id;
    if (field.type === 'note') continue;
    if (field.type === 'group') {
      if (field.fields) columnsOf(field.fields, path, sizes, out);
    } else if (field.type === 'repeat') {
      for (let i = 0; i < (sizes.get(path) ?? 0); i++) if (field.fields) columnsOf(field.fields, `${path}[${i}]`, sizes, out);
    } else {
      out.push({ path, type: field.type });
    }
  }
}

/** Columns for these forms over these answers (a path shared by two forms appears once). */
export function answerColumns(forms: readonly FormDefinition[], answers: readonly Record<string, unknown>[]): AnswerColumn[] {
  const out: AnswerColumn[] = [];
  const seen = new Set<string>();
  for (const form of forms) {
    const fields = form.sections.flatMap((s) => s.fields);
    const sizes = new Map<string, number>();
    repeatSizes(fields, answers, '', sizes);
    const columns: AnswerColumn[] = [];
    columnsOf(fields, '', sizes, columns);
    for (const column of columns) {
      if (seen.has(column.path)) continue;
      seen.add(column.path);
      out.push(column);
    }
  }
  return out;
}

function valueAt(answers: Record<string, unknown>, path: string): unknown {
  let current: unknown = answers;
  for (const part of path.split('.')) {
    const match = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    current = objectOf(current)?.[match[1]!];
    for (const index of (match[2] ?? '').match(/\d+/g) ?? []) current = Array.isArray(current) ? current[Number(index)] : undefined;
  }
  return current;
}

/** One cell: scalars as they are; choices joined by ";"; a place as "lat,lng"; photos and signatures by their hashes; anything else as JSON. */
export function cellOf(column: AnswerColumn, answers: Record<string, unknown>): Cell {
  const value = valueAt(answers, column.path);
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
