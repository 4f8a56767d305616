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
  by: string;
  at: string;
}
