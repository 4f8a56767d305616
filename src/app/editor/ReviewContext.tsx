// The supervisor's review of the open record (差し戻し), shared with every field so each shows the comments on its own path, and with the section tabs.
import { createContext, useContext } from 'react';
import type { SectionDefinition } from '../../engine/types.ts';
import type { ReviewNote } from '../../protocol/review-request.ts';
import { topLevelId } from './paths.ts';

/** Present only while the open record is returned for correction. */
export const ReviewContext = createContext<ReviewNote | undefined>(undefined);

export function useReviewComments(path: string): string[] {
  const review = useContext(ReviewContext);
  return review ? review.comments.filter((c) => c.path === path).map((c) => c.comment) : [];
}

/** How many of the review's comments are about fields of `section` (a nested path counts for its top-level field's section). */
export function useSectionReviewCount(section: SectionDefinition): number {
  const review = useContext(ReviewContext);
  if (!review) return 0;
  const ids = new Set(section.fields.map((f) => f.id));
  return review.comments.filter((c) => ids.has(topLevelId(c.path))).length;
}
