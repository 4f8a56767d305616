// Copies incoming answers along the form's structure: declared fields only, unknown keys reported, never mutated.
import type { CompiledForm, FieldNode } from '../definition/model.ts';
import { answerError } from '../errors.ts';
import type { Answers, FieldError } from '../types.ts';
import { isPlainObject } from '../values/validate-value.ts';
import { MAX_REPEAT_ENTRIES } from './paths.ts';

const MAX_REPORTED = 100;

export function normalizeAnswers(compiled: CompiledForm, input: unknown): { answers: Answers; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (input === undefined || input === null) return { answers: {}, errors };
  if (!isPlainObject(input)) return { answers: {}, errors: [answerError('E_TYPE', '')] };
  return { answers: copyObject(input, compiled.topLevel, '', errors), errors };
}

/** Each node list's fields by id, built once: compiled forms never change, and a large form has hundreds of fields. */
const declaredByList = new WeakMap<readonly FieldNode[], ReadonlyMap<string, FieldNode>>();

function declaredIn(fields: readonly FieldNode[]): ReadonlyMap<string, FieldNode> {
  let declared = declaredByList.get(fields);
  if (!declared) declaredByList.set(fields, declared = new Map(fields.map((f) => [f.id, f])));
  return declared;
}

function copyObject(source: Record<string, unknown>, fields: FieldNode[], prefix: string, errors: FieldError[]): Record<string, unknown> {
  const declared = declaredIn(fields);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const node = declared.get(key);
    if (!node) {
      if (errors.length < MAX_REPORTED) errors.push(answerError('E_UNKNOWN_FIELD', `${prefix}${key.slice(0, 100)}`));
      continue;
    }
    const value = source[key];
    if (node.def.type === 'note' || value === null || value === undefined) continue;
    if (node.def.type === 'group' && isPlainObject(value)) out[key] = copyObject(value, node.children, `${prefix}${key}.`, errors);
    else if (node.def.type === 'repeat' && Array.isArray(value)) {
      if (value.length > MAX_REPEAT_ENTRIES) errors.push(answerError('E_REPEAT_MAX', `${prefix}${key}`));
      out[key] = value
        .slice(0, MAX_REPEAT_ENTRIES)
        .map((entry, i) => (isPlainObject(entry) ? copyObject(entry, node.children, `${prefix}${key}[${i}].`, errors) : entry));
    } else out[key] = copyLeaf(value);
  }
  return out;
}

/** One level deep: enough for every answer shape (photos are arrays of flat objects), safe on hostile depth. */
export function copyLeaf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (isPlainObject(v) ? { ...v } : v));
  if (isPlainObject(value)) return { ...value };
  return value;
}

/** A copy of the answers following the structure; `keep` decides per node instance (e.g. only relevant ones). */
export function copyAnswers(
  answers: Answers,
  fields: FieldNode[],
  keep: (node: FieldNode, indices: number[]) => boolean,
  indices: number[] = [],
): Answers {
  const out: Answers = {};
  for (const node of fields) {
    if (!Object.hasOwn(answers, node.id) || !keep(node, indices)) continue;
    const value = answers[node.id];
    if (node.def.type === 'group' && isPlainObject(value)) out[node.id] = copyAnswers(value, node.children, keep, indices);
    else if (node.def.type === 'repeat' && Array.isArray(value)) {
      out[node.id] = value.map((entry, i) => (isPlainObject(entry) ? copyAnswers(entry, node.children, keep, [...indices, i]) : entry));
    } else out[node.id] = copyLeaf(value);
  }
  return out;
}
