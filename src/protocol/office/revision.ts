// One submitted version of a record: the answers as submitted and what the supervisor decided about them.
import { z } from 'zod';
import { FormIdSchema, SeqSchema } from '../common.ts';

export const REVISION_STATUSES = ['submitted', 'returned', 'approved', 'superseded'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export const RevisionSchema = z.strictObject({
  recordId: z.string(),
  /** 1 = the first submit; every later submit adds one. */
  revision: z.number().int().min(1),
  formId: FormIdSchema,
  formVersion: z.number().int(),
  /** The answers at submit (refreshed at approval when a supervisor resolved a conflict in between), without '@' keys. */
  answers: z.record(z.string(), z.unknown()),
  submittedBy: z.string(),
  submittedAt: z.string(),
  changeSeq: SeqSchema,
  status: z.enum(REVISION_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** The hand-off cursor of its approval (null until approved). */
  approvedSeq: SeqSchema.nullable(),
});

export type RevisionMessage = z.infer<typeof RevisionSchema>;
