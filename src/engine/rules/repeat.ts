// Repeats and groups: the container shape (array of objects / object) and, for repeats, the entry count limits.
import { answerError } from '../errors.ts';
import type { EngineState, InstanceState } from '../session/engine-state.ts';
import { MAX_REPEAT_ENTRIES } from '../session/paths.ts';
import { isPlainObject } from '../values/validate-value.ts';
import type { FieldError } from '../types.ts';

export function checkContainer(engine: EngineState, inst: InstanceState): FieldError | null {
  const { def } = inst.node;
  const raw = engine.raw(inst.node, inst.indices);
  if (def.type === 'group') return raw === undefined || isPlainObject(raw) ? null : answerError('E_TYPE', inst.path);
  if (raw !== undefined && !Array.isArray(raw)) return answerError('E_TYPE', inst.path);
  const entries = Array.isArray(raw) ? raw : [];
  const bad = entries.findIndex((entry) => !isPlainObject(entry));
  if (bad >= 0) return answerError('E_TYPE', `${inst.path}[${bad}]`);
  const min = Math.max(def.minCount ?? 0, inst.required ? 1 : 0);
  if (entries.length < min) return answerError(inst.required && entries.length === 0 ? 'E_REQUIRED' : 'E_REPEAT_MIN', inst.path);
  if (entries.length > Math.min(def.maxCount ?? MAX_REPEAT_ENTRIES, MAX_REPEAT_ENTRIES)) return answerError('E_REPEAT_MAX', inst.path);
  return null;
}
