// The outbox: field-level operations waiting for the server, in order; coalescing of keystrokes; claim and acknowledge.
//
// Invariants (the sync client relies on them):
// - an entry is written in the same transaction as the record change it describes;
// - an entry's value may change (coalescing) only while it is unclaimed (no sentAt). The sync client
//   claims a batch with claimBatch() BEFORE sending it, so the content behind an opId the server may
//   have seen never changes; claimed entries are always a prefix of the queue (seq order);
// - an entry is deleted only by markAcknowledged(), i.e. after the server confirmed it;
// - opId counters increase with seq (both are assigned at insertion and never reassigned).
import Dexie from 'dexie';
import type { GenbaDb } from './db.ts';

export type MetaPath = '@create' | '@status' | '@delete' | '@ack' | '@migrate' | '@reply';

export interface OutboxEntry {
  seq?: number;
  /** `${deviceId}:${counter}`, unique and increasing per device. */
  opId: string;
  recordId: string;
  formId: string;
  formVersion: number;
  /** An answer path, or a meta operation on the whole record (MetaPath). */
  path: string;
  value: unknown;
  hlc: string;
  /** Version of that field the device last saw from the server (0 until pull exists). */
  baseVersion: number;
  createdAt: string;
  /** Set when the entry was handed to the network (claimBatch); it is frozen from then on. */
  sentAt?: string;
}

export function isMetaPath(path: string): path is MetaPath {
  return path.startsWith('@');
}

/**
 * Adds an entry, or — for an answer path — folds it into the last unclaimed entry for the same
 * record and path (new value and hlc, same opId and place in the queue). Not folded when a record-level
 * operation (status, migration…) was queued after that entry, so the server sees changes in the order made.
 * Must run inside the caller's transaction (outbox in scope).
 */
export async function appendToOutbox(db: GenbaDb, entry: Omit<OutboxEntry, 'seq' | 'sentAt'>): Promise<void> {
  if (!isMetaPath(entry.path)) {
    const samePath = await db.outbox.where('[recordId+path]').equals([entry.recordId, entry.path]).toArray();
    const candidate = samePath.filter((e) => e.sentAt === undefined && e.formVersion === entry.formVersion).pop();
    if (candidate?.seq !== undefined) {
      const laterMeta = await db.outbox
        .where('[recordId+path]')
        .between([entry.recordId, '@'], [entry.recordId, '@\uffff'], true, true)
        .filter((e) => (e.seq ?? 0) > (candidate.seq ?? 0))
        .count();
      if (laterMeta === 0) {
        await db.outbox.update(candidate.seq, { value: entry.value, hlc: entry.hlc });
        return;
      }
    }
  }
  await db.outbox.add(entry);
}

/** Entries not yet acknowledged by the server (claimed or not). */
export function pendingCount(db: GenbaDb): Promise<number> {
  return db.outbox.count();
}

/**
 * Records with at least one unacknowledged entry: what a person calls "unsent" (one finished survey is one,
 * however many answers it holds). Read from the [recordId+path] index keys, so no entry is loaded.
 */
export async function pendingRecordCount(db: GenbaDb): Promise<number> {
  const keys = await db.outbox.orderBy('[recordId+path]').keys();
  return new Set(keys.map((key) => String((key as unknown as [string, string])[0]))).size;
}

/** The oldest unacknowledged entries, in the order they were made. */
export function pendingEntries(db: GenbaDb, limit: number): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('seq').limit(Math.max(0, limit)).toArray();
}

/** A size cap for claimBatch: the caller knows how an entry is encoded on the wire, the outbox does not. */
export interface ByteBudget {
  maxBytes: number;
  sizeOf: (entry: OutboxEntry) => number;
}

/**
 * Marks the oldest entries as sent (freezing them) and returns them: what the sync client pushes. At most `limit`
 * entries and, with a budget, the longest prefix whose sizes add up to at most maxBytes, but never none: an entry
 * over the budget on its own comes alone (the caller decides what to do with it). Only what is returned is frozen,
 * so claimed entries stay a prefix of the queue.
 */
export function claimBatch(db: GenbaDb, limit: number, sentAt: string = new Date().toISOString(), budget?: ByteBudget): Promise<OutboxEntry[]> {
  return db.transaction('rw', db.outbox, async () => {
    const pending = await pendingEntries(db, limit);
    const batch = budget ? prefixWithin(pending, budget) : pending;
    const fresh = batch.filter((e) => e.sentAt === undefined);
    await Promise.all(fresh.map((e) => db.outbox.update(e.seq as number, { sentAt })));
    return batch.map((e) => (e.sentAt === undefined ? { ...e, sentAt } : e));
  });
}

function prefixWithin(entries: OutboxEntry[], budget: ByteBudget): OutboxEntry[] {
  let bytes = 0;
  let count = 0;
  for (const entry of entries) {
    bytes += budget.sizeOf(entry);
    if (count > 0 && bytes > budget.maxBytes) break;
    count += 1;
  }
  return entries.slice(0, count);
}

/**
 * Deletes the entries the server acknowledged. Only claimed entries are deleted: an unclaimed entry
 * may hold a newer coalesced value the server has not seen.
 */
export async function markAcknowledged(db: GenbaDb, opIds: string[]): Promise<void> {
  if (opIds.length === 0) return;
  await db.transaction('rw', db.outbox, async () => {
    await db.outbox
      .where('opId')
      .anyOf(opIds)
      .filter((e) => e.sentAt !== undefined)
      .delete();
  });
}

/** Every unacknowledged entry of one record, in order (for a "waiting to send" view). */
export function entriesOf(db: GenbaDb, recordId: string): Promise<OutboxEntry[]> {
  return db.outbox
    .where('[recordId+path]')
    .between([recordId, Dexie.minKey], [recordId, Dexie.maxKey])
    .sortBy('seq');
}
