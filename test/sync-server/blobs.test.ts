// Blobs over tus: upload with hash check, size limit, coded errors, "missing" lookup, download, and an interrupted 20 MB upload that resumes.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256OfFile } from '../../sync-server/src/blobs/blob-files.ts';
import { imageBytes } from './image-bytes.ts';
import { startTestServer, type LoggedIn, type TestServer } from './test-server.ts';

const MIB = 1024 * 1024;
let server: TestServer;
let base: string;
let device: LoggedIn;

beforeAll(async () => {
  server = await startTestServer({ blobMaxBytes: 25 * MIB });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
  device = await server.login('surveyor');
});
afterAll(async () => {
  await server.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');

async function createUpload(length: number, hash: string, mime = 'image/jpeg', headers: Record<string, string> = device.headers) {
  return fetch(`${base}/api/blobs/uploads`, {
    method: 'POST',
    headers: { ...headers, 'tus-resumable': '1.0.0', 'upload-length': String(length), 'upload-metadata': `sha256 ${b64(hash)},mime ${b64(mime)}` },
  });
}

async function patch(location: string, offset: number, bytes: Buffer) {
  return fetch(new URL(location, base), {
    method: 'PATCH',
    headers: { ...device.headers, 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
    body: new Blob([new Uint8Array(bytes)]),
  });
}

async function missing(hashes: string[]): Promise<string[]> {
  const res = await fetch(`${base}/api/blobs/missing`, { method: 'POST', headers: { ...device.headers, 'content-type': 'application/json' }, body: JSON.stringify({ hashes }) });
  expect(res.status).toBe(200);
  return (await res.json()).missing;
}

describe('blob uploads (tus)', () => {
  it('stores a blob whose bytes match the declared sha256, then serves it and no longer lists it as missing', async () => {
    const bytes = imageBytes('image/jpeg', 50_000);
    const hash = sha256(bytes);
    expect(await missing([hash])).toEqual([hash]);
    const created = await createUpload(bytes.length, hash);
    expect(created.status).toBe(201);
    const done = await patch(created.headers.get('location')!, 0, bytes);
    expect(done.status).toBe(204);
    expect(await missing([hash])).toEqual([]);
    const got = await fetch(`${base}/api/blobs/${hash}`, { headers: device.headers });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(hash);
    const head = await fetch(`${base}/api/blobs/${hash}`, { method: 'HEAD', headers: device.headers });
    expect(head.status).toBe(200);
    expect(existsSync(join(server.dir, 'blobs', hash.slice(0, 2), hash))).toBe(true);
  });

  it('refuses bytes that do not hash to the declared sha256 (E_BLOB_HASH_MISMATCH) and keeps nothing', async () => {
    const bytes = randomBytes(10_000);
    const declared = sha256(Buffer.from('something else'));
    const created = await createUpload(bytes.length, declared);
    const res = await patch(created.headers.get('location')!, 0, bytes);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('E_BLOB_HASH_MISMATCH');
    expect(await missing([declared])).toEqual([declared]);
    expect(existsSync(join(server.dir, 'blobs', declared.slice(0, 2), declared))).toBe(false);
  });

  it('refuses an upload over the size limit with 413 E_TOO_LARGE', async () => {
    const res = await createUpload(26 * MIB, sha256(Buffer.from('big')));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('E_TOO_LARGE');
  });

  it('refuses an upload without sha256/mime metadata (E_BLOB_METADATA) or without a token (401)', async () => {
    const bad = await fetch(`${base}/api/blobs/uploads`, { method: 'POST', headers: { ...device.headers, 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('E_BLOB_METADATA');
    const anonymous = await createUpload(10, sha256(Buffer.from('x')), 'image/png', {});
    expect(anonymous.status).toBe(401);
    const unknown = await fetch(`${base}/api/blobs/${'0'.repeat(64)}`, { headers: device.headers });
    expect(unknown.status).toBe(404);
  });

  it('works with tus-js-client, the client the tablets use', async () => {
    const bytes = imageBytes('image/png', 300_000);
    const hash = sha256(bytes);
    await new Promise<void>((resolvePromise, reject) => {
      const upload = new tus.Upload(bytes, {
        endpoint: `${base}/api/blobs/uploads/`,
        headers: device.headers,
        metadata: { sha256: hash, mime: 'image/png' },
        chunkSize: 100_000,
        retryDelays: [],
        onError: reject,
        onSuccess: () => resolvePromise(),
      });
      upload.start();
    });
    expect(await missing([hash])).toEqual([]);
  });

  it('resumes an interrupted 20 MB upload from where it stopped', async () => {
    const bytes = imageBytes('image/jpeg', 20 * MIB);
    const hash = sha256(bytes);
    const created = await createUpload(bytes.length, hash);
    const location = new URL(created.headers.get('location')!, base);

    // Send about half, then drop the connection mid-body.
    await new Promise<void>((resolvePromise) => {
      const req = httpRequest(location, {
        method: 'PATCH',
        headers: { ...device.headers, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) },
      });
      req.on('error', () => resolvePromise());
      req.on('response', () => resolvePromise());
      req.write(bytes.subarray(0, 10 * MIB), () => setTimeout(() => { req.destroy(); resolvePromise(); }, 200));
    });

    // The server kept what arrived: HEAD reports the offset (polled until the aborted PATCH released its lock).
    let offset = 0;
    for (let attempt = 0; attempt < 50; attempt++) {
      const head = await fetch(location, { method: 'HEAD', headers: { ...device.headers, 'tus-resumable': '1.0.0' } });
      if (head.status === 200) {
        offset = Number(head.headers.get('upload-offset'));
        if (offset > 0) break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(bytes.length);

    const rest = await patch(location.toString(), offset, bytes.subarray(offset));
    expect(rest.status).toBe(204);
    expect(await missing([hash])).toEqual([]);
    expect(await sha256OfFile(join(server.dir, 'blobs', hash.slice(0, 2), hash))).toBe(hash);
  });
});
