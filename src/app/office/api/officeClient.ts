// HTTP calls of the back office: the device session's bearer token, JSON parsed with zod, refusals turned into OfficeError codes.
import type { z } from 'zod';
import { ErrorBodySchema } from '../../../protocol/error.ts';
import { currentSession } from '../../../data/sync/index.ts';
import { appDb } from '../../db.ts';
import { fileNameOf } from './contentDisposition.ts';
import { OfficeError } from './officeError.ts';
import { readWithProgress, type DownloadProgress } from './readWithProgress.ts';

export type { DownloadProgress };

async function authHeader(): Promise<Record<string, string>> {
  const session = await currentSession(appDb());
  if (!session) throw new OfficeError('E_NOT_LOGGED_IN');
  return { authorization: `Bearer ${session.token}` };
}

async function send(path: string, init: RequestInit): Promise<Response> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) throw new OfficeError('E_OFFLINE');
  const headers = { ...(await authHeader()), ...(init.headers as Record<string, string> | undefined) };
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, cache: 'no-store' });
  } catch (error) {
    throw new OfficeError('E_OFFLINE', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await refusal(response);
  return response;
}

/** The server's coded error, or a code from the status when the body is not one. */
async function refusal(response: Response): Promise<OfficeError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, a cut connection): the status decides.
  }
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) return new OfficeError(parsed.data.error.code, parsed.data.error.message, response.status, parsed.data.error.details);
  if (response.status === 401) return new OfficeError('E_UNAUTHENTICATED', `HTTP ${response.status}`, 401);
  if (response.status === 403) return new OfficeError('E_FORBIDDEN', `HTTP ${response.status}`, 403);
  if (response.status === 404) return new OfficeError('E_NOT_FOUND', `HTTP ${response.status}`, 404);
  return new OfficeError(response.status >= 500 ? 'E_INTERNAL' : 'E_BAD_RESPONSE', `HTTP ${response.status}`, response.status);
}

async function parseJson<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new OfficeError('E_BAD_RESPONSE', `${what}: ${error instanceof Error ? error.message : String(error)}`, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OfficeError('E_BAD_RESPONSE', `${what}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`, response.status);
  }
  return parsed.data;
}

export async function officeGet<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  return parseJson(await send(path, { method: 'GET' }), schema, `GET ${path}`);
}

export async function officePost<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  const response = await send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return parseJson(response, schema, `POST ${path}`);
}

export async function officePatch<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  const response = await send(path, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return parseJson(response, schema, `PATCH ${path}`);
}

/** A file read chunk by chunk so the screen can show how much has arrived (the export is built once the server answers). */
export async function officeFileWithProgress(path: string, onProgress: (progress: DownloadProgress) => void): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(path, { method: 'GET' });
  return { blob: await readWithProgress(response, onProgress), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

/** A file from the server (photo, export) with the name from Content-Disposition when it gives one. */
export async function officeFile(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(path, { method: 'GET' });
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}
