// Benchmark page entry (bundled by bench/idb.bench.ts): times a bulk write through the Genba store and through raw IndexedDB.
import { openDb } from '../../src/data/db.ts';
import { RecordRepository } from '../../src/data/records.ts';
import { makeRows } from './rows.ts';

let runs = 0;

/** The same records table and indexes as SCHEMA_V1.records, created with the plain IndexedDB API. */
function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('records', { keyPath: 'id' });
      store.createIndex('[formId+updatedAt]', ['formId', 'updatedAt']);
      store.createIndex('status', 'status');
      store.createIndex('updatedAt', 'updatedAt');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function genba(count: number): Promise<number> {
  runs += 1;
  const rows = makeRows(count, runs);
  const db = openDb(`bench-genba-${runs}`);
  await db.open();
  const repo = new RecordRepository(db);
  const started = performance.now();
  await repo.putMany(rows);
  const ms = performance.now() - started;
  if ((await db.records.count()) !== count) throw new Error('genba: wrong count');
  db.close();
  await db.delete(); // keep the profile small so later rounds are not slowed by earlier ones
  return ms;
}

async function raw(count: number): Promise<number> {
  runs += 1;
  const rows = makeRows(count, runs);
  const db = await openRaw(`bench-raw-${runs}`);
  const started = performance.now();
  // Same durability as GenbaDb (strict), so the comparison is about the code path, not the flush policy.
  const tx = db.transaction('records', 'readwrite', { durability: 'strict' });
  const store = tx.objectStore('records');
  for (const row of rows) store.put(row);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const ms = performance.now() - started;
  db.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(db.name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  return ms;
}

(globalThis as unknown as { genbaBench: unknown }).genbaBench = { genba, raw, rowBytes: () => new TextEncoder().encode(JSON.stringify(makeRows(1, 0)[0])).length };
