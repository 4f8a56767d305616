// Every review of a record with the assessor's replies, read from its answers ('@reviews', '@review', '@replies'): what the office and the tablet show of past returns.
import { z } from 'zod';
import { ReviewCommentSchema, ReviewReplySchema, type ReviewNote } from './review-request.ts';

export const ReviewHistoryEntrySchema = z.strictObject({
  action: z.enum(['return', 'approve', 'reopen']),
  reason: z.string().nullable(),
  comments: z.array(ReviewCommentSchema),
  by: z.string(),
  /** Display name of the reviewer; null on notes made before it was kept (show the users map's name instead). */
  byName: z.string().nullable(),
  at: z.string(),
  /** The assessor's answers to this return's comments, sent with the resubmission; empty when none yet. */
  replies: z.array(ReviewReplySchema),
});

export type ReviewHistoryEntry = z.infer<typeof ReviewHistoryEntrySchema>;

/** One review note as the server stores it in answers ('@review', each of '@reviews'); the tablet reads '@review' with it too. */
export const ReviewNoteSchema: z.ZodType<ReviewNote> = z.object({
  action: z.enum(['return', 'approve', 'reopen']),
  reason: z.string().nullable(),
  comments: z.array(ReviewCommentSchema),
  by: z.string(),
  byName: z.string().optional(),
  at: z.string(),
});

const StoredRepliesSchema = z.record(z.string(), z.array(ReviewReplySchema));

/** Oldest first; malformed entries are left out (answers are data from storage, parsed like any boundary). */
export function reviewHistoryOf(answers: Record<string, unknown>): ReviewHistoryEntry[] {
  const stored = Array.isArray(answers['@reviews']) ? answers['@reviews'] : answers['@review'] ? [answers['@review']] : [];
  const replies = StoredRepliesSchema.safeParse(answers['@replies']);
  const byReview = replies.success ? replies.data : {};
  const entries: ReviewHistoryEntry[] = [];
  for (const raw of stored) {
    const note = ReviewNoteSchema.safeParse(raw);
    if (!note.success) continue;
    const { byName, ...rest } = note.data;
    entries.push({ ...rest, byName: byName ?? null, replies: Object.hasOwn(byReview, rest.at) ? byReview[rest.at]! : [] });
  }
  return entries;
}
