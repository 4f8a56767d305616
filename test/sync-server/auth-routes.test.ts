// Accounts over HTTP: login/me/logout, wrong password, device ownership, admin revoke, role guards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo-accounts.ts';
import { startTestServer, type TestServer } from './test-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const loginBody = (username: string, password: string, deviceId: string) => ({ username, password, deviceId, deviceLabel: 'tablet' });

describe('login, me and logout', () => {
  it('logs in, answers me with the user and role, and logout ends only that token', async () => {
    const first = await server.login('surveyor', 'tablet-logout');
    const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: first.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'surveyor', role: 'disaster_surveyor' });
    expect(me.json().deviceId).toBe('tablet-logout');

    const out = await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: first.headers });
    expect(out.statusCode).toBe(200);
    const after = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: first.headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('E_UNAUTHENTICATED');

    // Re-login from the same device works (its queued work resumes with the new token).
    const again = await server.login('surveyor', 'tablet-logout');
    const pull = await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers: again.headers, payload: { protocolVersion: 2, checkpoint: 0, limit: 10 } });
    expect(pull.statusCode).toBe(200);
  });

  it('gives a token valid for 30 days by default', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: loginBody('assessor', DEMO_PASSWORD, 'tablet-expiry') });
    const days = (Date.parse(res.json().expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
  });

  it('answers a wrong password and an unknown user alike with 401 E_AUTH', async () => {
    const wrong = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: loginBody('surveyor', 'not-the-password', 'tablet-x') });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('E_AUTH');
    const unknown = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: loginBody('nobody', 'whatever', 'tablet-x') });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('E_AUTH');
    expect(unknown.body).not.toContain('whatever');
  });

  it('refuses a request without a token, or with a made-up one', async () => {
    const none = await server.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(none.statusCode).toBe(401);
    const fake = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${'A'.repeat(43)}` } });
    expect(fake.statusCode).toBe(401);
    expect(fake.json().error.code).toBe('E_UNAUTHENTICATED');
  });

  it('refuses a device registered to another user with 409 E_DEVICE_OWNED', async () => {
    await server.login('surveyor', 'tablet-owned');
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: loginBody('assessor', DEMO_PASSWORD, 'tablet-owned') });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('E_DEVICE_OWNED');
  });
});

describe('admin revokes a device', () => {
  it('stops every token of that device (401) and refuses its next login (403)', async () => {
    const tablet = await server.login('vacant', 'tablet-lost');
    const admin = await server.login('admin');
    const list = await server.app.inject({ method: 'GET', url: '/api/admin/devices', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().devices.some((d: { id: string; username: string }) => d.id === 'tablet-lost' && d.username === 'vacant')).toBe(true);

    const revoke = await server.app.inject({ method: 'POST', url: '/api/admin/devices/tablet-lost/revoke', headers: admin.headers });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().device.revokedAt).toBeTruthy();

    const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: tablet.headers });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('E_DEVICE_REVOKED');
    const relogin = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: loginBody('vacant', DEMO_PASSWORD, 'tablet-lost') });
    expect(relogin.statusCode).toBe(403);
    expect(relogin.json().error.code).toBe('E_DEVICE_REVOKED');
  });

  it('answers an unknown device with 404', async () => {
    const admin = await server.login('admin');
    const res = await server.app.inject({ method: 'POST', url: '/api/admin/devices/no-such-tablet/revoke', headers: admin.headers });
    expect(res.statusCode).toBe(404);
  });
});

describe('role guards', () => {
  it('lets only an admin list or revoke devices (403 E_FORBIDDEN otherwise)', async () => {
    const supervisor = await server.login('supervisor');
    const list = await server.app.inject({ method: 'GET', url: '/api/admin/devices', headers: supervisor.headers });
    expect(list.statusCode).toBe(403);
    expect(list.json().error.code).toBe('E_FORBIDDEN');
    const surveyor = await server.login('surveyor');
    const revoke = await server.app.inject({ method: 'POST', url: `/api/admin/devices/${surveyor.deviceId}/revoke`, headers: surveyor.headers });
    expect(revoke.statusCode).toBe(403);
  });

  it('serves each role only its forms', async () => {
    const surveyor = await server.login('surveyor');
    const mine = await server.app.inject({ method: 'GET', url: '/api/forms', headers: surveyor.headers });
    expect(mine.json().forms.map((f: { id: string }) => f.id)).toContain('field-check');
    const hospital = await server.login('hospital');
    const theirs = await server.app.inject({ method: 'GET', url: '/api/forms', headers: hospital.headers });
    expect(theirs.json().forms.map((f: { id: string }) => f.id)).not.toContain('field-check');
  });
});
