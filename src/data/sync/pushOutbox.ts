// Pushes the outbox in batches of up to 500 ops: acknowledged ops leave it, refused ops move to rejectedOps, a lost answer is retried as is.
import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import type { Op } from '../../protocol/op.ts';
import type { GenbaDb } from '../db.ts';
import { followServerClock } from '../deviceClock.ts';
import { claimBatch, markAcknowledged, pendingCount, type OutboxEntry } from '../outbox.ts';
import { rejectEntries } from './rejectedOps.ts';
import { SyncError } from './syncErrors.ts';
import type { SyncTransport } from './transport.ts';

export const PUSH_BATCH_SIZE = 500;

export interface PushProgress {
  pushed: number;
  total: number;
  rejected: number;
}

export function toOp(entry: OutboxEntry): Op {
  return {
    opId: entry.opId, recordId: entry.recordId, formId: entry.formId, formVersion: entry.formVersion,
    path: entry.path, value: (entry.value ?? null) as Op['value'], hlc: entry.hlc, baseVersion: entry.baseVersion,
  };
}

/**
 * Pushes until the outbox is empty. A network failure throws (the claimed entries stay frozen and are
 * sent again with the same opIds next time: the server answers 'duplicate' for what it already applied).
 */
export async function pushOutbox(
  db: GenbaDb,
  transport: SyncTransport,
  token: string,
  deviceId: string,
  onProgress: (progress: PushProgress) => void = () => undefined,
  now: () => number = Date.now,
): Promise<PushProgress> {
  const progress: PushProgress = { pushed: 0, total: await pendingCount(db), rejected: 0 };
  onProgress({ ...progress });
  for (;;) {
    const batch = await claimBatch(db, PUSH_BATCH_SIZE);
    if (batch.length === 0) return progress;
    const answer = await transport.push(token, { protocolVersion: PROTOCOL_VERSION, deviceId, ops: batch.map(toOp) });
    if (!answer.ok) {
      // Nothing of the batch was applied; set the refused ops aside and push the rest again.
      const moved = await rejectEntries(db, answer.rejected);
      if (moved === 0) throw new SyncError('E_BAD_RESPONSE', 'push refused without naming an op of the batch');
      progress.rejected += moved;
      onProgress({ ...progress });
      continue;
    }
    const batchIds = new Set(batch.map((e) => e.opId));
    const acknowledged = answer.response.results.map((r) => r.opId).filter((id) => batchIds.has(id));
    if (acknowledged.length === 0) throw new SyncError('E_BAD_RESPONSE', 'push answer acknowledged no op of the batch');
    await markAcknowledged(db, acknowledged);
    await followServerClock(db, answer.response.serverHlc, now());
    progress.pushed += acknowledged.length;
    progress.total = Math.max(progress.total, progress.pushed + (await pendingCount(db)));
    onProgress({ ...progress });
  }
}
