// Admin CLI (`npm run -s admin -- <command>`): create the first admin and manage accounts on the server's own database, through the same service as the admin routes (sync-server/src/auth/user-admin.ts).
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ROLES } from '../src/protocol/auth.ts';
import type { AccountDeps } from '../sync-server/src/auth/accounts.ts';
import { createUser, listUsers, resetPassword, setUserDisabled, userIdByName } from '../sync-server/src/auth/user-admin.ts';
import { loadConfig } from '../sync-server/src/config.ts';
import { HttpError } from '../sync-server/src/http/errors.ts';
import type { AuditContext } from '../sync-server/src/office/audit-context.ts';
import { openStore } from '../sync-server/src/storage/index.ts';
import type { Role } from '../sync-server/src/storage/sync-store.ts';

const USAGE = `usage: npm run -s admin -- <command>
  create-user --username U --role ROLE [--display-name N]   password from stdin (first line), or generated and printed
  reset-password --username U                              same; the user must change it at next login
  disable --username U | enable --username U               disabling revokes every device and session of U
  list
roles: ${ROLES.join(', ')}`;

class UsageError extends Error {}

/** The first line piped on stdin, or null when stdin is a terminal or empty (then a password is generated). */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const line = text.split(/\r?\n/)[0] ?? '';
  return line === '' ? undefined : line;
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { username: { type: 'string' }, role: { type: 'string' }, 'display-name': { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  if (!command || rest.length > 0) throw new UsageError('one command');
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const deps: AccountDeps = { store, now: () => new Date(), tokenDays: config.tokenDays, auth: config.auth };
  // Audited as the operating-system user who ran the CLI (no account signs in here).
  const audit: AuditContext = { userId: null, actor: `cli:${userInfo().username}`, ip: null };
  try {
    if (command === 'list') {
      for (const u of await listUsers(deps)) {
        const flags = [u.disabled ? 'disabled' : 'enabled', ...(u.mustChangePassword ? ['must-change-password'] : [])].join(',');
        process.stdout.write(`${u.username}\t${u.role}\t${flags}\t${u.displayName}\n`);
      }
    } else if (command === 'create-user') {
      const username = required(values.username, 'username');
      const role = required(values.role, 'role');
      if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const password = await passwordFromStdin();
      // An operator who typed the password keeps it; a generated one must be replaced at first login.
      const result = await createUser(deps, { username, role: role as Role, displayName: values['display-name'] ?? username }, { password, mustChange: password === undefined }, audit);
      process.stdout.write(`created ${result.user.username} (${result.user.role})\n`);
      if (result.temporaryPassword) process.stdout.write(`temporary password (change it at first login): ${result.temporaryPassword}\n`);
    } else if (command === 'reset-password') {
      const id = await userIdByName(deps, required(values.username, 'username'));
      const result = await resetPassword(deps, id, { password: await passwordFromStdin(), mustChange: true }, audit);
      process.stdout.write(`password reset for ${result.user.username}; every session ended; a new password is required at next login\n`);
      if (result.temporaryPassword) process.stdout.write(`temporary password: ${result.temporaryPassword}\n`);
    } else if (command === 'disable' || command === 'enable') {
      const id = await userIdByName(deps, required(values.username, 'username'));
      const user = await setUserDisabled(deps, id, command === 'disable', audit);
      process.stdout.write(`${user.username} ${user.disabled ? 'disabled (devices and sessions revoked)' : 'enabled'}\n`);
    } else throw new UsageError(`unknown command ${command}`);
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`E_CLI_ARGS: ${(err as Error).message}\n${USAGE}\n`);
      process.exit(2);
    }
    if (err instanceof HttpError) {
      process.stderr.write(`${err.code}: ${err.message}${err.details ? ` ${JSON.stringify(err.details)}` : ''}\n`);
      process.exit(1);
    }
    process.stderr.write(`${String((err as Error).stack ?? err)}\n`);
    process.exit(1);
  },
);
