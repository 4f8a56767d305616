// Test helpers for the data layer: a fresh fake-IndexedDB database per test, and a controllable clock.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { openDb, type GenbaDb } from '../../src/data/db.ts';
import { RecordRepository } from '../../src/data/records.ts';

let counter = 0;
const opened: GenbaDb[] = [];

export function uniqueDbName(): string {
  counter += 1;
  return `genba-test-${process.pid}-${Date.now()}-${counter}`;
}

/** Opens a database on fake-indexeddb; the same name reopens the same data. */
export function openTestDb(name: string = uniqueDbName()): GenbaDb {
  const db = openDb(name, { indexedDB, IDBKeyRange });
  opened.push(db);
  return db;
}

/** A clock the test moves by hand: every call returns the current time, then `step` ms later. */
export function manualClock(start = Date.UTC(2025, 4, 1, 9, 0, 0), step = 1): { now: () => Date; set: (ms: number) => void } {
  let t = start;
  return {
    now: () => {
      const d = new Date(t);
      t += step;
      return d;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

export function freshRepo(): { db: GenbaDb; repo: RecordRepository; clock: ReturnType<typeof manualClock> } {
  const db = openTestDb();
  const clock = manualClock();
  return { db, repo: new RecordRepository(db, clock.now), clock };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
