// An open conflict as devices see it in a pull: which field, why, the candidates and the value shown meanwhile.
import { z } from 'zod';
import { RecordIdSchema, SeqSchema } from './common.ts';

export const CONFLICT_KINDS = ['same-field', 'edit-delete', 'locked-record', 'rule'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const ConflictCandidateSchema = z.strictObject({
  value: z.unknown(),
  opId: z.string(),
  deviceId: z.string(),
  hlc: z.string(),
});

export const ConflictSummarySchema = z.strictObject({
  id: z.string(),
  recordId: RecordIdSchema,
  path: z.string(),
  kind: z.enum(CONFLICT_KINDS),
  candidates: z.array(ConflictCandidateSchema),
  provisional: z.unknown(),
  status: z.enum(['open', 'resolved']),
  changeSeq: SeqSchema,
});

export type ConflictSummary = z.infer<typeof ConflictSummarySchema>;
