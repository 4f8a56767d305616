// The sync client's observable status (phase, progress, last success, last error) for the UI; a tiny store without React.
import type { SyncErrorCode } from './syncErrors.ts';

export type SyncPhase = 'idle' | 'uploading' | 'pushing' | 'pulling' | 'error' | 'offline' | 'unauthenticated';

export interface SyncProgress {
  pushed: number;
  toPush: number;
  rejected: number;
  pulled: number;
  uploaded: number;
  toUpload: number;
}

export interface SyncStatus {
  phase: SyncPhase;
  progress: SyncProgress;
  /** ISO time of the last sync that finished without error. */
  lastSuccessAt?: string;
  lastError?: { code: SyncErrorCode; detail: string; at: string };
  /** When the next automatic attempt is due (interval or backoff), ISO. */
  nextAttemptAt?: string;
  /** Failures in a row (drives the backoff); 0 after a success. */
  failures: number;
  /** The last pull that deleted records which left the user's scope (kept until the next such pull). */
  forgotten?: { count: number; at: string };
}

export const EMPTY_PROGRESS: SyncProgress = { pushed: 0, toPush: 0, rejected: 0, pulled: 0, uploaded: 0, toUpload: 0 };

export class StatusStore {
  private status: SyncStatus = { phase: 'idle', progress: { ...EMPTY_PROGRESS }, failures: 0 };
  private readonly listeners = new Set<(status: SyncStatus) => void>();

  get(): SyncStatus {
    return this.status;
  }

  /** A new object per change, so React's useSyncExternalStore sees it. */
  update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of [...this.listeners]) listener(this.status);
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
