// The field-level diff between two revisions as display rows (label, before, after, kind), plus a leaf-level diff when the server sent none.
import type { Answers, FormDefinition } from '../../../engine/types.ts';
import { definitionAt } from '../../editor/paths.ts';
import type { Language } from '../../localize.ts';
import { jsonEqual } from '../../../protocol/json-equal.ts';
import { pathLabel } from '../shared/answerRows.ts';
import { formatAnswer, type AnswerWords } from '../shared/formatAnswer.ts';

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffRow {
  path: string;
  label: string;
  before: string;
  after: string;
  kind: DiffKind;
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

export function diffKind(change: FieldChange): DiffKind {
  if (isEmpty(change.before)) return 'added';
  if (isEmpty(change.after)) return 'removed';
  return 'changed';
}

/** Rows in the order the changes came (the server sends them in form order), '@' metadata left out. */
export function diffRows(form: FormDefinition | null, changes: readonly FieldChange[], language: Language, words: AnswerWords): DiffRow[] {
  return changes
    .filter((change) => !change.path.startsWith('@'))
    .map((change) => {
      const field = form ? definitionAt(form, change.path) : null;
      return {
        path: change.path,
        label: pathLabel(form, change.path, language),
        before: formatAnswer(form, field, change.before, language, words),
        after: formatAnswer(form, field, change.after, language, words),
        kind: diffKind(change),
      };
    });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a repeat's entries (arrays of objects), whose fields are compared one by one; other arrays are one value. */
function isEntryList(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every(isPlainObject);
}

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (jsonEqual(before, after)) return;
  const nested = (isPlainObject(before) || before === undefined) && (isPlainObject(after) || after === undefined) && (isPlainObject(before) || isPlainObject(after));
  if (nested && !isPoint(before) && !isPoint(after)) {
    const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
    for (const key of keys) walk((before as Answers | undefined)?.[key], (after as Answers | undefined)?.[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if ((isEntryList(before) || before === undefined) && (isEntryList(after) || after === undefined) && (before !== undefined || after !== undefined)) {
    const length = Math.max(before?.length ?? 0, after?.length ?? 0);
    for (let i = 0; i < length; i++) {
      const [was, is] = [before?.[i], after?.[i]];
      // An entry added or removed as a whole is one change (as the server reports it), not one per field.
      if (was === undefined || is === undefined) out.push({ path: `${path}[${i}]`, before: was, after: is });
      else walk(was, is, `${path}[${i}]`, out);
    }
    return;
  }
  out.push({ path, before, after });
}

/** A geopoint is one answer, not a group of lat/lng answers. */
function isPoint(value: unknown): boolean {
  return isPlainObject(value) && typeof value.lat === 'number';
}

/** Leaf-level changes between two answer sets ('@' keys ignored): keys of the earlier answers first, then keys only the later has. */
export function diffAnswers(before: Answers, after: Answers): FieldChange[] {
  const strip = (answers: Answers) => Object.fromEntries(Object.entries(answers).filter(([key]) => !key.startsWith('@')));
  const out: FieldChange[] = [];
  walk(strip(before), strip(after), '', out);
  return out;
}

/** Whether an answer row at `rowPath` is touched by any change (a change of "buildings" touches "buildings[0].floors"). */
export function isChangedPath(rowPath: string, changedPaths: readonly string[]): boolean {
  return changedPaths.some((changed) => rowPath === changed || rowPath.startsWith(`${changed}.`) || rowPath.startsWith(`${changed}[`));
}
