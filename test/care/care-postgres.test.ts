// The care office API on PostgreSQL (skipped when it is not reachable): create, pull, survey, approve, list with KPIs, CSV, reassign — the row-locking store's path through the same services.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../sync-server/src/app.ts';
import { loadConfig } from '../../sync-server/src/config.ts';
import { loadFormCatalog } from '../../sync-server/src/forms/catalog.ts';
import { seedDemo } from '../../sync-server/src/seed/seed-demo.ts';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo-accounts.ts';
import { openPostgresStore } from '../../sync-server/src/storage/postgres/open-postgres-store.ts';
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { TEST_SCRYPT_COST, type LoggedIn, type TestServer } from '../sync-server/test-server.ts';
import { addAccount, caseBody, deviceOf, NOW, surveyCase } from './care-server.ts';
import { dropSchema, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';

const PG_URL = TEST_PG_URL;

const hasPg = (await postgresUnreachable(PG_URL)) === null;
if (!hasPg) console.warn(`PostgreSQL not reachable at ${PG_URL}: the care PostgreSQL test was SKIPPED`);

describe.skipIf(!hasPg)('care office API on PostgreSQL', () => {
  const schema = `care_${randomBytes(6).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'genba-care-pg-'));
  let store: SyncStore;
  let app: FastifyInstance;
  let server: TestServer;
  let supervisor: LoggedIn;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent';
    store = await openPostgresStore(PG_URL, { schema, maxConnections: 5 });
    await store.migrate();
    const forms = loadFormCatalog();
    const now = () => NOW;
    await seedDemo({ store, forms, now }, { cost: TEST_SCRYPT_COST });
    const config = { ...loadConfig({ PORT: '0' }), staticDir: join(dir, 'no-dist'), dataDir: dir };
    app = await buildServer({ ...config, webhooks: { ...config.webhooks, enabled: false } }, { store, forms, now });
    let counter = 0;
    const login = async (username: string): Promise<LoggedIn> => {
      const deviceId = `pg-care-${process.pid}-${++counter}`;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD, deviceId, deviceLabel: 'pg test' } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      return { token: body.token, deviceId, userId: body.user.id, headers: { authorization: `Bearer ${body.token}` } };
    };
    server = { app, store, forms, config, dir, dbFile: '', login, close: async () => {} };
    supervisor = await login('supervisor');
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await dropSchema(PG_URL, schema);
    rmSync(dir, { recursive: true, force: true });
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
