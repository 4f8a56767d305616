// The care office API on PostgreSQL (skipped when it is not reachable): create, pull, survey, approve, list with KPIs, CSV, reassign — the row-locking store's path through the same services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../sync-server/src/config.ts';
import { startTestServer, type LoggedIn, type TestServer } from '../sync-server/test-server.ts';
import { addAccount, caseBody, deviceOf, NOW, surveyCase } from './care-server.ts';
import { postgresTestStore, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';

const PG_URL = TEST_PG_URL;

const hasPg = (await postgresUnreachable(PG_URL)) === null;
if (!hasPg) console.warn(`PostgreSQL not reachable at ${PG_URL}: the care PostgreSQL test was SKIPPED`);

describe.skipIf(!hasPg)('care office API on PostgreSQL', () => {
  let app: FastifyInstance;
  let server: TestServer;
  let supervisor: LoggedIn;

  beforeAll(async () => {
    server = await startTestServer({ webhooks: { ...loadConfig({ PORT: '0' }).webhooks, enabled: false } }, { now: () => NOW, store: postgresTestStore('care') });
    app = server.app;
    supervisor = await server.login('supervisor');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('takes a case from creation to the certification CSV', async () => {
    const assessor = deviceOf(server, await server.login('assessor'));
    const created = await app.inject({ method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers, payload: caseBody(assessor.login.userId, { caseNumber: 'PG-1', insuredNumber: '0000000555' }) });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().case.id as string;
    const duplicate = await app.inject({ method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers, payload: caseBody(assessor.login.userId, { caseNumber: 'PG-1' }) });
    expect(duplicate.json().error.code).toBe('E_CARE_CASE_NUMBER_TAKEN');

    const assessmentId = await surveyCase(server, assessor, caseId);
    expect((await app.inject({ method: 'POST', url: `/api/records/${assessmentId}/review`, headers: supervisor.headers, payload: { action: 'approve' } })).statusCode).toBe(200);

    const list = (await app.inject({ method: 'GET', url: '/api/office/care/cases?status=approved', headers: supervisor.headers })).json();
    expect(list.cases).toEqual([expect.objectContaining({ id: caseId, status: 'approved', daysToVisit: 8, daysToFinish: 5 })]);

    const csv = await app.inject({ method: 'GET', url: '/api/office/care/export.csv', headers: supervisor.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[1]!.startsWith('PG-1,0000000555,2025-03-28,')).toBe(true);

    const otherId = await addAccount(server, 'assessor-pg-2', 'care_assessor');
    const moved = await app.inject({ method: 'POST', url: `/api/office/care/cases/${caseId}/assign`, headers: supervisor.headers, payload: { assigneeId: otherId } });
    expect(moved.statusCode, moved.body).toBe(200);
    const other = deviceOf(server, await server.login('assessor-pg-2'));
    expect((await other.pullAll()).records.map((r) => r.id)).toEqual(expect.arrayContaining([caseId, assessmentId]));
  });
});
