// The body of POST /api/records/:id/review: a supervisor returns (with a reason and field comments), approves or reopens a record.
import { z } from 'zod';
import { transitionFor } from './review.ts';

export const REVIEW_TEXT_MAX = 2000;
export const REVIEW_COMMENTS_MAX = 200;

export const ReviewCommentSchema = z.strictObject({
  path: z.string().min(1).max(500),
  comment: z.string().min(1).max(REVIEW_TEXT_MAX),
});

export const ReviewRequestSchema = z.strictObject({
  action: z.enum(['return', 'approve', 'reopen']),
  reason: z.string().max(REVIEW_TEXT_MAX).optional(),
  comments: z.array(ReviewCommentSchema).max(REVIEW_COMMENTS_MAX).optional(),
}).superRefine((body, ctx) => {
  if (transitionFor(body.action)?.needsReason && (body.reason ?? '').trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: `${body.action} needs a non-empty reason` });
  }
});

export type ReviewRequest = z.infer<typeof ReviewRequestSchema>;
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

/** What the server stores in answers['@review'] (the latest review), so devices receive it on pull. */
export interface ReviewNote {
  action: 'return' | 'approve' | 'reopen';
  reason: string | null;
  comments: ReviewComment[];
  /** The reviewer's user id. */
  by: string;
  /** The reviewer's display name when the review was made (what people see; absent on notes made before it was kept). */
  byName?: string;
  at: string;
}

/** answers['@reviews']: every review of the record, oldest first (bounded), so each return's comments stay readable. */
export const REVIEW_HISTORY_MAX = 50;

/** The assessor's answer to one comment of a return, sent when the record is resubmitted. */
export const ReviewReplySchema = z.strictObject({
  /** Index of the comment in the return's `comments`. */
  index: z.number().int().min(0).max(REVIEW_COMMENTS_MAX - 1),
  addressed: z.boolean(),
  reply: z.string().max(REVIEW_TEXT_MAX),
});

/**
 * The value of an '@reply' op: the answers to the comments of the return made at `reviewAt` (its ReviewNote.at).
 * The server keeps them in answers['@replies'][reviewAt] (merge.ts: last writer wins per return).
 */
export const ReviewRepliesSchema = z.strictObject({
  reviewAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, 'the ISO time of the return answered'),
  replies: z.array(ReviewReplySchema).max(REVIEW_COMMENTS_MAX),
});

export type ReviewReply = z.infer<typeof ReviewReplySchema>;
export type ReviewReplies = z.infer<typeof ReviewRepliesSchema>;
