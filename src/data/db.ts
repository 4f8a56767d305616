// The device's IndexedDB database (Dexie): the versioned schema, with why each table exists, and openDb().
//
// Schema history — never edit a released version; add the next one below it:
//   v1  records, outbox, attachments, forms, refData, settings.
//   v2  rejectedOps (ops the server refused, kept for the user); records gain sync fields (fieldVersions,
//       serverVersion, openConflicts — defaulted by recordCodec, not indexed); settings gain the session and checkpoint.
// To add version 2 (data is kept: IndexedDB upgrades in place, Dexie diffs the index lists):
//   this.version(2).stores({ records: 'id, [formId+updatedAt], status, updatedAt, assignee' })   // only changed tables
//     .upgrade((tx) => tx.table('records').toCollection().modify((row) => { row.assignee ??= null; }));
// Rows written by v1 must still be readable by v2 code: readers parse with zod and default new fields
// (see recordCodec.ts), so an upgrade that is interrupted, or a row an older app wrote, never crashes the app.
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { StoredRecord } from './recordCodec.ts';
import type { OutboxEntry } from './outbox.ts';
import type { AttachmentRow } from './attachments.ts';
import type { FormRow } from './forms.ts';
import type { RefDataRow } from './refData.ts';
import type { SettingRow } from './settings.ts';
import type { RejectedOp } from './sync/rejectedOps.ts';

export const DEFAULT_DB_NAME = 'genba';

export const SCHEMA_V1 = {
  // One row per survey record (draft, ready, submitted), keyed by the UUIDv7 made on the device.
  // [formId+updatedAt]: the list screen per form, newest first; status: what is ready to send;
  // updatedAt: "recently edited" across forms.
  records: 'id, [formId+updatedAt], status, updatedAt',
  // Every local change waiting for the server, written in the same transaction as the record.
  // seq keeps the order; opId (deviceId:counter) makes a retried push a no-op on the server;
  // [recordId+path] finds the unsent entry a keystroke coalesces into.
  // An entry leaves only when the server acknowledged it (markAcknowledged).
  outbox: '++seq, &opId, [recordId+path]',
  // Photos and signatures as Blobs, content-addressed by SHA-256 so the same file is stored and
  // uploaded once; recordId lists a record's files.
  attachments: 'hash, recordId',
  // Every form definition version the device has seen, so a draft made with an old version can
  // always be opened with its own definition (or migrated), even offline.
  forms: '[id+version]',
  // Reference data the forms look up offline (hospital lists, address lists, code tables), by key.
  refData: 'key',
  // Small device settings: language, device id, op counter, the hybrid logical clock state.
  settings: 'key',
} as const;

export const SCHEMA_V2 = {
  // Outbox entries the server refused (422 E_PUSH_REJECTED) with its coded reason. They leave the outbox
  // so the rest can be pushed, but are never silently dropped: the sync screen lists them per record.
  rejectedOps: 'opId, recordId',
} as const;

/** Tests and Node pass fake-indexeddb here; browsers use the global indexedDB. */
export type OpenDbOptions = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> & {
  /**
   * 'strict' (default) for everything the user typed. 'relaxed' only for a second connection that stores
   * data the server can send again (pulled pages with their checkpoint): losing its last commits on power
   * loss only means pulling them again, and Chromium skips the flush per commit.
   */
  durability?: 'strict' | 'relaxed';
};

export class GenbaDb extends Dexie {
  // `declare` (not fields): class fields would overwrite the tables Dexie assigns in version().stores().
  declare records: Table<StoredRecord, string>;
  declare outbox: EntityTable<OutboxEntry, 'seq'>;
  declare attachments: Table<AttachmentRow, string>;
  declare forms: Table<FormRow, [string, number]>;
  declare refData: Table<RefDataRow, string>;
  declare settings: Table<SettingRow, string>;
  declare rejectedOps: Table<RejectedOp, string>;

  constructor(name: string = DEFAULT_DB_NAME, { durability = 'strict', ...options }: OpenDbOptions = {}) {
    super(name, {
      ...options,
      // Autosave must survive battery death, not only a tab kill: ask Chromium to flush each commit
      // to disk ('relaxed' durability, Chromium's default since 121, may lose the last writes on power loss).
      chromeTransactionDurability: durability,
    });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
  }
}

/** Opens (lazily, on first use) the device database; tests pass a unique name per test. */
export function openDb(name: string = DEFAULT_DB_NAME, options: OpenDbOptions = {}): GenbaDb {
  return new GenbaDb(name, options);
}
