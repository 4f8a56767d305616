// Warning rules: a warning is raised when its `when` is true; an acknowledged one carries the user's reason.
import type { CompiledWarning } from '../definition/model.ts';
import { truthy } from '../expr/values.ts';
import type { EngineState } from '../session/engine-state.ts';
import type { FormWarning } from '../types.ts';

export function evaluateWarnings(
  engine: EngineState,
  warnings: CompiledWarning[],
  results: Record<string, unknown>,
  acknowledged: Record<string, string> = {},
): FormWarning[] {
  const out: FormWarning[] = [];
  for (const { def, rule } of warnings) {
    if (!truthy(engine.evaluate(rule, null, { results }))) continue;
    const warning: FormWarning = { code: def.code, message: def.message, paths: [...def.paths] };
    const reason = Object.hasOwn(acknowledged, def.code) ? acknowledged[def.code] : undefined;
    if (typeof reason === 'string' && reason.trim() !== '') warning.acknowledgedReason = reason;
    out.push(warning);
  }
  return out;
}
