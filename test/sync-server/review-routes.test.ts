// The review API end to end: a device submits, a supervisor returns with comments, the device corrects and resubmits, approval; every refusal is coded and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format as formatHlc, nodeIdFrom, parse as parseHlc } from '../../src/protocol/hlc.ts';
import { startTestServer, type LoggedIn, type TestServer } from './test-server.ts';
import { initialAnswers, newRecordId, op, pullBody, pushBody } from './ops.ts';
import { storeDigest } from './store-digest.ts';

interface PulledRecord { id: string; status: string; answers: Record<string, unknown>; fieldVersions: Record<string, number> }

let server: TestServer;
let device: LoggedIn;
let supervisor: LoggedIn;
let seq = 0;
const recordId = newRecordId();

beforeAll(async () => {
  server = await startTestServer();
  device = await server.login('surveyor');
  supervisor = await server.login('supervisor');
});
afterAll(async () => {
  await server.close();
});

async function push(ops: unknown[]) {
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: device.headers, payload: pushBody(device.deviceId, ops) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { results: { outcome: string }[] };
}

async function pullRecord(): Promise<{ record: PulledRecord; serverHlc: string }> {
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers: device.headers, payload: pullBody(0, 1000) });
  expect(res.statusCode).toBe(200);
  const body = res.json() as { records: PulledRecord[]; serverHlc: string };
  const record = body.records.find((r) => r.id === recordId);
  if (!record) throw new Error('the device did not pull the record');
  return { record, serverHlc: body.serverHlc };
}

/** An op stamped after the server's clock, as a device makes it once it has merged a pull's serverHlc. */
function opAfter(serverHlc: string, path: string, value: unknown, baseVersion: number) {
  const seen = parseHlc(serverHlc);
  if (!seen.ok) throw new Error(seen.message);
  const hlc = formatHlc({ millis: seen.value.millis, counter: seen.value.counter + 1 + seq, node: nodeIdFrom(device.deviceId) });
  return { ...op({ deviceId: device.deviceId, seq: ++seq, recordId, path, value, baseVersion }), hlc };
}

async function review(who: LoggedIn, payload: unknown, id = recordId) {
  return server.app.inject({ method: 'POST', url: `/api/records/${id}/review`, headers: who.headers, payload: payload as object });
}

/** Sends a review that must be refused with `status`/`code` and must leave the store exactly as it was. */
async function expectRefused(who: LoggedIn, payload: unknown, status: number, code: string, id = recordId) {
  const before = storeDigest(server.dbFile);
  const res = await review(who, payload, id);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect(storeDigest(server.dbFile)).toBe(before);
}

describe('POST /api/records/:id/review', () => {
  // The steps build on each other, in order: one record through its whole review life.
  it('refuses to return a draft (409) before it is submitted', async () => {
    await push([op({ deviceId: device.deviceId, seq: ++seq, recordId, path: '@create', value: initialAnswers() })]);
    await expectRefused(supervisor, { action: 'return', reason: '未提出' }, 409, 'E_REVIEW_TRANSITION');
    await expectRefused(supervisor, { action: 'approve' }, 409, 'E_REVIEW_TRANSITION');
  });

  it('lets the device submit with @status "ready"', async () => {
    const { record, serverHlc } = await pullRecord();
    await push([opAfter(serverHlc, '@status', 'ready', record.fieldVersions['@status'] ?? 0)]);
    expect((await pullRecord()).record.status).toBe('submitted');
  });

  it('refuses a surveyor (403 E_FORBIDDEN), a malformed body (400) and an unknown record (404)', async () => {
    await expectRefused(device, { action: 'approve' }, 403, 'E_FORBIDDEN');
    await expectRefused(supervisor, { action: 'return' }, 400, 'E_BAD_REQUEST');
    await expectRefused(supervisor, { action: 'return', reason: '   ' }, 400, 'E_BAD_REQUEST');
    await expectRefused(supervisor, { action: 'approve', reason: 'x'.repeat(2001) }, 400, 'E_BAD_REQUEST');
    await expectRefused(supervisor, { action: 'approve', comments: 'none' }, 400, 'E_BAD_REQUEST');
    await expectRefused(supervisor, { action: 'destroy' }, 400, 'E_BAD_REQUEST');
    await expectRefused(supervisor, { action: 'approve' }, 404, 'E_NOT_FOUND', newRecordId());
    const unauthenticated = await server.app.inject({ method: 'POST', url: `/api/records/${recordId}/review`, payload: { action: 'approve' } });
    expect(unauthenticated.statusCode).toBe(401);
    expect((await pullRecord()).record.status).toBe('submitted');
  });

  it('returns with a reason and field comments; the device pulls status "returned" and the comments', async () => {
    const comments = [{ path: 'inspector_name', comment: 'フルネームで記入してください' }];
    const res = await review(supervisor, { action: 'return', reason: '記入漏れがあります', comments });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().record).toMatchObject({ id: recordId, status: 'returned' });
    const { record } = await pullRecord();
    expect(record.status).toBe('returned');
    expect(record.answers['@review']).toMatchObject({ action: 'return', reason: '記入漏れがあります', comments, by: supervisor.userId });
    expect(record.fieldVersions['@status']).toBe(record.fieldVersions['@review']);
  });

  it('takes the device correction and resubmission: submitted again', async () => {
    const { record, serverHlc } = await pullRecord();
    const result = await push([
      opAfter(serverHlc, 'inspector_name', '調査 太郎 修正', record.fieldVersions.inspector_name ?? 0),
      opAfter(serverHlc, '@status', 'ready', record.fieldVersions['@status'] ?? 0),
    ]);
    expect(result.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    const after = (await pullRecord()).record;
    expect(after.status).toBe('submitted');
    expect(after.answers.inspector_name).toBe('調査 太郎 修正');
  });

  it('approves (200, approved); approving again is 409 and changes nothing', async () => {
    const res = await review(supervisor, { action: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().record.status).toBe('approved');
    const { record } = await pullRecord();
    expect(record.status).toBe('approved');
    expect(record.answers['@review']).toMatchObject({ action: 'approve', reason: null, comments: [] });
    await expectRefused(supervisor, { action: 'approve' }, 409, 'E_REVIEW_TRANSITION');
    await expectRefused(supervisor, { action: 'return', reason: '差し戻し' }, 409, 'E_REVIEW_TRANSITION');
  });

  it('lets an admin reopen an approved record with a reason (returned)', async () => {
    await expectRefused(device, { action: 'reopen', reason: '再調査' }, 403, 'E_FORBIDDEN');
    const admin = await server.login('admin');
    const res = await review(admin, { action: 'reopen', reason: '再調査が必要' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await pullRecord()).record.status).toBe('returned');
  });

  it('never lets a device write @review itself (as an op or inside @create)', async () => {
    const before = storeDigest(server.dbFile);
    const asOp = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: device.headers, payload: pushBody(device.deviceId, [op({ deviceId: device.deviceId, seq: ++seq, recordId, path: '@review', value: { action: 'approve' } })]) });
    expect(asOp.statusCode).toBe(400);
    const forged = { ...initialAnswers(), '@review': { action: 'approve', reason: null, comments: [], by: supervisor.userId, at: new Date().toISOString() } };
    const inCreate = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: device.headers, payload: pushBody(device.deviceId, [op({ deviceId: device.deviceId, seq: ++seq, recordId: newRecordId(), path: '@create', value: forged })]) });
    expect(inCreate.statusCode).toBe(422);
    expect(storeDigest(server.dbFile)).toBe(before);
  });
});
