// A pulled page keeps each open conflict's candidates on its record (so the field can show what the merge set aside); the user's "seen" lasts while that conflict is open and unchanged.
import { describe, expect, it } from 'vitest';
import { storePullPage } from '../../../src/data/sync/pullPage.ts';
import { format, nodeIdFrom } from '../../../src/protocol/hlc.ts';
import type { ConflictSummary } from '../../../src/protocol/conflict-summary.ts';
import type { PullResponse } from '../../../src/protocol/pull.ts';
import { freshRepo } from '../helpers.ts';

const HLC = format({ millis: Date.UTC(2026, 10, 1), counter: 0, node: nodeIdFrom('server') });

function conflict(recordId: string, changeSeq: number): ConflictSummary {
  return {
    id: 'c-1', recordId, path: 'inspector_name', kind: 'same-field', status: 'open', changeSeq, provisional: '山田 次郎',
    candidates: [
      { value: '山田 太郎', opId: 'dev:1', deviceId: 'dev', hlc: HLC },
      { value: '山田 次郎', opId: 'other:1', deviceId: 'other', hlc: HLC },
    ],
  };
}

function page(recordId: string, changeSeq: number, conflicts: ConflictSummary[]): PullResponse {
  return {
    records: [{ id: recordId, formId: 'field-check', formVersion: 1, status: 'draft', deleted: false, answers: { inspector_name: '山田 次郎' }, fieldVersions: { inspector_name: changeSeq }, changeSeq }],
    conflicts, checkpoint: changeSeq, hasMore: false, serverHlc: HLC,
  };
}

describe('conflict notes on the device', () => {
  it('stores the candidates with the record, keeps "seen" for the same conflict, and shows it again once it changed or drops it once resolved', async () => {
    const { db, repo } = freshRepo();
    const row = await repo.create('field-check', 1, {});
    await db.outbox.clear();

    await storePullPage(db, page(row.id, 4, [conflict(row.id, 4)]), 'dev');
    const stored = await repo.get(row.id);
    expect(stored?.openConflicts).toEqual(['inspector_name']);
    expect(stored?.conflictNotes).toEqual([{ id: 'c-1', path: 'inspector_name', changeSeq: 4, provisional: '山田 次郎', candidates: [{ value: '山田 太郎', deviceId: 'dev' }, { value: '山田 次郎', deviceId: 'other' }] }]);

    await repo.markConflictsSeen(row.id, ['c-1@4']);
    await storePullPage(db, page(row.id, 5, [conflict(row.id, 4)]), 'dev');
    expect((await repo.get(row.id))?.seenConflicts).toEqual(['c-1@4']);

    // A third device joined the conflict: a new thing to look at.
    await storePullPage(db, page(row.id, 6, [conflict(row.id, 6)]), 'dev');
    expect((await repo.get(row.id))?.seenConflicts).toBeUndefined();

    // Resolved by the supervisor: no conflict, no note.
    await storePullPage(db, page(row.id, 7, []), 'dev');
    const resolved = await repo.get(row.id);
    expect(resolved?.conflictNotes).toBeUndefined();
    expect(resolved?.openConflicts).toEqual([]);
  });

  it('marking a conflict seen writes nothing to send', async () => {
    const { db, repo } = freshRepo();
    const row = await repo.create('field-check', 1, {});
    const before = await db.outbox.count();
    await repo.markConflictsSeen(row.id, ['c-9@1']);
    expect(await db.outbox.count()).toBe(before);
    expect((await repo.get(row.id))?.seenConflicts).toEqual(['c-9@1']);
  });
});
