// Health data reaches only the assigned assessor and the office: another care assessor and a disaster surveyor never get a case or a 調査票 through pull, GET /api/records/:id, push or the office routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { addAccount, caseBody, deviceOf, startCareServer, surveyCase, type Device } from './care-server.ts';

let server: TestServer;
let supervisor: LoggedIn;
let owner: Device;
let otherAssessor: Device;
let surveyor: Device;
let caseId: string;
let assessmentId: string;

beforeAll(async () => {
  server = await startCareServer();
  supervisor = await server.login('supervisor');
  owner = deviceOf(server, await server.login('assessor'));
  await addAccount(server, 'assessor-privacy-2', 'care_assessor');
  otherAssessor = deviceOf(server, await server.login('assessor-privacy-2'));
  surveyor = deviceOf(server, await server.login('surveyor'));
  const res = await server.app.inject({ method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers, payload: caseBody(owner.login.userId, { caseNumber: 'PRIV-1' }) });
  expect(res.statusCode, res.body).toBe(201);
  caseId = res.json().case.id;
  assessmentId = await surveyCase(server, owner, caseId);
});
afterAll(async () => {
  await server.close();
});

/** By name: describe.each runs before beforeAll has logged anyone in. */
const outsiders = { 'another care assessor': () => otherAssessor, 'a disaster surveyor': () => surveyor };

describe('the assigned assessor and the office', () => {
  it('receive the case and the 調査票', async () => {
    const mine = (await owner.pullAll()).records.map((r) => r.id);
    expect(mine).toEqual(expect.arrayContaining([caseId, assessmentId]));
    const office = deviceOf(server, supervisor);
    expect((await office.pullAll()).records.map((r) => r.id)).toEqual(expect.arrayContaining([caseId, assessmentId]));
  });
});

describe.each(Object.keys(outsiders) as (keyof typeof outsiders)[])('%s', (who) => {
  const device = (): Device => outsiders[who]();
  it('pulls no care record of another assessor at all', async () => {
    const { records } = await device().pullAll();
    expect(records.map((r) => r.id)).not.toContain(caseId);
    expect(records.map((r) => r.id)).not.toContain(assessmentId);
    expect(records.filter((r) => r.formId === 'care-case' || r.formId === 'care-assessment')).toEqual([]);
  });

  it('is refused the records by id', async () => {
    for (const id of [caseId, assessmentId]) {
      const res = await server.app.inject({ method: 'GET', url: `/api/records/${id}`, headers: device().login.headers });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('E_SCOPE');
      expect(res.body).not.toContain('試験 花子');
    }
  });

  it('cannot write to them (nothing applied)', async () => {
    const res = await server.app.inject({
      method: 'POST', url: '/api/sync/push', headers: device().login.headers,
      payload: { protocolVersion: 2, deviceId: device().login.deviceId, ops: [device().op(caseId, 'care-case', 1, 'visit_at', '2025-04-09T10:00+09:00')] },
    });
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain('E_SCOPE');
    const view = await server.app.inject({ method: 'GET', url: `/api/records/${caseId}`, headers: owner.login.headers });
    expect(view.json().record.answers.visit_at).toBe('2025-04-03T10:00+09:00');
  });

  it('is refused every care office route and the office record view', async () => {
    const attempts = [
      { method: 'GET' as const, url: '/api/office/care/cases' },
      { method: 'GET' as const, url: '/api/office/care/export.csv' },
      { method: 'POST' as const, url: '/api/office/care/cases', payload: caseBody(device().login.userId) },
      { method: 'POST' as const, url: `/api/office/care/cases/${caseId}/assign`, payload: { assigneeId: device().login.userId } },
      { method: 'GET' as const, url: `/api/office/records/${assessmentId}` },
    ];
    for (const attempt of attempts) {
      const res = await server.app.inject({ ...attempt, headers: device().login.headers });
      expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
      expect(res.json().error.code).toBe('E_FORBIDDEN');
      expect(res.body).not.toContain('試験 花子');
    }
  });
});
