// Four eyes in review: whoever owns a record or wrote ops to it cannot approve it (403 E_REVIEW_SELF) unless GENBA_ALLOW_SELF_APPROVAL=on; office edits to a field draft show in the record view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../sync-server/src/config.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { approve, getJson, review, startOfficeServer, TestDevice } from './office-fixture.ts';

interface OfficeEdit { userId: string; paths: string[]; firstAt: string; lastAt: string }

describe('self-approval (default: refused)', () => {
  let server: TestServer;
  let surveyor: TestDevice;
  let supervisorDevice: TestDevice;
  let supervisor: LoggedIn;
  let admin: LoggedIn;

  beforeAll(async () => {
    server = await startOfficeServer();
    surveyor = await TestDevice.signIn(server);
    supervisorDevice = await TestDevice.signIn(server, 'supervisor');
    supervisor = supervisorDevice.login;
    admin = await server.login('admin');
  });
  afterAll(async () => {
    await server.close();
  });

  it('a supervisor cannot approve a record they created; another reviewer can; returning it stays possible', async () => {
    const id = await supervisorDevice.create();
    await supervisorDevice.submit(id);
    const own = await review(server, supervisor, id, { action: 'approve' });
    expect(own.statusCode, own.body).toBe(403);
    expect(own.json().error.code).toBe('E_REVIEW_SELF');
    const returned = await review(server, supervisor, id, { action: 'return', reason: '位置を直してください' });
    expect(returned.statusCode, returned.body).toBe(200);
    await supervisorDevice.submit(id);
    await approve(server, admin, id);
  });

  it('a supervisor who edited a surveyor\'s draft through push cannot approve it, and the record view lists the edit', async () => {
    const id = await surveyor.create();
    await supervisorDevice.edit(id, { inspector_name: '事務所で修正' });
    await surveyor.submit(id);
    const refused = await review(server, supervisor, id, { action: 'approve' });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.code).toBe('E_REVIEW_SELF');

    const { status, body } = await getJson(server, `/api/office/records/${id}`, admin.headers);
    expect(status).toBe(200);
    const edits = body.officeEdits as OfficeEdit[];
    expect(edits).toEqual([expect.objectContaining({ userId: supervisor.userId, paths: ['inspector_name'] })]);
    expect((body.users as Record<string, string>)[supervisor.userId]).toBeTruthy();
    await approve(server, admin, id);
  });

  it('a record only the surveyor wrote has no office edits and the supervisor approves it', async () => {
    const id = await surveyor.create();
    await surveyor.submit(id);
    await approve(server, supervisor, id);
    const { body } = await getJson(server, `/api/office/records/${id}`, admin.headers);
    expect(body.officeEdits).toEqual([]);
  });
});

describe('GENBA_ALLOW_SELF_APPROVAL=on', () => {
  it('is read from the environment and lets a small office approve its own records', async () => {
    expect(loadConfig({ GENBA_ALLOW_SELF_APPROVAL: 'on' }).allowSelfApproval).toBe(true);
    expect(loadConfig({}).allowSelfApproval).toBe(false);
    expect(() => loadConfig({ GENBA_ALLOW_SELF_APPROVAL: 'yes' })).toThrow(/E_CONFIG_ALLOW_SELF_APPROVAL/);
    const server = await startOfficeServer({ allowSelfApproval: true });
    try {
      const device = await TestDevice.signIn(server, 'supervisor');
      const id = await device.create();
      await device.submit(id);
      await approve(server, device.login, id);
    } finally {
      await server.close();
    }
  });
});
