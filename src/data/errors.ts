// The data layer's one error shape: a DataError with a stable code (E_…) the UI can translate, and a clear English message.

export type DataErrorCode =
  | 'E_ARGUMENT'
  | 'E_RECORD_NOT_FOUND'
  | 'E_RECORD_CORRUPT'
  | 'E_RECORD_INVALID'
  | 'E_RECORD_STATUS'
  | 'E_PATH_INVALID'
  | 'E_PATH_CONFLICT'
  | 'E_VALUE_NOT_STORABLE'
  | 'E_STORAGE_FULL'
  | 'E_STORE_WRITE_FAILED'
  | 'E_MIGRATION_FORM_MISMATCH'
  | 'E_MIGRATION_DOWNGRADE'
  | 'E_MIGRATION_REFUSED'
  | 'E_MIGRATION_FAILED'
  | 'E_SETTING_INVALID'
  | 'E_FORM_INVALID'
  | 'E_FORM_CORRUPT'
  | 'E_ATTACHMENT_INVALID'
  | 'E_CLOCK_STATE';

export class DataError extends Error {
  // Not 'DataError': that is an IndexedDB exception name, and Dexie would re-wrap ours as one.
  override readonly name = 'GenbaDataError';

  constructor(
    readonly code: DataErrorCode,
    message: string,
    /** Machine-readable extra: e.g. the engine's migration code, or the underlying exception. */
    readonly detail?: unknown,
  ) {
    super(`${code}: ${message}`);
  }
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof DataError;
}

/** Turns whatever a failed IndexedDB transaction threw into a DataError (the transaction is already rolled back). */
export function toDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  const inner = (error as { inner?: unknown } | null)?.inner;
  if (inner instanceof DataError) return inner;
  const name = (error as { name?: string } | null)?.name ?? '';
  const innerName = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'DataCloneError' || innerName === 'DataCloneError') {
    return new DataError('E_VALUE_NOT_STORABLE', `the value cannot be stored (not structured-cloneable): ${message}`, error);
  }
  if (name === 'QuotaExceededError' || innerName === 'QuotaExceededError') {
    return new DataError('E_STORAGE_FULL', `the device storage is full: ${message}`, error);
  }
  return new DataError('E_STORE_WRITE_FAILED', `the local store refused the write; nothing was changed: ${message}`, error);
}
