// The admin CLI on a data folder: create the first admin (password piped or generated), list, reset (generated, forced change), disable/enable, usage errors; changes audited as cli:<os user>.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../sync-server/src/auth/password.ts';
import { openSqliteStore } from '../../sync-server/src/storage/sqlite/open-sqlite-store.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'genba-admin-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(args: string[], stdin = '') {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin-cli.ts', ...args], { cwd: ROOT, env: { ...process.env, GENBA_DATA_DIR: dataDir }, input: stdin, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function withStore<T>(fn: (store: Awaited<ReturnType<typeof openSqliteStore>>) => Promise<T>): Promise<T> {
  const store = await openSqliteStore(join(dataDir, 'genba.sqlite'));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

describe('npm run -s admin', () => {
  it('creates the first admin with a piped password (no forced change) and a second account with a generated one', async () => {
    expect(cli(['create-user', '--username', 'chief', '--role', 'admin', '--display-name', '係長'], 'chief-long-passphrase\n')).toMatchObject({ code: 0, out: 'created chief (admin)\n' });
    const generated = cli(['create-user', '--username', 'field1', '--role', 'disaster_surveyor']);
    expect(generated.code).toBe(0);
    const password = /temporary password \(change it at first login\): (\S+)/.exec(generated.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const [chief, field1] = await withStore((s) => s.transaction(async (tx) => [await tx.getUserByName('chief'), await tx.getUserByName('field1')]));
    expect(chief!.mustChangePassword).toBe(false);
    expect(await verifyPassword('chief-long-passphrase', chief!.passwordHash)).toBe(true);
    expect(chief!.passwordHash).toMatch(/^scrypt\$131072\$/);
    expect(field1!.mustChangePassword).toBe(true);
    expect(cli(['list']).out).toBe('chief\tadmin\tenabled\t係長\nfield1\tdisaster_surveyor\tenabled,must-change-password\tfield1\n');
  }, 60_000);

  it('reset-password, disable and enable; refusals are coded with exit 1, usage errors exit 2', async () => {
    const reset = cli(['reset-password', '--username', 'chief']);
    expect(reset.out).toMatch(/temporary password: \S{16}/);
    expect(cli(['disable', '--username', 'field1']).out).toBe('field1 disabled (devices and sessions revoked)\n');
    expect(cli(['enable', '--username', 'field1']).out).toBe('field1 enabled\n');
    expect(cli(['disable', '--username', 'chief'])).toMatchObject({ code: 1, err: expect.stringContaining('E_LAST_ADMIN') });
    expect(cli(['create-user', '--username', 'weak', '--role', 'gis_staff'], 'short\n')).toMatchObject({ code: 1, err: expect.stringContaining('E_PASSWORD_POLICY') });
    expect(cli(['reset-password', '--username', 'nobody'])).toMatchObject({ code: 1, err: expect.stringContaining('E_NOT_FOUND') });
    expect(cli(['create-user', '--username', 'x1', '--role', 'boss']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    const audit = await withStore((s) => s.transaction((tx) => tx.listAudit({ limit: 50 })));
    expect(new Set(audit.map((e) => e.action))).toEqual(new Set(['user_create', 'password_reset', 'user_disable', 'user_enable']));
    expect(audit.every((e) => e.actor === `cli:${userInfo().username}` && e.userId === null)).toBe(true);
  }, 90_000);
});
