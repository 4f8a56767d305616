// Login limits and sessions: parallel guesses hit the limiter (it counts before the hash), spraying usernames from one address is limited, old hashes are rehashed, office sessions idle out, API tokens expire.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../sync-server/src/auth/password.ts';
import { loadConfig, type AuthConfig } from '../../sync-server/src/config.ts';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo-accounts.ts';
import { startTestServer, TEST_SCRYPT_COST, type TestServer } from './test-server.ts';

const MINUTE = 60_000;
let clock = Date.parse('2026-12-05T09:00:00.000Z');
let server: TestServer | undefined;

async function start(auth: Partial<AuthConfig> = {}): Promise<TestServer> {
  clock = Date.parse('2026-12-05T09:00:00.000Z');
  // A gate wide enough for 100 parallel logins: these tests are about the limiter (hash-gate.test.ts about the gate).
  server = await startTestServer({ auth: { ...loadConfig({}).auth, passwordCost: TEST_SCRYPT_COST, hashConcurrency: 8, ...auth } }, { now: () => new Date(clock) });
  return server;
}
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const attempt = (s: TestServer, username: string, password: string, deviceId = 'tablet-guess') =>
  s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, deviceId, deviceLabel: 'x' } });

function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe('login limiter', () => {
  it('100 parallel wrong passwords for one account: at most 10 get 401, the rest 429 with retry-after', async () => {
    const s = await start();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(s, 'ambulance', `guess-${i}`)));
    const counts = tally(answers.map((a) => a.statusCode));
    expect(counts[401]).toBe(10);
    expect(counts[429]).toBe(90);
    const refused = answers.find((a) => a.statusCode === 429)!;
    expect(refused.json().error.code).toBe('E_TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits out the window.
    expect((await attempt(s, 'ambulance', DEMO_PASSWORD)).statusCode).toBe(429);
    clock += 16 * MINUTE;
    expect((await attempt(s, 'ambulance', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('spraying one password over many usernames from one address is refused after the per-address limit', async () => {
    const s = await start({ loginMaxPerAddress: 20 });
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push((await attempt(s, `user-${i}`, 'Winter2026!')).statusCode);
    expect(answers.slice(0, 20).every((code) => code === 401)).toBe(true);
    expect(answers.slice(20).every((code) => code === 429)).toBe(true);
    // Without GENBA_TRUST_PROXY a forwarded-for header names no one: still this socket's address.
    const forged = await s.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': '203.0.113.9' }, payload: { username: 'user-x', password: 'x', deviceId: 'tablet-guess', deviceLabel: 'x' } });
    expect(forged.statusCode).toBe(429);
  });

  it('behind a trusted proxy (GENBA_TRUST_PROXY) the limit is per forwarded client address', async () => {
    clock = Date.parse('2026-12-05T09:00:00.000Z');
    server = await startTestServer({ trustProxy: true, auth: { ...loadConfig({}).auth, passwordCost: TEST_SCRYPT_COST, loginMaxPerAddress: 3 } }, { now: () => new Date(clock) });
    const s = server;
    const from = (ip: string, i: number) => s.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': ip }, payload: { username: `u-${i}`, password: 'x', deviceId: 'tablet-guess', deviceLabel: 'x' } });
    const a = [];
    for (let i = 0; i < 4; i++) a.push((await from('203.0.113.1', i)).statusCode);
    expect(a).toEqual([401, 401, 401, 429]);
    expect((await from('203.0.113.2', 9)).statusCode).toBe(401);
    const audit = await s.store.transaction((tx) => tx.listAudit({ action: 'sign_in_failed', limit: 1 }));
    expect(audit[0]!.ip).toBe('203.0.113.2');
  });

  it('caps the total of attempts across addresses and accounts', async () => {
    const s = await start({ loginMaxTotal: 15 });
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => attempt(s, `nobody-${i}`, 'x')));
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 401: 15, 429: 10 });
  });

  it('a right password clears the account\'s failures and gives back its attempt (only failures count)', async () => {
    const s = await start({ loginMaxPerAddress: 12 });
    for (let i = 0; i < 9; i++) expect((await attempt(s, 'gis', `nope-${i}`)).statusCode).toBe(401);
    for (let i = 0; i < 3; i++) expect((await attempt(s, 'gis', DEMO_PASSWORD, `gis-tab-${i}`)).statusCode).toBe(200);
    // 9 failures from this address are still counted: 3 more, then the address limit.
    const next = [];
    for (let i = 0; i < 4; i++) next.push((await attempt(s, 'gis', `again-${i}`)).statusCode);
    expect(next).toEqual([401, 401, 401, 429]);
  });
});

