// Ops the server refused: moved out of the outbox (so the rest can be pushed) into rejectedOps, kept and listed, never dropped.
import type { GenbaDb } from '../db.ts';
import type { OutboxEntry } from '../outbox.ts';

export interface RejectedOp extends OutboxEntry {
  /** The server's coded reason (E_VALUE_INVALID, E_SCOPE, …) and its message. */
  rejection: { code: string; message: string };
  rejectedAt: string;
}

export interface Rejection {
  opId: string;
  code: string;
  message: string;
}

/**
 * Moves the refused entries from the outbox to rejectedOps in ONE transaction. Returns how many moved;
 * an opId the outbox does not hold (already moved by an earlier answer) is ignored.
 */
export async function rejectEntries(db: GenbaDb, rejections: Rejection[], at: string = new Date().toISOString()): Promise<number> {
  if (rejections.length === 0) return 0;
  const byOpId = new Map(rejections.map((r) => [r.opId, r]));
  return db.transaction('rw', [db.outbox, db.rejectedOps], async () => {
    const entries = await db.outbox.where('opId').anyOf([...byOpId.keys()]).toArray();
    const rows: RejectedOp[] = entries.map((entry) => {
      const rejection = byOpId.get(entry.opId) as Rejection;
      return { ...entry, rejection: { code: rejection.code, message: rejection.message }, rejectedAt: at };
    });
    await db.rejectedOps.bulkPut(rows);
    await db.outbox.bulkDelete(entries.map((e) => e.seq as number));
    return rows.length;
  });
}

export function listRejected(db: GenbaDb): Promise<RejectedOp[]> {
  return db.rejectedOps.toArray().then((rows) => rows.sort((a, b) => a.rejectedAt.localeCompare(b.rejectedAt)));
}

export function rejectedCount(db: GenbaDb): Promise<number> {
  return db.rejectedOps.count();
}

/** The user read and dismissed a rejected op (its value stays visible in the record's history elsewhere). */
export async function dismissRejected(db: GenbaDb, opId: string): Promise<void> {
  await db.rejectedOps.delete(opId);
}
