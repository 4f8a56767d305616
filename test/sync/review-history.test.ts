// A review keeps the reviewer's display name and every earlier review ('@reviews'); the assessor's '@reply' is stored per return and read back with it.
import { describe, expect, it } from 'vitest';
import { applyPush } from '../../sync-server/src/sync/push-service.ts';
import { reviewRecord } from '../../sync-server/src/sync/review-service.ts';
import { reviewHistoryOf } from '../../src/protocol/review-history.ts';
import { aUser } from '../conformance/fixtures.ts';
import { actor, hlcAt, op, push, RECORD, storeFactories, supervisor, T0, testCatalog } from './fixtures.ts';

const factories = await storeFactories();

describe.each(factories)('review history on $name', ({ open }) => {
  it('names the reviewer, keeps each return and the replies to it', async () => {
    const store = await open();
    let minute = 1;
    const deps = { store, forms: testCatalog(), now: () => new Date(T0 + 60_000 * minute++), allowSelfApproval: true };
    await store.transaction((tx) => tx.putUser(aUser('u-super', { role: 'supervisor', displayName: '監督 花子' })));
    const A = actor('u-a', 'devA');
    let n = 0;
    const record = async () => (await store.transaction((tx) => tx.getRecords([RECORD])))[0]!;
    const devOp = async (path: string, value: unknown) => op('devA', ++n, path, value, { hlc: hlcAt(T0 + 3_600_000 * n), baseVersion: (await record()).changeSeq });
    expect((await applyPush(deps, A, push('devA', [op('devA', ++n, '@create', { name: '山田' })]))).ok).toBe(true);
    expect((await applyPush(deps, A, push('devA', [await devOp('@status', 'ready')]))).ok).toBe(true);
    const first = await reviewRecord(deps, supervisor(), RECORD, { action: 'return', reason: '一回目', comments: [{ path: 'name', comment: '漢字を確認' }] });
    expect(first.ok).toBe(true);
    const firstAt = reviewHistoryOf((await record()).answers)[0]!.at;
    const replies = { reviewAt: firstAt, replies: [{ index: 0, addressed: true, reply: '直しました' }] };
    expect((await applyPush(deps, A, push('devA', [await devOp('@reply', replies), await devOp('@status', 'ready')]))).ok).toBe(true);
    expect((await reviewRecord(deps, supervisor(), RECORD, { action: 'return', reason: '二回目' })).ok).toBe(true);

    const history = reviewHistoryOf((await record()).answers);
    expect(history.map((h) => [h.reason, h.byName, h.comments.length, h.replies])).toEqual([
      ['一回目', '監督 花子', 1, replies.replies],
      ['二回目', '監督 花子', 0, []],
    ]);
    expect((await record()).answers['@review']).toMatchObject({ reason: '二回目', byName: '監督 花子' });
    // A malformed reply is refused like any bad record operation.
    const bad = await applyPush(deps, A, push('devA', [await devOp('@reply', { reviewAt: firstAt, replies: [{ index: -1, addressed: 'yes', reply: 1 }] })]));
    expect(bad.ok).toBe(false);
    await store.close();
  });
});
