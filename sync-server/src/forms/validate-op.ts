// Checks one op against its form with the engine: the path names a field, the value fits the field type; coded reasons.
import { validateValue, type FieldDefinition, type FormDefinition } from '../../../src/engine/index.ts';
import type { Op } from '../../../src/protocol/op.ts';
import { DEVICE_STATUS_VALUES } from '../../../src/protocol/merge.ts';
import type { MergeKind } from '../../../src/protocol/merge-values.ts';
import { findPathTarget } from './field-lookup.ts';

export type OpCheck = { ok: true; mergeKind: MergeKind } | { ok: false; code: string; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How concurrent edits of this field combine (see src/protocol/merge-values.ts). */
export function mergeKindOf(field: FieldDefinition): MergeKind {
  if (field.merge === 'append') return 'append';
  if (field.merge === 'lww') return 'lww';
  if (field.type === 'select_multiple') return 'union';
  if (field.type === 'photo') return 'photos';
  return 'replace';
}

function checkFieldValue(field: FieldDefinition, value: unknown, path: string): OpCheck {
  if (field.type === 'note') return { ok: false, code: 'E_UNKNOWN_FIELD', message: `"${path}" is a note; notes hold no answer` };
  if (value === null) return { ok: true, mergeKind: mergeKindOf(field) };
  if (field.type === 'group') {
    return isObject(value) ? { ok: true, mergeKind: 'replace' } : { ok: false, code: 'E_VALUE_INVALID', message: `"${path}" is a group: its value is an object` };
  }
  if (field.type === 'repeat') {
    const ok = Array.isArray(value) && value.every(isObject) && value.length <= (field.maxCount ?? 1000);
    return ok ? { ok: true, mergeKind: 'replace' } : { ok: false, code: 'E_VALUE_INVALID', message: `"${path}" is a repeat: its value is a list of entries (objects)` };
  }
  const problem = validateValue(field, value);
  if (problem) return { ok: false, code: 'E_VALUE_INVALID', message: `"${path}": ${problem.code} ${problem.detail}` };
  return { ok: true, mergeKind: mergeKindOf(field) };
}

/** Checks one op's path and value against `form`. Record-level rules (scope, existence) are the push service's. */
export function checkOp(form: FormDefinition, op: Op): OpCheck {
  if (op.formVersion > form.version) return { ok: false, code: 'E_FORM_VERSION', message: `form ${form.id} version ${op.formVersion} is newer than the server's (${form.version})` };
  switch (op.path) {
    case '@create': {
      if (!isObject(op.value)) return { ok: false, code: 'E_VALUE_INVALID', message: '@create carries the initial answers as an object' };
      for (const [key, value] of Object.entries(op.value)) {
        const check = checkAnswer(form, key, value);
        if (!check.ok) return check;
      }
      return { ok: true, mergeKind: 'replace' };
    }
    case '@status':
      return (DEVICE_STATUS_VALUES as readonly unknown[]).includes(op.value)
        ? { ok: true, mergeKind: 'replace' }
        : { ok: false, code: 'E_VALUE_INVALID', message: '@status is "draft" or "ready"' };
    case '@delete':
      return { ok: true, mergeKind: 'replace' };
    case '@ack': {
      const v = op.value;
      const ok = isObject(v) && typeof v.code === 'string' && v.code.length <= 64 && (v.reason === null || (typeof v.reason === 'string' && v.reason.length <= 2000));
      return ok ? { ok: true, mergeKind: 'replace' } : { ok: false, code: 'E_VALUE_INVALID', message: '@ack is {code, reason}' };
    }
    case '@migrate': {
      const v = op.value;
      const ok = isObject(v) && Number.isSafeInteger(v.fromVersion) && Number.isSafeInteger(v.toVersion) && (v.toVersion as number) >= 1 && (v.toVersion as number) <= form.version;
      return ok ? { ok: true, mergeKind: 'replace' } : { ok: false, code: 'E_VALUE_INVALID', message: '@migrate is {fromVersion, toVersion} with toVersion ≤ the server\'s form version' };
    }
    default:
      return checkAnswer(form, op.path, op.value);
  }
}

function checkAnswer(form: FormDefinition, path: string, value: unknown): OpCheck {
  const target = findPathTarget(form, path);
  if (!target) return { ok: false, code: 'E_UNKNOWN_FIELD', message: `"${path.slice(0, 100)}" is not a field of form ${form.id}` };
  if (target.kind === 'repeat-entry') {
    return value === null || isObject(value) ? { ok: true, mergeKind: 'replace' } : { ok: false, code: 'E_VALUE_INVALID', message: `"${path}" is a repeat entry: its value is an object` };
  }
  return checkFieldValue(target.field, value, path);
}
