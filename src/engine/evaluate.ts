// evaluate: one-shot full evaluation of answers against a definition (CLI, server); never throws.
import { compileForm } from './definition/compile.ts';
import { answerError } from './errors.ts';
import { FormSession } from './session/form-session.ts';
import type { Answers, EvaluateOptions, Evaluation, FormDefinition } from './types.ts';

export function evaluate(form: FormDefinition, answers: Answers, options: EvaluateOptions = {}): Evaluation {
  if (!compileForm(form).ok) return invalid();
  try {
    return new FormSession(form, answers, options).evaluation();
  } catch {
    return invalid();
  }
}

const invalid = (): Evaluation => ({ valid: false, errors: [answerError('E_FORM_INVALID', '')], warnings: [], result: {} });
