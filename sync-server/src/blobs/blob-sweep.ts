// The periodic blob sweep: removes unfinished uploads past their expiry and blobs no record has referenced for the grace period; bounded per run, stopped on close.
import { unlink } from 'node:fs/promises';
import { FileStore } from '@tus/file-store';
import type { FastifyBaseLogger } from 'fastify';
import type { BlobConfig } from '../config.ts';
import type { SyncStore } from '../storage/sync-store.ts';
import { blobFile, uploadsDir } from './blob-files.ts';

export interface BlobSweepDeps {
  store: SyncStore;
  dataDir: string;
  blobs: BlobConfig;
  now: () => Date;
}

export interface SweepResult {
  expiredUploads: number;
  collectedBlobs: number;
}

/** Items of each kind one run handles at most: a large backlog is worked off over several runs, never in one long stall. */
export const SWEEP_BATCH = 200;

const DAY_MS = 24 * 3600_000;

const ignoreMissing = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'ENOENT') throw error;
};

/** One bounded run. Safe to run in several processes sharing a database: each removal is conditional and idempotent. */
export async function sweepBlobs(deps: BlobSweepDeps, batch = SWEEP_BATCH): Promise<SweepResult> {
  const { store, blobs } = deps;
  const now = deps.now().getTime();
  const uploads = new FileStore({ directory: uploadsDir(deps.dataDir), expirationPeriodInMilliseconds: blobs.uploadExpiryHours * 3600_000 });

  const uploadCutoff = new Date(now - blobs.uploadExpiryHours * 3600_000).toISOString();
  const expired = await store.transaction((tx) => tx.listBlobUploadsBefore(uploadCutoff, batch));
  for (const upload of expired) {
    await uploads.remove(upload.id).catch(() => undefined);
    await store.transaction((tx) => tx.deleteBlobUpload(upload.id));
  }
  // Upload files without a row (from before uploads had owners) expire by tus's own creation date.
  await uploads.deleteExpired().catch(() => 0);

  const blobCutoff = new Date(now - blobs.unreferencedGraceDays * DAY_MS).toISOString();
  const candidates = await store.transaction((tx) => tx.listUnreferencedBlobs(blobCutoff, batch));
  let collectedBlobs = 0;
  for (const blob of candidates) {
    // Row and file go in one transaction: a record write that references the blob meanwhile keeps it (the delete is
    // conditional), and an upload of the same bytes writes its row after this commits, then moves its file in.
    const collected = await store.transaction(async (tx) => {
      if (!(await tx.deleteUnreferencedBlob(blob.hash))) return false;
      await unlink(blobFile(deps.dataDir, blob.location)).catch(ignoreMissing);
      return true;
    });
    if (collected) collectedBlobs += 1;
  }
  return { expiredUploads: expired.length, collectedBlobs };
}

export interface BlobSweep {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startBlobSweep(deps: BlobSweepDeps & { log: FastifyBaseLogger }): BlobSweep {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = sweepBlobs(deps)
      .then((result) => {
        if (result.expiredUploads + result.collectedBlobs > 0) deps.log.info(result, 'blob sweep');
      })
      .catch((error: unknown) => deps.log.error({ err: error }, 'blob sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, deps.blobs.sweepMinutes * 60_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
