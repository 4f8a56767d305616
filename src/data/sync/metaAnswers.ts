// Record metadata the server keeps inside answers ('@review', '@ack'): split out of a pulled record so the engine only sees form fields.
import { z } from 'zod';
import type { ReviewNote } from '../../protocol/review-request.ts';
import { ReviewNoteSchema } from '../../protocol/review-history.ts';

export { ReviewNoteSchema };
import type { Answers } from '../../engine/types.ts';

/** Where the server puts the latest review (docs/PROTOCOL.md "## Review"). */
export const REVIEW_ANSWER_KEY = '@review';
/** Where the server keeps acknowledged warnings: code → reason (src/protocol/merge.ts). */
export const ACK_ANSWER_KEY = '@ack';

const AcksSchema = z.record(z.string(), z.string());

export interface SplitAnswers {
  /** Only the form's answers: every '@' key removed (the engine would report them as unknown fields). */
  answers: Answers;
  review: ReviewNote | undefined;
  /** Warning code → reason, as the server holds them; empty when none or malformed. */
  acks: Record<string, string>;
}

/** Never mutates `answers`; a malformed note or ack map is dropped rather than trusted. */
export function splitMetaAnswers(answers: Answers): SplitAnswers {
  const plain: Answers = {};
  for (const [key, value] of Object.entries(answers)) if (!key.startsWith('@')) plain[key] = value;
  const review = ReviewNoteSchema.safeParse(answers[REVIEW_ANSWER_KEY]);
  const acks = AcksSchema.safeParse(answers[ACK_ANSWER_KEY]);
  return { answers: plain, review: review.success ? review.data : undefined, acks: acks.success ? acks.data : {} };
}
