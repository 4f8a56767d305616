// Scoring: named outputs in order — an expression, a lookup table (data) or a named pure function from the client.
import type { CompiledScoring } from '../definition/model.ts';
import { answerError } from '../errors.ts';
import { compare, isEmpty, looseEquals, type Value } from '../expr/values.ts';
import type { EngineState } from '../session/engine-state.ts';
import type { Answers, FieldError, ScoringFunction, ScoringTable } from '../types.ts';

export interface ScoringRun {
  result: Record<string, unknown>;
  errors: FieldError[];
}

export function runScoring(
  engine: EngineState,
  outputs: CompiledScoring[],
  relevantAnswers: () => Answers,
  functions: Record<string, ScoringFunction> = {},
): ScoringRun {
  const result: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const output of outputs) {
    const key = output.def.key;
    if (output.kind === 'expr') result[key] = engine.evaluate(output.rule, null, { results: result }) ?? null;
    else if (output.kind === 'table' && 'table' in output.def) result[key] = lookup(output.def.table, engine.evaluate(output.rule, null, { results: result }));
    else if (output.kind === 'fn') {
      const fn = Object.hasOwn(functions, output.name) ? functions[output.name] : undefined;
      try {
        if (!fn) throw new Error(`no function named ${output.name}`);
        result[key] = fn({ answers: relevantAnswers(), results: { ...result }, args: output.args, now: engine.clock.now }) ?? null;
      } catch {
        result[key] = null;
        errors.push(answerError('E_SCORING_FUNCTION', `result.${key}`));
      }
    }
  }
  return { result, errors };
}

/** The first row whose conditions all hold: min ≤ value (以上), value < max (未満), value == equals. */
export function lookup(table: ScoringTable, value: Value): unknown {
  const fallback = table.default ?? null;
  if (isEmpty(value)) return fallback;
  for (const row of table.rows) {
    if (row.equals !== undefined && !looseEquals(value, row.equals)) continue;
    if (row.min !== undefined && !((compare(value, row.min) ?? -1) >= 0)) continue;
    if (row.max !== undefined && !((compare(value, row.max) ?? 1) < 0)) continue;
    return row.value;
  }
  return fallback;
}
