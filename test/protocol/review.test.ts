// The review state machine: every status × action × role gives exactly the expected status or the expected coded refusal.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/protocol/auth.ts';
import { nextReviewState, REVIEW_ACTIONS, REVIEW_TRANSITIONS } from '../../src/protocol/review.ts';
import { ReviewRequestSchema } from '../../src/protocol/review-request.ts';
import { RECORD_STATUSES } from '../../src/protocol/snapshot.ts';

// Written out by hand from the issue, not read from the code: [status, action] → status after.
const EXPECTED_MOVES: Record<string, string> = {
  'draft submit': 'submitted',
  'returned submit': 'submitted',
  'submitted return': 'returned',
  'submitted approve': 'approved',
  'approved reopen': 'returned',
};
const OFFICE = new Set(['supervisor', 'admin']);

function expectedFor(status: string, action: string, role: string): string {
  const officeOnly = action !== 'submit';
  if (officeOnly && !OFFICE.has(role)) return 'E_FORBIDDEN';
  return EXPECTED_MOVES[`${status} ${action}`] ?? 'E_REVIEW_TRANSITION';
}

describe('nextReviewState', () => {
  it('covers the four statuses, four actions and eight roles (128 cases)', () => {
    expect([...RECORD_STATUSES].sort()).toEqual(['approved', 'draft', 'returned', 'submitted']);
    expect([...REVIEW_ACTIONS].sort()).toEqual(['approve', 'reopen', 'return', 'submit']);
    expect(ROLES).toHaveLength(8);
  });

  for (const status of RECORD_STATUSES) {
    for (const action of REVIEW_ACTIONS) {
      for (const role of ROLES) {
        const expected = expectedFor(status, action, role);
        it(`${status} --${action}--> by ${role}: ${expected}`, () => {
          const decision = nextReviewState(status, action, role);
          const got = decision.ok ? decision.to : decision.code;
          expect(got).toBe(expected);
          if (!decision.ok) expect(decision.message.length).toBeGreaterThan(0);
        });
      }
    }
  }

  it('refuses an action name outside the table instead of throwing', () => {
    const decision = nextReviewState('submitted', 'delete' as never, 'supervisor');
    expect(decision).toMatchObject({ ok: false, code: 'E_REVIEW_TRANSITION' });
  });

  it('marks exactly return and reopen as needing a reason', () => {
    expect(REVIEW_TRANSITIONS.filter((t) => t.needsReason).map((t) => t.action).sort()).toEqual(['reopen', 'return']);
  });
});

describe('ReviewRequestSchema', () => {
  it('accepts a return with a reason and field comments, and a bare approve', () => {
    expect(ReviewRequestSchema.safeParse({ action: 'return', reason: '住所の番地が不足', comments: [{ path: 'address', comment: '番地まで記入' }] }).success).toBe(true);
    expect(ReviewRequestSchema.safeParse({ action: 'approve' }).success).toBe(true);
  });

  it('refuses a return or reopen without a non-empty reason', () => {
    expect(ReviewRequestSchema.safeParse({ action: 'return' }).success).toBe(false);
    expect(ReviewRequestSchema.safeParse({ action: 'return', reason: '   ' }).success).toBe(false);
    expect(ReviewRequestSchema.safeParse({ action: 'reopen', reason: '' }).success).toBe(false);
  });

  it('refuses unknown actions and keys, over-long texts and too many comments', () => {
    expect(ReviewRequestSchema.safeParse({ action: 'submit' }).success).toBe(false);
    expect(ReviewRequestSchema.safeParse({ action: 'approve', extra: 1 }).success).toBe(false);
    expect(ReviewRequestSchema.safeParse({ action: 'return', reason: 'x'.repeat(2001) }).success).toBe(false);
    expect(ReviewRequestSchema.safeParse({ action: 'return', reason: 'x'.repeat(2000) }).success).toBe(true);
    const comment = { path: 'a', comment: 'c' };
    expect(ReviewRequestSchema.safeParse({ action: 'return', reason: 'r', comments: Array(201).fill(comment) }).success).toBe(false);
    expect(ReviewRequestSchema.safeParse({ action: 'return', reason: 'r', comments: Array(200).fill(comment) }).success).toBe(true);
    expect(ReviewRequestSchema.safeParse({ action: 'return', reason: 'r', comments: [{ path: 'a', comment: 'x'.repeat(2001) }] }).success).toBe(false);
    expect(ReviewRequestSchema.safeParse({ action: 'return', reason: 'r', comments: [{ path: 'a' }] }).success).toBe(false);
  });
});
