// Stores one pulled page on the device: every snapshot, the records that left the user's scope, and the page's checkpoint in ONE Dexie transaction.
//
// If anything in the page cannot be stored the transaction rolls back: the old checkpoint stays and no
// record of the page is half-applied, so the next pull fetches the same page again.
import type { PullResponse } from '../../protocol/pull.ts';
import type { RecordSnapshot } from '../../protocol/snapshot.ts';
import type { GenbaDb } from '../db.ts';
import { decodeRecord, encodeRecord } from '../recordCodec.ts';
import type { RecordRow } from '../records.ts';
import { applySnapshotToLocal, type OutboxPaths } from './applySnapshot.ts';
import { conflictNoteOf, conflictSeenKey, type ConflictNote } from './conflictNotes.ts';
import { followServerClockInTx } from '../deviceClock.ts';
import { forgetRecords } from './forgetRecords.ts';

export interface PageOutcome {
  stored: number;
  removed: number;
  /** Records deleted because they left this user's scope (page.removed) and were on the device. */
  forgotten: number;
  checkpoint: number;
}

/** recordId → the paths of its unacknowledged outbox ops. */
async function outboxPathsByRecord(db: GenbaDb, recordIds: Set<string>): Promise<Map<string, OutboxPaths>> {
  const byRecord = new Map<string, { unsent: Set<string>; all: Set<string> }>();
  await db.outbox.each((entry) => {
    if (!recordIds.has(entry.recordId)) return;
    const paths = byRecord.get(entry.recordId) ?? { unsent: new Set<string>(), all: new Set<string>() };
    paths.all.add(entry.path);
    if (entry.sentAt === undefined) paths.unsent.add(entry.path);
    byRecord.set(entry.recordId, paths);
  });
  return byRecord;
}

const NO_OPS: OutboxPaths = { unsent: new Set(), all: new Set() };

function decodeLocal(raw: unknown): RecordRow | undefined | 'corrupt' {
  if (raw === undefined) return undefined;
  const decoded = decodeRecord(raw);
  return decoded.ok ? decoded.row : 'corrupt';
}

/** The open conflicts' details (the field shows them); the user's "seen" survives only for conflicts still open and unchanged. */
function withConflictNotes(row: RecordRow, notes: ConflictNote[]): RecordRow {
  const next: RecordRow = { ...row };
  delete next.conflictNotes;
  delete next.seenConflicts;
  if (notes.length === 0) return next;
  next.conflictNotes = notes;
  const open = new Set(notes.map(conflictSeenKey));
  const seen = (row.seenConflicts ?? []).filter((key) => open.has(key));
  if (seen.length > 0) next.seenConflicts = seen;
  return next;
}

/**
 * `knownIds` (optional, kept up to date here): ids of the records on the device when the pull began. Only
 * those, and records with pending outbox ops, are read back before writing — a fresh tablet's initial
 * sync then only writes. Without it every record of the page is read.
 * The server's clock (page.serverHlc) is merged into the device clock in the same transaction.
 */
export async function storePullPage(
  db: GenbaDb,
  page: PullResponse,
  deviceId: string,
  now: string = new Date().toISOString(),
  knownIds?: Set<string>,
): Promise<PageOutcome> {
  const conflictsByRecord = new Map<string, ConflictNote[]>();
  for (const conflict of page.conflicts) {
    const notes = conflictsByRecord.get(conflict.recordId) ?? [];
    notes.push(conflictNoteOf(conflict));
    conflictsByRecord.set(conflict.recordId, notes);
  }
  return db.transaction('rw', [db.records, db.outbox, db.settings, db.rejectedOps, db.attachments], async () => {
    const puts: RecordRow[] = [];
    const deletes: string[] = [];
    const snapshots = page.records as RecordSnapshot[];
    const ids = snapshots.map((s) => s.id);
    const outboxByRecord = await outboxPathsByRecord(db, new Set(ids));
    const toRead = knownIds ? ids.filter((id) => knownIds.has(id) || outboxByRecord.has(id)) : ids;
    const raws = new Map((await db.records.bulkGet(toRead)).map((raw, i) => [toRead[i] as string, raw]));
    for (const snapshot of snapshots) {
      const local = decodeLocal(raws.get(snapshot.id));
      // An unreadable local row is left for repair rather than overwritten (bad input never alters stored data).
      if (local === 'corrupt') continue;
      const notes = conflictsByRecord.get(snapshot.id) ?? [];
      const next = applySnapshotToLocal(snapshot, local, outboxByRecord.get(snapshot.id) ?? NO_OPS, notes.map((n) => n.path), deviceId, now);
      if (next === 'remove') deletes.push(snapshot.id);
      else if (next !== 'keep') puts.push(withConflictNotes(next, notes));
    }
    if (puts.length > 0) await db.records.bulkPut(puts.map(encodeRecord));
    if (deletes.length > 0) await db.records.bulkDelete(deletes);
    const forgottenIds = page.removed ?? [];
    const forgotten = await forgetRecords(db, forgottenIds);
    await db.settings.put({ key: 'syncCheckpoint', value: page.checkpoint });
    await followServerClockInTx(db, page.serverHlc, Date.parse(now));
    if (knownIds) {
      for (const row of puts) knownIds.add(row.id);
      for (const id of deletes) knownIds.delete(id);
      for (const id of forgottenIds) knownIds.delete(id);
    }
    return { stored: puts.length, removed: deletes.length, forgotten, checkpoint: page.checkpoint };
  });
}
