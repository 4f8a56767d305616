// SyncClient: runs upload → push → pull on demand, on reconnect, on an interval and when the app becomes visible; backs off on failure.
//
// One sync at a time: a syncNow() while a sync runs waits for it and then runs once more, so a change
// made during a sync is never left behind. Nothing here deletes local data on failure: a failed step
// leaves the outbox, the checkpoint and the records as they were (the steps are idempotent).
import type { GenbaDb } from '../db.ts';
import { getDeviceId, getSetting, setSetting } from '../settings.ts';
import { toDataError, isDataError } from '../errors.ts';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.ts';
import { pullChanges } from './pullChanges.ts';
import { pushOutbox } from './pushOutbox.ts';
import { currentSession, endSession, hasExpiredSession } from './session.ts';
import type { SyncEnvironment } from './syncEnvironment.ts';
import { SyncError, isRetryable, isSyncError } from './syncErrors.ts';
import { EMPTY_PROGRESS, StatusStore, type SyncStatus } from './syncStatus.ts';
import type { SyncTransport } from './transport.ts';
import { uploadFailure, uploadPendingBlobs, type BlobUploader } from './uploadBlobs.ts';

export interface SyncClientOptions {
  db: GenbaDb;
  transport: SyncTransport;
  environment: SyncEnvironment;
  /** Optional: without one, attachments wait (the record keeps showing "photos pending"). */
  uploader?: BlobUploader;
  /**
   * Optional second connection to the same database with relaxed durability, used only to store pulled
   * pages (see OpenDbOptions.durability); defaults to `db`.
   */
  pullDb?: GenbaDb;
  intervalMs?: number;
  backoff?: BackoffPolicy;
}

export const DEFAULT_SYNC_INTERVAL_MS = 60_000;

function asSyncError(error: unknown): SyncError {
  if (isSyncError(error)) return error;
  if (isDataError(error)) return new SyncError('E_LOCAL_STORE', error.message);
  const name = (error as { name?: string } | null)?.name ?? '';
  // Dexie wraps failures inside a transaction; anything from IndexedDB is a local storage problem.
  if (/Dexie|IDB|Abort|Quota|Constraint|DataError|Transaction/i.test(name)) return new SyncError('E_LOCAL_STORE', toDataError(error).message);
  return new SyncError('E_BAD_RESPONSE', error instanceof Error ? error.message : String(error));
}

export class SyncClient {
  private readonly status = new StatusStore();
  private running: Promise<SyncStatus> | null = null;
  private again = false;
  private timer: unknown = null;
  private unsubscribe: (() => void)[] = [];
  private started = false;

  constructor(private readonly options: SyncClientOptions) {}

  getStatus(): SyncStatus {
    return this.status.get();
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    return this.status.subscribe(listener);
  }

  /**
   * The last success as stored (lastSyncAt), so a reload still says when the tablet last synced; a sync that
   * finished in this session already set it and is not overwritten.
   */
  async restoreLastSuccess(): Promise<void> {
    const at = await getSetting(this.options.db, 'lastSyncAt').catch(() => undefined);
    if (at && !this.status.get().lastSuccessAt) this.status.update({ lastSuccessAt: at });
  }

