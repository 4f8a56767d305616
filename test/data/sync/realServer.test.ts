// Two devices (fake IndexedDB) against the REAL sync server (SQLite, demo seed, app.inject): disjoint fields merge, the same field escalates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../helpers.ts';
import { RecordRepository } from '../../../src/data/records.ts';
import { pendingCount } from '../../../src/data/outbox.ts';
import { HttpSyncTransport, type FetchLike } from '../../../src/data/sync/transport.ts';
import { SyncClient } from '../../../src/data/sync/syncClient.ts';
import { login } from '../../../src/data/sync/session.ts';
import { startTestServer, type TestServer } from '../../sync-server/test-server.ts';
import { fakeEnvironment } from './syncHelpers.ts';

let server: TestServer;

/** fetch → fastify's inject: the real routes and services, without a socket. */
function injectFetch(): FetchLike {
  return async (input, init) => {
    const url = new URL(input, 'http://genba.test');
    const res = await server.app.inject({
      method: (init?.method ?? 'GET') as 'POST',
      url: url.pathname + url.search,
      headers: init?.headers as Record<string, string>,
      payload: init?.body as string,
    });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') } });
  };
}

async function tablet(username: string) {
  const db = openTestDb();
  const repo = new RecordRepository(db);
  const transport = new HttpSyncTransport('', injectFetch());
  const client = new SyncClient({ db, transport, environment: fakeEnvironment() });
  await login(db, transport, { username, password: 'genba-demo', deviceLabel: username });
  return { db, repo, client };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('device sync client against the real server', () => {
  it('A creates and syncs; B pulls it; offline edits to different fields merge on both; the same field gives one conflict and one provisional value', async () => {
    const a = await tablet('surveyor');
    const b = await tablet('surveyor');
    const { id } = await a.repo.create('field-check', 2, { inspector_name: '山田 太郎' });
    expect((await a.client.syncNow()).phase).toBe('idle');
    expect(await pendingCount(a.db)).toBe(0);
    expect((await b.client.syncNow()).phase).toBe('idle');
    expect((await b.repo.get(id))?.answers.inspector_name).toBe('山田 太郎');

    await a.repo.saveAnswer(id, 'floor_area', 120.5, { errorCount: 0 });
    await b.repo.saveAnswer(id, 'overall_notes', '屋根に損傷', { errorCount: 0 });
    await a.client.syncNow();
    await b.client.syncNow();
    await a.client.syncNow();
    for (const device of [a, b]) {
      const row = await device.repo.get(id);
      expect(row?.answers).toMatchObject({ inspector_name: '山田 太郎', floor_area: 120.5, overall_notes: '屋根に損傷' });
      expect(row?.openConflicts ?? []).toEqual([]);
    }

    await a.repo.saveAnswer(id, 'inspector_name', '佐藤', { errorCount: 0 });
    await b.repo.saveAnswer(id, 'inspector_name', '鈴木', { errorCount: 0 });
    await a.client.syncNow();
    await b.client.syncNow();
    await a.client.syncNow();
    const rowA = await a.repo.get(id);
    const rowB = await b.repo.get(id);
    expect(rowA?.answers.inspector_name).toBe(rowB?.answers.inspector_name); // the same provisional value everywhere
    expect(['佐藤', '鈴木']).toContain(rowA?.answers.inspector_name);
    expect(rowA?.openConflicts).toEqual(['inspector_name']);
    expect(rowB?.openConflicts).toEqual(['inspector_name']);
    const conflicts = await server.store.transaction((tx) => tx.listConflicts({ status: 'open', recordIds: [id] }));
    expect(conflicts).toHaveLength(1);
  });
});
