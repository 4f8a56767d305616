// Reassigning a case moves its 調査票 only when the link names the previous assessor's care-assessment of that case; otherwise the case moves alone and the answer and audit say why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRecordId } from '../sync-server/ops.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { addAccount, assessmentAnswers, caseBody, deviceOf, startCareServer, surveyCase, type Device } from './care-server.ts';

let server: TestServer;
let supervisor: LoggedIn;
let first: Device;
let other: Device;
let thirdId: string;

beforeAll(async () => {
  server = await startCareServer();
  supervisor = await server.login('supervisor');
  first = deviceOf(server, await server.login('assessor'));
  await addAccount(server, 'assessor-link-2', 'care_assessor');
  other = deviceOf(server, await server.login('assessor-link-2'));
  thirdId = await addAccount(server, 'assessor-link-3', 'care_assessor');
});
afterAll(async () => {
  await server.close();
});

async function createCase(assigneeId: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers, payload: caseBody(assigneeId) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().case.id as string;
}

async function reassign(caseId: string, assigneeId: string) {
  const res = await server.app.inject({ method: 'POST', url: `/api/office/care/cases/${caseId}/assign`, headers: supervisor.headers, payload: { assigneeId } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { case: { assigneeId: string }; assessment?: { id: string; moved: boolean; mismatch: string | null } };
}

async function ownerOf(id: string): Promise<{ ownerId: string; assigneeId: string | null }> {
  const [record] = await server.store.transaction((tx) => tx.getRecords([id]));
  return { ownerId: record!.ownerId, assigneeId: record!.assigneeId };
}

/** The assessor links the case to `recordId` as 「調査を開始」 would, without creating anything. */
async function link(device: Device, caseId: string, recordId: string): Promise<void> {
  const pulled = (await device.pullAll()).records.find((r) => r.id === caseId)!;
  await device.push([device.op(caseId, 'care-case', 1, 'assessment_record_id', recordId, pulled.fieldVersions['@create'] ?? 0)]);
}

describe('reassignment and the case\'s assessment link', () => {
  it('moves the previous assessor\'s own 調査票 of the case with it', async () => {
    const caseId = await createCase(first.login.userId);
    const assessmentId = await surveyCase(server, first, caseId, false);
    const answer = await reassign(caseId, thirdId);
    expect(answer.assessment).toEqual({ id: assessmentId, moved: true, mismatch: null });
    expect(await ownerOf(assessmentId)).toEqual({ ownerId: thirdId, assigneeId: thirdId });
  });

  it('leaves another assessor\'s 調査票 where it is when the link names it, and reports it', async () => {
    const theirs = newRecordId();
    const form = server.forms.get('care-assessment')!;
    await other.push([other.op(theirs, form.id, form.version, '@create', assessmentAnswers())]);
    const caseId = await createCase(first.login.userId);
    await link(first, caseId, theirs);
    const answer = await reassign(caseId, thirdId);
    expect(answer.case.assigneeId).toBe(thirdId);
    expect(answer.assessment).toMatchObject({ id: theirs, moved: false, mismatch: expect.stringMatching(/another user/) });
    expect(await ownerOf(theirs)).toEqual({ ownerId: other.login.userId, assigneeId: null });
    const audit = await server.store.transaction((tx) => tx.listAudit({ recordId: caseId, limit: 10 }));
    expect(audit.find((e) => (e.detail as { care?: string }).care === 'assign-case')?.detail).toMatchObject({ assessment: null, assessmentMismatch: { id: theirs } });
  });

  it('does not move a 調査票 that two cases name, nor a record of another form', async () => {
    const caseA = await createCase(first.login.userId);
    const caseB = await createCase(first.login.userId);
    const shared = await surveyCase(server, first, caseA, false);
    await link(first, caseB, shared);
    const answer = await reassign(caseB, thirdId);
    expect(answer.assessment).toMatchObject({ id: shared, moved: false, mismatch: expect.stringMatching(/another case/) });
    expect((await ownerOf(shared)).ownerId).toBe(first.login.userId);

    const caseC = await createCase(first.login.userId);
    const answerC = await reassign(caseC, thirdId);
    expect(answerC.assessment).toBeUndefined();
    const caseD = await createCase(first.login.userId);
    await link(first, caseD, caseA); // a care-case id, not a 調査票
    expect((await reassign(caseD, thirdId)).assessment).toMatchObject({ moved: false, mismatch: expect.stringMatching(/not a care-assessment/) });
    expect((await ownerOf(caseA)).ownerId).not.toBe(thirdId);
  });
});
