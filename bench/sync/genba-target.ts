// Measures Genba's own sync over HTTP on 127.0.0.1: push ingest of @create ops in batches of 500, then a fresh device's full pull.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../../sync-server/src/app.ts';
import { loadConfig } from '../../sync-server/src/config.ts';
import { loadFormCatalog } from '../../sync-server/src/forms/catalog.ts';
import { hashPassword } from '../../sync-server/src/auth/password.ts';
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { format as formatHlc, nodeIdFrom } from '../../src/protocol/hlc.ts';
import { PROTOCOL_VERSION } from '../../src/protocol/version.ts';
import type { BenchRecord } from './bench-records.ts';
import { post } from '../http.ts';

export const PUSH_BATCH = 500;
export const PULL_PAGE = 1000;

export interface SyncFigures {
  pushDocsPerSec: number;
  pushMs: number;
  pullDocsPerSec: number;
  pullMs: number;
}

const USER = 'bench-surveyor';
const PASSWORD = 'bench-password';

async function login(base: string, deviceId: string): Promise<string> {
  const res = await post(base, '/api/auth/login', { username: USER, password: PASSWORD, deviceId, deviceLabel: 'bench' });
  if (res.status !== 200) throw new Error(`E_BENCH_LOGIN: ${res.status} ${JSON.stringify(res.json)}`);
  return (res.json as { token: string }).token;
}

/** Runs against an already-migrated, empty store; closes nothing (the caller owns the store). */
export async function measureGenba(store: SyncStore, records: BenchRecord[], dataDir: string): Promise<SyncFigures> {
  process.env.LOG_LEVEL ??= 'silent';
  const forms = loadFormCatalog();
  const form = forms.get('field-check');
  if (!form) throw new Error('E_BENCH_FORM: forms/field-check is missing');
  const now = new Date();
  // A cheap scrypt cost: the benchmark measures sync, not login.
  const passwordHash = await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 });
  await store.transaction((tx) => tx.putUser({
    id: randomUUID(), username: USER, displayName: 'ベンチ調査員', role: 'disaster_surveyor', passwordHash, disabled: false, createdAt: now.toISOString(),
  }));
  const app = await buildServer({ ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir, staticDir: `${dataDir}/no-static` }, { store, forms });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const pushDevice = `bench-push-${randomUUID().slice(0, 8)}`;
    const pushToken = await login(base, pushDevice);
    const node = nodeIdFrom(pushDevice);
    const pushStart = performance.now();
    for (let start = 0; start < records.length; start += PUSH_BATCH) {
      const ops = records.slice(start, start + PUSH_BATCH).map((r, j) => ({
        opId: `${pushDevice}:${start + j + 1}`, recordId: r.id, formId: form.id, formVersion: form.version, path: '@create',
        value: r.answers, hlc: formatHlc({ millis: now.getTime(), counter: (start + j) % 0xffff, node }), baseVersion: 0,
      }));
      const res = await post(base, '/api/sync/push', { protocolVersion: PROTOCOL_VERSION, deviceId: pushDevice, ops }, pushToken);
      if (res.status !== 200) throw new Error(`E_BENCH_PUSH: ${res.status} ${JSON.stringify(res.json).slice(0, 600)}`);
    }
    const pushMs = performance.now() - pushStart;

    const pullToken = await login(base, `bench-pull-${randomUUID().slice(0, 8)}`);
    let checkpoint = 0;
    let pulled = 0;
    const pullStart = performance.now();
    for (;;) {
      const res = await post(base, '/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, checkpoint, limit: PULL_PAGE }, pullToken);
      if (res.status !== 200) throw new Error(`E_BENCH_PULL: ${res.status} ${JSON.stringify(res.json).slice(0, 600)}`);
      const page = res.json as { records: unknown[]; checkpoint: number; hasMore: boolean };
      pulled += page.records.length;
      checkpoint = page.checkpoint;
      if (!page.hasMore) break;
    }
    const pullMs = performance.now() - pullStart;
    if (pulled !== records.length) throw new Error(`E_BENCH_PULL_COUNT: pulled ${pulled} of ${records.length}`);
    return {
      pushDocsPerSec: Math.round((records.length / pushMs) * 1000), pushMs: Math.round(pushMs),
      pullDocsPerSec: Math.round((pulled / pullMs) * 1000), pullMs: Math.round(pullMs),
    };
  } finally {
    await app.close();
  }
}
