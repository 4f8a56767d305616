// The device database and record repository, opened once for the whole app.
import { openDb, RecordRepository, type GenbaDb } from '../data/index.ts';

let db: GenbaDb | null = null;
let records: RecordRepository | null = null;

export function appDb(): GenbaDb {
  db ??= openDb();
  return db;
}

export function recordRepository(): RecordRepository {
  records ??= new RecordRepository(appDb());
  return records;
}
