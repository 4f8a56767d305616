// Pure helpers over field paths ("a", "grp.b", "rep[2].c"): enumerate a form's paths, find a path's section, read a value.
import type { Answers, FieldDefinition, FieldPath, FormDefinition } from '../../engine/types.ts';

export function childPath(parent: FieldPath, id: string): FieldPath {
  return parent ? `${parent}.${id}` : id;
}

export function repeatEntryPath(repeatPath: FieldPath, index: number): FieldPath {
  return `${repeatPath}[${index}]`;
}

/** Every path of the given fields, groups and repeats included, nested paths after their parent. */
export function collectPaths(fields: FieldDefinition[], prefix: FieldPath, repeatCount: (path: FieldPath) => number): FieldPath[] {
  const out: FieldPath[] = [];
  for (const field of fields) {
    const path = childPath(prefix, field.id);
    out.push(path);
    if (field.type === 'group') out.push(...collectPaths(field.fields ?? [], path, repeatCount));
    if (field.type === 'repeat') {
      const count = repeatCount(path);
      for (let i = 0; i < count; i++) out.push(...collectPaths(field.fields ?? [], repeatEntryPath(path, i), repeatCount));
    }
  }
  return out;
}

export function collectRepeatPaths(fields: FieldDefinition[], prefix: FieldPath, repeatCount: (path: FieldPath) => number): FieldPath[] {
  const out: FieldPath[] = [];
  for (const field of fields) {
    const path = childPath(prefix, field.id);
    if (field.type === 'group') out.push(...collectRepeatPaths(field.fields ?? [], path, repeatCount));
    if (field.type === 'repeat') {
      out.push(path);
      const count = repeatCount(path);
      for (let i = 0; i < count; i++) out.push(...collectRepeatPaths(field.fields ?? [], repeatEntryPath(path, i), repeatCount));
    }
  }
  return out;
}

/** The first path segment's field id: "rep[2].c" → "rep". */
export function topLevelId(path: FieldPath): string {
  return path.split(/[.[]/, 1)[0] ?? path;
}

export function sectionOfPath(form: FormDefinition, path: FieldPath): string | null {
  const id = topLevelId(path);
  return form.sections.find((s) => s.fields.some((f) => f.id === id))?.id ?? null;
}

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

export function readPath(answers: Answers, path: FieldPath): unknown {
  let current: unknown = answers;
  for (const match of path.matchAll(SEGMENT)) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = match[1] ?? Number(match[2]);
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The definition of the field at `path` (indexes ignored), or null. */
export function definitionAt(form: FormDefinition, path: FieldPath): FieldDefinition | null {
  const ids = path.replace(/\[\d+\]/g, '').split('.');
  let fields: FieldDefinition[] = form.sections.flatMap((s) => s.fields);
  let found: FieldDefinition | null = null;
  for (const id of ids) {
    found = fields.find((f) => f.id === id) ?? null;
    if (!found) return null;
    fields = found.fields ?? [];
  }
  return found;
}
