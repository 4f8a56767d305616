// Checks one op against its form with the engine's rules: the path names a field, the value fits the field type,
// its choice list and the group structure, and no calculated field is written; coded reasons naming the path.
import { ReviewRepliesSchema } from '../../../src/protocol/review-request.ts';
import { choicesOf, pickChoices, validateValue, type FieldDefinition, type FormDefinition } from '../../../src/engine/index.ts';
import type { Op } from '../../../src/protocol/op.ts';
import { DEVICE_STATUS_VALUES } from '../../../src/protocol/merge.ts';
import type { MergeKind } from '../../../src/protocol/merge-values.ts';
import { childFieldIndex, findPathTarget, topLevelFieldIndex } from './field-lookup.ts';

/**
 * `dynamic` lists what can only be checked against the record's answers (the push service does it after merging):
 * the paths this op writes whose field has a choiceFilter, and whether the op's own field has a readonly expression.
 */
export interface DynamicChecks {
  filteredPaths: string[];
  readonlyExpression: boolean;
}

export type OpCheck =
  | { ok: true; mergeKind: MergeKind; dynamic?: DynamicChecks }
  | { ok: false; code: string; message: string; path?: string };

type Problem = { code: string; message: string; path: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const short = (path: string) => path.slice(0, 200);

/** How concurrent edits of this field combine (see src/protocol/merge-values.ts). */
export function mergeKindOf(field: FieldDefinition): MergeKind {
  if (field.merge === 'append') return 'append';
  if (field.merge === 'lww') return 'lww';
  if (field.type === 'select_multiple') return 'union';
  if (field.type === 'photo') return 'photos';
  return 'replace';
}

/** Walks one value against its field, depth first; records filtered selects it holds; returns the first problem. */
class ValueWalk {
  readonly filteredPaths: string[] = [];
  constructor(private readonly form: FormDefinition) {}

  field(field: FieldDefinition, value: unknown, path: string): Problem | null {
    if (field.type === 'note') return { code: 'E_UNKNOWN_FIELD', message: `"${short(path)}" is a note; notes hold no answer`, path };
    // A calculated value is the form's, computed by the server from the answers: no device writes it.
    if (field.calculate !== undefined) return { code: 'E_READONLY', message: `"${short(path)}" is calculated by the form; it cannot be written`, path };
    if (value === null) return null;
    if (field.type === 'group') return this.entry(field, value, path, 'a group');
    if (field.type === 'repeat') {
      if (!Array.isArray(value)) return { code: 'E_VALUE_INVALID', message: `"${short(path)}" is a repeat: its value is a list of entries`, path };
      if (value.length > (field.maxCount ?? 1000)) return { code: 'E_VALUE_INVALID', message: `"${short(path)}" has more than ${field.maxCount ?? 1000} entries`, path };
      for (let i = 0; i < value.length; i++) {
        const problem = this.entry(field, value[i], `${path}[${i}]`, 'a repeat entry');
        if (problem) return problem;
      }
      return null;
    }
    const problem = validateValue(field, value);
    if (problem) return { code: 'E_VALUE_INVALID', message: `"${short(path)}": ${problem.code} ${problem.detail}`, path };
    const choices = choicesOf(this.form, field);
    if (choices) {
      const picks = pickChoices(choices, value);
      if (!picks.ok) return { code: 'E_VALUE_INVALID', message: `"${short(path)}": ${picks.code} ${JSON.stringify(picks.value)?.slice(0, 60)} is not allowed by the form's choice list`, path };
      if (field.choiceFilter !== undefined) this.filteredPaths.push(path);
    }
    return null;
  }

  /** A group's object or a repeat entry: every key one of the container's fields, every value fitting it. */
  entry(container: FieldDefinition, value: unknown, path: string, what: string): Problem | null {
    if (!isObject(value)) return { code: 'E_VALUE_INVALID', message: `"${short(path)}" is ${what}: its value is an object of its fields`, path };
    return this.answers(childFieldIndex(container), value, `${path}.`);
  }

  answers(fields: ReadonlyMap<string, FieldDefinition>, value: Record<string, unknown>, prefix: string): Problem | null {
    for (const [key, child] of Object.entries(value)) {
      const field = fields.get(key);
      const path = `${prefix}${key}`;
      if (!field) return { code: 'E_UNKNOWN_FIELD', message: `"${short(path)}" is not a field of form ${this.form.id}`, path };
      const problem = this.field(field, child, path);
      if (problem) return problem;
    }
    return null;
  }
}

const fail = (problem: Problem): OpCheck => ({ ok: false, ...problem });

/** Checks one op's path and value against `form`. Record-level rules (scope, existence) are the push service's. */
export function checkOp(form: FormDefinition, op: Op): OpCheck {
  if (op.formVersion > form.version) return { ok: false, code: 'E_FORM_VERSION', message: `form ${form.id} version ${op.formVersion} is newer than the server's (${form.version})` };
  switch (op.path) {
    case '@create': {
      if (!isObject(op.value)) return { ok: false, code: 'E_VALUE_INVALID', message: '@create carries the initial answers as an object', path: '@create' };
      const walk = new ValueWalk(form);
      const problem = walk.answers(topLevelFieldIndex(form), op.value, '');
      if (problem) return fail(problem);
      return { ok: true, mergeKind: 'replace', ...dynamicOf(walk.filteredPaths, false) };
    }
    case '@status':
      return (DEVICE_STATUS_VALUES as readonly unknown[]).includes(op.value)
        ? { ok: true, mergeKind: 'replace' }
        : { ok: false, code: 'E_VALUE_INVALID', message: '@status is "draft" or "ready"', path: '@status' };
    case '@delete':
      return op.value === true || op.value === null
        ? { ok: true, mergeKind: 'replace' }
        : { ok: false, code: 'E_VALUE_INVALID', message: '@delete carries true (or null)', path: '@delete' };
    case '@ack': {
      const v = op.value;
      const ok = isObject(v) && Object.keys(v).every((k) => k === 'code' || k === 'reason') && typeof v.code === 'string' && v.code.length >= 1 && v.code.length <= 64
        && (v.reason === null || (typeof v.reason === 'string' && v.reason.length <= 2000));
      return ok ? { ok: true, mergeKind: 'replace' } : { ok: false, code: 'E_VALUE_INVALID', message: '@ack is {code (1–64 characters), reason (≤ 2000 characters, or null to withdraw)}', path: '@ack' };
    }
    case '@reply':
      return ReviewRepliesSchema.safeParse(op.value).success
        ? { ok: true, mergeKind: 'replace' }
        : { ok: false, code: 'E_VALUE_INVALID', message: '@reply is {reviewAt (ISO time of the return), replies: [{index, addressed, reply (≤ 2000 characters)}] (≤ 200)}', path: '@reply' };
    case '@migrate': {
      const v = op.value;
      const ok = isObject(v) && Number.isSafeInteger(v.fromVersion) && Number.isSafeInteger(v.toVersion) && (v.toVersion as number) >= 1 && (v.toVersion as number) <= form.version;
      return ok ? { ok: true, mergeKind: 'replace' } : { ok: false, code: 'E_VALUE_INVALID', message: '@migrate is {fromVersion, toVersion} with toVersion ≤ the server\'s form version', path: '@migrate' };
    }
    default:
      return checkAnswer(form, op.path, op.value);
  }
}

function checkAnswer(form: FormDefinition, path: string, value: unknown): OpCheck {
  const target = findPathTarget(form, path);
  if (!target) return { ok: false, code: 'E_UNKNOWN_FIELD', message: `"${short(path)}" is not a field of form ${form.id}`, path };
  const walk = new ValueWalk(form);
  if (target.kind === 'repeat-entry') {
    const problem = value === null ? null : walk.entry(target.field, value, path, 'a repeat entry');
    return problem ? fail(problem) : { ok: true, mergeKind: 'replace', ...dynamicOf(walk.filteredPaths, false) };
  }
  const field = target.field;
  // A group has no answer of its own; its fields are written one by one (whole-group writes would also stamp
  // every field at once and hide concurrent edits of its parts).
  if (field.type === 'group') return { ok: false, code: 'E_VALUE_INVALID', message: `"${short(path)}" is a group: write its fields, not the group`, path };
  if (field.readonly === true) return { ok: false, code: 'E_READONLY', message: `"${short(path)}" is read-only in the form`, path };
  const problem = walk.field(field, value, path);
  if (problem) return fail(problem);
  return { ok: true, mergeKind: mergeKindOf(field), ...dynamicOf(walk.filteredPaths, typeof field.readonly === 'string') };
}

function dynamicOf(filteredPaths: string[], readonlyExpression: boolean): { dynamic?: DynamicChecks } {
  return filteredPaths.length > 0 || readonlyExpression ? { dynamic: { filteredPaths, readonlyExpression } } : {};
}
