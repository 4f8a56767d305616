// Account management by admin: create (forced change at first login), password policy, edit role, disable (every device and token refused), enable, reset, own password change; all audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullBody } from './ops.ts';
import { startTestServer, type LoggedIn, type TestServer } from './test-server.ts';

let server: TestServer;
let admin: LoggedIn;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin', 'admin-pc');
});
afterAll(async () => {
  await server.close();
});

const post = (url: string, payload: unknown, headers = admin.headers) => server.app.inject({ method: 'POST', url, payload: payload as object, headers });
const loginAs = (username: string, password: string, deviceId: string) =>
  server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, deviceId, deviceLabel: 'x' } });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function createUser(username: string, role: string, password?: string) {
  const res = await post('/api/admin/users', { username, displayName: `${username} さん`, role, ...(password ? { password } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { user: { id: string; mustChangePassword: boolean }; temporaryPassword?: string };
}

describe('who may manage accounts', () => {
  it('only admin: a supervisor and a field user get 403 E_FORBIDDEN, no token 401', async () => {
    const supervisor = await server.login('supervisor', 'sup-pc');
    const field = await server.login('surveyor', 'field-tab-1');
    for (const who of [supervisor, field]) {
      const res = await server.app.inject({ method: 'GET', url: '/api/admin/users', headers: who.headers });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('E_FORBIDDEN');
      expect((await post('/api/admin/users', { username: 'x-user', displayName: 'x', role: 'admin' }, who.headers)).statusCode).toBe(403);
    }
    expect((await server.app.inject({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(401);
  });
});

describe('creating an account', () => {
  it('a generated password is returned once; the first login answers mustChangePassword and every other route refuses until it is changed', async () => {
    const created = await createUser('tanaka', 'disaster_surveyor');
    expect(created.user.mustChangePassword).toBe(true);
    expect(created.temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const first = await loginAs('tanaka', created.temporaryPassword!, 'tanaka-tab');
    expect(first.statusCode).toBe(200);
    expect(first.json().mustChangePassword).toBe(true);
    const token = first.json().token as string;
    const pull = await server.app.inject({ method: 'POST', url: '/api/sync/pull', payload: pullBody(), headers: bearer(token) });
    expect(pull.statusCode).toBe(403);
    expect(pull.json().error.code).toBe('E_PASSWORD_CHANGE_REQUIRED');
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).json().mustChangePassword).toBe(true);
    // The policy applies to the new password, and the current one must be right.
    const weak = await post('/api/auth/password', { currentPassword: created.temporaryPassword, newPassword: 'tanaka' }, bearer(token));
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error).toMatchObject({ code: 'E_PASSWORD_POLICY', details: { problem: 'too_short' } });
    const wrong = await post('/api/auth/password', { currentPassword: 'not-the-password', newPassword: 'a-good-long-passphrase' }, bearer(token));
    expect(wrong.json().error.code).toBe('E_CURRENT_PASSWORD');
    expect((await post('/api/auth/password', { currentPassword: created.temporaryPassword, newPassword: 'a-good-long-passphrase' }, bearer(token))).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'POST', url: '/api/sync/pull', payload: pullBody(), headers: bearer(token) })).statusCode).toBe(200);
    const again = await loginAs('tanaka', 'a-good-long-passphrase', 'tanaka-tab');
    expect(again.statusCode).toBe(200);
    expect(again.json().mustChangePassword).toBeUndefined();
    expect((await loginAs('tanaka', created.temporaryPassword!, 'tanaka-tab')).statusCode).toBe(401);
  });

  it('refuses weak passwords (short, the username, the published demo password) and a taken username', async () => {
    const cases: [string, string, string][] = [['short-pw', 'short', 'too_short'], ['longusername1', 'longusername1', 'equals_username'], ['demo-like', 'genba-demo', 'too_short']];
    for (const [username, password, problem] of cases) {
      const res = await post('/api/admin/users', { username, displayName: 'x', role: 'gis_staff', password });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.problem).toBe(problem);
    }
    expect((await post('/api/admin/users', { username: 'surveyor', displayName: 'x', role: 'gis_staff' })).json().error.code).toBe('E_USERNAME_TAKEN');
    expect((await post('/api/admin/users', { username: 'bad name!', displayName: 'x', role: 'gis_staff' })).json().error.code).toBe('E_BAD_REQUEST');
  });
});

describe('disable, enable, edit, reset', () => {
  it('disabling revokes every device and token: old tokens refused, login 403 E_USER_DISABLED; enabling lets a new device in', async () => {
    const { user } = await createUser('suzuki', 'vacant_house_surveyor', 'suzuki-long-password');
    const tabA = await loginAs('suzuki', 'suzuki-long-password', 'suzuki-a');
    const tabB = await loginAs('suzuki', 'suzuki-long-password', 'suzuki-b');
    const disabled = await post(`/api/admin/users/${user.id}/disable`, {});
    expect(disabled.json().user).toMatchObject({ disabled: true, activeDevices: 0 });
    for (const tab of [tabA, tabB]) {
      const res = await server.app.inject({ method: 'POST', url: '/api/sync/pull', payload: pullBody(), headers: bearer(tab.json().token) });
      expect(res.statusCode).toBe(401);
    }
    const login = await loginAs('suzuki', 'suzuki-long-password', 'suzuki-c');
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('E_USER_DISABLED');
    expect((await post(`/api/admin/users/${user.id}/enable`, {})).json().user.disabled).toBe(false);
    expect((await loginAs('suzuki', 'suzuki-long-password', 'suzuki-c')).statusCode).toBe(200);
    // A device revoked with the account stays revoked.
    expect((await loginAs('suzuki', 'suzuki-long-password', 'suzuki-a')).json().error.code).toBe('E_DEVICE_REVOKED');
  });

  it('a role change ends the user\'s sessions; the last enabled admin can be neither disabled nor demoted', async () => {
    const { user } = await createUser('sato', 'gis_staff', 'sato-long-password');
    const tab = await loginAs('sato', 'sato-long-password', 'sato-tab');
    const patched = await server.app.inject({ method: 'PATCH', url: `/api/admin/users/${user.id}`, headers: admin.headers, payload: { role: 'supervisor', displayName: '佐藤 係長' } });
    expect(patched.json().user).toMatchObject({ role: 'supervisor', displayName: '佐藤 係長' });
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(tab.json().token) })).statusCode).toBe(401);
    const admins = (await server.app.inject({ method: 'GET', url: '/api/admin/users', headers: admin.headers })).json().users.filter((u: { role: string }) => u.role === 'admin');
    expect(admins).toHaveLength(1);
    expect((await post(`/api/admin/users/${admins[0].id}/disable`, {})).json().error.code).toBe('E_LAST_ADMIN');
    const demote = await server.app.inject({ method: 'PATCH', url: `/api/admin/users/${admins[0].id}`, headers: admin.headers, payload: { role: 'supervisor' } });
    expect(demote.json().error.code).toBe('E_LAST_ADMIN');
  });

  it('a reset sets a new password with a forced change and ends every session of the user', async () => {
    const { user } = await createUser('ito', 'hospital', 'ito-long-password');
    const tab = await loginAs('ito', 'ito-long-password', 'ito-tab');
    const reset = await post(`/api/admin/users/${user.id}/reset-password`, {});
    expect(reset.json().user.mustChangePassword).toBe(true);
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(tab.json().token) })).statusCode).toBe(401);
    expect((await loginAs('ito', 'ito-long-password', 'ito-tab')).statusCode).toBe(401);
    expect((await loginAs('ito', reset.json().temporaryPassword, 'ito-tab')).json().mustChangePassword).toBe(true);
  });

  it('every change is in the audit log with the admin as actor', async () => {
    const entries = await server.store.transaction((tx) => tx.listAudit({ limit: 500 }));
    const actions = new Set(entries.filter((e) => e.actor === 'admin').map((e) => e.action));
    for (const action of ['user_create', 'user_update', 'user_disable', 'user_enable', 'password_reset'] as const) expect(actions.has(action), action).toBe(true);
    expect(entries.some((e) => e.action === 'password_change' && e.actor === 'tanaka' && e.detail.ok === true)).toBe(true);
    expect(entries.some((e) => e.action === 'password_change' && e.detail.ok === false)).toBe(true);
  });
});