describe('password hashes', () => {
  it('a login with a hash below the configured cost stores a new one at that cost (rehash on login), audited', async () => {
    const s = await start({ passwordCost: { N: 2048, r: 8, p: 1 } });
    const before = await s.store.transaction((tx) => tx.getUserByName('hospital'));
    expect(before!.passwordHash).toMatch(/^scrypt\$1024\$/);
    expect((await attempt(s, 'hospital', DEMO_PASSWORD, 'tab-rehash')).statusCode).toBe(200);
    const after = await s.store.transaction((tx) => tx.getUserByName('hospital'));
    expect(after!.passwordHash).toMatch(/^scrypt\$2048\$8\$1\$/);
    expect((await attempt(s, 'hospital', DEMO_PASSWORD, 'tab-rehash')).statusCode).toBe(200);
    const again = await s.store.transaction((tx) => tx.getUserByName('hospital'));
    expect(again!.passwordHash).toBe(after!.passwordHash);
    const audit = await s.store.transaction((tx) => tx.listAudit({ action: 'sign_in', userId: after!.id, limit: 10 }));
    expect(audit.map((e) => e.detail.rehashed ?? false)).toEqual([false, true]);
  });

  it('verifies the old 2^15 hashes of existing accounts and upgrades them to 2^17', async () => {
    const s = await start({ passwordCost: { N: 2 ** 17, r: 8, p: 1 } });
    const legacy = await hashPassword('an-old-password-1', { N: 2 ** 15, r: 8, p: 1 });
    await s.store.transaction(async (tx) => tx.putUser({ ...(await tx.getUserByName('vacant'))!, passwordHash: legacy }));
    expect((await attempt(s, 'vacant', 'an-old-password-1', 'tab-legacy')).statusCode).toBe(200);
    expect((await s.store.transaction((tx) => tx.getUserByName('vacant')))!.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
  }, 30_000);
});

describe('sessions', () => {
  it('office sessions last 12 h at most and end after 30 min idle; activity keeps them alive', async () => {
    const s = await start();
    const office = await s.login('supervisor', 'office-pc');
    const me = () => s.app.inject({ method: 'GET', url: '/api/auth/me', headers: office.headers });
    const issued = (await me()).json();
    expect(Date.parse(issued.expiresAt) - clock).toBe(12 * 60 * MINUTE);
    clock += 29 * MINUTE;
    expect((await me()).statusCode).toBe(200);
    clock += 29 * MINUTE;
    expect((await me()).statusCode).toBe(200);
    clock += 31 * MINUTE;
    const idle = await me();
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('E_SESSION_IDLE');
  });

  it('an office session used every 20 min still ends at 12 h (E_TOKEN_EXPIRED)', async () => {
    const s = await start();
    const office = await s.login('admin', 'office-pc-2');
    let last = 200;
    for (let t = 0; t < 12 * 3; t++) {
      clock += 20 * MINUTE;
      last = (await s.app.inject({ method: 'GET', url: '/api/auth/me', headers: office.headers })).statusCode;
      if (last !== 200) break;
    }
    expect(last).toBe(401);
  });

  it('field tablets keep their long offline-friendly tokens: two idle days are fine', async () => {
    const s = await start();
    const tablet = await s.login('surveyor', 'field-tab');
    clock += 2 * 24 * 60 * MINUTE;
    expect((await s.app.inject({ method: 'GET', url: '/api/auth/me', headers: tablet.headers })).statusCode).toBe(200);
  });
});

describe('API token expiry', () => {
  it('an API token with expiresAt works until then and is 401 E_API_TOKEN after; a past expiresAt is refused', async () => {
    const s = await start();
    const admin = await s.login('admin', 'office-tokens');
    const create = (expiresAt?: string) => s.app.inject({
      method: 'POST', url: '/api/office/tokens', headers: admin.headers, payload: { name: '連携', scopes: ['records:read'], ...(expiresAt ? { expiresAt } : {}) },
    });
    expect((await create(new Date(clock - MINUTE).toISOString())).statusCode).toBe(400);
    const res = await create(new Date(clock + 60 * MINUTE).toISOString());
    expect(res.statusCode).toBe(201);
    expect(res.json().token.expiresAt).toBe(new Date(clock + 60 * MINUTE).toISOString());
    const call = () => s.app.inject({ method: 'GET', url: '/api/office/records', headers: { authorization: `Bearer ${res.json().secret}` } });
    expect((await call()).statusCode).toBe(200);
    clock += 61 * MINUTE;
    const expired = await call();
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('E_API_TOKEN');
  });
});

describe('counter table', () => {
  it('forgets the counters of made-up usernames once their window is over', async () => {
    const s = await start();
    const rows = () => {
      const db = new Database(s.dbFile, { readonly: true });
      try {
        return (db.prepare("SELECT key FROM login_attempts WHERE key LIKE 'account:made-up-%'").all() as { key: string }[]).length;
      } finally {
        db.close();
      }
    };
    for (let i = 0; i < 5; i++) await attempt(s, `made-up-${i}`, 'x');
    expect(rows()).toBe(5);
    clock += 16 * MINUTE;
    await attempt(s, 'someone-else', 'x');
    expect(rows()).toBe(0);
  });
});
