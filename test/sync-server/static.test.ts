// The server serves the built PWA: health check, SPA fallback for navigations, cache headers, coded 404 for unknown APIs.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../sync-server/src/app.ts';
import { loadConfig } from '../../sync-server/src/config.ts';

let app: FastifyInstance;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genba-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Genba test shell</title>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  process.env.LOG_LEVEL = 'silent';
  app = await buildServer({ ...loadConfig({ PORT: '0' }), staticDir: dir, dataDir: join(dir, 'data') });
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static PWA serving', () => {
  it('answers the health check', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('serves hashed assets as immutable and the service worker as no-cache', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const sw = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html for an app route navigated to directly', async () => {
    const res = await app.inject({ method: 'GET', url: '/forms/field-check/records', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Genba test shell');
  });

  it('answers an unknown API route with a coded JSON 404, not the app shell', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('E_NOT_FOUND');
  });
});

describe('configuration', () => {
  it('rejects a PORT that is not a port number with a coded error', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/E_CONFIG_PORT/);
  });

  it('defaults to port 8080', () => {
    expect(loadConfig({}).port).toBe(8080);
  });
});
