// Reassigning a case makes the previous assessor's next pull list it in `removed` (their tablet deletes it), refuses it by id, and brings it to the new assessor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullBody } from '../sync-server/ops.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { addAccount, caseBody, deviceOf, startCareServer, surveyCase, type Device } from './care-server.ts';

let server: TestServer;
let supervisor: LoggedIn;
let first: Device;
let second: Device;

interface Page { records: { id: string; assigneeId?: string }[]; removed?: string[]; checkpoint: number; hasMore: boolean }

/** Every page from a checkpoint; the records and removed ids of all of them, and the last checkpoint. */
async function pullFrom(device: Device, checkpoint: number): Promise<{ records: string[]; removed: string[]; checkpoint: number }> {
  const records: string[] = [];
  const removed: string[] = [];
  for (let n = 0; n < 100; n++) {
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers: device.login.headers, payload: pullBody(checkpoint, 1000) });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page;
    records.push(...page.records.map((r) => r.id));
    removed.push(...(page.removed ?? []));
    checkpoint = page.checkpoint;
    if (!page.hasMore) break;
  }
  return { records, removed, checkpoint };
}

async function createCase(assigneeId: string, caseNumber: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers, payload: caseBody(assigneeId, { caseNumber }) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().case.id as string;
}

async function reassign(caseId: string, assigneeId: string): Promise<void> {
  const res = await server.app.inject({ method: 'POST', url: `/api/office/care/cases/${caseId}/assign`, headers: supervisor.headers, payload: { assigneeId } });
  expect(res.statusCode, res.body).toBe(200);
}

const getStatus = async (device: Device, id: string) =>
  (await server.app.inject({ method: 'GET', url: `/api/records/${id}`, headers: device.login.headers })).statusCode;

beforeAll(async () => {
  server = await startCareServer();
  supervisor = await server.login('supervisor');
  first = deviceOf(server, await server.login('assessor'));
  await addAccount(server, 'assessor-reassign-2', 'care_assessor');
  second = deviceOf(server, await server.login('assessor-reassign-2'));
});
afterAll(async () => {
  await server.close();
});

describe('reassigning a case from assessor A to assessor B', () => {
  it('an untouched case: A\'s next pull lists it in removed, A is refused it by id, B receives it', async () => {
    const caseId = await createCase(first.login.userId, 'MOVE-1');
    const before = await pullFrom(first, 0);
    expect(before.records).toContain(caseId);
    await reassign(caseId, second.login.userId);
    const after = await pullFrom(first, before.checkpoint);
    expect(after.removed).toEqual([caseId]);
    expect(after.records).not.toContain(caseId);
    expect(after.checkpoint).toBeGreaterThan(before.checkpoint);
    expect(await pullFrom(first, after.checkpoint)).toMatchObject({ records: [], removed: [], checkpoint: after.checkpoint });
    expect(await getStatus(first, caseId)).toBe(403);
    expect((await pullFrom(second, 0)).records).toContain(caseId);
    expect(await getStatus(second, caseId)).toBe(200);
  });

  it('a surveyed case: the case and the 調査票 A started both move to B and are removed from A', async () => {
    const caseId = await createCase(first.login.userId, 'MOVE-2');
    const assessmentId = await surveyCase(server, first, caseId, false);
    const before = await pullFrom(first, 0);
    await reassign(caseId, second.login.userId);
    const after = await pullFrom(first, before.checkpoint);
    expect([...after.removed].sort()).toEqual([caseId, assessmentId].sort());
    expect(after.records).toEqual([]);
    expect(await getStatus(first, caseId)).toBe(403);
    expect(await getStatus(first, assessmentId)).toBe(403);
    expect((await pullFrom(second, 0)).records).toEqual(expect.arrayContaining([caseId, assessmentId]));
  });

  it('given back before A pulls: nothing is removed and A receives the case again', async () => {
    const caseId = await createCase(first.login.userId, 'MOVE-3');
    const before = await pullFrom(first, 0);
    await reassign(caseId, second.login.userId);
    await reassign(caseId, first.login.userId);
    const after = await pullFrom(first, before.checkpoint);
    expect(after.removed).toEqual([]);
    expect(after.records).toEqual([caseId]);
  });
});
