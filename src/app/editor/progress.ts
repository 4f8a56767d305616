// Pure counts for the editor's toolbar and section tabs: required fields answered (progress, never an alarm) and the errors the user may already see.
import type { FieldPath, FieldState, FormDefinition } from '../../engine/types.ts';
import { sectionOfPath } from './paths.ts';

export interface RequiredProgress {
  answered: number;
  total: number;
}

/** Groups, repeats and notes frame other questions; helper (internal) fields are never shown: none of them is a question to count. */
function isQuestion(state: FieldState): boolean {
  const { type, internal } = state.field;
  return type !== 'group' && type !== 'repeat' && type !== 'note' && internal !== true;
}

export function hasAnswer(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Required questions shown right now, and how many of them hold an answer. */
export function requiredProgress(fields: Record<FieldPath, FieldState>): RequiredProgress {
  let answered = 0;
  let total = 0;
  for (const state of Object.values(fields)) {
    if (!state.required || !state.relevant || !isQuestion(state)) continue;
    total++;
    if (hasAnswer(state.value)) answered++;
  }
  return { answered, total };
}

export interface VisibleErrors {
  total: number;
  bySection: Record<string, number>;
}

/**
 * The errors shown in red: every error once a finalize was tried; before that only those of fields the user touched,
 * so a new form does not open with an alarm about questions nobody has reached yet.
 */
export function visibleErrors(
  form: FormDefinition,
  fields: Record<FieldPath, FieldState>,
  touched: Record<FieldPath, true>,
  all: { showAll: boolean; total: number; bySection: Record<string, number> },
): VisibleErrors {
  if (all.showAll) return { total: all.total, bySection: all.bySection };
  const bySection: Record<string, number> = {};
  let total = 0;
  for (const path of Object.keys(touched)) {
    const count = fields[path]?.relevant ? (fields[path]?.errors.length ?? 0) : 0;
    if (count === 0) continue;
    const section = sectionOfPath(form, path);
    if (section) bySection[section] = (bySection[section] ?? 0) + count;
    total += count;
  }
  return { total, bySection };
}
