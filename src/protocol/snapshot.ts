// A record as the server sends it in a pull: its current answers and the version of every field.
import { z } from 'zod';
import { FormIdSchema, RecordIdSchema, SeqSchema } from './common.ts';

export const RECORD_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const RecordSnapshotSchema = z.strictObject({
  id: RecordIdSchema,
  formId: FormIdSchema,
  formVersion: z.number().int().min(1),
  status: z.enum(RECORD_STATUSES),
  deleted: z.boolean(),
  answers: z.record(z.string(), z.unknown()),
  /** Path → change sequence at which it last changed; what the device sends back as baseVersion. */
  fieldVersions: z.record(z.string(), SeqSchema),
  changeSeq: SeqSchema,
});

export type RecordSnapshot = z.infer<typeof RecordSnapshotSchema>;
