// A refused or failed back-office call as a code (the server's catalog code, or E_OFFLINE / E_NOT_LOGGED_IN / E_BAD_RESPONSE from the client).
export class OfficeError extends Error {
  override readonly name = 'GenbaOfficeError';

  constructor(
    readonly code: string,
    /** Technical detail for the console and support; the UI shows the i18n text of the code. */
    readonly detail: string = '',
    readonly status?: number,
    /** The server's `error.details` (e.g. the form's issues of a refused case), for screens that show them. */
    readonly details?: unknown,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export function isOfficeError(error: unknown): error is OfficeError {
  return error instanceof OfficeError;
}

/** Any thrown value as an OfficeError (unknown failures keep their text as detail). */
export function asOfficeError(error: unknown): OfficeError {
  if (isOfficeError(error)) return error;
  return new OfficeError('E_UNKNOWN', error instanceof Error ? error.message : String(error));
}
