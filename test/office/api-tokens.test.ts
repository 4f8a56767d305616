// API token scopes: each scope opens only its routes, revoked/unknown/malformed tokens are refused, tokens never work on device or sync routes, and only an admin manages them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { pullBody, pushBody } from '../sync-server/ops.ts';
import { approve, bearer, getJson, startOfficeServer, TestDevice } from './office-fixture.ts';

let server: TestServer;
let device: TestDevice;
let admin: LoggedIn;
let recordId: string;

const SCOPES = ['records:read', 'export:read', 'handoff:read', 'audit:read'] as const;
type Scope = (typeof SCOPES)[number];

/** The routes each scope opens (GET). */
function routesOf(scope: Scope): string[] {
  switch (scope) {
    case 'records:read': return ['/api/office/records', `/api/office/records/${recordId}`];
    case 'export:read': return ['/api/office/export.csv', '/api/office/export.geojson', '/api/office/export.xlsx'];
    case 'handoff:read': return ['/api/handoff/changes?after=0'];
    case 'audit:read': return ['/api/office/audit'];
  }
}

/** Office routes no token may use. */
const SESSION_ONLY_GETS = ['/api/office/dashboard', '/api/office/users', '/api/office/tokens', '/api/office/webhooks'];

async function createToken(name: string, scopes: string[]): Promise<{ id: string; secret: string }> {
  const res = await server.app.inject({ method: 'POST', url: '/api/office/tokens', headers: admin.headers, payload: { name, scopes } });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as { token: { id: string }; secret: string };
  return { id: body.token.id, secret: body.secret };
}

beforeAll(async () => {
  server = await startOfficeServer();
  device = await TestDevice.signIn(server);
  admin = await server.login('admin');
  recordId = await device.create();
  await device.submit(recordId);
  await approve(server, await server.login('supervisor'), recordId);
});
afterAll(async () => {
  await server.close();
});

describe('API token scopes', () => {
  it('a created token is "gbt_" + 43 base64url characters, shown once; the list never shows the secret or its hash', async () => {
    const { secret } = await createToken('基幹連携', ['handoff:read']);
    expect(secret).toMatch(/^gbt_[A-Za-z0-9_-]{43}$/);
    const list = await getJson(server, '/api/office/tokens', admin.headers);
    expect(list.status).toBe(200);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(secret.slice(4));
    expect(text).not.toContain('tokenHash');
  });

  for (const scope of SCOPES) {
    it(`${scope} opens exactly its routes (403 E_TOKEN_SCOPE elsewhere)`, async () => {
      const { secret } = await createToken(`token ${scope}`, [scope]);
      for (const other of SCOPES) {
        for (const url of routesOf(other)) {
          const res = await server.app.inject({ method: 'GET', url, headers: bearer(secret) });
          if (other === scope) {
            expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
          } else {
            expect(res.statusCode, url).toBe(403);
            expect(res.json().error.code).toBe('E_TOKEN_SCOPE');
          }
        }
      }
      for (const url of SESSION_ONLY_GETS) {
        const res = await server.app.inject({ method: 'GET', url, headers: bearer(secret) });
        expect(res.statusCode, url).toBe(403);
        expect(res.json().error.code).toBe('E_TOKEN_SCOPE');
      }
    });
  }

  it('a token with every scope still never works on device and sync routes, nor on review, resolve or admin routes', async () => {
    const { secret } = await createToken('全権限', [...SCOPES]);
    const headers = bearer(secret);
    const requests = [
      { method: 'POST' as const, url: '/api/sync/push', payload: pushBody('some-device', []) },
      { method: 'POST' as const, url: '/api/sync/pull', payload: pullBody() },
      { method: 'GET' as const, url: '/api/auth/me' },
      { method: 'POST' as const, url: '/api/auth/logout' },
      { method: 'GET' as const, url: '/api/forms' },
      { method: 'GET' as const, url: `/api/records/${recordId}` },
      { method: 'GET' as const, url: '/api/conflicts' },
      { method: 'POST' as const, url: `/api/records/${recordId}/review`, payload: { action: 'reopen', reason: 'x' } },
      { method: 'POST' as const, url: '/api/blobs/missing', payload: { hashes: [] } },
      { method: 'GET' as const, url: '/api/admin/devices' },
      { method: 'POST' as const, url: '/api/office/tokens', payload: { name: 'x', scopes: ['audit:read'] } },
    ];
    for (const r of requests) {
      const res = await server.app.inject({ ...r, headers });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json().error.code, `${r.method} ${r.url}`).toBe('E_TOKEN_SCOPE');
    }
  });

  it('refuses a revoked, an unknown and a malformed token (401 E_API_TOKEN); revoking is admin-only and audited', async () => {
    const { id, secret } = await createToken('失効予定', ['records:read']);
    expect((await getJson(server, '/api/office/records', bearer(secret))).status).toBe(200);
    const supervisor = await server.login('supervisor');
    const refused = await server.app.inject({ method: 'POST', url: `/api/office/tokens/${id}/revoke`, headers: supervisor.headers });
    expect(refused.statusCode).toBe(403);
    const revoked = await server.app.inject({ method: 'POST', url: `/api/office/tokens/${id}/revoke`, headers: admin.headers });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().token.revokedAt).not.toBeNull();
    for (const candidate of [secret, `gbt_${'A'.repeat(43)}`, 'gbt_short', `${secret}x`]) {
      const res = await getJson(server, '/api/office/records', bearer(candidate));
      expect(res.status, candidate).toBe(401);
      expect(res.body.error?.code).toBe('E_API_TOKEN');
    }
    const audit = await getJson(server, '/api/office/audit?action=token_revoke', admin.headers);
    expect((audit.body.entries as { detail: { tokenId: string } }[]).map((e) => e.detail.tokenId)).toContain(id);
  });

  it('records use (lastUsedAt) and audits reads by a token as "token:<name>"', async () => {
    const { id, secret } = await createToken('閲覧システム', ['records:read']);
    expect((await getJson(server, `/api/office/records/${recordId}`, bearer(secret))).status).toBe(200);
    const tokens = (await getJson(server, '/api/office/tokens', admin.headers)).body.tokens as { id: string; lastUsedAt: string | null }[];
    expect(tokens.find((t) => t.id === id)!.lastUsedAt).not.toBeNull();
    const audit = await getJson(server, `/api/office/audit?action=record_view&recordId=${recordId}`, admin.headers);
    const entry = (audit.body.entries as { actor: string; userId: string | null }[])[0]!;
    expect(entry).toMatchObject({ actor: 'token:閲覧システム', userId: null });
  });

  it('refuses bad create requests and non-admins', async () => {
    for (const payload of [{ name: '', scopes: ['audit:read'] }, { name: 'x', scopes: [] }, { name: 'x', scopes: ['write:all'] }, { name: 'x' }]) {
      const res = await server.app.inject({ method: 'POST', url: '/api/office/tokens', headers: admin.headers, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('E_BAD_REQUEST');
    }
    const res = await server.app.inject({ method: 'POST', url: '/api/office/tokens', headers: device.login.headers, payload: { name: 'x', scopes: ['audit:read'] } });
    expect(res.statusCode).toBe(403);
    expect((await server.app.inject({ method: 'POST', url: '/api/office/tokens/nope/revoke', headers: admin.headers })).statusCode).toBe(404);
  });
});
