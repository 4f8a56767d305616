// '@reply' merges per return answered (last writer wins per reviewAt), and the review history reads notes and replies back, dropping malformed ones.
import { describe, expect, it } from 'vitest';
import { mergeOp, type MergeRecord } from '../../src/protocol/merge.ts';
import { reviewHistoryOf } from '../../src/protocol/review-history.ts';

const AT1 = '2026-01-02T03:00:00.000Z';
const AT2 = '2026-01-03T03:00:00.000Z';
const base: MergeRecord = { id: 'r', formId: 'f', formVersion: 1, status: 'returned', deleted: false, answers: { a: 1 }, fields: {} };
const ctx = { version: 5, mergeKind: 'replace' as const, openConflicts: new Map() };
const replyOp = (value: unknown, hlc: string, n: number) => ({
  opId: `dev:${n}`, recordId: 'r', formId: 'f', formVersion: 1, path: '@reply', value, hlc, baseVersion: 0, deviceId: 'dev',
});

describe('@reply merge', () => {
  it('keeps the replies of each return apart and refuses a malformed value', () => {
    const first = mergeOp(base, replyOp({ reviewAt: AT1, replies: [{ index: 0, addressed: true, reply: 'はい' }] }, '2026-01-02T04:00:00.000Z-0000-00000000000000aa', 1), ctx);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = mergeOp(first.record, replyOp({ reviewAt: AT2, replies: [{ index: 0, addressed: false, reply: '' }] }, '2026-01-03T04:00:00.000Z-0000-00000000000000aa', 2), ctx);
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.record.answers['@replies']).toEqual({ [AT1]: [{ index: 0, addressed: true, reply: 'はい' }], [AT2]: [{ index: 0, addressed: false, reply: '' }] });
    expect(Object.keys(second.record.fields)).toEqual([`@reply:${AT1}`, `@reply:${AT2}`]);
    expect(mergeOp(base, replyOp({ reviewAt: 'yesterday', replies: [] }, '2026-01-02T04:00:00.000Z-0000-00000000000000aa', 3), ctx)).toMatchObject({ ok: false, code: 'E_VALUE_INVALID' });
  });

  it('reads every review with its replies, oldest first; a record with only @review has a history of one', () => {
    const note = (at: string, byName?: string) => ({ action: 'return', reason: 'x', comments: [{ path: 'a', comment: 'c' }], by: 'u', ...(byName ? { byName } : {}), at });
    const history = reviewHistoryOf({ '@reviews': [note(AT1, '佐藤'), { junk: true }, note(AT2)], '@replies': { [AT1]: [{ index: 0, addressed: true, reply: 'ok' }] } });
    expect(history.map((h) => [h.at, h.byName, h.replies.length])).toEqual([[AT1, '佐藤', 1], [AT2, null, 0]]);
    expect(reviewHistoryOf({ '@review': note(AT1) })).toHaveLength(1);
    expect(reviewHistoryOf({})).toEqual([]);
  });
});
