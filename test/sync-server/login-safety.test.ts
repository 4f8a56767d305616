// Login safety: expired tokens, throttled guessing, and logs that never hold a password or a token.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo-accounts.ts';
import { startTestServer, type TestServer } from './test-server.ts';

const DAY_MS = 86_400_000;
let clock = Date.now();
let logged = '';
let server: TestServer;

beforeAll(async () => {
  const logStream = new Writable({ write(chunk, _enc, done) { logged += chunk.toString(); done(); } });
  server = await startTestServer({}, { now: () => new Date(clock), logStream });
});
afterAll(async () => {
  await server.close();
});

describe('token expiry', () => {
  it('keeps a token working for days offline, and refuses it after 30 days with 401 E_TOKEN_EXPIRED', async () => {
    const session = await server.login('gis', 'tablet-expiring');
    clock += 20 * DAY_MS;
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(200);
    clock += 11 * DAY_MS;
    const expired = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('E_TOKEN_EXPIRED');
    // Re-login on the same device gives a fresh token.
    const again = await server.login('gis', 'tablet-expiring');
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: again.headers })).statusCode).toBe(200);
  });
});

describe('password guessing', () => {
  it('refuses further attempts with 429 E_TOO_MANY_ATTEMPTS after 10 failures, even with the right password, until the window passes', async () => {
    const attempt = (password: string) =>
      server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ambulance', password, deviceId: 'tablet-guess', deviceLabel: 'x' } });
    for (let i = 0; i < 10; i++) expect((await attempt(`guess-${i}`)).statusCode).toBe(401);
    const blocked = await attempt(DEMO_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('E_TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    clock += 16 * 60 * 1000;
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('logs', () => {
  it('record refused logins by username and code, never the password or the bearer token', async () => {
    const secret = 'hunter2-never-log-me';
    await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'hospital', password: secret, deviceId: 'tablet-log', deviceLabel: 'x' } });
    const session = await server.login('hospital', 'tablet-log');
    await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    expect(logged).toContain('login refused');
    expect(logged).toContain('E_AUTH');
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain(DEMO_PASSWORD);
    expect(logged).not.toContain(session.token);
  });
});
