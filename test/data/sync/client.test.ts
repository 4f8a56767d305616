// The SyncClient's lifecycle: login required, 401 keeps the outbox, offline backs off, success schedules the interval, events trigger syncs.
import { describe, expect, it } from 'vitest';
import { pendingCount } from '../../../src/data/outbox.ts';
import { getSetting } from '../../../src/data/settings.ts';
import { backoffCeiling, DEFAULT_BACKOFF } from '../../../src/data/sync/backoff.ts';
import { login, logout } from '../../../src/data/sync/session.ts';
import { SyncError } from '../../../src/data/sync/syncErrors.ts';
import type { BlobUploader } from '../../../src/data/sync/uploadBlobs.ts';
import { putAttachment } from '../../../src/data/attachments.ts';
import { syncSetup } from './syncHelpers.ts';
import { openTestDb } from '../helpers.ts';
import { SyncClient } from '../../../src/data/sync/syncClient.ts';
import { RecordRepository } from '../../../src/data/records.ts';
import { v7 as uuidv7 } from 'uuid';

describe('SyncClient', () => {
  it('without a login it does not call the server and says so', async () => {
    const { server, client, repo, db } = await syncSetup({ loggedIn: false });
    await repo.create('field-check', 1);
    const status = await client.syncNow();
    expect(status.phase).toBe('unauthenticated');
    expect(status.lastError?.code).toBe('E_NOT_LOGGED_IN');
    expect(server.pushes).toHaveLength(0);
    expect(await pendingCount(db)).toBe(1);
  });

  it('a 401 asks for a new login and loses nothing; logging in again resumes with the same ops', async () => {
    const { server, client, repo, db, transport } = await syncSetup();
    const { id } = await repo.create('field-check', 1, { inspector_name: '山田' });
    server.failNext('push', '401');
    const status = await client.syncNow();
    expect(status.phase).toBe('unauthenticated');
    expect(status.lastError?.code).toBe('E_UNAUTHENTICATED');
    expect(await getSetting(db, 'session')).toBeUndefined();
    expect(await pendingCount(db)).toBe(1);

    await login(db, transport, { username: 'surveyor', password: 'genba-demo', deviceLabel: '' });
    expect((await client.syncNow()).phase).toBe('idle');
    expect(server.records.get(id)?.answers.inspector_name).toBe('山田');
  });

  it('logout keeps the outbox; a wrong password is E_LOGIN_FAILED and stores nothing', async () => {
    const { client, repo, db, transport } = await syncSetup();
    await repo.create('field-check', 1);
    await logout(db, transport);
    expect(await getSetting(db, 'session')).toBeUndefined();
    expect(await pendingCount(db)).toBe(1);
    await expect(login(db, transport, { username: 'surveyor', password: 'wrong', deviceLabel: '' })).rejects.toMatchObject({ code: 'E_LOGIN_FAILED' });
    expect(await getSetting(db, 'session')).toBeUndefined();
    expect((await client.syncNow()).phase).toBe('unauthenticated');
  });

  it('offline: backs off with a jittered delay within the ceiling, growing per failure; a success resets to the interval', async () => {
    const { server, client, environment } = await syncSetup();
    client.start();
    await client.syncNow(); // joins the first sync start() began
    expect(environment.timers.map((t) => t.ms)).toEqual([60_000]);

    environment.randomValue = 0.999;
    for (const failures of [1, 2, 3]) {
      server.failNext('pull', 'offline');
      const status = await client.syncNow();
      expect(status.phase).toBe('offline');
      expect(status.failures).toBe(failures);
      expect(environment.timers).toHaveLength(1);
      const delay = environment.timers[0]?.ms as number;
      expect(delay).toBeLessThanOrEqual(backoffCeiling(failures, DEFAULT_BACKOFF));
      expect(delay).toBeGreaterThan(backoffCeiling(failures, DEFAULT_BACKOFF) * 0.99);
    }
    const ok = await client.syncNow();
    expect(ok.phase).toBe('idle');
    expect(ok.failures).toBe(0);
    expect(ok.lastSuccessAt).toBeDefined();
    expect(environment.timers.map((t) => t.ms)).toEqual([60_000]);
    client.stop();
    expect(environment.timers).toHaveLength(0);
  });

  it('syncs when the network comes back, when the app becomes visible and when the timer fires', async () => {
    const { server, client, environment } = await syncSetup();
    client.start();
    await client.syncNow();
    const pulls = () => server.pulls.length;
    const before = pulls();
    environment.fire('online');
    await client.syncNow();
    environment.fire('visible');
    await client.syncNow();
    environment.timers[0]?.callback();
    await client.syncNow();
    expect(pulls()).toBeGreaterThanOrEqual(before + 3);
    environment.fire('offline');
    expect(client.getStatus().phase).toBe('offline');
    client.stop();
  });

  it('a 500 is an error in plain words and retried later; a wrong protocol version is not retried automatically', async () => {
    const { server, client, environment } = await syncSetup();
    client.start();
    await client.syncNow();
    server.failNext('pull', '500');
    const failed = await client.syncNow();
    expect(failed.phase).toBe('error');
    expect(failed.lastError?.code).toBe('E_SERVER');
    expect(environment.timers).toHaveLength(1);

    server.failNext('pull', '400-version');
    const outdated = await client.syncNow();
    expect(outdated.phase).toBe('error');
    expect(outdated.lastError?.code).toBe('E_PROTOCOL_VERSION');
    expect(environment.timers).toHaveLength(0); // only an app update helps: no polling
    client.stop();
  });

  it('with a second (relaxed-durability) connection for pulls, pulled records land in the same database', async () => {
    const { server, db, transport, environment } = await syncSetup();
    const pullDb = openTestDb(db.name);
    const client = new SyncClient({ db, pullDb, transport, environment });
    const record = server.addRecord({ id: uuidv7(), formId: 'field-check', formVersion: 1, answers: { inspector_name: '受信' } });
    expect((await client.syncNow()).phase).toBe('idle');
    expect((await new RecordRepository(db).get(record.id))?.answers.inspector_name).toBe('受信');
    expect(await getSetting(db, 'syncCheckpoint')).toBe(record.changeSeq);
  });

  it('uploads only the photos the server lacks, marks them uploaded; a failed upload keeps the photo pending and reports E_UPLOAD_FAILED', async () => {
    const uploads: string[] = [];
    let failHash = '';
    const uploader: BlobUploader = {
      async upload(row, _token, onUrl) {
        onUrl(`http://fake/api/blobs/uploads/${row.hash}`);
        if (row.hash === failHash) throw new SyncError('E_UPLOAD_FAILED', 'connection reset');
        uploads.push(row.hash);
      },
    };
    const { server, client, repo, db } = await syncSetup({ uploader });
    const { id } = await repo.create('field-check', 1);
    const blob = (text: string) => new Blob([text], { type: 'image/jpeg' });
    const held = await putAttachment(db, { recordId: id, path: 'photos', kind: 'photo', mime: 'image/jpeg', blob: blob('on server') });
    const sent = await putAttachment(db, { recordId: id, path: 'photos', kind: 'photo', mime: 'image/jpeg', blob: blob('new') });
    const broken = await putAttachment(db, { recordId: id, path: 'photos', kind: 'photo', mime: 'image/jpeg', blob: blob('flaky') });
    server.blobs.add(held.hash);
    failHash = broken.hash;

    const status = await client.syncNow();
    expect(status.phase).toBe('error');
    expect(status.lastError?.code).toBe('E_UPLOAD_FAILED');
    expect(uploads).toEqual([sent.hash]);
    expect((await db.attachments.get(held.hash))?.uploaded).toBe(true);
    expect((await db.attachments.get(sent.hash))?.uploaded).toBe(true);
    const pending = await db.attachments.get(broken.hash);
    expect(pending?.uploaded).toBe(false);
    expect(pending?.uploadUrl).toBe(`http://fake/api/blobs/uploads/${broken.hash}`); // kept to resume
    expect(server.records.has(id)).toBe(true); // the record itself was still pushed

    failHash = '';
    expect((await client.syncNow()).phase).toBe('idle');
    expect((await db.attachments.get(broken.hash))?.uploaded).toBe(true);
  });
});
