// Pushing the outbox: a lost answer is retried with the same opIds (applied once), refused ops are kept aside, baseVersion follows the pull.
import { describe, expect, it } from 'vitest';
import { pendingCount, pendingEntries } from '../../../src/data/outbox.ts';
import { listRejected } from '../../../src/data/sync/rejectedOps.ts';
import { syncSetup } from './syncHelpers.ts';

describe('push', () => {
  it('a lost response is retried AS IS: same opIds, the server applies each op once, the outbox empties', async () => {
    const { server, repo, db, client } = await syncSetup();
    const { id } = await repo.create('field-check', 1);
    await repo.saveAnswer(id, 'inspector_name', '山田', { errorCount: 0 });
    server.failNext('push', 'lose-response');

    const first = await client.syncNow();
    expect(first.phase).toBe('offline');
    expect(first.lastError?.code).toBe('E_OFFLINE');
    expect(server.applied).toHaveLength(2); // the server did apply the batch…
    expect(await pendingCount(db)).toBe(2); // …but the device never heard, so it keeps the ops

    const second = await client.syncNow();
    expect(second.phase).toBe('idle');
    expect(server.pushes.map((p) => p.opIds)).toEqual([server.pushes[0]?.opIds, server.pushes[0]?.opIds]);
    expect(server.applied.map((o) => o.opId)).toEqual(server.pushes[0]?.opIds); // nothing applied twice
    expect(await pendingCount(db)).toBe(0);
    expect(server.records.get(id)?.answers).toEqual({ inspector_name: '山田' });
  });

  it('an edit made after the lost response is sent as a new op, the frozen one unchanged', async () => {
    const { server, repo, db, client } = await syncSetup();
    const { id } = await repo.create('field-check', 1);
    await repo.saveAnswer(id, 'inspector_name', '山', { errorCount: 0 });
    server.failNext('push', 'offline');
    await client.syncNow();
    await repo.saveAnswer(id, 'inspector_name', '山田', { errorCount: 0 });
    const entries = await pendingEntries(db, 10);
    expect(entries.map((e) => [e.path, e.value])).toEqual([['@create', {}], ['inspector_name', '山'], ['inspector_name', '山田']]);
    await client.syncNow();
    expect(server.records.get(id)?.answers.inspector_name).toBe('山田');
  });

  it('refused ops (422 E_PUSH_REJECTED) move to rejectedOps with their reason, the rest is pushed', async () => {
    const { server, repo, db, client } = await syncSetup();
    const { id } = await repo.create('field-check', 1);
    await repo.saveAnswer(id, 'inspector_name', '山田', { errorCount: 0 });
    await repo.saveAnswer(id, 'building_count', 'many', { errorCount: 1 });
    const bad = (await pendingEntries(db, 10)).find((e) => e.path === 'building_count');
    server.refuse.set(bad?.opId as string, 'E_VALUE_INVALID');

    const status = await client.syncNow();
    expect(status.phase).toBe('idle');
    expect(status.progress.rejected).toBe(1);
    expect(await pendingCount(db)).toBe(0);
    const rejected = await listRejected(db);
    expect(rejected.map((r) => [r.opId, r.path, r.value, r.rejection.code])).toEqual([[bad?.opId, 'building_count', 'many', 'E_VALUE_INVALID']]);
    expect(server.applied.map((o) => o.path)).toEqual(['@create', 'inspector_name']);
    // The record converges on the server's value; what was typed stays readable in the rejected list.
    const row = await repo.get(id);
    expect(row?.answers.inspector_name).toBe('山田');
    expect(row?.answers.building_count).toBeUndefined();
  });

  it('a local edit carries the field version last pulled as baseVersion', async () => {
    const { server, repo, db, client } = await syncSetup();
    const { id } = await repo.create('field-check', 1, { inspector_name: '山田' });
    await client.syncNow();
    const pulled = await repo.get(id);
    const version = server.records.get(id)?.fieldVersions.inspector_name as number;
    expect(version).toBeGreaterThan(0);
    expect(pulled?.fieldVersions?.inspector_name).toBe(version);

    await repo.saveAnswer(id, 'inspector_name', '鈴木', { errorCount: 0 });
    await repo.saveAnswer(id, 'notes', 'メモ', { errorCount: 0 });
    const entries = await pendingEntries(db, 10);
    expect(entries.map((e) => [e.path, e.baseVersion])).toEqual([['inspector_name', version], ['notes', 0]]);
  });
});
