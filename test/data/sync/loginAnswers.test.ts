// The device's login against the real server: a forced password change is kept in the session; the limiter's 429 and the hash gate's 503 are their own codes, not "wrong password".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../helpers.ts';
import { getSetting } from '../../../src/data/index.ts';
import { login } from '../../../src/data/sync/session.ts';
import { SyncError } from '../../../src/data/sync/syncErrors.ts';
import { HttpSyncTransport, type FetchLike } from '../../../src/data/sync/transport.ts';
import { loadConfig } from '../../../sync-server/src/config.ts';
import { startTestServer, TEST_SCRYPT_COST, type TestServer } from '../../sync-server/test-server.ts';

let server: TestServer;

function injectFetch(): FetchLike {
  return async (input, init) => {
    const url = new URL(input, 'http://genba.test');
    const res = await server.app.inject({ method: (init?.method ?? 'GET') as 'POST', url: url.pathname, headers: init?.headers as Record<string, string>, payload: init?.body as string });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': 'application/json' } });
  };
}

beforeAll(async () => {
  server = await startTestServer({ auth: { ...loadConfig({}).auth, passwordCost: TEST_SCRYPT_COST, loginMaxPerAccount: 2 } });
});
afterAll(async () => {
  await server.close();
});

describe('device login answers', () => {
  it('keeps mustChangePassword in the stored session after an admin reset', async () => {
    const admin = await server.login('admin', 'admin-pc-login-answers');
    const users = (await server.app.inject({ method: 'GET', url: '/api/admin/users', headers: admin.headers })).json().users as { id: string; username: string }[];
    const gis = users.find((u) => u.username === 'gis')!;
    await server.app.inject({ method: 'POST', url: `/api/admin/users/${gis.id}/reset-password`, headers: admin.headers, payload: { password: 'reset-by-admin-1' } });
    const db = openTestDb();
    const session = await login(db, new HttpSyncTransport('', injectFetch()), { username: 'gis', password: 'reset-by-admin-1', deviceLabel: 'tab' });
    expect(session.mustChangePassword).toBe(true);
    expect((await getSetting(db, 'session'))?.mustChangePassword).toBe(true);
  });

  it('answers E_LOGIN_LIMITED once the account is locked (not E_LOGIN_FAILED or E_SERVER)', async () => {
    const db = openTestDb();
    const transport = new HttpSyncTransport('', injectFetch());
    const attempt = () => login(db, transport, { username: 'vacant', password: 'wrong-password', deviceLabel: 'tab' }).then(() => null, (err: SyncError) => err.code);
    expect([await attempt(), await attempt(), await attempt()]).toEqual(['E_LOGIN_FAILED', 'E_LOGIN_FAILED', 'E_LOGIN_LIMITED']);
  });
});
