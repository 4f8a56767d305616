// Account management, one service for the admin routes and the CLI: list, create, edit name/role, disable/enable, reset password (forced change), and a user's own password change; every change audited in its transaction.
import { randomBytes, randomUUID } from 'node:crypto';
import { passwordProblem } from '../../../src/protocol/password-policy.ts';
import type { AdminUser, CreateUserRequest, UpdateUserRequest, UserWithPasswordResponse } from '../../../src/protocol/office/user-admin.ts';
import type { ChangePasswordRequest } from '../../../src/protocol/auth.ts';
import { HttpError } from '../http/errors.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';
import type { SyncTx, UserRow } from '../storage/sync-store.ts';
import { limitsOf, type AccountDeps, type Session } from './accounts.ts';
import { reserveLoginAttempt, settleLoginAttempt } from './login-limiter.ts';
import type { HashGate } from './hash-gate.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** Throws 422 E_PASSWORD_POLICY with the problem code (too_short, equals_username, demo_password, too_long). */
export function checkPasswordPolicy(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new HttpError('E_PASSWORD_POLICY', undefined, { details: { problem } });
}

/** 16 characters of base64url (96 random bits): shown once to the admin, changed by the user at first login. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

async function toAdminUser(tx: SyncTx, user: UserRow): Promise<AdminUser> {
  const devices = await tx.listDevices(user.id);
  return {
    id: user.id, username: user.username, displayName: user.displayName, role: user.role, disabled: user.disabled,
    mustChangePassword: user.mustChangePassword ?? false, createdAt: user.createdAt, activeDevices: devices.filter((d) => !d.revokedAt).length,
  };
}

async function userOrThrow(tx: SyncTx, id: string): Promise<UserRow> {
  const user = await tx.getUser(id);
  if (!user) throw new HttpError('E_NOT_FOUND', `No user ${id}.`);
  return user;
}

/** The last enabled admin can be neither disabled nor demoted: nobody could manage accounts any more (except the CLI). */
async function keepAnAdmin(tx: SyncTx, changing: UserRow): Promise<void> {
  const admins = (await tx.listUsers()).filter((u) => u.role === 'admin' && !u.disabled && u.id !== changing.id);
  if (changing.role === 'admin' && !changing.disabled && admins.length === 0) throw new HttpError('E_LAST_ADMIN');
}

export async function listUsers(deps: Pick<AccountDeps, 'store'>): Promise<AdminUser[]> {
  return deps.store.transaction(async (tx) => Promise.all((await tx.listUsers()).map((user) => toAdminUser(tx, user))));
}

export interface PasswordChoice {
  /** Absent: the server generates one and returns it. */
  password?: string;
  /** The user must pick a new password at next login (admin-made accounts and resets; the CLI's first admin may skip it). */
  mustChange: boolean;
}

export async function createUser(deps: AccountDeps, request: CreateUserRequest, choice: PasswordChoice, audit: AuditContext): Promise<UserWithPasswordResponse> {
  const password = choice.password ?? generatePassword();
  checkPasswordPolicy(password, request.username);
  const now = deps.now().toISOString();
  const row: UserRow = {
    id: randomUUID(), username: request.username, displayName: request.displayName, role: request.role,
    passwordHash: await hashPassword(password, deps.auth.passwordCost), disabled: false, createdAt: now, mustChangePassword: choice.mustChange,
  };
  const user = await deps.store.transaction(async (tx) => {
    if (await tx.getUserByName(request.username)) throw new HttpError('E_USERNAME_TAKEN');
    await tx.putUser(row);
    await tx.appendAudit([auditEntry(audit, 'user_create', null, { targetId: row.id, username: row.username, role: row.role }, now)]);
    return toAdminUser(tx, row);
  });
  return choice.password === undefined ? { user, temporaryPassword: password } : { user };
}

/** A role change ends the user's sessions: the next login gets the new role's session rules (office: short, idle-expiring). */
export async function updateUser(deps: AccountDeps, id: string, request: UpdateUserRequest, audit: AuditContext): Promise<AdminUser> {
  const now = deps.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const user = await userOrThrow(tx, id);
    const next = { ...user, displayName: request.displayName ?? user.displayName, role: request.role ?? user.role };
    if (next.role !== user.role) {
      await keepAnAdmin(tx, user);
      await tx.revokeUserTokens(id, now);
    }
    await tx.putUser(next);
    const changed = { ...(next.displayName !== user.displayName ? { displayName: next.displayName } : {}), ...(next.role !== user.role ? { role: next.role, previousRole: user.role } : {}) };
    await tx.appendAudit([auditEntry(audit, 'user_update', null, { targetId: id, username: user.username, ...changed }, now)]);
    return toAdminUser(tx, next);
  });
}

