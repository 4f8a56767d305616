// Per-record sync state for the list badges: conflict, rejected, pending (unsent ops) or synced; plus "photos pending".
import type { GenbaDb } from '../db.ts';
import type { RecordRow } from '../records.ts';

export type RecordSyncState = 'pending' | 'synced' | 'conflict' | 'rejected';

export interface RecordSyncInfo {
  state: RecordSyncState;
  /** Some photo or signature of the record is not on the server yet. */
  photosPending: boolean;
}

/** Worst first: a conflict or a refused change needs a person; pending resolves itself at the next sync. */
export function syncStateOf(row: RecordRow, pendingOps: boolean, rejectedOps: boolean): RecordSyncState {
  if ((row.openConflicts?.length ?? 0) > 0) return 'conflict';
  if (rejectedOps) return 'rejected';
  if (pendingOps) return 'pending';
  return 'synced';
}

export async function recordSyncStates(db: GenbaDb, rows: RecordRow[]): Promise<Map<string, RecordSyncInfo>> {
  const ids = rows.map((row) => row.id);
  const [outboxKeys, rejected, attachments] = await db.transaction('r', [db.outbox, db.rejectedOps, db.attachments], () =>
    Promise.all([
      db.outbox.orderBy('[recordId+path]').keys(),
      db.rejectedOps.where('recordId').anyOf(ids).toArray(),
      db.attachments.where('recordId').anyOf(ids).toArray(),
    ]),
  );
  const pending = new Set(outboxKeys.map((key) => String((key as unknown as [string, string])[0])));
  const refused = new Set(rejected.map((op) => op.recordId));
  const photos = new Set(attachments.filter((a) => !a.uploaded).map((a) => a.recordId));
  return new Map(rows.map((row) => [row.id, { state: syncStateOf(row, pending.has(row.id), refused.has(row.id)), photosPending: photos.has(row.id) }]));
}
