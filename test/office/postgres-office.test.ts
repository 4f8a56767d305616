// The back office end to end on PostgreSQL (skipped when it is not reachable): submit → revisions → approve → feed, list, detail, export, dashboard, audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../sync-server/src/config.ts';
import { startTestServer, type LoggedIn, type TestServer } from '../sync-server/test-server.ts';
import { approve, getJson, TestDevice } from './office-fixture.ts';
import { postgresTestStore, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';

const PG_URL = TEST_PG_URL;

const hasPg = (await postgresUnreachable(PG_URL)) === null;
if (!hasPg) console.warn(`PostgreSQL not reachable at ${PG_URL}: the back office PostgreSQL test was SKIPPED`);

describe.skipIf(!hasPg)('back office on PostgreSQL', () => {
  let server: TestServer;
  let supervisor: LoggedIn;
  let device: TestDevice;

  beforeAll(async () => {
    server = await startTestServer({ webhooks: { ...loadConfig({ PORT: '0' }).webhooks, enabled: false } }, { store: postgresTestStore('office') });
    supervisor = await server.login('supervisor');
    device = await TestDevice.signIn(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs the review, hand-off, list, export, dashboard and audit routes', async () => {
    const id = await device.create();
    await device.submit(id);
    const returned = await server.app.inject({ method: 'POST', url: `/api/records/${id}/review`, headers: supervisor.headers, payload: { action: 'return', reason: '確認' } });
    expect(returned.statusCode).toBe(200);
    await device.edit(id, { building_count: 2 }, { submit: true });
    await approve(server, supervisor, id);

    const detail = await getJson(server, `/api/office/records/${id}`, supervisor.headers);
    expect(detail.status).toBe(200);
    expect((detail.body.revisions as { status: string }[]).map((r) => r.status)).toEqual(['superseded', 'approved']);
    expect((detail.body.diffs as { changes: unknown[] }[])[0]!.changes).toEqual([{ path: 'building_count', before: 1, after: 2 }]);

    const feed = await getJson(server, '/api/handoff/changes?after=0', supervisor.headers);
    expect((feed.body.changes as { recordId: string; revision: number }[]).map((c) => [c.recordId, c.revision])).toEqual([[id, 2]]);

    const list = await getJson(server, '/api/office/records?status=approved&limit=1', supervisor.headers);
    expect((list.body.items as { id: string }[]).map((i) => i.id)).toEqual([id]);

    const csv = await server.app.inject({ method: 'GET', url: '/api/office/export.csv?status=approved', headers: supervisor.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(id);

    const dashboard = await getJson(server, '/api/office/dashboard?formId=field-check', supervisor.headers);
    expect(dashboard.status).toBe(200);
    expect((dashboard.body.counts as { byStatus: Record<string, number> }).byStatus.approved).toBe(1);

    const audit = await getJson(server, `/api/office/audit?recordId=${id}`, supervisor.headers);
    const actions = (audit.body.entries as { action: string }[]).map((e) => e.action);
    // Newest first; the device's pushes (create, submits) are interleaved as record_change entries.
    expect(actions.filter((a) => a !== 'record_change')).toEqual(['record_view', 'review', 'review']);
    expect(actions.filter((a) => a === 'record_change').length).toBeGreaterThanOrEqual(2);
  });
});
