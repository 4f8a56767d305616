// Accounts on the server: login (registers the device), token check per request, logout, admin revoke of a device.
import type { DeviceRow, SyncStore, TokenRow, UserRow } from '../storage/sync-store.ts';
import { HttpError } from '../http/errors.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';
import { burnPasswordCheck, verifyPassword } from './password.ts';
import { hashToken, newToken } from './tokens.ts';

export interface AccountDeps {
  store: SyncStore;
  now: () => Date;
  tokenDays: number;
}

export interface LoginInput {
  username: string;
  password: string;
  deviceId: string;
  deviceLabel: string;
}

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  role: UserRow['role'];
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: PublicUser;
  deviceId: string;
}

/** Who is calling: resolved from the bearer token on every API request. */
export interface Session {
  user: UserRow;
  device: DeviceRow;
  token: TokenRow;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Last-seen is written at most this often per device, so reads do not turn into writes. */
const LAST_SEEN_EVERY_MS = 60 * 1000;

export function publicUser(user: UserRow): PublicUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

/**
 * Checks the password, registers the device on its first login (a device belongs to one user),
 * and issues a token. Wrong username and wrong password get the same answer (E_AUTH).
 */
export async function login(deps: AccountDeps, input: LoginInput, audit?: { ip: string | null }): Promise<LoginResult> {
  const user = await deps.store.transaction((tx) => tx.getUserByName(input.username));
  if (!user) {
    await burnPasswordCheck(input.password);
    throw new HttpError('E_AUTH');
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) throw new HttpError('E_AUTH');
  if (user.disabled) throw new HttpError('E_USER_DISABLED');
  const token = newToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.tokenDays * DAY_MS).toISOString();
  await deps.store.transaction(async (tx) => {
    const device = await tx.getDevice(input.deviceId);
    if (device && device.userId !== user.id) throw new HttpError('E_DEVICE_OWNED');
    if (device?.revokedAt) throw new HttpError('E_DEVICE_REVOKED', 'An administrator revoked this device; it cannot log in again.', { status: 403 });
    await tx.putDevice({
      id: input.deviceId,
      userId: user.id,
      label: input.deviceLabel,
      registeredAt: device?.registeredAt ?? now.toISOString(),
      lastSeenAt: now.toISOString(),
      revokedAt: null,
    });
    await tx.putToken({ tokenHash: hashToken(token), userId: user.id, deviceId: input.deviceId, issuedAt: now.toISOString(), expiresAt, revokedAt: null });
    if (audit) await tx.appendAudit([auditEntry({ userId: user.id, actor: user.username, ip: audit.ip }, 'sign_in', null, { deviceId: input.deviceId }, now.toISOString())]);
  });
  return { token, expiresAt, user: publicUser(user), deviceId: input.deviceId };
}

/** Resolves a bearer token to its session, or throws the coded 401/403 that says why not. */
export async function authenticate(deps: AccountDeps, token: string | null): Promise<Session> {
  if (!token) throw new HttpError('E_UNAUTHENTICATED');
  const now = deps.now();
  const found = await deps.store.transaction(async (tx) => {
    const row = await tx.getToken(hashToken(token));
    if (!row) return null;
    const [user, device] = await Promise.all([tx.getUser(row.userId), tx.getDevice(row.deviceId)]);
    return { row, user, device };
  });
  if (!found || found.row.revokedAt || !found.user || !found.device) throw new HttpError('E_UNAUTHENTICATED');
  if (found.device.revokedAt) throw new HttpError('E_DEVICE_REVOKED');
  if (Date.parse(found.row.expiresAt) <= now.getTime()) throw new HttpError('E_TOKEN_EXPIRED');
  if (found.user.disabled) throw new HttpError('E_USER_DISABLED');
  const lastSeen = found.device.lastSeenAt ? Date.parse(found.device.lastSeenAt) : 0;
  if (now.getTime() - lastSeen > LAST_SEEN_EVERY_MS) {
    const seenAt = now.toISOString();
    await deps.store.transaction(async (tx) => {
      const current = await tx.getDevice(found.device!.id);
      if (current) await tx.putDevice({ ...current, lastSeenAt: seenAt });
    });
    found.device = { ...found.device, lastSeenAt: seenAt };
  }
  return { user: found.user, device: found.device, token: found.row };
}

/** Ends this token only: the device keeps its queued work, and a new login resumes syncing it. */
export async function logout(deps: AccountDeps, session: Session, audit?: AuditContext): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const row = await tx.getToken(session.token.tokenHash);
    if (row && !row.revokedAt) await tx.putToken({ ...row, revokedAt: deps.now().toISOString() });
    if (audit) await tx.appendAudit([auditEntry(audit, 'sign_out', null, { deviceId: session.device.id }, deps.now().toISOString())]);
  });
}

/** Admin: every token of the device stops working (401 E_DEVICE_REVOKED) and it cannot log in again. */
export async function revokeDevice(deps: AccountDeps, deviceId: string, audit?: AuditContext): Promise<DeviceRow> {
  return deps.store.transaction(async (tx) => {
    const device = await tx.getDevice(deviceId);
    if (!device) throw new HttpError('E_NOT_FOUND', `No device ${deviceId}.`);
    const revoked = { ...device, revokedAt: device.revokedAt ?? deps.now().toISOString() };
    await tx.putDevice(revoked);
    if (audit) await tx.appendAudit([auditEntry(audit, 'device_revoke', null, { deviceId, ownerId: device.userId }, deps.now().toISOString())]);
    return revoked;
  });
}
