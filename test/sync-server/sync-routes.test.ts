// Push, pull and conflicts over HTTP: coded errors for bad requests, scope, replayed batches, and a conflict a supervisor sees and resolves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';
import { initialAnswers, newRecordId, op, pullBody, pushBody } from './ops.ts';
import { storeDigest } from './store-digest.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function push(headers: { authorization: string }, deviceId: string, ops: unknown[]) {
  return server.app.inject({ method: 'POST', url: '/api/sync/push', headers, payload: pushBody(deviceId, ops) });
}

async function pullAll(headers: { authorization: string }) {
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers, payload: pullBody(0, 1000) });
  expect(res.statusCode).toBe(200);
  return res.json() as { records: { id: string; answers: Record<string, unknown>; fieldVersions: Record<string, number> }[]; conflicts: unknown[] };
}

describe('bad requests get coded 4xx errors', () => {
  it('answers a wrong protocol version with 400 E_PROTOCOL_VERSION (push and pull)', async () => {
    const dev = await server.login('surveyor');
    const pushRes = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: dev.headers, payload: { ...pushBody(dev.deviceId, []), protocolVersion: 99 } });
    expect(pushRes.statusCode).toBe(400);
    expect(pushRes.json().error.code).toBe('E_PROTOCOL_VERSION');
    const pullRes = await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers: dev.headers, payload: { ...pullBody(), protocolVersion: 0 } });
    expect(pullRes.statusCode).toBe(400);
    expect(pullRes.json().error.code).toBe('E_PROTOCOL_VERSION');
  });

  it('answers a body over 1 MiB with 413 E_TOO_LARGE', async () => {
    const dev = await server.login('surveyor');
    const huge = JSON.stringify({ ...pullBody(), padding: 'x'.repeat(1024 * 1024 + 10) });
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers: { ...dev.headers, 'content-type': 'application/json' }, payload: huge });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('E_TOO_LARGE');
  });

  it('answers malformed JSON with 400 E_JSON and a wrong content type with 415', async () => {
    const dev = await server.login('surveyor');
    const bad = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...dev.headers, 'content-type': 'application/json' }, payload: '{"protocolVersion": 1, "ops": [' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('E_JSON');
    const xml = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...dev.headers, 'content-type': 'application/xml' }, payload: '<push/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('E_MEDIA_TYPE');
  });

  it('answers a body of the wrong shape with 400 E_BAD_REQUEST listing the issues', async () => {
    const dev = await server.login('surveyor');
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers: dev.headers, payload: { protocolVersion: 2, checkpoint: -1, limit: 5000 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('E_BAD_REQUEST');
    expect(res.json().error.details.issues.length).toBeGreaterThan(0);
  });

  it('refuses a push that names another device than the token (403 E_DEVICE_MISMATCH)', async () => {
    const dev = await server.login('surveyor');
    const res = await push(dev.headers, 'someone-elses-tablet', [op({ deviceId: 'someone-elses-tablet', seq: 1, recordId: newRecordId(), path: '@create', value: initialAnswers() })]);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('E_DEVICE_MISMATCH');
  });

  it('answers a URL with broken percent-encoding with a coded 400', async () => {
    const dev = await server.login('surveyor');
    const res = await server.app.inject({ method: 'GET', url: '/api/records/%E0%A4%A', headers: dev.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('E_BAD_REQUEST');
  });

  it('answers an unknown API route with 404 E_NOT_FOUND', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('E_NOT_FOUND');
  });
});

