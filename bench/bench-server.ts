// What the benchmarks that drive the real server share: a bench account, the server listening on 127.0.0.1, login, pushing records as '@create' ops, and headless Chromium.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { buildServer } from '../sync-server/src/app.ts';
import { hashPassword } from '../sync-server/src/auth/password.ts';
import { loadConfig } from '../sync-server/src/config.ts';
import type { FormCatalog } from '../sync-server/src/forms/catalog.ts';
import type { Role, SyncStore } from '../sync-server/src/storage/sync-store.ts';
import { format as formatHlc, nodeIdFrom } from '../src/protocol/hlc.ts';
import { PROTOCOL_VERSION } from '../src/protocol/version.ts';
import { post } from './http.ts';

export const PUSH_BATCH = 500;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One account for the benchmark, with a cheap scrypt cost: the benchmarks measure sync and screens, not login. */
export async function addBenchUser(store: SyncStore, user: { username: string; password: string; role: Role; displayName: string }): Promise<void> {
  const passwordHash = await hashPassword(user.password, { N: 2 ** 10, r: 8, p: 1 });
  await store.transaction((tx) => tx.putUser({
    id: randomUUID(), username: user.username, displayName: user.displayName, role: user.role, passwordHash, disabled: false, createdAt: new Date().toISOString(),
  }));
}

/** The real server over `store` on a free port of 127.0.0.1, serving `staticDir` (the built app, or a missing folder). */
export async function listenBenchServer(store: SyncStore, forms: FormCatalog, dirs: { dataDir: string; staticDir: string }): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildServer({ ...loadConfig({}), port: 0, host: '127.0.0.1', ...dirs }, { store, forms });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

export async function benchLogin(base: string, username: string, password: string, deviceId: string): Promise<string> {
  const res = await post(base, '/api/auth/login', { username, password, deviceId, deviceLabel: 'bench' });
  if (res.status !== 200) throw new Error(`E_BENCH_LOGIN: ${res.status} ${JSON.stringify(res.json)}`);
  return (res.json as { token: string }).token;
}

type BenchForm = { id: string; version: number };
type CreatedRecord = { id: string; answers: unknown };

/** Push bodies of '@create' ops from `deviceId`, PUSH_BATCH ops each, numbered from 1, as a device's outbox sends them. */
export function createPushBodies(deviceId: string, form: BenchForm, records: readonly CreatedRecord[], millis = Date.now()): object[] {
  const node = nodeIdFrom(deviceId);
  const bodies: object[] = [];
  for (let start = 0; start < records.length; start += PUSH_BATCH) {
    const ops = records.slice(start, start + PUSH_BATCH).map((r, j) => ({
      opId: `${deviceId}:${start + j + 1}`, recordId: r.id, formId: form.id, formVersion: form.version, path: '@create', value: r.answers,
      hlc: formatHlc({ millis, counter: (start + j) % 0xffff, node }), baseVersion: 0,
    }));
    bodies.push({ protocolVersion: PROTOCOL_VERSION, deviceId, ops });
  }
  return bodies;
}

/** Pushes each record as one '@create' op from `deviceId`, PUSH_BATCH ops a request, as a device's outbox would. */
export async function pushCreates(base: string, token: string, deviceId: string, form: BenchForm, records: readonly CreatedRecord[]): Promise<void> {
  for (const body of createPushBodies(deviceId, form, records)) {
    const res = await post(base, '/api/sync/push', body, token);
    if (res.status !== 200) throw new Error(`E_BENCH_PUSH: ${res.status} ${JSON.stringify(res.json).slice(0, 600)}`);
  }
}

/** Debian's chromium, headless with the flags the project's browser tests use; `env` e.g. for a font configuration. */
export function launchBenchChromium(env?: NodeJS.ProcessEnv): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...(env ? { env } : {}) });
}
