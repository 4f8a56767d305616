// Demo mode and the production start: the quick start seeds demo accounts and says so on every start; GENBA_DEMO=off / NODE_ENV=production never seeds and refuses to start while a demo account has the published password; the README's steps (CLI) make it start.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../sync-server/src/seed/demo-accounts.ts';
import { postJson, spawnServer } from './spawn-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'genba-demo-mode-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The admin CLI on a data folder; stdin is the piped password (or empty). */
function admin(dataDir: string, args: string[], stdin = ''): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin-cli.ts', ...args], { cwd: ROOT, env: { ...process.env, GENBA_DATA_DIR: dataDir }, input: stdin, encoding: 'utf8' });
}

const login = (baseUrl: string, username: string, password: string) => postJson(baseUrl, '/api/auth/login', { username, password, deviceId: `demo-mode-${username}`, deviceLabel: 'x' });

async function refusedStart(env: Record<string, string>): Promise<string> {
  const error = await spawnServer(env, 60_000).then(
    async (started) => {
      await started.stop();
      return null;
    },
    (err: Error) => err.message,
  );
  expect(error, 'the server started').not.toBeNull();
  return error!;
}

describe('demo mode (the quick start)', () => {
  it('creates the demo accounts on a new data folder and says so on every start', async () => {
    const dataDir = newDataDir();
    for (let start = 0; start < 2; start++) {
      const server = await spawnServer({ GENBA_DATA_DIR: dataDir }, 60_000);
      expect(server.output()).toContain('demo mode');
      expect((await login(server.baseUrl, 'admin', 'genba-demo')).status).toBe(200);
      await server.stop();
    }
  }, 120_000);
});

describe('production start', () => {
  it('GENBA_DEMO=off on a new data folder creates no account and tells how to make the first admin', async () => {
    const dataDir = newDataDir();
    const server = await spawnServer({ GENBA_DATA_DIR: dataDir, GENBA_DEMO: 'off' }, 60_000);
    try {
      expect(server.output()).not.toContain('demo mode');
      expect(server.output()).toContain('create the first admin');
      expect((await login(server.baseUrl, 'admin', 'genba-demo')).status).toBe(401);
    } finally {
      await server.stop();
    }
    expect(admin(dataDir, ['list'])).toBe('');
  }, 60_000);

  it('refuses to start (exit 78, E_DEMO_ACCOUNTS) while a demo account has the published password, until the README steps are done', async () => {
    const dataDir = newDataDir();
    const demo = await spawnServer({ GENBA_DATA_DIR: dataDir }, 60_000);
    await demo.stop();
    const productionEnvs: Record<string, string>[] = [{ GENBA_DEMO: 'off' }, { NODE_ENV: 'production' }];
    for (const env of productionEnvs) {
      const message = await refusedStart({ GENBA_DATA_DIR: dataDir, ...env });
      expect(message).toContain('exited with 78');
      expect(message).toContain('E_DEMO_ACCOUNTS');
    }
    // README, "From the demo to a real deployment": your own admin, then disable the demo accounts.
    expect(admin(dataDir, ['create-user', '--username', 'it-chief', '--role', 'admin', '--display-name', '情報政策課'], 'a-long-admin-passphrase\n')).toContain('created it-chief');
    // One demo account left enabled is enough to refuse.
    for (const account of DEMO_ACCOUNTS.slice(1)) admin(dataDir, ['disable', '--username', account.username]);
    expect(await refusedStart({ GENBA_DATA_DIR: dataDir, GENBA_DEMO: 'off' })).toContain(`E_DEMO_ACCOUNTS: production start refused: these enabled accounts still have the published demo password: ${DEMO_ACCOUNTS[0]!.username}.`);
    admin(dataDir, ['disable', '--username', DEMO_ACCOUNTS[0]!.username]);
    const server = await spawnServer({ GENBA_DATA_DIR: dataDir, GENBA_DEMO: 'off' }, 60_000);
    try {
      expect((await login(server.baseUrl, 'it-chief', 'a-long-admin-passphrase')).status).toBe(200);
      const disabled = await login(server.baseUrl, 'admin', 'genba-demo');
      expect(disabled.status).toBe(403);
      expect(disabled.body.error.code).toBe('E_USER_DISABLED');
    } finally {
      await server.stop();
    }
    expect(admin(dataDir, ['list'])).toMatch(/^it-chief\tadmin\tenabled\t情報政策課$/m);
  }, 180_000);
});
