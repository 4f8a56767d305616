// The sync client's public surface (no React): the UI imports from here.
export { SyncClient, DEFAULT_SYNC_INTERVAL_MS, type SyncClientOptions } from './syncClient.ts';
export { HttpSyncTransport, type SyncTransport, type FetchLike, type PushAnswer } from './transport.ts';
export { TusBlobUploader } from './tusUploader.ts';
export { browserEnvironment, type SyncEnvironment } from './syncEnvironment.ts';
export { login, logout, currentSession, endSession, type Session, type LoginInput, type SessionEndReason } from './session.ts';
export { backoffDelay, backoffCeiling, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
export { SyncError, isSyncError, syncErrorText, SYNC_ERROR_TEXT, type SyncErrorCode } from './syncErrors.ts';
export type { SyncStatus, SyncPhase, SyncProgress } from './syncStatus.ts';
export { listRejected, rejectedCount, dismissRejected, type RejectedOp } from './rejectedOps.ts';
export { recordSyncStates, type RecordSyncState, type RecordSyncInfo } from './recordSyncState.ts';
export { conflictSeenKey, type ConflictNote } from './conflictNotes.ts';
