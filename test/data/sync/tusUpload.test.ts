// Photos through the real server's tus endpoint with the device's TusBlobUploader: uploaded and marked, and a stored upload URL resumes at its offset.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../helpers.ts';
import { putAttachment, rememberUploadUrl, getAttachment } from '../../../src/data/attachments.ts';
import { RecordRepository } from '../../../src/data/records.ts';
import { HttpSyncTransport } from '../../../src/data/sync/transport.ts';
import { SyncClient } from '../../../src/data/sync/syncClient.ts';
import { TusBlobUploader } from '../../../src/data/sync/tusUploader.ts';
import { currentSession, login } from '../../../src/data/sync/session.ts';
import { imageBytes } from '../../sync-server/image-bytes.ts';
import { startTestServer, type TestServer } from '../../sync-server/test-server.ts';
import { fakeEnvironment } from './syncHelpers.ts';

let server: TestServer;
let base: string;
const toBuffer = async (blob: Blob) => Buffer.from(await blob.arrayBuffer());

beforeAll(async () => {
  server = await startTestServer();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await server?.close();
});

async function device() {
  const db = openTestDb();
  const transport = new HttpSyncTransport(base);
  await login(db, transport, { username: 'surveyor', password: 'genba-demo', deviceLabel: 'tus test' });
  const { id } = await new RecordRepository(db).create('field-check', 2);
  return { db, transport, recordId: id };
}

describe('photo upload through tus', () => {
  it('a sync uploads the pending photo; the server then holds it and the attachment is marked uploaded', async () => {
    const { db, transport, recordId } = await device();
    const bytes = imageBytes('image/jpeg', 250_000);
    const row = await putAttachment(db, { recordId, path: 'buildings[0].building_photos', kind: 'photo', mime: 'image/jpeg', blob: new Blob([bytes], { type: 'image/jpeg' }) });
    expect(row.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    const client = new SyncClient({ db, transport, environment: fakeEnvironment(), uploader: new TusBlobUploader(base, 100_000, toBuffer) });
    const status = await client.syncNow();
    expect(status.lastError).toBeUndefined();
    expect(status.phase).toBe('idle');
    const stored = await getAttachment(db, row.hash);
    expect(stored?.uploaded).toBe(true);
    expect(stored?.uploadUrl).toMatch(/\/api\/blobs\/uploads\//);
    const session = await currentSession(db);
    expect(await transport.missingBlobs(session?.token as string, [row.hash])).toEqual([]);
  });

  it('an interrupted upload resumes from the stored upload URL at the server offset, not from zero', async () => {
    const { db, transport } = await device();
    const session = await currentSession(db);
    const token = session?.token as string;
    const bytes = imageBytes('image/jpeg', 400_000);
    const blob = new Blob([bytes], { type: 'image/jpeg' });
    const row = await putAttachment(db, { recordId: '0190f000-0000-7000-8000-000000000001', path: 'p', kind: 'photo', mime: 'image/jpeg', blob });
    // A previous attempt created the upload and sent the first 300,000 bytes before the network dropped.
    const created = await fetch(`${base}/api/blobs/uploads/`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', 'upload-length': String(bytes.length),
        'upload-metadata': `sha256 ${Buffer.from(row.hash).toString('base64')},mime ${Buffer.from('image/jpeg').toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get('location') as string, base).toString();
    const patched = await fetch(location, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: bytes.subarray(0, 300_000),
    });
    expect(patched.status).toBe(204);
    await rememberUploadUrl(db, row.hash, location);

    const progress: number[] = [];
    const resumed = (await getAttachment(db, row.hash)) as NonNullable<Awaited<ReturnType<typeof getAttachment>>>;
    await new TusBlobUploader(base, 1_000_000, toBuffer).upload(resumed, token, () => undefined, (sent) => progress.push(sent));
    expect(progress[0]).toBeGreaterThanOrEqual(300_000); // the first bytes reported already include the server's offset
    expect(await transport.missingBlobs(token, [row.hash])).toEqual([]);
  });
});
