// The ONE catalog of the API's coded errors: every non-2xx answer is {error: {code, message}} with the status listed here.

export const HTTP_ERRORS = {
  E_BAD_REQUEST: { status: 400, message: 'The request body does not match the expected message.' },
  E_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  E_PROTOCOL_VERSION: { status: 400, message: 'This server speaks a different protocol version; update the app.' },
  E_AUTH: { status: 401, message: 'Wrong username or password.' },
  E_UNAUTHENTICATED: { status: 401, message: 'Log in first: the request has no valid token.' },
  E_TOKEN_EXPIRED: { status: 401, message: 'The login has expired; log in again (queued work is kept on the device).' },
  E_DEVICE_REVOKED: { status: 401, message: 'An administrator revoked this device.' },
  E_USER_DISABLED: { status: 403, message: 'This account is disabled.' },
  E_FORBIDDEN: { status: 403, message: 'Your role may not do this.' },
  E_DEVICE_MISMATCH: { status: 403, message: 'The request names a different device than the one this token was issued to.' },
  E_SCOPE: { status: 403, message: 'This record is outside what your role and assignments allow.' },
  E_NOT_FOUND: { status: 404, message: 'Not found.' },
  E_NO_DOCUMENT: { status: 404, message: 'This record has no printable document: only 認定調査票 records of the form version the server holds do.' },
  E_METHOD: { status: 405, message: 'Method not allowed.' },
  E_DEVICE_OWNED: { status: 409, message: 'This device is registered to another user.' },
  E_CONFLICT_STATE: { status: 409, message: 'The conflict was already resolved.' },
  E_REVIEW_TRANSITION: { status: 409, message: 'The record\'s status does not allow this review action.' },
  E_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  E_MEDIA_TYPE: { status: 415, message: 'Send JSON (content-type: application/json).' },
  E_TOO_MANY_ATTEMPTS: { status: 429, message: 'Too many failed logins for this user, from this address or in total; wait and try again (retry-after).' },
  E_BUSY: { status: 503, message: 'The server is busy checking other logins; try again shortly (retry-after).' },
  E_SESSION_IDLE: { status: 401, message: 'The office session was idle too long; log in again.' },
  E_PASSWORD_CHANGE_REQUIRED: { status: 403, message: 'Change your password first (POST /api/auth/password): an administrator reset it.' },
  E_PASSWORD_POLICY: { status: 422, message: 'The password is too weak: at least 12 characters, not the username, not the published demo password.' },
  E_CURRENT_PASSWORD: { status: 403, message: 'The current password is wrong.' },
  E_USERNAME_TAKEN: { status: 409, message: 'Another account already has this username.' },
  E_LAST_ADMIN: { status: 409, message: 'This would leave no enabled admin account.' },
  E_PUSH_REJECTED: { status: 422, message: 'Some operations were rejected; nothing in the batch was applied.' },
  E_TEXT_UNSTORABLE: { status: 400, message: 'A text value holds a character that cannot be stored (NUL); remove it and send again.' },
  E_BLOB_METADATA: { status: 400, message: 'Upload-Metadata must carry sha256 (64 lower-case hex digits) and mime.' },
  E_BLOB_HASH_MISMATCH: { status: 422, message: 'The uploaded bytes do not hash to the declared sha256; upload again.' },
  E_BLOB_TYPE: { status: 422, message: 'Blobs are JPEG, PNG or WebP images (signatures PNG), and the bytes must be of the declared type.' },
  E_QUOTA: { status: 413, message: 'This account\'s blob storage quota is used up (stored plus unfinished uploads).' },
  E_REVIEW_SELF: { status: 403, message: 'You created or edited this record: another reviewer approves it (GENBA_ALLOW_SELF_APPROVAL=on allows it).' },
  E_REVIEW_CONFLICTS: { status: 409, message: 'The record has open conflicts: resolve them before approving it.' },
  E_TOKEN_SCOPE: { status: 403, message: 'This API token\'s scopes do not allow this route (API tokens never work on device routes).' },
  E_API_TOKEN: { status: 401, message: 'The API token is unknown, revoked or malformed.' },
  E_BAD_CURSOR: { status: 400, message: 'The cursor is not one this server gave out.' },
  E_EXPORT_TOO_LARGE: { status: 422, message: 'Too many records for one export: narrow the filters.' },
  E_WEBHOOK_DESTINATION: { status: 400, message: 'The webhook URL is refused: https to a public address, or a receiver listed in GENBA_WEBHOOK_ALLOW.' },
  E_DELIVERY_STATE: { status: 409, message: 'Only a dead-lettered delivery can be replayed.' },
  E_CARE_FORM_MISSING: { status: 503, message: 'The care-case or care-assessment form is not installed on this server.' },
  E_CARE_ASSIGNEE: { status: 422, message: 'Cases are assigned to an active care assessor (care_assessor) account.' },
  E_CARE_CASE_INVALID: { status: 422, message: 'The case does not pass the checks of the care-case form.' },
  E_CARE_CASE_NUMBER_TAKEN: { status: 409, message: 'Another case already has this application number.' },
  E_INTERNAL: { status: 500, message: 'Internal server error.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; rejected?: { opId: string; code: string; message: string }[] };
}

/** A coded failure a route throws; the error handler turns it into its status and JSON body. */
export class HttpError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: HttpErrorCode, message?: string, options: { status?: number; details?: unknown } = {}) {
    super(message ?? HTTP_ERRORS[code].message);
    this.code = code;
    this.status = options.status ?? HTTP_ERRORS[code].status;
    this.details = options.details;
  }
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}
