// Values the engine computed when a record opened (defaults, calculations) that differ from what is stored: saved so the record matches what is shown.
import type { Answers, FieldPath, FormDefinition } from '../../engine/types.ts';
import { definitionAt, readPath } from './paths.ts';

export function computedChanges(
  form: FormDefinition,
  paths: FieldPath[],
  stored: Answers,
  valueOf: (path: FieldPath) => unknown,
): { path: FieldPath; value: unknown }[] {
  const out: { path: FieldPath; value: unknown }[] = [];
  for (const path of paths) {
    const field = definitionAt(form, path);
    if (!field || (field.calculate === undefined && field.default === undefined)) continue;
    if (field.type === 'group' || field.type === 'repeat' || field.type === 'note') continue;
    const value = valueOf(path);
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(readPath(stored, path))) out.push({ path, value });
  }
  return out;
}