/**
 * Disabling revokes every device and token of the user in the same transaction: each old token is refused
 * (E_DEVICE_REVOKED), logins answer 403 E_USER_DISABLED. API tokens the user created stay: they belong to an
 * office system, not to the person (an admin revokes them on the API token screen). Enabling again lets the user log
 * in from a device not yet registered (a revoked device id stays revoked).
 */
export async function setUserDisabled(deps: AccountDeps, id: string, disabled: boolean, audit: AuditContext): Promise<AdminUser> {
  const now = deps.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const user = await userOrThrow(tx, id);
    if (disabled) {
      await keepAnAdmin(tx, user);
      await tx.revokeUserTokens(id, now);
      for (const device of await tx.listDevices(id)) if (!device.revokedAt) await tx.putDevice({ ...device, revokedAt: now });
    }
    const next = { ...user, disabled };
    await tx.putUser(next);
    await tx.appendAudit([auditEntry(audit, disabled ? 'user_disable' : 'user_enable', null, { targetId: id, username: user.username }, now)]);
    return toAdminUser(tx, next);
  });
}

/** The admin's reset: a new password (given or generated), forced change at next login, every session of the user ended. */
export async function resetPassword(deps: AccountDeps, id: string, choice: PasswordChoice, audit: AuditContext): Promise<UserWithPasswordResponse> {
  const now = deps.now().toISOString();
  const password = choice.password ?? generatePassword();
  const target = await deps.store.transaction((tx) => userOrThrow(tx, id));
  checkPasswordPolicy(password, target.username);
  const passwordHash = await hashPassword(password, deps.auth.passwordCost);
  const user = await deps.store.transaction(async (tx) => {
    const current = await userOrThrow(tx, id);
    const next = { ...current, passwordHash, mustChangePassword: choice.mustChange };
    await tx.putUser(next);
    await tx.revokeUserTokens(id, now);
    await tx.appendAudit([auditEntry(audit, 'password_reset', null, { targetId: id, username: current.username, mustChange: choice.mustChange }, now)]);
    return toAdminUser(tx, next);
  });
  return choice.password === undefined ? { user, temporaryPassword: password } : { user };
}

/**
 * The signed-in user replaces their own password: the current one is checked inside the hash gate (a stolen token
 * cannot test guesses for free: a wrong one is 403 E_CURRENT_PASSWORD and audited), the new one must pass the
 * policy and differ from the current. Other sessions of the user end; this one continues.
 */
export async function changeOwnPassword(deps: AccountDeps, session: Session, request: ChangePasswordRequest, audit: AuditContext, gate: HashGate): Promise<void> {
  const now = deps.now().toISOString();
  checkPasswordPolicy(request.newPassword, session.user.username);
  if (request.newPassword.normalize('NFC') === request.currentPassword.normalize('NFC')) throw new HttpError('E_PASSWORD_POLICY', 'The new password must differ from the current one.', { details: { problem: 'unchanged' } });
  // Wrong current passwords count against the same limiter as logins (per account, address and in total).
  const reservation = await reserveLoginAttempt(deps.store, limitsOf(deps.auth), session.user.username, audit.ip ?? 'unknown', deps.now());
  const newHash = await gate.run(async () => {
    if (!(await verifyPassword(request.currentPassword, session.user.passwordHash))) return null;
    return hashPassword(request.newPassword, deps.auth.passwordCost);
  });
  await deps.store.transaction(async (tx) => {
    if (!newHash) {
      await tx.appendAudit([auditEntry(audit, 'password_change', null, { ok: false }, now)]);
      return;
    }
    await settleLoginAttempt(tx, reservation);
    const current = await userOrThrow(tx, session.user.id);
    await tx.putUser({ ...current, passwordHash: newHash, mustChangePassword: false });
    await tx.revokeUserTokens(current.id, now);
    const own = await tx.getToken(session.token.tokenHash);
    if (own) await tx.putToken({ ...own, revokedAt: null });
    await tx.appendAudit([auditEntry(audit, 'password_change', null, { ok: true }, now)]);
  });
  if (!newHash) throw new HttpError('E_CURRENT_PASSWORD');
}

/** For the CLI's reset by username. */
export async function userIdByName(deps: Pick<AccountDeps, 'store'>, username: string): Promise<string> {
  const user = await deps.store.transaction((tx) => tx.getUserByName(username));
  if (!user) throw new HttpError('E_NOT_FOUND', `No user ${username}.`);
  return user.id;
}

