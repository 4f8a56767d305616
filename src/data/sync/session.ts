// The signed-in session on the device: login (token + user kept in settings for offline days), logout that keeps the outbox.
import type { LoginResponse } from '../../protocol/auth.ts';
import type { GenbaDb } from '../db.ts';
import { getDeviceId, getSetting, removeSetting, setSetting, type SettingValues } from '../settings.ts';
import type { SyncTransport } from './transport.ts';

export type Session = SettingValues['session'];

/** The stored session, or undefined when logged out or when its token has expired. */
export async function currentSession(db: GenbaDb, now: Date = new Date()): Promise<Session | undefined> {
  const session = await getSetting(db, 'session');
  if (!session) return undefined;
  const expires = Date.parse(session.expiresAt);
  if (Number.isFinite(expires) && expires <= now.getTime()) return undefined;
  return session;
}

export interface LoginInput {
  username: string;
  password: string;
  deviceLabel: string;
}

/** Logs in with this installation's device id; only the token and user are stored, never the password. */
export async function login(db: GenbaDb, transport: SyncTransport, input: LoginInput): Promise<Session> {
  const deviceId = await getDeviceId(db);
  const answer: LoginResponse = await transport.login({
    username: input.username.trim(), password: input.password, deviceId, deviceLabel: input.deviceLabel.trim() || 'tablet',
  });
  const session: Session = { token: answer.token, expiresAt: answer.expiresAt, user: answer.user, ...(answer.mustChangePassword ? { mustChangePassword: true } : {}) };
  await setSetting(db, 'session', session);
  if (input.deviceLabel.trim()) await setSetting(db, 'deviceLabel', input.deviceLabel.trim());
  return session;
}

/**
 * Forgets the token on the device (and tells the server when it can be reached). The outbox, records
 * and checkpoint stay: logging in again resumes sync where it stopped.
 */
export async function logout(db: GenbaDb, transport: SyncTransport): Promise<void> {
  const session = await getSetting(db, 'session');
  await removeSetting(db, 'session');
  if (session) await transport.logout(session.token).catch(() => undefined);
}

/** The server no longer accepts the token (401): drop it so the UI asks for a login; nothing else changes. */
export async function forgetSession(db: GenbaDb): Promise<void> {
  await removeSetting(db, 'session');
}
