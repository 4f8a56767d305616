// GET /api/conflicts for the office: device labels and user display names of the candidates; a field device gets the conflicts without them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictListResponseSchema } from '../../src/app/office/api/schemas.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { getJson, startOfficeServer, TestDevice } from './office-fixture.ts';

let server: TestServer;
let device: TestDevice;
let supervisor: LoggedIn;
let conflictId: string;

const TABLET_LABEL = '見本タブレット3号';

beforeAll(async () => {
  server = await startOfficeServer();
  device = await TestDevice.signIn(server);
  supervisor = await server.login('supervisor');
  // The label a tablet gave at login, as an administrator would recognise it.
  await server.store.transaction(async (tx) => {
    const row = await tx.getDevice(device.login.deviceId);
    if (!row) throw new Error('the test device is not registered');
    await tx.putDevice({ ...row, label: TABLET_LABEL });
  });
  // An edit of a submitted record is held as a conflict (locked record).
  const id = await device.create();
  await device.submit(id);
  const pushed = await device.edit(id, { inspector_name: '見本 次郎' });
  expect(pushed.results[0]!.outcome).toBe('conflict');
  conflictId = pushed.results[0]!.conflictId!;
});
afterAll(async () => {
  await server.close();
});

describe('GET /api/conflicts labels', () => {
  it('gives a supervisor the label of each candidate device and the name of each candidate user, in the shape the office parses', async () => {
    const { status, body } = await getJson(server, '/api/conflicts?status=open', supervisor.headers);
    expect(status, JSON.stringify(body)).toBe(200);
    const parsed = ConflictListResponseSchema.parse(body);
    const conflict = parsed.conflicts.find((c) => c.id === conflictId);
    expect(conflict).toBeDefined();
    const mine = conflict!.candidates.find((c) => c.deviceId === device.login.deviceId);
    expect(mine).toBeDefined();
    expect(parsed.devices?.[device.login.deviceId]).toBe(TABLET_LABEL);
    expect(parsed.users?.[device.login.userId]).toBe('調査 太郎（デモ）');
    // Only the devices and users the listed candidates name.
    const named = new Set(parsed.conflicts.flatMap((c) => c.candidates.map((k) => k.deviceId)));
    expect(Object.keys(parsed.devices ?? {}).every((id) => named.has(id))).toBe(true);
    const users = new Set(parsed.conflicts.flatMap((c) => c.candidates.map((k) => k.userId)));
    expect(Object.keys(parsed.users ?? {}).every((id) => users.has(id))).toBe(true);
  });

  it('leaves the labels out for a field device (it lists its own conflicts only)', async () => {
    const { status, body } = await getJson(server, '/api/conflicts?status=open', device.login.headers);
    expect(status, JSON.stringify(body)).toBe(200);
    expect((body.conflicts as { id: string }[]).some((c) => c.id === conflictId)).toBe(true);
    expect(body).not.toHaveProperty('devices');
    expect(body).not.toHaveProperty('users');
  });
});
