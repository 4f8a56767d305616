// The hand-off feed to office systems: approved revisions in cursor order, and the webhook event that carries one.
import { z } from 'zod';
import { FormIdSchema, SeqSchema } from '../common.ts';

export const HandoffChangeSchema = z.strictObject({
  /** The approval's change sequence: strictly increasing along the feed. */
  cursor: SeqSchema,
  recordId: z.string(),
  revision: z.number().int().min(1),
  formId: FormIdSchema,
  formVersion: z.number().int(),
  approvedAt: z.string(),
  approvedBy: z.string(),
  answers: z.record(z.string(), z.unknown()),
});

export const HandoffResponseSchema = z.strictObject({
  changes: z.array(HandoffChangeSchema),
  /** Store it once the page is processed, and send it as `after` next time. */
  next: SeqSchema,
  /** Ask again at once. */
  hasMore: z.boolean(),
});

export type HandoffChange = z.infer<typeof HandoffChangeSchema>;
export type HandoffResponse = z.infer<typeof HandoffResponseSchema>;
