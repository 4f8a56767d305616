// Fuzz over every route the server registers (the access table of test/sync-server/route-access.ts): 10,000 random
// requests — any caller, hostile path parameters and query strings, malformed bodies — never a 5xx, every refusal a
// coded error, the server still healthy, and nothing stored changed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPES } from '../../src/protocol/office/api-token.ts';
import { initialAnswers, newRecordId, op, pushBody } from '../sync-server/ops.ts';
import { ACCESS, DEMO_USER, FIELD_ROLES, TUS_HEADERS, type Caller, type Role } from '../sync-server/route-access.ts';
import { sqliteDigest } from '../sync-server/store-digest.ts';
import { startTestServer, type TestServer } from '../sync-server/test-server.ts';

const SEED = 20261205;
const RUNS = Number(process.env.GENBA_FUZZ_RUNS ?? 10_000);

/**
 * What a request must never change: the data, the accounts, devices' revocation, API tokens and webhooks. Left out:
 * what reads and failed logins legitimately write (last-seen, token use, the audit log, login attempts, the clock).
 */
const DIGEST_SQL = [
  'SELECT * FROM records ORDER BY id', 'SELECT * FROM ops ORDER BY op_id', 'SELECT * FROM conflicts ORDER BY id',
  'SELECT * FROM users ORDER BY id', 'SELECT * FROM blobs ORDER BY hash', 'SELECT * FROM revisions ORDER BY record_id, revision',
  'SELECT * FROM scope_removals ORDER BY user_id, record_id', 'SELECT id, user_id, revoked_at FROM devices ORDER BY id',
  'SELECT id, name, scopes, revoked_at FROM api_tokens ORDER BY id', 'SELECT * FROM webhooks ORDER BY id',
];

/** Routes whose well-formed use by the right caller is a change by design, so the fuzz leaves them out. */
const CHANGING_BY_DESIGN = new Set(['POST /api/auth/logout']);
/** Routes that take no body and act on the id in their path: the fuzz gives them made-up ids only. */
const ACTS_ON_ID = new Set([
  'POST /api/office/tokens/:id/revoke', 'POST /api/admin/devices/:id/revoke',
  'POST /api/admin/users/:id/disable', 'POST /api/admin/users/:id/enable', 'POST /api/admin/users/:id/reset-password', 'PATCH /api/admin/users/:id',
]);

const HOSTILE_SEGMENTS = ['..', '%2e%2e%2f', '%00', '%ZZ', 'a'.repeat(600), "'; DROP TABLE records; --", '<script>', '__proto__', '-1', '0', '１２３', '%F0%9F%98%80'];

