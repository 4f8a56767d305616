// The query of GET /api/handoff/changes: the cursor to continue after and the page size.
import { z } from 'zod';
import { limitParam, SeqParam } from './query-values.ts';

export const HANDOFF_DEFAULT_LIMIT = 100;
export const HANDOFF_MAX_LIMIT = 1000;

export const HandoffQuerySchema = z.strictObject({
  /** The `next` of the previous page (0 or absent: from the beginning). */
  after: SeqParam.optional().transform((value) => value ?? 0),
  limit: limitParam(HANDOFF_DEFAULT_LIMIT, HANDOFF_MAX_LIMIT),
});

export type HandoffQuery = z.infer<typeof HandoffQuerySchema>;
