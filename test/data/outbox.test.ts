// Outbox: keystrokes coalesce into the unsent entry; claimed entries are frozen; only acknowledged (claimed) entries are deleted.
import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers.ts';
import { claimBatch, entriesOf, markAcknowledged, pendingCount, pendingEntries } from '../../src/data/outbox.ts';

describe('coalescing', () => {
  it('typing "山田太郎" one keystroke at a time leaves one entry with the last value and hlc', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1);
    let row;
    for (const text of ['山', '山田', '山田太', '山田太郎']) row = await repo.saveAnswer(id, 'name', text, { errorCount: 0 });
    const ops = await pendingEntries(db, 10);
    expect(ops.map((o) => [o.path, o.value])).toEqual([['@create', {}], ['name', '山田太郎']]);
    expect(ops[1]?.hlc).toBe(row?.fieldClocks.name);
    expect(ops[1]?.opId).toBe(`${row?.deviceId}:2`); // keeps its place and id in the queue
  });

  it('does not coalesce into an entry already claimed for sending', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1);
    await repo.saveAnswer(id, 'name', '山', { errorCount: 0 });
    const sent = await claimBatch(db, 10);
    await repo.saveAnswer(id, 'name', '山田', { errorCount: 0 });
    expect(sent.map((o) => o.value)).toEqual([{}, '山']);
    const ops = await pendingEntries(db, 10);
    expect(ops.map((o) => [o.path, o.value, o.sentAt !== undefined])).toEqual([
      ['@create', {}, true],
      ['name', '山', true],
      ['name', '山田', false],
    ]);
  });

  it('does not coalesce across a status change queued in between, so order is kept', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1);
    await repo.saveAnswer(id, 'a', 1, { errorCount: 0 });
    await repo.finalize(id, 0);
    await repo.reopen(id);
    await repo.saveAnswer(id, 'a', 2, { errorCount: 0 });
    expect((await entriesOf(db, id)).map((o) => [o.path, o.value])).toEqual([
      ['@create', {}], ['a', 1], ['@status', 'ready'], ['@status', 'draft'], ['a', 2],
    ]);
  });

  it('different paths and different records never coalesce', async () => {
    const { db, repo } = freshRepo();
    const r1 = await repo.create('f', 1);
    const r2 = await repo.create('f', 1);
    await repo.saveAnswer(r1.id, 'a', 1, { errorCount: 0 });
    await repo.saveAnswer(r1.id, 'b', 1, { errorCount: 0 });
    await repo.saveAnswer(r2.id, 'a', 1, { errorCount: 0 });
    expect(await pendingCount(db)).toBe(5);
  });
});

describe('claim and acknowledge', () => {
  it('claimBatch takes the oldest entries in order; markAcknowledged deletes exactly those acknowledged', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1);
    await repo.saveAnswer(id, 'a', 1, { errorCount: 0 });
    await repo.saveAnswer(id, 'b', 2, { errorCount: 0 });
    const batch = await claimBatch(db, 2, '2025-05-01T10:00:00.000Z');
    expect(batch.map((o) => o.path)).toEqual(['@create', 'a']);
    expect(batch.every((o) => o.sentAt === '2025-05-01T10:00:00.000Z')).toBe(true);
    await markAcknowledged(db, [batch[0]!.opId]);
    expect((await pendingEntries(db, 10)).map((o) => o.path)).toEqual(['a', 'b']);
    // A retry claims the unacknowledged entry again (same opId: the server treats it as a no-op).
    const retry = await claimBatch(db, 1);
    expect(retry[0]?.opId).toBe(batch[1]?.opId);
  });

  it('markAcknowledged ignores unclaimed entries, which may hold a newer coalesced value', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1);
    await repo.saveAnswer(id, 'a', 1, { errorCount: 0 });
    const unclaimed = await pendingEntries(db, 10);
    await markAcknowledged(db, unclaimed.map((o) => o.opId));
    expect(await pendingCount(db)).toBe(2);
  });
});
