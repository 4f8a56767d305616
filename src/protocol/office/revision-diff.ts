// The field-level difference between two consecutive revisions of a record.
import { z } from 'zod';

export const AnswerChangeSchema = z.strictObject({
  /** An answer path ("a", "grp.b", "rep[0].c"); a repeat entry added or removed as a whole is one change at "rep[i]". */
  path: z.string(),
  /** undefined-free: a missing answer is null. */
  before: z.unknown(),
  after: z.unknown(),
});

export const RevisionDiffSchema = z.strictObject({
  from: z.number().int().min(1),
  to: z.number().int().min(1),
  changes: z.array(AnswerChangeSchema),
});

export type AnswerChange = z.infer<typeof AnswerChangeSchema>;
export type RevisionDiff = z.infer<typeof RevisionDiffSchema>;
