// Every answer of the server carries the security headers (CSP, nosniff, no referrer, no framing), and no source map is served.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../sync-server/src/app.ts';
import { loadConfig } from '../../sync-server/src/config.ts';
import { startTestServer, type TestServer } from './test-server.ts';

let dir: string;
let staticApp: FastifyInstance;
let api: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genba-headers-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shell</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  // As an older build with source maps would have left it.
  writeFileSync(join(dir, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":["src/app/main.tsx"]}');
  process.env.LOG_LEVEL = 'silent';
  staticApp = await buildServer({ ...loadConfig({ PORT: '0' }), staticDir: dir, dataDir: join(dir, 'data') });
  api = await startTestServer();
});

afterAll(async () => {
  await staticApp.close();
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("img-src 'self' data: blob:");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  const permissions = String(headers['permissions-policy']);
  expect(permissions).toContain('camera=(self)');
  expect(permissions).toContain('geolocation=(self)');
  expect(permissions).toContain('microphone=()');
}

describe('security headers', () => {
  it('are on the app shell, the SPA fallback, assets and the health check', async () => {
    for (const [url, accept] of [['/', 'text/html'], ['/office/queue', 'text/html'], ['/assets/index-abc123.js', '*/*'], ['/healthz', '*/*']] as const) {
      const res = await staticApp.inject({ method: 'GET', url, headers: { accept } });
      expect(res.statusCode, url).toBe(200);
      expectSecurityHeaders(res.headers);
    }
  });

  it('are on coded errors: an unknown API route, a malformed URL, a refused login, a bad JSON body', async () => {
    const unknown = await staticApp.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expectSecurityHeaders(unknown.headers);
    const malformed = await staticApp.inject({ method: 'GET', url: '/%E0%A4%A' });
    expect(malformed.statusCode).toBe(400);
    expectSecurityHeaders(malformed.headers);
    const login = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'wrong-password', deviceId: 'd1' } });
    expect(login.statusCode).toBeGreaterThanOrEqual(400);
    expectSecurityHeaders(login.headers);
    const badJson = await api.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' });
    expect(badJson.statusCode).toBe(400);
    expectSecurityHeaders(badJson.headers);
  });

  it('does not serve a source map even when one is in the build folder', async () => {
    const res = await staticApp.inject({ method: 'GET', url: '/assets/index-abc123.js.map' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('sources');
  });
});
