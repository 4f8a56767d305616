// API tokens (gbt_…) on every route: an unknown, revoked or malformed one is 401 E_API_TOKEN; a valid one on a device route is 403 E_TOKEN_SCOPE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullBody, pushBody } from './ops.ts';
import { startTestServer, type LoggedIn, type TestServer } from './test-server.ts';

let server: TestServer;
let admin: LoggedIn;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
});
afterAll(async () => {
  await server.close();
});

async function createToken(name: string): Promise<{ id: string; secret: string }> {
  const res = await server.app.inject({ method: 'POST', url: '/api/office/tokens', headers: admin.headers, payload: { name, scopes: ['records:read'] } });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as { token: { id: string }; secret: string };
  return { id: body.token.id, secret: body.secret };
}

/** Device routes of each kind, and an office route the token's scope (records:read) opens. */
const DEVICE_ROUTES = [
  { method: 'POST' as const, url: '/api/sync/push', payload: pushBody('some-device', []) },
  { method: 'POST' as const, url: '/api/sync/pull', payload: pullBody() },
  { method: 'GET' as const, url: '/api/forms' },
];
const OFFICE_ROUTE = { method: 'GET' as const, url: '/api/office/records' };

async function call(route: { method: 'GET' | 'POST'; url: string; payload?: unknown }, secret: string) {
  const res = await server.app.inject({ method: route.method, url: route.url, payload: route.payload as object | undefined, headers: { authorization: `Bearer ${secret}` } });
  return { status: res.statusCode, code: (res.json() as { error?: { code: string } }).error?.code };
}

describe('API tokens on device and office routes', () => {
  it('a valid token is 403 E_TOKEN_SCOPE on push, pull and forms, and opens the office route of its scope', async () => {
    const { secret } = await createToken('基幹連携');
    for (const route of DEVICE_ROUTES) expect(await call(route, secret), route.url).toEqual({ status: 403, code: 'E_TOKEN_SCOPE' });
    expect((await call(OFFICE_ROUTE, secret)).status).toBe(200);
  });

  it('an unknown, revoked or malformed gbt_ token is 401 E_API_TOKEN on device and office routes alike', async () => {
    const { id, secret: revoked } = await createToken('失効済み');
    const res = await server.app.inject({ method: 'POST', url: `/api/office/tokens/${id}/revoke`, headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    const candidates = {
      revoked,
      unknown: `gbt_${'A'.repeat(43)}`,
      'too short': 'gbt_short',
      'long enough to look like a device token': `gbt_${'b'.repeat(20)}`,
      'one character too many': `${revoked}x`,
    };
    for (const [what, secret] of Object.entries(candidates)) {
      for (const route of [...DEVICE_ROUTES, OFFICE_ROUTE]) {
        expect(await call(route, secret), `${what} on ${route.url}`).toEqual({ status: 401, code: 'E_API_TOKEN' });
      }
    }
  });

  it('a device token still works on device routes and is refused on office routes by role, not as an API token', async () => {
    const surveyor = await server.login('surveyor');
    expect((await call(DEVICE_ROUTES[2]!, surveyor.token)).status).toBe(200);
    expect(await call(OFFICE_ROUTE, surveyor.token)).toEqual({ status: 403, code: 'E_FORBIDDEN' });
  });
});