describe('scope', () => {
  it('rejects a whole batch that edits a record outside the user\'s scope (E_SCOPE), changing nothing', async () => {
    const surveyor = await server.login('surveyor');
    const recordId = newRecordId();
    const created = await push(surveyor.headers, surveyor.deviceId, [op({ deviceId: surveyor.deviceId, seq: 1, recordId, path: '@create', value: initialAnswers() })]);
    expect(created.statusCode).toBe(200);

    const assessor = await server.login('assessor');
    const before = storeDigest(server.dbFile);
    const res = await push(assessor.headers, assessor.deviceId, [
      op({ deviceId: assessor.deviceId, seq: 1, recordId: newRecordId(), path: '@create', value: initialAnswers('別件') }),
      op({ deviceId: assessor.deviceId, seq: 2, recordId, path: 'building_count', value: 9 }),
    ]);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(JSON.stringify(res.json())).toContain('E_SCOPE');
    expect(storeDigest(server.dbFile)).toBe(before);

    const view = await server.app.inject({ method: 'GET', url: `/api/records/${recordId}`, headers: assessor.headers });
    expect(view.statusCode).toBe(403);
    expect(view.json().error.code).toBe('E_SCOPE');
    const own = await server.app.inject({ method: 'GET', url: `/api/records/${recordId}`, headers: surveyor.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json().record.answers.inspector_name).toBe('試験 太郎');
  });

  it('pulls only the records a field user owns or is assigned to; a supervisor pulls them all', async () => {
    const assessor = await server.login('assessor');
    const supervisor = await server.login('supervisor');
    const mine = await pullAll(assessor.headers);
    const all = await pullAll(supervisor.headers);
    expect(mine.records.length).toBeGreaterThan(0);
    expect(all.records.length).toBeGreaterThan(mine.records.length);
  });
});

describe('replayed batch', () => {
  it('answers 200 with "duplicate" for every op and changes nothing', async () => {
    const dev = await server.login('surveyor');
    const recordId = newRecordId();
    const batch = pushBody(dev.deviceId, [
      op({ deviceId: dev.deviceId, seq: 1, recordId, path: '@create', value: initialAnswers() }),
      op({ deviceId: dev.deviceId, seq: 2, recordId, path: 'building_count', value: 4 }),
    ]);
    const first = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: dev.headers, payload: batch });
    expect(first.statusCode).toBe(200);
    expect(first.json().results.map((r: { outcome: string }) => r.outcome)).not.toContain('duplicate');
    const before = storeDigest(server.dbFile);
    const replay = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: dev.headers, payload: batch });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(storeDigest(server.dbFile)).toBe(before);
  });
});

describe('conflicts', () => {
  it('a same-field edit from two tablets is visible to a supervisor and resolvable; a field user may not resolve', async () => {
    const tabletA = await server.login('surveyor');
    const tabletB = await server.login('surveyor');
    const recordId = newRecordId();
    expect((await push(tabletA.headers, tabletA.deviceId, [op({ deviceId: tabletA.deviceId, seq: 1, recordId, path: '@create', value: initialAnswers() })])).statusCode).toBe(200);
    const seen = (await pullAll(tabletB.headers)).records.find((r) => r.id === recordId)!;
    const base = seen.fieldVersions.inspector_name ?? 0;

    const a = await push(tabletA.headers, tabletA.deviceId, [op({ deviceId: tabletA.deviceId, seq: 2, recordId, path: 'inspector_name', value: '山田', baseVersion: base })]);
    const b = await push(tabletB.headers, tabletB.deviceId, [op({ deviceId: tabletB.deviceId, seq: 1, recordId, path: 'inspector_name', value: '佐藤', baseVersion: base })]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.json().results[0].outcome).toBe('conflict');

    const supervisor = await server.login('supervisor');
    const list = await server.app.inject({ method: 'GET', url: `/api/conflicts?status=open&recordId=${recordId}`, headers: supervisor.headers });
    expect(list.statusCode).toBe(200);
    const [conflict] = list.json().conflicts;
    expect(conflict).toMatchObject({ recordId, path: 'inspector_name', kind: 'same-field', status: 'open' });
    expect(conflict.candidates.map((c: { value: unknown }) => c.value).sort()).toEqual(['佐藤', '山田'].sort());

    const denied = await server.app.inject({ method: 'POST', url: `/api/conflicts/${conflict.id}/resolve`, headers: tabletA.headers, payload: { value: '山田', reason: 'I win' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('E_FORBIDDEN');

    const resolved = await server.app.inject({ method: 'POST', url: `/api/conflicts/${conflict.id}/resolve`, headers: supervisor.headers, payload: { value: '山田 花子', reason: '本人に確認済み' } });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().conflict.status).toBe('resolved');
    const after = (await pullAll(tabletB.headers)).records.find((r) => r.id === recordId)!;
    expect(after.answers.inspector_name).toBe('山田 花子');

    const again = await server.app.inject({ method: 'POST', url: `/api/conflicts/${conflict.id}/resolve`, headers: supervisor.headers, payload: { value: 'x', reason: 'again' } });
    expect(again.statusCode).toBeGreaterThanOrEqual(400);
    expect(again.statusCode).toBeLessThan(500);
  });
});
