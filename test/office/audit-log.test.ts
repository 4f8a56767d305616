// The audit routes: sign-in (and failed), sign-out, pushed changes, record view, review, conflict resolution, blob download and device revoke append entries; search by user, record, action and time, paged; bad input is a coded 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { blobFile, blobLocation } from '../../sync-server/src/blobs/blob-files.ts';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo-accounts.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { getJson, review, startOfficeServer, TestDevice } from './office-fixture.ts';

let server: TestServer;
let device: TestDevice;
let supervisor: LoggedIn;
let recordId: string;

interface Entry { seq: number; at: string; userId: string | null; actor: string; action: string; recordId: string | null; detail: Record<string, unknown>; ip: string | null }

async function entries(query: string, who: LoggedIn = supervisor): Promise<{ entries: Entry[]; next: string | null }> {
  const res = await getJson(server, `/api/office/audit${query}`, who.headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as { entries: Entry[]; next: string | null };
}

beforeAll(async () => {
  server = await startOfficeServer();
  device = await TestDevice.signIn(server);
  supervisor = await server.login('supervisor');
  recordId = await device.create();
  await device.submit(recordId);
});
afterAll(async () => {
  await server.close();
});

describe('audit log', () => {
  it('records sign-ins with user, device and address, and failed sign-ins with the code', async () => {
    const signIns = await entries(`?action=sign_in&userId=${supervisor.userId}`);
    expect(signIns.entries[0]).toMatchObject({ actor: 'supervisor', userId: supervisor.userId, detail: { deviceId: supervisor.deviceId } });
    expect(signIns.entries[0]!.ip).toBe('127.0.0.1');
    const failed = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'supervisor', password: `${DEMO_PASSWORD}-wrong`, deviceId: 'audit-test-device', deviceLabel: 'x' } });
    expect(failed.statusCode).toBe(401);
    const unknown = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x', deviceId: 'audit-test-device', deviceLabel: 'x' } });
    expect(unknown.statusCode).toBe(401);
    const refused = await entries('?action=sign_in_failed');
    expect(refused.entries.map((e) => [e.actor, e.userId, e.detail.code])).toEqual([['nobody', null, 'E_AUTH'], ['supervisor', supervisor.userId, 'E_AUTH']]);
    expect(JSON.stringify(refused)).not.toContain(DEMO_PASSWORD);
  });

  it('records every pushed change to a record with the device, the op count and the paths', async () => {
    const changes = await entries(`?recordId=${recordId}&action=record_change`);
    // Oldest last: the create, then the submit.
    expect(changes.entries.map((e) => e.detail.paths)).toEqual([['@status'], ['@create']]);
    expect(changes.entries[1]).toMatchObject({ actor: 'surveyor', userId: device.login.userId, detail: { deviceId: device.login.deviceId, ops: 1, outcomes: { applied: 1 } } });
  });

  it('records a view of a record (GET /api/office/records/:id) and a review, searchable by record', async () => {
    expect((await getJson(server, `/api/office/records/${recordId}`, supervisor.headers)).status).toBe(200);
    expect((await review(server, supervisor, recordId, { action: 'return', reason: '写真不足' })).statusCode).toBe(200);
    const trail = await entries(`?recordId=${recordId}`);
    expect(trail.entries.map((e) => e.action)).toEqual(['review', 'record_view', 'record_change', 'record_change']);
    expect(trail.entries[0]).toMatchObject({ actor: 'supervisor', detail: { action: 'return', from: 'submitted', to: 'returned', reason: '写真不足', revision: 1 } });
    // The record view shows its own trail.
    const view = await getJson(server, `/api/office/records/${recordId}`, supervisor.headers);
    expect((view.body.audit as Entry[]).map((e) => e.action)).toEqual(['record_view', 'review', 'record_view', 'record_change', 'record_change']);
  });

  it('records a conflict resolution with its reason', async () => {
    await device.submit(recordId);
    const pushed = await device.edit(recordId, { inspector_name: '提出後の修正' });
    const res = await server.app.inject({ method: 'POST', url: `/api/conflicts/${pushed.results[0]!.conflictId}/resolve`, headers: supervisor.headers, payload: { value: '提出後の修正', reason: '現地で確認済み' } });
    expect(res.statusCode, res.body).toBe(200);
    const resolved = await entries(`?action=conflict_resolve&recordId=${recordId}`);
    expect(resolved.entries[0]).toMatchObject({ detail: { reason: '現地で確認済み', path: 'inspector_name', kind: 'locked-record' } });
  });

  it('records sign-out and a device revoke', async () => {
    const other = await server.login('surveyor');
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: other.headers })).statusCode).toBe(200);
    const admin = await server.login('admin');
    expect((await server.app.inject({ method: 'POST', url: `/api/admin/devices/${other.deviceId}/revoke`, headers: admin.headers })).statusCode).toBe(200);
    expect((await entries('?action=sign_out')).entries[0]).toMatchObject({ actor: 'surveyor', detail: { deviceId: other.deviceId } });
    expect((await entries('?action=device_revoke')).entries[0]).toMatchObject({ actor: 'admin', detail: { deviceId: other.deviceId } });
  });

  it('records a blob download (GET), not an existence check (HEAD)', async () => {
    const bytes = Buffer.from('見本の写真');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const file = blobFile(server.dir, blobLocation(hash));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    await server.store.transaction(async (tx) => {
      await tx.putBlob({ hash, size: bytes.length, mime: 'image/jpeg', location: blobLocation(hash), uploadedBy: device.login.userId, createdAt: new Date().toISOString() });
      // A supervisor reads a blob through a record that names it (issue 12): any demo record will do.
      const [record] = await tx.listChanges(0, 1, { formIds: server.forms.all().map((form) => form.id), userId: null });
      await tx.setBlobRefs(record!.id, [hash], new Date().toISOString());
    });
    expect((await server.app.inject({ method: 'HEAD', url: `/api/blobs/${hash}`, headers: supervisor.headers })).statusCode).toBe(200);
    expect((await entries('?action=download')).entries).toEqual([]);
    expect((await server.app.inject({ method: 'GET', url: `/api/blobs/${hash}`, headers: supervisor.headers })).statusCode).toBe(200);
    expect((await entries('?action=download')).entries.map((e) => [e.actor, e.detail.hash])).toEqual([['supervisor', hash]]);
  });

  it('pages newest first with `before`, and filters by time', async () => {
    const all = await entries('?limit=500');
    expect(all.next).toBeNull();
    const seqs = all.entries.map((e) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    const paged: Entry[] = [];
    let before: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page = await entries(`?limit=3${before ? `&before=${before}` : ''}`);
      paged.push(...page.entries);
      before = page.next;
      if (!before) break;
    }
    expect(paged.map((e) => e.seq)).toEqual(seqs);
    expect((await entries('?to=2000-01-01')).entries).toEqual([]);
    expect((await entries(`?from=${encodeURIComponent(all.entries.at(-1)!.at)}`)).entries.length).toBe(all.entries.length);
  });

  it('refuses malformed queries (400 E_BAD_REQUEST) and field roles (403)', async () => {
    for (const query of ['action=delete_all', 'limit=0', 'limit=501', 'before=abc', 'from=31/12/2025', 'userId=', 'page=2', 'limit=1&limit=2']) {
      const res = await getJson(server, `/api/office/audit?${query}`, supervisor.headers);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code, query).toBe('E_BAD_REQUEST');
    }
    expect((await getJson(server, '/api/office/audit', device.login.headers)).status).toBe(403);
  });
});
