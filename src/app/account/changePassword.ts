// Changes the signed-in user's own password (POST /api/auth/password) and clears the forced-change flag of the stored session.
import { ErrorBodySchema } from '../../protocol/error.ts';
import type { ChangePasswordRequest } from '../../protocol/auth.ts';
import { getSetting, setSetting } from '../../data/index.ts';
import { appDb } from '../db.ts';

export type ChangePasswordResult = { ok: true } | { ok: false; code: string; problem?: string };

export async function changePassword(request: ChangePasswordRequest): Promise<ChangePasswordResult> {
  const session = await getSetting(appDb(), 'session');
  if (!session) return { ok: false, code: 'E_NOT_LOGGED_IN' };
  let response: Response;
  try {
    response = await fetch('/api/auth/password', {
      method: 'POST', cache: 'no-store', body: JSON.stringify(request),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    });
  } catch {
    return { ok: false, code: 'E_OFFLINE' };
  }
  if (response.ok) {
    await setSetting(appDb(), 'session', { ...session, mustChangePassword: false });
    return { ok: true };
  }
  const parsed = ErrorBodySchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return { ok: false, code: response.status >= 500 ? 'E_SERVER' : 'E_BAD_RESPONSE' };
  const details = parsed.data.error.details as { problem?: unknown } | undefined;
  return { ok: false, code: parsed.data.error.code, ...(typeof details?.problem === 'string' ? { problem: details.problem } : {}) };
}
