// Pushes the outbox in batches of up to 500 ops and 900 KiB: acknowledged ops leave it, refused ops move to rejectedOps, a lost answer is retried as is.
import { MAX_REQUEST_BODY_BYTES } from '../../protocol/push.ts';
import type { GenbaDb } from '../db.ts';
import { followServerClock } from '../deviceClock.ts';
import { claimBatch, markAcknowledged, pendingCount, type OutboxEntry } from '../outbox.ts';
import { envelopeBytes, opBytes, PUSH_BODY_TARGET_BYTES, pushRequest, requestBytes } from './pushBatch.ts';
import { rejectEntries } from './rejectedOps.ts';
import { SyncError } from './syncErrors.ts';
import type { SyncTransport } from './transport.ts';

export const PUSH_BATCH_SIZE = 500;

export interface PushProgress {
  pushed: number;
  total: number;
  rejected: number;
}

/**
 * Pushes until the outbox is empty. A network failure throws (the claimed entries stay frozen and are
 * sent again with the same opIds next time: the server answers 'duplicate' for what it already applied).
 * An op that cannot be sent even alone (over the server's body limit, or refused with 413 when alone) is set
 * aside as rejected with E_TOO_LARGE: retrying it could never succeed, and it would hold back every op after it.
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
  // Lowered for the rest of this run when the server answers 413 to a batch the device thought small enough.
  let targetBytes = PUSH_BODY_TARGET_BYTES;
  const setAside = async (entry: OutboxEntry, message: string) => {
    progress.rejected += await rejectEntries(db, [{ opId: entry.opId, code: 'E_TOO_LARGE', message }], new Date(now()).toISOString());
    onProgress({ ...progress });
  };
  for (;;) {
    const budget = { maxBytes: targetBytes - envelopeBytes(deviceId), sizeOf: opBytes };
    const batch = await claimBatch(db, PUSH_BATCH_SIZE, new Date(now()).toISOString(), budget);
    if (batch.length === 0) return progress;
    const request = pushRequest(deviceId, batch);
    const bytes = requestBytes(request);
    if (batch.length === 1 && bytes > MAX_REQUEST_BODY_BYTES) {
      await setAside(batch[0]!, `This change is too large to send: ${bytes} bytes, the server takes at most ${MAX_REQUEST_BODY_BYTES}.`);
      continue;
    }
    const answer = await transport.push(token, request);
    if (!answer.ok && 'tooLarge' in answer) {
      // Nothing was applied. Alone, the op can never be sent; in company, send half as much and try again.
      if (batch.length === 1) await setAside(batch[0]!, `The server refused this change as too large (${bytes} bytes): ${answer.detail}`);
      else targetBytes = Math.floor(bytes / 2);
      continue;
    }
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
