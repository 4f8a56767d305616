// The supervisor's review of the open record (差し戻し), shared with every field so each shows the comments on its own path.
import { createContext, useContext } from 'react';
import type { ReviewNote } from '../../protocol/review-request.ts';

/** Present only while the open record is returned for correction. */
export const ReviewContext = createContext<ReviewNote | undefined>(undefined);

export function useReviewComments(path: string): string[] {
  const review = useContext(ReviewContext);
  return review ? review.comments.filter((c) => c.path === path).map((c) => c.comment) : [];
}
