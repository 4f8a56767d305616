// What the office needs to speak of people, devices and records in words: the audit page's names, the dashboard's counts by form and status (equal to the queue's), devices with their owner's display name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDeviceListResponseSchema } from '../../src/protocol/office/device-admin.ts';
import { AuditResponseSchema, DashboardResponseSchema, RecordDetailResponseSchema, RecordListResponseSchema } from '../../src/protocol/office/index.ts';
import { RECORD_STATUSES } from '../../src/protocol/snapshot.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { approve, getJson, startOfficeServer, TestDevice } from './office-fixture.ts';

let server: TestServer;
let device: TestDevice;
let supervisor: LoggedIn;
let admin: LoggedIn;
let submitted: string;
let approved: string;

beforeAll(async () => {
  server = await startOfficeServer();
  device = await TestDevice.signIn(server);
  supervisor = await server.login('supervisor');
  admin = await server.login('admin');
  submitted = await device.create();
  await device.submit(submitted);
  approved = await device.create();
  await device.submit(approved);
  await approve(server, supervisor, approved);
});
afterAll(async () => {
  await server.close();
});

async function get<T>(url: string, schema: { parse: (v: unknown) => T }, who: LoggedIn = supervisor): Promise<T> {
  const res = await getJson(server, url, who.headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return schema.parse(res.body);
}

describe('office names', () => {
  it('answers the audit page with display names, device labels and record titles of what it mentions', async () => {
    const page = await get(`/api/office/audit?recordId=${approved}`, AuditResponseSchema);
    const review = page.entries.find((e) => e.action === 'review');
    const change = page.entries.find((e) => e.action === 'record_change');
    expect(review && page.names.users[review.userId ?? '']).toBe('監督 桜（デモ）');
    expect(change && page.names.devices[String(change.detail.deviceId)]).toBe('test tablet');
    expect(page.names.records[approved]?.formId).toBe('field-check');
    expect(page.names.records[approved]).toHaveProperty('title');
  });

  it('gives the record view the same names for its trail', async () => {
    const detail = await get(`/api/office/records/${approved}`, RecordDetailResponseSchema);
    const change = detail.audit.find((e) => e.action === 'record_change');
    expect(change && detail.auditNames.devices[String(change.detail.deviceId)]).toBe('test tablet');
  });

  it('lists devices with their owner\'s display name and login', async () => {
    const { devices } = await get('/api/admin/devices', AdminDeviceListResponseSchema, admin);
    expect(devices.find((d) => d.id === supervisor.deviceId)).toMatchObject({ username: 'supervisor', displayName: '監督 桜（デモ）' });
  });
});

describe('dashboard counts by form and status', () => {
  it('equal the review queue\'s totals for the same form, status and window', async () => {
    const from = new Date(Date.now() - 24 * 3600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const dashboard = await get(`/api/office/dashboard?from=${from}&to=${to}`, DashboardResponseSchema);
    expect(dashboard.counts.byForm['field-check']?.approved).toBeGreaterThanOrEqual(1);
    expect(dashboard.counts.byForm['field-check']?.submitted).toBeGreaterThanOrEqual(1);
    for (const [formId, counts] of Object.entries(dashboard.counts.byForm)) {
      for (const status of RECORD_STATUSES) {
        const queue = await get(`/api/office/records?formId=${formId}&status=${status}&from=${from}&to=${to}&limit=1`, RecordListResponseSchema);
        expect(counts[status], `${formId} ${status}`).toBe(queue.total);
      }
    }
    expect(RECORD_STATUSES.map((s) => dashboard.counts.byStatus[s])).toEqual(RECORD_STATUSES.map((s) => Object.values(dashboard.counts.byForm).reduce((n, c) => n + c[s], 0)));
  });
});
