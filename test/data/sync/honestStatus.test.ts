// The sync status says what really happened: expired vs revoked vs never logged in, a password reset, a tablet of another user, the last success across restarts, unsent records counted as records.
import { describe, expect, it } from 'vitest';
import { pendingCount, pendingRecordCount } from '../../../src/data/outbox.ts';
import { getSetting, setSetting } from '../../../src/data/settings.ts';
import { login, logout } from '../../../src/data/sync/session.ts';
import { SyncClient } from '../../../src/data/sync/syncClient.ts';
import { syncErrorText } from '../../../src/data/sync/syncErrors.ts';
import { fakeEnvironment, syncSetup } from './syncHelpers.ts';

describe('honest sync status', () => {
  it('a 401 during sync is an expired login: the session goes, the reason stays, and the next sync still says expired', async () => {
    const { server, client, db } = await syncSetup();
    server.failNext('pull', '401');
    expect((await client.syncNow()).lastError?.code).toBe('E_UNAUTHENTICATED');
    expect(await getSetting(db, 'session')).toBeUndefined();
    expect((await getSetting(db, 'sessionEnded'))?.reason).toBe('expired');
    // Not the plain "please log in" on the next attempt: the person must learn that the login expired.
    expect((await client.syncNow()).lastError?.code).toBe('E_UNAUTHENTICATED');
    expect(syncErrorText('E_UNAUTHENTICATED', 'ja')).toContain('有効期限が切れました');
  });

  it('a token past its expiry on the device clock is reported as expired, not as never logged in', async () => {
    const { client, db } = await syncSetup();
    const session = await getSetting(db, 'session');
    await setSetting(db, 'session', { ...session!, expiresAt: '2000-01-01T00:00:00.000Z' });
    const status = await client.syncNow();
    expect(status.phase).toBe('unauthenticated');
    expect(status.lastError?.code).toBe('E_UNAUTHENTICATED');
    expect(await getSetting(db, 'session')).toBeUndefined();
  });

  it('a revoked device drops the session (no "logged in" beside "login needed") and keeps saying revoked', async () => {
    const { server, client, db, repo } = await syncSetup();
    await repo.create('field-check', 1);
    server.failNext('push', '401-revoked');
    expect((await client.syncNow()).lastError?.code).toBe('E_DEVICE_REVOKED');
    expect(await getSetting(db, 'session')).toBeUndefined();
    expect((await client.syncNow()).lastError?.code).toBe('E_DEVICE_REVOKED');
    expect(await pendingCount(db)).toBe(1);
  });

  it('never logged in is E_NOT_LOGGED_IN; a logout clears an earlier expiry', async () => {
    const { server, client, db, transport } = await syncSetup();
    server.failNext('pull', '401');
    await client.syncNow();
    await login(db, transport, { username: 'surveyor', password: 'genba-demo', deviceLabel: '' });
    expect(await getSetting(db, 'sessionEnded')).toBeUndefined();
    await logout(db, transport);
    expect((await client.syncNow()).lastError?.code).toBe('E_NOT_LOGGED_IN');
  });

  it('E_PASSWORD_CHANGE_REQUIRED during sync is its own code, not retried, and marks the session for the password form', async () => {
    const { server, client, db } = await syncSetup();
    client.start();
    await client.syncNow();
    server.failNext('pull', '403-password');
    const status = await client.syncNow();
    expect(status.lastError?.code).toBe('E_PASSWORD_CHANGE_REQUIRED');
    expect(client.getStatus().nextAttemptAt).toBeUndefined();
    expect((await getSetting(db, 'session'))?.mustChangePassword).toBe(true);
    client.stop();
  });

  it('a login on a tablet registered to another user is E_DEVICE_OWNED with its own words, not "wrong password"', async () => {
    const { server, db, transport } = await syncSetup({ loggedIn: false });
    server.failNext('login', '409-owned');
    await expect(login(db, transport, { username: 'ambulance', password: 'genba-demo', deviceLabel: '' })).rejects.toMatchObject({ code: 'E_DEVICE_OWNED' });
    expect(syncErrorText('E_DEVICE_OWNED', 'ja')).toContain('別の職員');
  });

  it('the last successful sync survives a restart (a new client over the same database)', async () => {
    const { client, db, transport } = await syncSetup();
    const done = await client.syncNow();
    expect(done.lastSuccessAt).toBeTruthy();
    const restarted = new SyncClient({ db, transport, environment: fakeEnvironment(), intervalMs: 60_000 });
    expect(restarted.getStatus().lastSuccessAt).toBeUndefined();
    await restarted.restoreLastSuccess();
    expect(restarted.getStatus().lastSuccessAt).toBe(done.lastSuccessAt);
  });

  it('unsent counts records, not field changes', async () => {
    const { db, repo } = await syncSetup();
    const { id } = await repo.create('field-check', 1);
    for (const [path, value] of [['inspector_name', '山田'], ['survey_date', '2024-04-01'], ['notes', 'メモ']] as const) await repo.saveAnswers(id, [{ path, value }], { errorCount: 0 });
    await repo.create('field-check', 1);
    expect(await pendingCount(db)).toBeGreaterThan(2);
    expect(await pendingRecordCount(db)).toBe(2);
  });
});
