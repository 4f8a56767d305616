// The sync client's HTTP calls (login, logout, push, pull, missing blobs): every answer parsed with the protocol's zod schemas.
import { z } from 'zod';
import { ErrorBodySchema } from '../../protocol/error.ts';
import { LoginResponseSchema, type LoginRequest, type LoginResponse } from '../../protocol/auth.ts';
import { PullResponseSchema, type PullRequest, type PullResponse } from '../../protocol/pull.ts';
import { PushResponseSchema, type PushRequest, type PushResponse } from '../../protocol/push.ts';
import { SyncError } from './syncErrors.ts';
import type { Rejection } from './rejectedOps.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * A push is accepted, refused op by op (422: those ops are set aside), or refused whole for its size (413: a fault of
 * that request, not of the network; the caller sends smaller batches rather than the same one again). Nothing of a
 * refused batch was applied.
 */
export type PushAnswer =
  | { ok: true; response: PushResponse }
  | { ok: false; rejected: Rejection[] }
  | { ok: false; tooLarge: true; detail: string };

export interface SyncTransport {
  login(request: LoginRequest): Promise<LoginResponse>;
  logout(token: string): Promise<void>;
  push(token: string, request: PushRequest): Promise<PushAnswer>;
  pull(token: string, request: PullRequest): Promise<PullResponse>;
  /** The hashes among `hashes` the server does not hold yet. */
  missingBlobs(token: string, hashes: string[]): Promise<string[]>;
}

const RejectedBodySchema = z.object({
  error: z.object({
    code: z.literal('E_PUSH_REJECTED'),
    message: z.string(),
    rejected: z.array(z.object({ opId: z.string(), code: z.string(), message: z.string() })),
  }),
});

const MissingBlobsSchema = z.object({ missing: z.array(z.string()) });

interface RawAnswer {
  status: number;
  body: unknown;
}

/** Maps a non-2xx answer to a SyncError; the server's code goes into the detail for support. */
export function errorFromAnswer({ status, body }: RawAnswer): SyncError {
  const parsed = ErrorBodySchema.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : '';
  const detail = parsed.success ? `${code}: ${parsed.data.error.message}` : `HTTP ${status}`;
  if (code === 'E_DEVICE_REVOKED') return new SyncError('E_DEVICE_REVOKED', detail, status);
  if (status === 401) return new SyncError('E_UNAUTHENTICATED', detail, status);
  // Login on a tablet registered to another user (409): its own message, not a generic refusal.
  if (code === 'E_DEVICE_OWNED') return new SyncError('E_DEVICE_OWNED', detail, status);
  if (code === 'E_PASSWORD_CHANGE_REQUIRED') return new SyncError('E_PASSWORD_CHANGE_REQUIRED', detail, status);
  if (code === 'E_PROTOCOL_VERSION') return new SyncError('E_PROTOCOL_VERSION', detail, status);
  if (status >= 500 || status === 429 || status === 408) return new SyncError('E_SERVER', detail, status);
  return new SyncError('E_REQUEST_REFUSED', detail, status);
}

export class HttpSyncTransport implements SyncTransport {
  private readonly fetchFn: FetchLike;

  constructor(
    /** '' for the same origin (the PWA is served by the sync server); tests pass http://127.0.0.1:port. */
    private readonly baseUrl: string = '',
    fetchFn?: FetchLike,
  ) {
    this.fetchFn = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  }

  private async call(path: string, body: unknown, token?: string): Promise<RawAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body), cache: 'no-store' });
    } catch (error) {
      throw new SyncError('E_OFFLINE', error instanceof Error ? error.message : String(error));
    }
    let parsedBody: unknown = null;
    try {
      const text = await response.text();
      parsedBody = text === '' ? null : JSON.parse(text);
    } catch (error) {
      // A body cut off mid-way is a lost response, as far as the device can tell.
      if (response.ok) throw new SyncError('E_OFFLINE', `response body lost: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { status: response.status, body: parsedBody };
  }

  private expect<T>(answer: RawAnswer, schema: z.ZodType<T>, what: string): T {
    if (answer.status < 200 || answer.status > 299) throw errorFromAnswer(answer);
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) throw new SyncError('E_BAD_RESPONSE', `${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, answer.status);
    return parsed.data;
  }

  async login(request: LoginRequest): Promise<LoginResponse> {
    const answer = await this.call('/api/auth/login', request);
    if (answer.status === 401 || answer.status === 403) {
      const error = errorFromAnswer(answer);
      if (error.code === 'E_DEVICE_REVOKED') throw error;
      throw new SyncError('E_LOGIN_FAILED', error.detail, answer.status);
    }
    // The login limiter (429) and the server's hash gate (503 E_BUSY) say when to come back; neither is a wrong password.
    if (answer.status === 429) throw new SyncError('E_LOGIN_LIMITED', errorFromAnswer(answer).detail, 429);
    if (answer.status === 503 && errorFromAnswer(answer).detail.startsWith('E_BUSY')) throw new SyncError('E_LOGIN_BUSY', errorFromAnswer(answer).detail, 503);
    return this.expect(answer, LoginResponseSchema, 'login');
  }

  async logout(token: string): Promise<void> {
    const answer = await this.call('/api/auth/logout', {}, token);
    // Already logged out or expired on the server: the device forgets the token either way.
    if (answer.status >= 500) throw errorFromAnswer(answer);
  }

  async push(token: string, request: PushRequest): Promise<PushAnswer> {
    const answer = await this.call('/api/sync/push', request, token);
    // Any 413, the server's E_TOO_LARGE or a proxy's own page: the body was too large, whatever the body says.
    if (answer.status === 413) return { ok: false, tooLarge: true, detail: errorFromAnswer(answer).detail };
    if (answer.status === 422) {
      const rejected = RejectedBodySchema.safeParse(answer.body);
      if (rejected.success) return { ok: false, rejected: rejected.data.error.rejected };
    }
    return { ok: true, response: this.expect(answer, PushResponseSchema, 'push') };
  }

  async pull(token: string, request: PullRequest): Promise<PullResponse> {
    return this.expect(await this.call('/api/sync/pull', request, token), PullResponseSchema, 'pull');
  }

  async missingBlobs(token: string, hashes: string[]): Promise<string[]> {
    if (hashes.length === 0) return [];
    return this.expect(await this.call('/api/blobs/missing', { hashes }, token), MissingBlobsSchema, 'blobs/missing').missing;
  }
}
