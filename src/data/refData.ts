// Reference data the forms look up offline (hospital lists, address lists, code tables), stored whole per key.
import type { GenbaDb } from './db.ts';
import { DataError } from './errors.ts';

export interface RefDataRow {
  key: string;
  /** The publisher's version of this data set, so a pull can skip what the device already has. */
  version: string;
  data: unknown;
  updatedAt: string;
}

export async function putRefData(db: GenbaDb, key: string, version: string, data: unknown): Promise<void> {
  if (typeof key !== 'string' || key === '') throw new DataError('E_ARGUMENT', 'reference data needs a key');
  await db.refData.put({ key, version, data, updatedAt: new Date().toISOString() });
}

export function getRefData(db: GenbaDb, key: string): Promise<RefDataRow | undefined> {
  return db.refData.get(key);
}
