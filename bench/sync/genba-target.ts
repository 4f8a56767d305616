// Measures Genba's own sync over HTTP on 127.0.0.1: push ingest of @create ops in batches of 500, then a fresh device's full pull.
import { randomUUID } from 'node:crypto';
import { loadFormCatalog } from '../../sync-server/src/forms/catalog.ts';
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { PROTOCOL_VERSION } from '../../src/protocol/version.ts';
import type { BenchRecord } from './bench-records.ts';
import { post } from '../http.ts';
import { addBenchUser, benchLogin, listenBenchServer, pushCreates } from '../bench-server.ts';

export const PULL_PAGE = 1000;

export interface SyncFigures {
  pushDocsPerSec: number;
  pushMs: number;
  pullDocsPerSec: number;
  pullMs: number;
}

const USER = 'bench-surveyor';
const PASSWORD = 'bench-password';

/** Runs against an already-migrated, empty store; closes nothing (the caller owns the store). */
export async function measureGenba(store: SyncStore, records: BenchRecord[], dataDir: string): Promise<SyncFigures> {
  process.env.LOG_LEVEL ??= 'silent';
  const forms = loadFormCatalog();
  const form = forms.get('field-check');
  if (!form) throw new Error('E_BENCH_FORM: forms/field-check is missing');
  await addBenchUser(store, { username: USER, password: PASSWORD, role: 'disaster_surveyor', displayName: 'ベンチ調査員' });
  const { app, base } = await listenBenchServer(store, forms, { dataDir, staticDir: `${dataDir}/no-static` });
  try {
    const pushDevice = `bench-push-${randomUUID().slice(0, 8)}`;
    const pushToken = await benchLogin(base, USER, PASSWORD, pushDevice);
    const pushStart = performance.now();
    await pushCreates(base, pushToken, pushDevice, form, records);
    const pushMs = performance.now() - pushStart;

    const pullToken = await benchLogin(base, USER, PASSWORD, `bench-pull-${randomUUID().slice(0, 8)}`);
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
