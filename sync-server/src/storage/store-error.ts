// Coded storage errors (busy database, failed migration, exhausted retries): thrown by both adapters.
/** E_STORE_TEXT: a text value holds a character the database cannot store (PostgreSQL: NUL); nothing was written. */
export type StoreErrorCode = 'E_STORE_BUSY' | 'E_STORE_MIGRATION' | 'E_STORE_RETRIES' | 'E_STORE_CLOSED' | 'E_STORE_TEXT';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
