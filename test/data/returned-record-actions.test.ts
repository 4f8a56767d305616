// What the tablet may do with a record that was handed in: never delete it (returned or finished), list it on home while returned, and send the assessor's replies to the return with 記入完了.
import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers.ts';
import { pendingEntries } from '../../src/data/outbox.ts';
import { encodeRecord } from '../../src/data/recordCodec.ts';
import { isDeletableDraft, type RecordRow } from '../../src/data/records.ts';
import type { ReviewNote } from '../../src/protocol/review-request.ts';

const NOTE: ReviewNote = {
  action: 'return', reason: '確認してください', by: 'u-super', byName: '佐藤 監督', at: '2026-01-02T03:00:00.000Z',
  comments: [{ path: 'inspector_name', comment: '漢字が違います' }, { path: 'note', comment: '追記してください' }],
};

async function returnedRow(): Promise<{ repo: ReturnType<typeof freshRepo>['repo']; db: ReturnType<typeof freshRepo>['db']; row: RecordRow }> {
  const { db, repo } = freshRepo();
  const created = await repo.create('field-check', 2, { inspector_name: '山田 太朗' });
  // As a pull leaves it (applySnapshot): a local draft flagged returned, with the review note.
  const row: RecordRow = { ...created, returned: true, review: NOTE, everSubmitted: true, serverVersion: 4 };
  await db.records.put(encodeRecord(row));
  return { db, repo, row };
}

describe('deleting on the tablet', () => {
  it('only a draft that never reached the office is deletable', () => {
    const draft = { status: 'draft' as const };
    expect(isDeletableDraft(draft)).toBe(true);
    expect(isDeletableDraft({ ...draft, returned: true })).toBe(false);
    expect(isDeletableDraft({ ...draft, review: NOTE })).toBe(false);
    expect(isDeletableDraft({ ...draft, everSubmitted: true })).toBe(false);
    expect(isDeletableDraft({ status: 'ready' })).toBe(false);
    expect(isDeletableDraft({ status: 'submitted' })).toBe(false);
  });

  it('refuses to delete a returned record and keeps it', async () => {
    const { repo, row } = await returnedRow();
    await expect(repo.remove(row.id)).rejects.toMatchObject({ code: 'E_RECORD_STATUS' });
    expect(await repo.get(row.id)).toBeDefined();
  });

  it('a draft finished once and reopened before sync is not deletable either', async () => {
    const { repo } = freshRepo();
    const { id } = await repo.create('field-check', 2);
    await repo.finalize(id, 0);
    await repo.reopen(id);
    expect((await repo.get(id))?.everSubmitted).toBe(true);
    await expect(repo.remove(id)).rejects.toMatchObject({ code: 'E_RECORD_STATUS' });
  });
});

describe('answering a return', () => {
  it('lists returned records for home', async () => {
    const { repo, row } = await returnedRow();
    await repo.create('field-check', 2);
    expect((await repo.listReturned()).map((r) => r.id)).toEqual([row.id]);
  });

  it('keeps the replies on the device and sends them as @reply just before the resubmitting @status', async () => {
    const { db, repo, row } = await returnedRow();
    const replies = { reviewAt: NOTE.at, replies: [{ index: 0, addressed: true, reply: '直しました' }, { index: 1, addressed: false, reply: '' }] };
    await repo.saveReviewReplies(row.id, replies);
    expect((await repo.get(row.id))?.reviewReplies).toEqual(replies);
    expect((await pendingEntries(db, 10)).map((e) => e.path)).toEqual(['@create']);
    await repo.finalize(row.id, 0);
    const ops = await pendingEntries(db, 10);
    expect(ops.map((e) => e.path)).toEqual(['@create', '@reply', '@status']);
    expect(ops[1]?.value).toEqual(replies);
  });

  it('refuses replies to another return than the one the record carries', async () => {
    const { repo, row } = await returnedRow();
    await expect(repo.saveReviewReplies(row.id, { reviewAt: '2025-01-01T00:00:00.000Z', replies: [] })).rejects.toMatchObject({ code: 'E_RECORD_STATUS' });
  });
});
