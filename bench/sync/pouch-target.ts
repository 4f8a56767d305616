// Measures the baseline: a local in-memory PouchDB replicating the same documents to/from a PouchDB server (express-pouchdb; in memory, or on disk with LevelDB like pouchdb-server's default) on 127.0.0.1.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import expressPouchDB from 'express-pouchdb';
import type { BenchRecord } from './bench-records.ts';
import type { SyncFigures } from './genba-target.ts';

/** Same batch as Genba's push (PouchDB's default is 100, which would only make it slower). */
const BATCH = 500;

PouchDB.plugin(memoryAdapter);
const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });

/** Where the PouchDB SERVER keeps its databases: 'memory' (fastest, nothing durable) or 'leveldb' (files in tmpDir, pouchdb-server's default). */
export type PouchServerStorage = 'memory' | 'leveldb';

export async function measurePouch(records: BenchRecord[], tmpDir: string, storage: PouchServerStorage = 'memory'): Promise<SyncFigures> {
  const ServerPouch = storage === 'memory' ? MemoryPouch : PouchDB.defaults({ prefix: join(tmpDir, `pouch-${Date.now()}-`) });
  const app = expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: join(tmpDir, 'pouch-server.log') });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tag = Math.random().toString(36).slice(2, 8);
  const device = new MemoryPouch(`device-${tag}`);
  const reader = new MemoryPouch(`reader-${tag}`);
  try {
    // Filling the device's local database is not timed: Genba's outbox is also filled before it syncs.
    for (let start = 0; start < records.length; start += 5000) {
      await device.bulkDocs(records.slice(start, start + 5000).map((r) => ({ _id: r.id, formId: 'field-check', answers: r.answers })));
    }
    const remote = `${base}/bench-${tag}`;
    const pushStart = performance.now();
    const pushed = await device.replicate.to(remote, { batch_size: BATCH });
    const pushMs = performance.now() - pushStart;
    if (pushed.docs_written !== records.length) throw new Error(`E_BENCH_POUCH_PUSH: wrote ${pushed.docs_written} of ${records.length}`);
    const pullStart = performance.now();
    const pulled = await reader.replicate.from(remote, { batch_size: BATCH });
    const pullMs = performance.now() - pullStart;
    if (pulled.docs_written !== records.length) throw new Error(`E_BENCH_POUCH_PULL: wrote ${pulled.docs_written} of ${records.length}`);
    return {
      pushDocsPerSec: Math.round((records.length / pushMs) * 1000), pushMs: Math.round(pushMs),
      pullDocsPerSec: Math.round((records.length / pullMs) * 1000), pullMs: Math.round(pullMs),
    };
  } finally {
    await device.destroy();
    await reader.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
