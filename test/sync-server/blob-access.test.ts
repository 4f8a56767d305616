// Blobs guarded (issue 12): types checked by their bytes, served inert, read only through a record in scope, uploads owned, uploader recorded from the session.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTML_PAGE, imageBytes, SVG_IMAGE } from './image-bytes.ts';
import { initialAnswers, newRecordId, op, pushBody } from './ops.ts';
import { startTestServer, type LoggedIn, type TestServer } from './test-server.ts';

let server: TestServer;
let base: string;
let surveyor: LoggedIn;
let ambulance: LoggedIn;
let hospital: LoggedIn;
let supervisor: LoggedIn;

beforeAll(async () => {
  server = await startTestServer();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
  surveyor = await server.login('surveyor');
  ambulance = await server.login('ambulance');
  hospital = await server.login('hospital');
  supervisor = await server.login('supervisor');
});
afterAll(async () => {
  await server.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');
const tus = { 'tus-resumable': '1.0.0' };

function create(who: LoggedIn, length: number, hash: string, mime: string, extra: Record<string, string> = {}) {
  return fetch(`${base}/api/blobs/uploads`, {
    method: 'POST',
    headers: { ...who.headers, ...tus, 'upload-length': String(length), 'upload-metadata': `sha256 ${b64(hash)},mime ${b64(mime)}`, ...extra },
  });
}

function patch(who: LoggedIn, location: string, bytes: Buffer, offset = 0, extra: Record<string, string> = {}) {
  return fetch(new URL(location, base), {
    method: 'PATCH',
    headers: { ...who.headers, ...tus, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', ...extra },
    body: new Blob([new Uint8Array(bytes)]),
  });
}

/** Creates and sends a whole upload; the final PATCH's answer. */
async function upload(who: LoggedIn, bytes: Buffer, mime: string, extra: Record<string, string> = {}) {
  const created = await create(who, bytes.length, sha256(bytes), mime, extra);
  expect(created.status).toBe(201);
  return patch(who, created.headers.get('location')!, bytes, 0, extra);
}

async function missing(who: LoggedIn, hashes: string[]): Promise<string[]> {
  const res = await fetch(`${base}/api/blobs/missing`, { method: 'POST', headers: { ...who.headers, 'content-type': 'application/json' }, body: JSON.stringify({ hashes }) });
  expect(res.status).toBe(200);
  return (await res.json()).missing;
}

const get = (who: LoggedIn, hash: string, method = 'GET') => fetch(`${base}/api/blobs/${hash}`, { method, headers: who.headers });

/** A field-check record by `who` whose first building has these photos. */
async function pushRecordWithPhotos(who: LoggedIn, photos: { hash: string; mime: string }[], seq: number): Promise<string> {
  const recordId = newRecordId();
  const answers = { ...initialAnswers(), buildings: [{ building_name: '本館', building_photos: photos }] };
  const res = await server.app.inject({
    method: 'POST', url: '/api/sync/push', headers: who.headers,
    payload: pushBody(who.deviceId, [op({ deviceId: who.deviceId, seq, recordId, path: '@create', value: answers })]),
  });
  expect(res.statusCode, res.body).toBe(200);
  return recordId;
}

describe('blob types (checked by the bytes)', () => {
  it.each(['text/html', 'image/svg+xml', 'application/octet-stream', 'image/gif'])('refuses to create an upload declaring %s (422 E_BLOB_TYPE)', async (mime) => {
    const res = await create(surveyor, 100, sha256(Buffer.from(mime)), mime);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('E_BLOB_TYPE');
  });

  it.each([
    ['an HTML page declared as image/png', HTML_PAGE, 'image/png'],
    ['an SVG declared as image/png', SVG_IMAGE, 'image/png'],
    ['a JPEG declared as image/png', imageBytes('image/jpeg'), 'image/png'],
  ])('deletes %s on its last byte and answers 422 E_BLOB_TYPE', async (_name, bytes, mime) => {
    const res = await upload(surveyor, bytes, mime);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('E_BLOB_TYPE');
    const hash = sha256(bytes);
    expect(await missing(surveyor, [hash])).toEqual([hash]);
    expect(existsSync(join(server.dir, 'blobs', hash.slice(0, 2), hash))).toBe(false);
  });

  it('keeps PNG, JPEG and WebP whose bytes are what they declare', async () => {
    for (const mime of ['image/png', 'image/jpeg', 'image/webp'] as const) {
      const bytes = imageBytes(mime);
      expect((await upload(surveyor, bytes, mime)).status).toBe(204);
      expect(await missing(surveyor, [sha256(bytes)])).toEqual([]);
    }
  });
});

describe('serving', () => {
  it('serves an image with its type, nosniff and a sandbox CSP', async () => {
    const bytes = imageBytes('image/png');
    await upload(surveyor, bytes, 'image/png');
    const res = await get(surveyor, sha256(bytes));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('content-disposition')).toBeNull();
  });

  it('serves a stored non-image (a row from before the type check) as an octet-stream attachment', async () => {
    const hash = sha256(HTML_PAGE);
    mkdirSync(join(server.dir, 'blobs', hash.slice(0, 2)), { recursive: true });
    writeFileSync(join(server.dir, 'blobs', hash.slice(0, 2), hash), HTML_PAGE);
    await server.store.transaction(async (tx) => {
      await tx.putBlob({ hash, size: HTML_PAGE.length, mime: 'text/html', location: `${hash.slice(0, 2)}/${hash}`, uploadedBy: surveyor.userId, createdAt: new Date().toISOString() });
      await tx.addBlobUploader(hash, surveyor.userId, new Date().toISOString());
    });
    const res = await get(surveyor, hash);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe('attachment');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
  });
});

describe('who may read a blob', () => {
  it('the uploader until a record references it; then whoever may read that record; everyone else 404', async () => {
    const bytes = imageBytes('image/jpeg');
    const hash = sha256(bytes);
    expect((await upload(surveyor, bytes, 'image/jpeg')).status).toBe(204);
    expect((await get(surveyor, hash)).status).toBe(200);
    // Unreferenced: not even a supervisor reads someone's stray upload, and the others cannot tell it exists.
    for (const who of [ambulance, hospital, supervisor]) {
      expect((await get(who, hash)).status).toBe(404);
      expect((await get(who, hash, 'HEAD')).status).toBe(404);
      expect(await missing(who, [hash])).toEqual([hash]);
    }
    await pushRecordWithPhotos(surveyor, [{ hash, mime: 'image/jpeg' }], 1);
    expect((await get(surveyor, hash)).status).toBe(200);
    expect((await get(supervisor, hash)).status).toBe(200);
    // ambulance shares the form but not the record; hospital has neither.
    expect((await get(ambulance, hash)).status).toBe(404);
    expect((await get(hospital, hash)).status).toBe(404);
    expect(await missing(ambulance, [hash])).toEqual([hash]);
  });

  it('a blob said to be missing may be uploaded again: accepted, deduplicated, recorded as uploaded by this user too', async () => {
    const bytes = imageBytes('image/webp');
    const hash = sha256(bytes);
    await upload(surveyor, bytes, 'image/webp');
    expect(await missing(ambulance, [hash])).toEqual([hash]);
    expect((await upload(ambulance, bytes, 'image/webp')).status).toBe(204);
    expect(await missing(ambulance, [hash])).toEqual([]);
    expect((await get(ambulance, hash)).status).toBe(200);
    const blob = await server.store.transaction((tx) => tx.getBlob(hash));
    expect(blob?.uploadedBy).toBe(surveyor.userId);
    expect(await server.store.transaction((tx) => tx.blobBytesOf(ambulance.userId))).toBeGreaterThanOrEqual(bytes.length);
  });

  it('records the authenticated uploader, whatever header the client sends', async () => {
    const bytes = imageBytes('image/png');
    const res = await upload(ambulance, bytes, 'image/png', { 'x-genba-uploader': supervisor.userId });
    expect(res.status).toBe(204);
    const blob = await server.store.transaction((tx) => tx.getBlob(sha256(bytes)));
    expect(blob?.uploadedBy).toBe(ambulance.userId);
    expect(await missing(supervisor, [sha256(bytes)])).toEqual([sha256(bytes)]);
  });
});

describe('unfinished uploads belong to their creator', () => {
  it('HEAD, PATCH and DELETE of another user\'s upload answer 404 and change nothing', async () => {
    const bytes = imageBytes('image/jpeg', 4000);
    const created = await create(surveyor, bytes.length, sha256(bytes), 'image/jpeg');
    const location = created.headers.get('location')!;
    expect((await patch(surveyor, location, bytes.subarray(0, 1000))).status).toBe(204);
    const url = new URL(location, base);
    expect((await fetch(url, { method: 'HEAD', headers: { ...ambulance.headers, ...tus } })).status).toBe(404);
    expect((await patch(ambulance, location, bytes.subarray(1000), 1000)).status).toBe(404);
    expect((await fetch(url, { method: 'DELETE', headers: { ...ambulance.headers, ...tus } })).status).toBe(404);
    const head = await fetch(url, { method: 'HEAD', headers: { ...surveyor.headers, ...tus } });
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe('1000');
    expect((await patch(surveyor, location, bytes.subarray(1000), 1000)).status).toBe(204);
  });
});
