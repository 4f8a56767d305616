// Test helper: a real API server (SQLite file in a temp folder, or a store the test names; demo seed with a cheap password hash) driven with app.inject.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../sync-server/src/app.ts';
import { loadConfig, type ServerConfig } from '../../sync-server/src/config.ts';
import { loadFormCatalog, type FormCatalog } from '../../sync-server/src/forms/catalog.ts';
import { seedDemo } from '../../sync-server/src/seed/seed-demo.ts';
import { openSqliteStore } from '../../sync-server/src/storage/sqlite/open-sqlite-store.ts';
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo-accounts.ts';

/** scrypt cost for tests only: the real default (2^17) would make every login ~0.35 s. */
export const TEST_SCRYPT_COST = { N: 1024, r: 8, p: 1 };

export interface TestServer {
  app: FastifyInstance;
  store: SyncStore;
  forms: FormCatalog;
  config: ServerConfig;
  dir: string;
  dbFile: string;
  login(username: string, deviceId?: string): Promise<LoggedIn>;
  close(): Promise<void>;
}

export interface LoggedIn {
  token: string;
  deviceId: string;
  userId: string;
  headers: { authorization: string };
}

let deviceCounter = 0;

export interface TestServerOptions {
  now?: () => Date;
  logStream?: NodeJS.WritableStream;
  /** Another store than the SQLite file in the temp folder (e.g. postgresTestStore); `destroy` runs after close. */
  store?: { open(): Promise<SyncStore>; destroy(): Promise<void> };
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  process.env.LOG_LEVEL = options.logStream ? 'info' : 'silent';
  const dir = mkdtempSync(join(tmpdir(), 'genba-api-'));
  const dbFile = options.store ? '' : join(dir, 'genba.sqlite');
  const store = options.store ? await options.store.open() : await openSqliteStore(dbFile);
  await store.migrate();
  const forms = loadFormCatalog();
  const now = options.now ?? (() => new Date());
  await seedDemo({ store, forms, now }, { cost: TEST_SCRYPT_COST });
  const defaults = loadConfig({ PORT: '0' });
  // New hashes and rehash-on-login at the test cost, so logins stay fast; every other auth setting as in production.
  const config = { ...defaults, staticDir: join(dir, 'no-dist'), dataDir: dir, auth: { ...defaults.auth, passwordCost: TEST_SCRYPT_COST }, ...overrides };
  const app = await buildServer(config, { store, forms, now }, { logStream: options.logStream });
  const login = async (username: string, deviceId = `test-device-${process.pid}-${++deviceCounter}`): Promise<LoggedIn> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD, deviceId, deviceLabel: 'test tablet' } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const body = res.json();
    return { token: body.token, deviceId, userId: body.user.id, headers: { authorization: `Bearer ${body.token}` } };
  };
  return {
    app, store, forms, config, dir, dbFile, login,
    async close() {
      await app.close();
      await store.close();
      await options.store?.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
