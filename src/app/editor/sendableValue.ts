// What the outbox carries for a saved answer: a calculated field is the server's to compute and is not sent; a group or
// repeat is sent without the calculated fields inside it (the server refuses device values for them: E_READONLY).
import type { FieldDefinition, FieldPath, FormDefinition } from '../../engine/types.ts';
import type { AnswerChange } from '../../data/index.ts';
import { definitionAt } from './paths.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function withoutCalculated(fields: readonly FieldDefinition[], value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const field = fields.find((f) => f.id === key);
    if (field?.calculate !== undefined) continue;
    if (field?.type === 'group') out[key] = withoutCalculated(field.fields ?? [], child);
    else if (field?.type === 'repeat' && Array.isArray(child)) out[key] = child.map((entry) => withoutCalculated(field.fields ?? [], entry));
    else out[key] = child;
  }
  return out;
}

/** The change as the repository should save it: stored locally as typed, queued as the server accepts it. */
export function sendableChange(form: FormDefinition, change: { path: FieldPath; value: unknown }): AnswerChange {
  const field = definitionAt(form, change.path);
  if (!field) return change;
  if (field.calculate !== undefined) return { ...change, localOnly: true };
  const isEntry = /\[\d+\]$/.test(change.path);
  if (field.type === 'group' || (field.type === 'repeat' && isEntry)) return { ...change, outboxValue: withoutCalculated(field.fields ?? [], change.value) };
  if (field.type === 'repeat' && Array.isArray(change.value)) {
    return { ...change, outboxValue: change.value.map((entry) => withoutCalculated(field.fields ?? [], entry)) };
  }
  return change;
}

