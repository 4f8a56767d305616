// Role × route matrix: every route the server registers, called by every kind of caller, is let through or refused
// exactly as the access table below says; a route the table does not name fails the test, so no route ships without a rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPES } from '../../src/protocol/office/api-token.ts';
import { ACCESS, allowed, DEMO_USER, FIELD_ROLES, registeredRoutes, TUS_HEADERS, type Caller, type Role } from './route-access.ts';
import { startTestServer, type TestServer } from './test-server.ts';

const SAMPLE_ID = '0190a8b2-9999-7000-8000-000000000001';
const SAMPLE_HASH = 'ab'.repeat(32);

describe('role × route matrix', () => {
  let server: TestServer;
  const headers = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    server = await startTestServer();
    await server.app.ready();
    headers.set('anonymous', {});
    for (const role of [...FIELD_ROLES, 'supervisor', 'admin'] as Role[]) headers.set(role, (await server.login(DEMO_USER[role])).headers);
    const created = await server.app.inject({
      method: 'POST', url: '/api/office/tokens', headers: headers.get('admin'), payload: { name: 'matrix', scopes: [...API_SCOPES] },
    });
    expect(created.statusCode).toBe(201);
    headers.set('api-token', { authorization: `Bearer ${created.json().secret as string}` });
  });
  afterAll(async () => { await server?.close(); });

  it('every registered route has a rule in the access table, and every rule names a registered route', () => {
    const routes = registeredRoutes(server.app.printRoutes({ commonPrefix: false }));
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !(r in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((r) => !routes.includes(r))).toEqual([]);
  });

  const callers: Caller[] = ['anonymous', ...FIELD_ROLES, 'supervisor', 'admin', 'api-token'];
  it.each(Object.keys(ACCESS))('%s: each caller is let through or refused as the table says', async (key) => {
    const [method, template] = key.split(' ') as [string, string];
    const url = template.replace(/:id/g, SAMPLE_ID).replace(/:hash/g, SAMPLE_HASH).replace(/\*$/, 'no-such-upload');
    const access = ACCESS[key]!;
    const seen: string[] = [];
    for (const caller of callers) {
      const withBody = method === 'POST' || method === 'PATCH';
      // Logout ends the caller's session: it gets a session of its own, so the other routes keep live tokens.
      const own = key === 'POST /api/auth/logout' && caller !== 'anonymous' && caller !== 'api-token' ? (await server.login(DEMO_USER[caller])).headers : headers.get(caller);
      const res = await server.app.inject({
        method: method as 'GET', url,
        headers: { ...own, ...(url.startsWith('/api/blobs/uploads') ? TUS_HEADERS[method] : {}) },
        ...(withBody && !url.startsWith('/api/blobs/uploads') ? { payload: {} } : {}),
        ...(method === 'PATCH' && url.startsWith('/api/blobs/uploads') ? { payload: Buffer.alloc(0) } : {}),
      });
      expect(res.statusCode, `${key} as ${caller}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      const refused = res.statusCode === 401 || res.statusCode === 403;
      if (allowed(access, caller) === refused) seen.push(`${caller} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      // A HEAD answer has no body to carry the code.
      if (refused && method !== 'HEAD') {
        const code = (res.json() as { error?: { code?: string } }).error?.code;
        expect(code, `${key} as ${caller}`).toMatch(/^E_/);
        if (caller === 'anonymous') expect(res.statusCode, `${key} anonymous`).toBe(401);
      }
    }
    expect(seen, `${key} (${access.kind}): callers treated against the table`).toEqual([]);
  });
});
