// What this machine allows before any sync logic: bare durable SQLite writes of a record row and a ledger row per document, and HTTP + JSON of push-sized bodies that do nothing.
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import type { BenchRecord } from './bench-records.ts';
import { post } from '../http.ts';
import { createPushBodies, PUSH_BATCH } from '../bench-server.ts';

/**
 * docs/s for the least a durable sync server must do per document on this disk: one record row and one ledger row
 * (the answers as JSON text in both), PUSH_BATCH documents per fsync'd WAL commit, with no index, check or merge.
 */
export function measureBareSqliteWrites(records: BenchRecord[], dir: string): number {
  const db = new Database(join(dir, `floor-${Date.now()}.sqlite`));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE records (id TEXT PRIMARY KEY, answers TEXT NOT NULL); CREATE TABLE ops (op_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, value TEXT NOT NULL)');
    const insertRecord = db.prepare('INSERT INTO records VALUES (?, ?)');
    const insertOp = db.prepare('INSERT INTO ops VALUES (?, ?, ?)');
    const start = performance.now();
    for (let from = 0; from < records.length; from += PUSH_BATCH) {
      db.exec('BEGIN IMMEDIATE');
      for (const [j, r] of records.slice(from, from + PUSH_BATCH).entries()) {
        const text = JSON.stringify(r.answers);
        insertRecord.run(r.id, text);
        insertOp.run(`floor:${from + j + 1}`, r.id, text);
      }
      db.exec('COMMIT');
    }
    return Math.round((records.length / (performance.now() - start)) * 1000);
  } finally {
    db.close();
  }
}

/** docs/s for posting the bench's push bodies to a fastify route that only parses them and answers each op: HTTP and JSON, nothing else. */
export async function measureHttpOnly(records: BenchRecord[]): Promise<number> {
  const app = Fastify({ bodyLimit: 64 * 1024 * 1024 });
  app.post('/push', async (req) => ({ results: (req.body as { ops: { opId: string }[] }).ops.map((o) => ({ opId: o.opId, outcome: 'applied' })) }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const start = performance.now();
    for (const body of createPushBodies('floor', { id: 'field-check', version: 1 }, records)) {
      const res = await post(base, '/push', body);
      if (res.status !== 200) throw new Error(`E_BENCH_FLOOR: ${res.status}`);
    }
    return Math.round((records.length / (performance.now() - start)) * 1000);
  } finally {
    await app.close();
  }
}
