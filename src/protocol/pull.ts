// Pull: the records (in the caller's scope) changed after a checkpoint, one page at a time.
import { z } from 'zod';
import { HlcSchema, SeqSchema } from './common.ts';
import { ConflictSummarySchema } from './conflict-summary.ts';
import { RecordSnapshotSchema } from './snapshot.ts';

export const MAX_PULL_LIMIT = 1000;

export const PullRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  checkpoint: SeqSchema,
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT),
});

export const PullResponseSchema = z.strictObject({
  records: z.array(RecordSnapshotSchema),
  /** Open conflicts on the records of this page. */
  conflicts: z.array(ConflictSummarySchema),
  /**
   * Field users only: ids of records that left the caller's scope (e.g. a case reassigned to another assessor)
   * within this page's change sequences; the device deletes its copies. Absent for office users.
   */
  removed: z.array(z.string()).optional(),
  /** The last changeSeq included, a record's or a removal's (unchanged when the page is empty). */
  checkpoint: SeqSchema,
  hasMore: z.boolean(),
  serverHlc: HlcSchema,
});

export type PullRequest = z.infer<typeof PullRequestSchema>;
export type PullResponse = z.infer<typeof PullResponseSchema>;
