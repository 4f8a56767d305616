// A record's title and subtitle from its form's recordTitle expressions (or the first typed text answer when the form declares none): the one rule for the tablet, the office, search and documents.
import { compileForm } from './definition/compile.ts';
import type { CompiledForm, CompiledRule, FieldNode } from './definition/model.ts';
import { toText, flatten, isEmpty, type Value } from './expr/values.ts';
import { EngineState } from './session/engine-state.ts';
import { normalizeAnswers } from './session/normalize.ts';
import { runValuePhaseOver, valueClosure } from './session/value-closure.ts';
import type { Answers, FormDefinition, RecordTitle } from './types.ts';

/** Lists show one line; a longer value (a hostile or pasted answer) is cut here, once, for every client. */
export const MAX_RECORD_TITLE = 60;
export const MAX_RECORD_SUBTITLE = 80;

const EMPTY: RecordTitle = { title: '', subtitle: '' };

export interface RecordTitleOptions {
  /** The clock for expressions that read today() / now() (default: the current time). */
  now?: Date;
}

/**
 * The title of a record of `form` with `answers`. A form with `recordTitle` gets exactly its expressions' values —
 * an empty title stays empty (a new 調査票 is untitled until the applicant's name is there, never titled with
 * another answer); a form without it gets the first answered text field the user typed (calculated ones skipped)
 * and no subtitle. Never throws: a definition that does not compile gives the fallback.
 */
export function recordTitle(form: FormDefinition | undefined, answers: Answers, options: RecordTitleOptions = {}): RecordTitle {
  if (!form) return EMPTY;
  const compiled = compileForm(form);
  if (!compiled.ok || !compiled.compiled.recordTitle) return { title: firstTextAnswer(form, answers), subtitle: '' };
  try {
    return declaredTitle(compiled.compiled, answers, options.now ?? new Date());
  } catch {
    return EMPTY;
  }
}

function declaredTitle(compiled: CompiledForm, answers: Answers, now: Date): RecordTitle {
  const rules = compiled.recordTitle!;
  const roots = new Set<FieldNode>([...rules.title.targets, ...(rules.subtitle?.targets ?? [])]);
  const engine = new EngineState(compiled, normalizeAnswers(compiled, answers).answers, { now, utcOffsetMinutes: -now.getTimezoneOffset() });
  // Relevance and calculations of what the titles read, so a hidden or calculated field reads as a full evaluation shows it.
  runValuePhaseOver(engine, valueClosure(compiled.ordered, roots));
  const text = (rule: CompiledRule | undefined, max: number): string => (rule ? oneLine(engine.evaluate(rule, null), max) : '');
  return { title: text(rules.title, MAX_RECORD_TITLE), subtitle: text(rules.subtitle, MAX_RECORD_SUBTITLE) };
}

/** The value as one trimmed line of at most `max` characters (code points, so a surrogate pair is never split). */
function oneLine(value: Value, max: number): string {
  const parts = Array.isArray(value) ? flatten(value) : [value];
  const text = parts.filter((v) => !isEmpty(v)).map((v) => toText(v) ?? '').join(' ');
  // Control characters and line breaks would break a list row or a file name: each becomes one space.
  // eslint-disable-next-line no-control-regex
  const single = text.slice(0, max * 4).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(single).slice(0, max).join('').trim();
}

/** The fallback of forms without recordTitle: the first answered text field the user typed (calculated ones skipped), '' when none. */
function firstTextAnswer(form: FormDefinition, answers: Answers): string {
  for (const section of form.sections) {
    for (const field of section.fields) {
      if ((field.type !== 'text' && field.type !== 'ocr_text') || field.calculate !== undefined) continue;
      const value = answers[field.id];
      if (typeof value === 'string' && value.trim() !== '') return oneLine(value, MAX_RECORD_TITLE);
    }
  }
  return '';
}