  /** Syncs on reconnect, when the app becomes visible, and every interval; the first sync starts now. */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.restoreLastSuccess();
    const env = this.options.environment;
    this.unsubscribe = [
      env.onOnline(() => void this.syncNow()),
      env.onVisible(() => void this.syncNow()),
      env.onOffline(() => this.status.update({ phase: 'offline' })),
    ];
    void this.syncNow();
  }

  stop(): void {
    this.started = false;
    for (const off of this.unsubscribe.splice(0)) off();
    this.clearTimer();
  }

  /** Runs one sync now (or joins the running one and runs again after it); resolves with the final status. */
  syncNow(): Promise<SyncStatus> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let status: SyncStatus;
      do {
        this.again = false;
        status = await this.runOnce();
      } while (this.again && status.phase === 'idle');
      this.running = null;
      this.schedule(status);
      return status;
    })();
    return this.running;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.environment.clearTimer(this.timer);
    this.timer = null;
  }

  private schedule(status: SyncStatus): void {
    this.clearTimer();
    if (!this.started) return;
    const env = this.options.environment;
    let delay: number | null;
    if (status.phase === 'idle') delay = this.options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
    else if (status.lastError && isRetryable(status.lastError.code)) delay = backoffDelay(status.failures, this.options.backoff ?? DEFAULT_BACKOFF, env.random);
    // Logged out, revoked or too old: only the user can fix it (login, update), so do not poll.
    else delay = null;
    if (delay === null) {
      this.status.update({ nextAttemptAt: undefined });
      return;
    }
    this.status.update({ nextAttemptAt: new Date(env.now() + delay).toISOString() });
    this.timer = env.setTimer(() => {
      this.timer = null;
      void this.syncNow();
    }, delay);
  }

  private async runOnce(): Promise<SyncStatus> {
    const { db, transport, uploader, environment: env } = this.options;
    const now = new Date(env.now());
    const session = await currentSession(db, now);
    if (!session) {
      if (await hasExpiredSession(db, now)) await endSession(db, 'expired', now);
      // Why there is no session decides the words: expired and revoked are news; never logged in is not an error.
      const ended = await getSetting(db, 'sessionEnded');
      const code = ended?.reason === 'revoked' ? 'E_DEVICE_REVOKED' : ended?.reason === 'expired' ? 'E_UNAUTHENTICATED' : 'E_NOT_LOGGED_IN';
      this.status.update({ phase: 'unauthenticated', lastError: { code, detail: '', at: now.toISOString() } });
      return this.status.get();
    }
    const progress = { ...EMPTY_PROGRESS };
    this.status.update({ progress });
    try {
      const deviceId = await getDeviceId(db);
      let uploadError: SyncError | null = null;
      if (uploader) {
        this.status.update({ phase: 'uploading' });
        const uploaded = await uploadPendingBlobs(db, transport, uploader, session.token, (p) => {
          this.status.update({ progress: { ...this.status.get().progress, uploaded: p.uploaded, toUpload: p.total } });
        });
        if (uploaded.failed > 0) uploadError = uploadFailure(uploaded);
      }
      this.status.update({ phase: 'pushing' });
      await pushOutbox(db, transport, session.token, deviceId, (p) => {
        this.status.update({ progress: { ...this.status.get().progress, pushed: p.pushed, toPush: p.total, rejected: p.rejected } });
      }, env.now);
      this.status.update({ phase: 'pulling' });
      const pulled = await pullChanges(this.options.pullDb ?? db, transport, session.token, deviceId, (p) => {
        this.status.update({ progress: { ...this.status.get().progress, pulled: p.pulled } });
      }, env.now);
      if (pulled.forgotten > 0) this.status.update({ forgotten: { count: pulled.forgotten, at: new Date(env.now()).toISOString() } });
      if (uploadError) throw uploadError;
      const at = new Date(env.now()).toISOString();
      await setSetting(db, 'lastSyncAt', at);
      this.status.update({ phase: 'idle', lastSuccessAt: at, lastError: undefined, failures: 0 });
    } catch (error) {
      const syncError = asSyncError(error);
      // The token is of no use any more: drop it (the outbox stays) and remember why, for the words on screen.
      if (syncError.code === 'E_UNAUTHENTICATED') await endSession(db, 'expired', new Date(env.now())).catch(() => undefined);
      if (syncError.code === 'E_DEVICE_REVOKED') await endSession(db, 'revoked', new Date(env.now())).catch(() => undefined);
      // An admin reset the password meanwhile: the settings screen then asks for the new one (the token still works for that).
      if (syncError.code === 'E_PASSWORD_CHANGE_REQUIRED') await setSetting(db, 'session', { ...session, mustChangePassword: true }).catch(() => undefined);
      const phase = syncError.code === 'E_OFFLINE' ? 'offline'
        : syncError.code === 'E_UNAUTHENTICATED' || syncError.code === 'E_DEVICE_REVOKED' ? 'unauthenticated'
          : 'error';
      this.status.update({
        phase,
        lastError: { code: syncError.code, detail: syncError.detail, at: new Date(env.now()).toISOString() },
        failures: this.status.get().failures + 1,
      });
    }
    return this.status.get();
  }
}
