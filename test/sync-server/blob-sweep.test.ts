// Blob quota and the sweep (issue 12): per-user bytes stored + in flight, unfinished uploads expiring, unreferenced blobs collected after the grace period.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBlobSweep, sweepBlobs } from '../../sync-server/src/blobs/blob-sweep.ts';
import { openMemoryStore } from '../sync/memory-store.ts';
import { imageBytes } from './image-bytes.ts';
import { initialAnswers, newRecordId, op, pushBody } from './ops.ts';
import { startTestServer, type LoggedIn, type TestServer } from './test-server.ts';

const HOUR = 3600_000;
let clock = Date.now();
let server: TestServer;
let base: string;
let surveyor: LoggedIn;
let gis: LoggedIn;

beforeAll(async () => {
  const config = { quotaBytes: 10_000, uploadExpiryHours: 24, unreferencedGraceDays: 7, sweepMinutes: 60 };
  server = await startTestServer({ blobs: config }, { now: () => new Date(clock) });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
  surveyor = await server.login('surveyor');
  gis = await server.login('gis');
});
afterAll(async () => {
  await server.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');
const tus = { 'tus-resumable': '1.0.0' };
const sweep = () => sweepBlobs({ store: server.store, dataDir: server.dir, blobs: server.config.blobs, now: () => new Date(clock) });
const blobPath = (hash: string) => join(server.dir, 'blobs', hash.slice(0, 2), hash);

const create = (who: LoggedIn, bytes: Buffer) => fetch(`${base}/api/blobs/uploads`, {
  method: 'POST',
  headers: { ...who.headers, ...tus, 'upload-length': String(bytes.length), 'upload-metadata': `sha256 ${b64(sha256(bytes))},mime ${b64('image/jpeg')}` },
});
const patch = (who: LoggedIn, location: string, bytes: Buffer) => fetch(new URL(location, base), {
  method: 'PATCH',
  headers: { ...who.headers, ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
  body: new Blob([new Uint8Array(bytes)]),
});
async function upload(who: LoggedIn, bytes: Buffer) {
  const created = await create(who, bytes);
  expect(created.status).toBe(201);
  expect((await patch(who, created.headers.get('location')!, bytes)).status).toBe(204);
}

describe('quota', () => {
  it('refuses an upload that would take the user over their quota (413 E_QUOTA), counting unfinished uploads; a cancelled one frees its share', async () => {
    const first = imageBytes('image/jpeg', 6000);
    const created = await create(gis, first);
    expect(created.status).toBe(201);
    const second = imageBytes('image/jpeg', 6000);
    const refused = await create(gis, second);
    expect(refused.status).toBe(413);
    expect((await refused.json()).error.code).toBe('E_QUOTA');
    // Another user has their own quota.
    expect((await create(surveyor, second)).status).toBe(201);
    const cancelled = await fetch(new URL(created.headers.get('location')!, base), { method: 'DELETE', headers: { ...gis.headers, ...tus } });
    expect(cancelled.status).toBe(204);
    await expect.poll(async () => (await create(gis, second)).status).toBe(201);
  });
});

describe('the sweep', () => {
  it('removes unfinished uploads once they expire: their owner gets 404 (or 410) and the bytes are gone', async () => {
    const bytes = imageBytes('image/jpeg', 3000);
    const created = await create(surveyor, bytes);
    const location = new URL(created.headers.get('location')!, base);
    const id = location.pathname.split('/').pop()!;
    expect(existsSync(join(server.dir, 'blobs', 'uploads', id))).toBe(true);
    clock += 23 * HOUR;
    await sweep();
    expect((await fetch(location, { method: 'HEAD', headers: { ...surveyor.headers, ...tus } })).status).toBe(200);
    clock += 2 * HOUR;
    const result = await sweep();
    expect(result.expiredUploads).toBeGreaterThanOrEqual(1);
    expect(await server.store.transaction((tx) => tx.getBlobUpload(id))).toBeNull();
    expect(readdirSync(join(server.dir, 'blobs', 'uploads')).filter((f) => f.startsWith(id))).toEqual([]);
    expect((await fetch(location, { method: 'HEAD', headers: { ...surveyor.headers, ...tus } })).status).toBe(404);
  });

  it('collects a blob no record references once the grace period has passed; keeps referenced ones', async () => {
    surveyor = await server.login('surveyor');
    const stray = imageBytes('image/jpeg', 500);
    const kept = imageBytes('image/jpeg', 500);
    await upload(surveyor, stray);
    await upload(surveyor, kept);
    const recordId = newRecordId();
    const answers = { ...initialAnswers(), buildings: [{ building_name: '本館', building_photos: [{ hash: sha256(kept), mime: 'image/jpeg' }] }] };
    const pushed = await server.app.inject({
      method: 'POST', url: '/api/sync/push', headers: surveyor.headers,
      payload: pushBody(surveyor.deviceId, [op({ deviceId: surveyor.deviceId, seq: 1, recordId, path: '@create', value: answers })]),
    });
    expect(pushed.statusCode, pushed.body).toBe(200);
    clock += 6 * 24 * HOUR;
    await sweep();
    expect(existsSync(blobPath(sha256(stray)))).toBe(true);
    clock += 2 * 24 * HOUR;
    const result = await sweep();
    expect(result.collectedBlobs).toBeGreaterThanOrEqual(1);
    expect(existsSync(blobPath(sha256(stray)))).toBe(false);
    expect(await server.store.transaction((tx) => tx.getBlob(sha256(stray)))).toBeNull();
    expect(existsSync(blobPath(sha256(kept)))).toBe(true);
    surveyor = await server.login('surveyor');
    const res = await fetch(`${base}/api/blobs/${sha256(kept)}`, { headers: surveyor.headers });
    expect(res.status).toBe(200);
  });
});

describe('the sweep is bounded and stops on close', () => {
  const blobs = { quotaBytes: 1e9, uploadExpiryHours: 24, unreferencedGraceDays: 7, sweepMinutes: 1 };
  const old = '2026-01-01T00:00:00.000Z';

  it('collects at most `batch` blobs a run; the next run continues', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genba-sweep-'));
    const store = openMemoryStore();
    await store.transaction(async (tx) => {
      for (const c of ['a', 'b', 'c']) await tx.putBlob({ hash: c.repeat(64), size: 1, mime: 'image/png', location: `${c}${c}/${c.repeat(64)}`, uploadedBy: 'u', createdAt: old });
    });
    const deps = { store, dataDir: dir, blobs, now: () => new Date('2026-02-01T00:00:00.000Z') };
    expect((await sweepBlobs(deps, 2)).collectedBlobs).toBe(2);
    expect((await sweepBlobs(deps, 2)).collectedBlobs).toBe(1);
    expect((await sweepBlobs(deps, 2)).collectedBlobs).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs on its timer, and stop() ends it and waits for the run in progress', async () => {
    vi.useFakeTimers();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'genba-sweep-'));
      const store = openMemoryStore();
      let runs = 0;
      const counting = { ...store, transaction: <T>(fn: Parameters<typeof store.transaction<T>>[0]) => { runs += 1; return store.transaction(fn); } };
      const log = { info: () => undefined, error: () => undefined } as unknown as FastifyBaseLogger;
      const sweep = startBlobSweep({ store: counting, dataDir: dir, blobs, now: () => new Date(), log });
      expect(runs).toBe(0);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(runs).toBeGreaterThan(0);
      await sweep.stop();
      const afterStop = runs;
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(runs).toBe(afterStop);
      rmSync(dir, { recursive: true, force: true });
    } finally {
      vi.useRealTimers();
    }
  });
});
