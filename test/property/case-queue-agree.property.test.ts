// Property: whatever a field device and a supervisor do to a record (edit, submit, delete, return, approve, reopen), the care case and the review queue agree on its state, and nothing submitted ends deleted by a field role.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPush } from '../../sync-server/src/sync/push-service.ts';
import { reviewRecord } from '../../sync-server/src/sync/review-service.ts';
import { CASE_STATUS_LABELS, CASE_STATUS_OF_REVIEW_STATE, caseStatusOf } from '../../sync-server/src/care/case-status.ts';
import { shownReviewState } from '../../src/protocol/review.ts';
import { openMemoryStore } from '../sync/memory-store.ts';
import ja from '../../src/app/office/i18n/ja.json' with { type: 'json' };
import { actor, hlcAt, op, push, RECORD, supervisor, T0, testCatalog } from '../sync/fixtures.ts';

type Step = 'edit' | 'submit' | 'unsubmit' | 'delete' | 'officeDelete' | 'return' | 'approve' | 'reopen';
const STEPS: Step[] = ['edit', 'submit', 'unsubmit', 'delete', 'officeDelete', 'return', 'approve', 'reopen'];

describe('case status and review queue', () => {
  it('show the same state for every status, deleted or not (the table is total and labels match)', () => {
    for (const status of ['draft', 'submitted', 'returned', 'approved'] as const) {
      for (const deleted of [false, true]) {
        const shown = shownReviewState({ status, deleted });
        expect(caseStatusOf({ status, deleted })).toBe(CASE_STATUS_OF_REVIEW_STATE[shown]);
        if (deleted) expect(shown).toBe('deleted');
        // 差し戻し / 承認済み in the queue are 差し戻し / 確定 on the case, and only then.
        const queueLabel = (ja.status as Record<string, string>)[shown];
        expect(queueLabel === '差し戻し').toBe(CASE_STATUS_LABELS[caseStatusOf({ status, deleted })].ja === '差し戻し');
      }
    }
  });

  it('agree after any sequence of device and office actions; a field role never deletes a submitted record', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...STEPS), { minLength: 1, maxLength: 12 }), async (steps) => {
      const store = openMemoryStore();
      await store.migrate();
      const deps = { store, forms: testCatalog(), now: () => new Date(T0 + 3_600_000), allowSelfApproval: true };
      const field = actor('u-a', 'devA');
      const office = supervisor('dev-office');
      let counter = 0;
      let officeCounter = 0;
      const record = async () => (await store.transaction((tx) => tx.getRecords([RECORD])))[0]!;
      const devOp = async (path: string, value: unknown) => {
        counter += 1;
        return op('devA', counter, path, value, { hlc: hlcAt(T0 + 3_600_000 + counter * 1000), baseVersion: (await record()).changeSeq });
      };
      expect((await applyPush(deps, field, push('devA', [op('devA', ++counter, '@create', { name: '山田' })]))).ok).toBe(true);
      let everSubmitted = false;
      for (const step of steps) {
        const before = await record();
        if (step === 'edit') await applyPush(deps, field, push('devA', [await devOp('name', `山田 ${counter}`)]));
        else if (step === 'submit') await applyPush(deps, field, push('devA', [await devOp('@status', 'ready')]));
        else if (step === 'unsubmit') await applyPush(deps, field, push('devA', [await devOp('@status', 'draft')]));
        else if (step === 'delete') await applyPush(deps, field, push('devA', [await devOp('@delete', true)]));
        else if (step === 'officeDelete') {
          officeCounter += 1;
          await applyPush(deps, office, push('dev-office', [op('dev-office', officeCounter, '@delete', true, { hlc: hlcAt(T0 + 3_600_000 + 500_000 + officeCounter, '00000000000000bb'), baseVersion: before.changeSeq })]));
        } else await reviewRecord(deps, office, RECORD, { action: step, reason: step === 'approve' ? undefined : '確認してください' });
        const after = await record();
        everSubmitted ||= after.status !== 'draft';
        if (step === 'delete' && everSubmitted) expect(after.deleted).toBe(before.deleted);
        expect(caseStatusOf(after)).toBe(CASE_STATUS_OF_REVIEW_STATE[shownReviewState(after)]);
        if (after.deleted) expect(shownReviewState(after)).not.toBe('returned');
      }
      await store.close();
    }), { numRuns: 60 });
  });
});
