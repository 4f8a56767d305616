// Pulling: pages and their checkpoint are stored atomically; pending local paths keep their value; new, deleted and submitted records.
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { getSetting } from '../../../src/data/settings.ts';
import { claimBatch, pendingEntries } from '../../../src/data/outbox.ts';
import { pullChanges } from '../../../src/data/sync/pullChanges.ts';
import { HttpSyncTransport } from '../../../src/data/sync/transport.ts';
import { syncSetup } from './syncHelpers.ts';

describe('pull', () => {
  it('creates records the device did not have (e.g. assigned ones), page by page, and stores the checkpoint', async () => {
    const { server, repo, db, client } = await syncSetup();
    for (let i = 0; i < 5; i++) server.addRecord({ id: uuidv7(), formId: 'field-check', formVersion: 1, answers: { inspector_name: `調査員${i}` } });
    const pageSize = 2;
    const progress = await pullChanges(db, new HttpSyncTransport('http://fake', server.fetch), server.token, 'dev', undefined, Date.now, pageSize);
    expect(server.pulls.map((p) => p.checkpoint)).toEqual([0, 2, 4]);
    expect(progress).toEqual({ pulled: 5, forgotten: 0, checkpoint: 5 });
    expect(await getSetting(db, 'syncCheckpoint')).toBe(5);
    const rows = await repo.listByForm('field-check');
    expect(rows.map((r) => r.answers.inspector_name).sort()).toEqual(['調査員0', '調査員1', '調査員2', '調査員3', '調査員4']);
    expect(rows.every((r) => r.status === 'draft' && r.serverVersion !== undefined)).toBe(true);

    // Nothing changed on the server: the next sync asks from 5 and stores nothing new.
    await client.syncNow();
    expect(server.pulls.at(-1)?.checkpoint).toBe(5);
    expect(await db.records.count()).toBe(5);
  });

  it('a failure in the middle of a page leaves the old checkpoint and none of that page stored', async () => {
    const { server, repo, db, client } = await syncSetup();
    const first = Array.from({ length: 3 }, (_, i) => server.addRecord({ id: uuidv7(), formId: 'field-check', formVersion: 1, answers: { inspector_name: `A${i}` } }));
    await client.syncNow();
    expect(await getSetting(db, 'syncCheckpoint')).toBe(3);

    const second = Array.from({ length: 3 }, (_, i) => server.addRecord({ id: uuidv7(), formId: 'field-check', formVersion: 1, answers: { inspector_name: `B${i}` } }));
    server.touch(first[0]?.id as string, (r) => { r.answers.inspector_name = 'A0 changed'; });
    // The device's store refuses one row of the page (as a full disk or a broken row would).
    const poisoned = second[1]?.id;
    const hook = (_key: unknown, obj: { id?: string }) => {
      if (obj.id === poisoned) throw new Error('disk full');
    };
    db.records.hook('creating', hook);
    const failed = await client.syncNow();
    expect(failed.phase).toBe('error');
    expect(await getSetting(db, 'syncCheckpoint')).toBe(3);
    expect(await db.records.count()).toBe(3);
    expect((await repo.get(first[0]?.id as string))?.answers.inspector_name).toBe('A0'); // the update in the same page is not applied either

    db.records.hook('creating').unsubscribe(hook);
    const retried = await client.syncNow();
    expect(retried.phase).toBe('idle');
    expect(await getSetting(db, 'syncCheckpoint')).toBe(server.seq);
    expect(await db.records.count()).toBe(6);
    expect((await repo.get(first[0]?.id as string))?.answers.inspector_name).toBe('A0 changed');
  });

  it('paths with an unsent local op keep their local value; the others, and every field version, come from the server', async () => {
    const { server, repo, client, db } = await syncSetup();
    const { id } = await repo.create('field-check', 1, { inspector_name: '山田', notes: 'a' });
    await client.syncNow();
    server.failNext('push', 'offline');
    await repo.saveAnswer(id, 'inspector_name', '鈴木', { errorCount: 0 }); // local, not yet acknowledged
    server.touch(id, (r) => {
      r.answers = { ...r.answers, inspector_name: '佐藤', notes: 'b' };
      r.fieldVersions = { ...r.fieldVersions, inspector_name: server.seq + 1, notes: server.seq + 1 };
    });
    const before = await repo.get(id);
    await pullChanges(db, new HttpSyncTransport('http://fake', server.fetch), server.token, 'dev');
    const row = await repo.get(id);
    expect(row?.answers).toEqual({ inspector_name: '鈴木', notes: 'b' });
    expect(row?.fieldVersions?.notes).toBe(server.records.get(id)?.fieldVersions.notes);
    expect(row?.fieldVersions?.inspector_name).toBe(server.records.get(id)?.fieldVersions.inspector_name);
    // The unsent op keeps the base it was made on (what the device had seen when the user typed).
    const [op] = await pendingEntries(db, 10);
    expect(op?.baseVersion).toBe(before?.fieldVersions?.inspector_name);
  });

  it('a value whose op was already sent (claimed, answer lost) takes the server value: the server may have merged it', async () => {
    const { server, repo, client, db } = await syncSetup();
    const { id } = await repo.create('field-check', 1, { inspector_name: '山田' });
    await client.syncNow();
    await repo.saveAnswer(id, 'inspector_name', '鈴木', { errorCount: 0 });
    await claimBatch(db, 10); // handed to the network, no answer yet
    server.touch(id, (r) => { r.answers = { ...r.answers, inspector_name: '佐藤' }; });
    await pullChanges(db, new HttpSyncTransport('http://fake', server.fetch), server.token, 'dev');
    expect((await repo.get(id))?.answers.inspector_name).toBe('佐藤');
    expect(await pendingEntries(db, 10)).toHaveLength(1); // the op itself is still waiting for its acknowledgement
  });

  it('a record deleted on the server is removed; unsent local edits to it stay in the outbox for the server to judge', async () => {
    const { server, repo, client, db } = await syncSetup();
    const quiet = server.addRecord({ id: uuidv7(), formId: 'field-check', formVersion: 1, answers: { inspector_name: 'x' } });
    const busy = server.addRecord({ id: uuidv7(), formId: 'field-check', formVersion: 1, answers: { inspector_name: 'y' } });
    await client.syncNow();
    expect(await db.records.count()).toBe(2);
    server.failNext('push', 'offline');
    await repo.saveAnswer(busy.id, 'inspector_name', 'y2', { errorCount: 0 });
    server.touch(quiet.id, (r) => { r.deleted = true; });
    server.touch(busy.id, (r) => { r.deleted = true; });
    await pullChanges(db, new HttpSyncTransport('http://fake', server.fetch), server.token, 'dev');
    expect(await repo.get(quiet.id)).toBeUndefined();
    expect(await repo.get(busy.id)).toBeUndefined();
    expect((await pendingEntries(db, 10)).map((e) => [e.recordId, e.value])).toEqual([[busy.id, 'y2']]);
  });

  it('a record deleted on this tablet (delete not yet acknowledged) is not brought back by a pull', async () => {
    const { server, repo, client, db } = await syncSetup();
    const record = server.addRecord({ id: uuidv7(), formId: 'field-check', formVersion: 1, answers: { inspector_name: 'x' } });
    await client.syncNow();
    await repo.remove(record.id);
    server.touch(record.id, (r) => { r.answers = { inspector_name: 'changed elsewhere' }; });
    await pullChanges(db, new HttpSyncTransport('http://fake', server.fetch), server.token, 'dev');
    expect(await repo.get(record.id)).toBeUndefined();
  });

  it('server statuses: submitted/approved show as submitted (read-only), returned as draft; open conflicts are listed on the record', async () => {
    const { server, repo, client } = await syncSetup();
    const submitted = server.addRecord({ id: uuidv7(), formId: 'field-check', formVersion: 1, answers: {}, status: 'submitted' });
    const approved = server.addRecord({ id: uuidv7(), formId: 'field-check', formVersion: 1, answers: {}, status: 'approved' });
    const returned = server.addRecord({ id: uuidv7(), formId: 'field-check', formVersion: 1, answers: {}, status: 'returned' });
    server.conflicts.push({ id: 'c1', recordId: returned.id, path: 'inspector_name' });
    await client.syncNow();
    expect((await repo.get(submitted.id))?.status).toBe('submitted');
    expect((await repo.get(approved.id))?.status).toBe('submitted');
    const back = await repo.get(returned.id);
    expect(back?.status).toBe('draft');
    expect(back?.openConflicts).toEqual(['inspector_name']);
  });
});
