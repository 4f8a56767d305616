// Runs the form engine over a record's answers as the device would (acknowledged warnings included), or null when it cannot.
import { evaluate, type Evaluation, type FormDefinition } from '../../../src/engine/index.ts';
import { functionsFor } from '../../../forms/registry.ts';
import { answersWithoutMeta } from './answers-without-meta.ts';

function acknowledgedOf(answers: Record<string, unknown>): Record<string, string> {
  const acks = answers['@ack'];
  if (typeof acks !== 'object' || acks === null || Array.isArray(acks)) return {};
  const out: Record<string, string> = {};
  for (const [code, reason] of Object.entries(acks)) if (typeof reason === 'string') out[code] = reason;
  return out;
}

/** null for a form the server does not know, or when the engine fails (an office view must still open). */
export function evaluateRecord(form: FormDefinition | undefined, answers: Record<string, unknown>, now: Date): Evaluation | null {
  if (!form) return null;
  try {
    return evaluate(form, answersWithoutMeta(answers), { now, functions: functionsFor(form.id), applyDefaults: false, acknowledged: acknowledgedOf(answers) });
  } catch {
    return null;
  }
}
