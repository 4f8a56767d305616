// A conflict as the back office sees it: every candidate with who, when and on which device, and how it was resolved.
import { z } from 'zod';
import { SeqSchema } from '../common.ts';
import { CONFLICT_KINDS } from '../conflict-summary.ts';

export const OfficeConflictSchema = z.strictObject({
  id: z.string(),
  recordId: z.string(),
  path: z.string(),
  kind: z.enum(CONFLICT_KINDS),
  candidates: z.array(z.strictObject({
    value: z.unknown(), opId: z.string(), deviceId: z.string(), userId: z.string(), hlc: z.string(), at: z.string(),
  })),
  provisional: z.unknown(),
  status: z.enum(['open', 'resolved']),
  resolution: z.strictObject({ value: z.unknown(), by: z.string(), reason: z.string(), at: z.string() }).nullable(),
  createdAt: z.string(),
  changeSeq: SeqSchema,
});

export type OfficeConflict = z.infer<typeof OfficeConflictSchema>;
