// Accounts on the server: login (limited, hash-gated, rehashes old hashes, registers the device), token check per request (office sessions idle out), logout, admin revoke of a device.
import type { AuthConfig } from '../config.ts';
import type { DeviceRow, SyncStore, TokenRow, UserRow } from '../storage/sync-store.ts';
import { HttpError } from '../http/errors.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';
import type { HashGate } from './hash-gate.ts';
import { reserveLoginAttempt, settleLoginAttempt, type LoginLimits } from './login-limiter.ts';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from './password.ts';
import { isOfficeRole } from './scope.ts';
import { hashToken, newToken } from './tokens.ts';

export interface AccountDeps {
  store: SyncStore;
  now: () => Date;
  tokenDays: number;
  auth: AuthConfig;
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
  /** Present (true) only when an admin reset the password: every route but POST /api/auth/password refuses until then. */
  mustChangePassword?: true;
}

/** Who is calling: resolved from the bearer token on every API request. */
export interface Session {
  user: UserRow;
  device: DeviceRow;
  token: TokenRow;
}

/** Where a login comes from, and the process's hash gate it must pass. */
export interface LoginContext {
  ip: string;
  gate: HashGate;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** Last-seen (device) and last-used (token) are written at most this often, so reads do not turn into writes. */
const LAST_SEEN_EVERY_MS = 60 * 1000;

export function publicUser(user: UserRow): PublicUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

export function limitsOf(auth: AuthConfig): LoginLimits {
  return { windowMs: auth.loginWindowMinutes * 60 * 1000, perAccount: auth.loginMaxPerAccount, perAddress: auth.loginMaxPerAddress, total: auth.loginMaxTotal };
}

/** Office roles get short sessions (a shared office PC); field tablets keep long tokens to work offline for days. */
function tokenExpiry(deps: AccountDeps, role: UserRow['role'], now: Date): string {
  const ms = isOfficeRole(role) ? deps.auth.officeSessionHours * HOUR_MS : deps.tokenDays * DAY_MS;
  return new Date(now.getTime() + ms).toISOString();
}

/** The user when the password is right (with a stronger hash to store when the old one is below today's cost), else null. */
async function checkPassword(deps: AccountDeps, input: LoginInput): Promise<{ user: UserRow; newHash: string | null } | null> {
  const user = await deps.store.transaction((tx) => tx.getUserByName(input.username));
  if (!user) {
    await burnPasswordCheck(input.password, deps.auth.passwordCost);
    return null;
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) return null;
  const newHash = needsRehash(user.passwordHash, deps.auth.passwordCost) ? await hashPassword(input.password, deps.auth.passwordCost) : null;
  return { user, newHash };
}

/**
 * Counts the attempt (limiter, shared by all processes), checks the password inside the hash gate, registers the
 * device on its first login (a device belongs to one user) and issues a token. Wrong username and wrong password
 * get the same answer (E_AUTH); a disabled account with the right password gets E_USER_DISABLED.
 */
export async function login(deps: AccountDeps, input: LoginInput, context: LoginContext): Promise<LoginResult> {
  const ticket = context.gate.admit();
  const reservation = await reserveLoginAttempt(deps.store, limitsOf(deps.auth), input.username, context.ip, deps.now()).catch((err: unknown) => {
    ticket.cancel();
    throw err;
  });
  // An attempt refused with E_BUSY stays counted like a wrong password: giving it back would cost a commit per
  // refused request in a flood, and it locks out nothing that ten wrong guesses would not.
  const checked = await ticket.run(() => checkPassword(deps, input));
  if (!checked) throw new HttpError('E_AUTH');
  const { user, newHash } = checked;
  if (user.disabled) throw new HttpError('E_USER_DISABLED');
  const token = newToken();
  const now = deps.now();
  const expiresAt = tokenExpiry(deps, user.role, now);
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
    await settleLoginAttempt(tx, reservation);
    await tx.putToken({ tokenHash: hashToken(token), userId: user.id, deviceId: input.deviceId, issuedAt: now.toISOString(), expiresAt, revokedAt: null, lastUsedAt: now.toISOString() });
    if (newHash) {
      // Only if nobody changed the password meanwhile (an admin reset wins over the upgrade).
      const current = await tx.getUser(user.id);
      if (current && current.passwordHash === user.passwordHash) await tx.putUser({ ...current, passwordHash: newHash });
    }
    await tx.appendAudit([auditEntry({ userId: user.id, actor: user.username, ip: context.ip }, 'sign_in', null, { deviceId: input.deviceId, ...(newHash ? { rehashed: true } : {}) }, now.toISOString())]);
  });
  return { token, expiresAt, user: publicUser(user), deviceId: input.deviceId, ...(user.mustChangePassword ? { mustChangePassword: true as const } : {}) };
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
  const lastUsed = Date.parse(found.row.lastUsedAt ?? found.row.issuedAt);
  if (isOfficeRole(found.user.role) && now.getTime() - lastUsed > deps.auth.officeIdleMinutes * 60 * 1000) throw new HttpError('E_SESSION_IDLE');
  const lastSeen = found.device.lastSeenAt ? Date.parse(found.device.lastSeenAt) : 0;
  if (now.getTime() - lastSeen > LAST_SEEN_EVERY_MS || now.getTime() - lastUsed > LAST_SEEN_EVERY_MS) {
    const seenAt = now.toISOString();
    await deps.store.transaction(async (tx) => {
      const current = await tx.getDevice(found.device!.id);
      if (current) await tx.putDevice({ ...current, lastSeenAt: seenAt });
      const tokenRow = await tx.getToken(found.row.tokenHash);
      if (tokenRow) await tx.putToken({ ...tokenRow, lastUsedAt: seenAt });
    });
    found.device = { ...found.device, lastSeenAt: seenAt };
    found.row = { ...found.row, lastUsedAt: seenAt };
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