describe('all-routes fuzz (SQLite)', () => {
  let server: TestServer;
  const headers = new Map<Caller, Record<string, string>>();
  const realIds: string[] = [];

  const digest = (): string => sqliteDigest(server.dbFile, DIGEST_SQL);

  beforeAll(async () => {
    server = await startTestServer();
    headers.set('anonymous', {});
    const sessions = new Map<Role, { deviceId: string; headers: Record<string, string> }>();
    for (const role of [...FIELD_ROLES, 'supervisor', 'admin'] as Role[]) {
      const loggedIn = await server.login(DEMO_USER[role]);
      sessions.set(role, loggedIn);
      headers.set(role, loggedIn.headers);
    }
    const token = await server.app.inject({ method: 'POST', url: '/api/office/tokens', headers: headers.get('admin'), payload: { name: 'fuzz', scopes: [...API_SCOPES] } });
    headers.set('api-token', { authorization: `Bearer ${token.json().secret as string}` });
    realIds.push(token.json().token.id as string);
    // A real record, device and conflict id, so that malformed requests also reach existing targets.
    const surveyor = sessions.get('disaster_surveyor')!;
    const recordId = newRecordId();
    await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: surveyor.headers, payload: pushBody(surveyor.deviceId, [op({ deviceId: surveyor.deviceId, seq: 1, recordId, path: '@create', value: initialAnswers() })]) });
    realIds.push(recordId, surveyor.deviceId);
    const conflicts = await server.app.inject({ method: 'GET', url: '/api/conflicts', headers: headers.get('supervisor') });
    for (const c of conflicts.json().conflicts as { id: string }[]) realIds.push(c.id);
  }, 60_000);
  afterAll(async () => { await server?.close(); });

  const routeKeys = Object.keys(ACCESS).filter((key) => !CHANGING_BY_DESIGN.has(key));
  const callers: Caller[] = ['anonymous', ...FIELD_ROLES, 'supervisor', 'admin', 'api-token'];

  const segment = fc.oneof(
    fc.constantFrom(...HOSTILE_SEGMENTS),
    fc.constant('REAL'),
    fc.uuid(),
    fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s) || 'x'),
    fc.stringMatching(/^[0-9a-f]{64}$/),
  );
  const query = fc.array(fc.tuple(
    fc.constantFrom('status', 'formId', 'after', 'limit', 'before', 'from', 'to', 'bbox', 'q', 'recordId', 'userId', 'assigneeId', 'lang', 'action', 'x', '__proto__'),
    fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('-1', '1e309', 'NaN', '2026-02-30', '1,2,3,4', 'true', '%00', 'a'.repeat(3000))),
  ), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => ({ text: JSON.stringify(v), type: 'application/json' })),
    fc.dictionary(fc.constantFrom('protocolVersion', 'deviceId', 'ops', 'checkpoint', 'limit', 'value', 'reason', 'action', 'comments', 'name', 'scopes', 'url', 'active', 'assigneeId', 'caseNumber', 'hashes', 'username', 'password', 'role', 'displayName'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 })
      .map((v) => ({ text: JSON.stringify(v), type: 'application/json' })),
    fc.constantFrom('{"__proto__":{"role":"admin"}}', '{"constructor":{"prototype":{"isAdmin":true}}}', '{', '', 'null', '[]', '"x"')
      .map((text) => ({ text, type: 'application/json' })),
    fc.tuple(fc.string({ maxLength: 200 }), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', 'multipart/form-data; boundary=x'))
      .map(([text, type]) => ({ text, type })),
  );
  const request = fc.record({ key: fc.constantFrom(...routeKeys), caller: fc.constantFrom(...callers), segment, realPick: fc.nat(), query, body });

  it(`survives ${RUNS} random requests over every route: no 5xx, coded refusals, nothing stored changed`, async () => {
    const before = digest();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ key, caller, segment: seg, realPick, query: qs, body: b }) => {
        const [method, template] = key.split(' ') as [string, string];
        const param = seg !== 'REAL' ? seg : ACTS_ON_ID.has(key) ? `made-up-${realPick}` : realIds[realPick % realIds.length]!;
        const path = template.replace(/:id|:hash/g, param).replace(/\*$/, param);
        const url = qs ? `${path}?${qs}` : path;
        const tus = path.startsWith('/api/blobs/uploads');
        const withBody = (method === 'POST' || method === 'PATCH') && !tus;
        const res = await server.app.inject({
          method: method as 'GET', url,
          headers: { ...headers.get(caller), ...(tus ? TUS_HEADERS[method] : {}), ...(withBody ? { 'content-type': b.type } : {}) },
          ...(withBody ? { payload: b.text } : tus && method === 'PATCH' ? { payload: Buffer.from(b.text) } : {}),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, `${method} ${url.slice(0, 200)} as ${caller} with ${b.text.slice(0, 120)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400 && method !== 'HEAD' && !tus) expect(res.json().error.code, `${key} ${res.body.slice(0, 200)}`).toMatch(/^E_[A-Z0-9_]+$/);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect(digest()).toBe(before);
    console.log(`[all-routes fuzz] ${RUNS} requests over ${routeKeys.length} routes: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    // The fuzz must reach past authentication, or it tests only the guards.
    const past = [...statuses].filter(([status]) => status !== 401 && status !== 403).reduce((n, [, count]) => n + count, 0);
    expect(past).toBeGreaterThan(RUNS / 4);
  }, 300_000);
});
