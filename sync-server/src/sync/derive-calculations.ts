// Calculated answers are the form's, not a device's: after a write, the server computes them from the record's answers with the engine.
import { calculateAnswers, formCalculates, type FormDefinition } from '../../../src/engine/index.ts';
import { getAnswerAt, setAnswerAt } from '../../../src/protocol/answer-paths.ts';
import { jsonEqual } from '../../../src/protocol/json-equal.ts';
import type { FieldStamp, MergeRecord } from '../../../src/protocol/merge.ts';
import { JST_OFFSET_MINUTES } from '../care/case-kpis.ts';
import { answersWithoutMeta } from '../office/answers-without-meta.ts';

/**
 * The record with every calculated answer the engine gives for its current answers; a value that changes is stamped
 * with `stamp` (the write that caused it, so the writer's own follow-ups are not mistaken for concurrent edits).
 * Unchanged when nothing differs, when the form calculates nothing, or when the engine cannot run.
 */
export function deriveCalculations<R extends MergeRecord>(form: FormDefinition, record: R, stamp: FieldStamp, now: Date): R {
  if (!formCalculates(form) || record.deleted) return record;
  let values;
  try {
    // Today's date for age_years() and the like is the municipality's (Japan), whatever the server's time zone.
    values = calculateAnswers(form, answersWithoutMeta(record.answers), { now, utcOffsetMinutes: JST_OFFSET_MINUTES });
  } catch {
    return record; // an engine failure must not block sync; the stored values stay as they were
  }
  let next = record;
  for (const { path, value } of values) {
    if (jsonEqual(getAnswerAt(next.answers, path) ?? null, value)) continue;
    const set = setAnswerAt(next.answers, path, value);
    if (!set.ok) continue;
    next = { ...next, answers: set.answers, fields: { ...next.fields, [path]: stamp } };
  }
  return next;
}
