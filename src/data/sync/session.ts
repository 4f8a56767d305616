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
  await removeSetting(db, 'sessionEnded');
  await setSetting(db, 'deviceUser', { id: answer.user.id, displayName: answer.user.displayName });
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
  await removeSetting(db, 'sessionEnded');
  if (session) await transport.logout(session.token).catch(() => undefined);
}

export type SessionEndReason = SettingValues['sessionEnded']['reason'];

/**
 * The session ended without a logout (token expired, device revoked): drop the token and remember why, so the app
 * says "your login expired" / "this tablet was blocked" rather than a bare "please log in". The outbox stays.
 */
export async function endSession(db: GenbaDb, reason: SessionEndReason, at: Date = new Date()): Promise<void> {
  const session = await getSetting(db, 'session');
  await db.transaction('rw', db.settings, async () => {
    await removeSetting(db, 'session');
    await setSetting(db, 'sessionEnded', { reason, at: at.toISOString(), displayName: session?.user.displayName ?? '' });
  });
}

/** A stored session whose token has passed its expiry on the device's clock. */
export async function hasExpiredSession(db: GenbaDb, now: Date = new Date()): Promise<boolean> {
  const session = await getSetting(db, 'session');
  return session !== undefined && (await currentSession(db, now)) === undefined;
}
