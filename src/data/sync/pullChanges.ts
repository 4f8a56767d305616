// Pulls the server's changes since the stored checkpoint, page by page; each page is stored with its checkpoint atomically.
//
// The next page is requested while the current one is being stored (the server and IndexedDB work in
// parallel), but pages are still stored strictly in order, each with its own checkpoint: a failure
// leaves the device at the last fully stored page.
import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import type { PullResponse } from '../../protocol/pull.ts';
import type { GenbaDb } from '../db.ts';
import { getSetting } from '../settings.ts';
import { storePullPage } from './pullPage.ts';
import { SyncError } from './syncErrors.ts';
import type { SyncTransport } from './transport.ts';

export const PULL_PAGE_SIZE = 1000;

export interface PullProgress {
  pulled: number;
  /** Records deleted from this device because they left the user's scope (e.g. a case reassigned to someone else). */
  forgotten: number;
  checkpoint: number;
}

export async function pullChanges(
  db: GenbaDb,
  transport: SyncTransport,
  token: string,
  deviceId: string,
  onProgress: (progress: PullProgress) => void = () => undefined,
  now: () => number = Date.now,
  pageSize: number = PULL_PAGE_SIZE,
): Promise<PullProgress> {
  let checkpoint = (await getSetting(db, 'syncCheckpoint')) ?? 0;
  const progress: PullProgress = { pulled: 0, forgotten: 0, checkpoint };
  // Records on the device when the pull starts; any record added later has an outbox entry (see storePullPage).
  const knownIds = new Set((await db.records.toCollection().primaryKeys()) as string[]);
  const request = (from: number): Promise<PullResponse> => {
    const pending = transport.pull(token, { protocolVersion: PROTOCOL_VERSION, checkpoint: from, limit: pageSize });
    pending.catch(() => undefined); // awaited below; a prefetch abandoned after a failure must not be an unhandled rejection
    return pending;
  };
  let next: Promise<PullResponse> | null = request(checkpoint);
  while (next) {
    const page: PullResponse = await next;
    if (page.checkpoint < checkpoint) throw new SyncError('E_BAD_RESPONSE', `pull went back from checkpoint ${checkpoint} to ${page.checkpoint}`);
    // A page that says "more" without moving the checkpoint would loop forever: stop after storing it.
    next = page.hasMore && page.checkpoint !== checkpoint ? request(page.checkpoint) : null;
    const outcome = await storePullPage(db, page, deviceId, new Date(now()).toISOString(), knownIds);
    progress.pulled += page.records.length;
    progress.forgotten += outcome.forgotten;
    progress.checkpoint = checkpoint = page.checkpoint;
    onProgress({ ...progress });
  }
  return progress;
}
