// Sends the photos and signatures the server lacks (asks POST /api/blobs/missing first), through a resumable uploader; marks them uploaded.
import type { GenbaDb } from '../db.ts';
import { markUploaded, pendingUploads, rememberUploadUrl, type AttachmentRow } from '../attachments.ts';
import { SyncError, isSyncError } from './syncErrors.ts';
import type { SyncTransport } from './transport.ts';

export interface BlobUploader {
  /**
   * Uploads `row.blob`, resuming at `row.uploadUrl` when set; calls `onUrl` as soon as the server created
   * the upload (so it can be stored) and `onBytes` with progress. Rejects on failure.
   */
  upload(row: AttachmentRow, token: string, onUrl: (url: string) => void, onBytes: (sent: number, total: number) => void): Promise<void>;
}

export interface UploadProgress {
  uploaded: number;
  total: number;
  failed: number;
}

/**
 * Every pending attachment: those the server already holds are only marked; the others are uploaded one
 * by one. A failed upload is counted (not thrown) so the other photos and the record sync still go on;
 * the caller reports E_UPLOAD_FAILED when `failed > 0`.
 */
export async function uploadPendingBlobs(
  db: GenbaDb,
  transport: SyncTransport,
  uploader: BlobUploader,
  token: string,
  onProgress: (progress: UploadProgress) => void = () => undefined,
): Promise<UploadProgress> {
  const pending = await pendingUploads(db);
  const progress: UploadProgress = { uploaded: 0, total: pending.length, failed: 0 };
  if (pending.length === 0) return progress;
  onProgress({ ...progress });
  const missing = new Set(await transport.missingBlobs(token, pending.map((row) => row.hash)));
  for (const row of pending) {
    if (missing.has(row.hash)) {
      try {
        await uploader.upload(
          row, token,
          (url) => void rememberUploadUrl(db, row.hash, url),
          () => undefined,
        );
      } catch (error) {
        // Authentication trouble stops the whole sync; anything else is retried at the next sync.
        if (isSyncError(error) && (error.code === 'E_UNAUTHENTICATED' || error.code === 'E_DEVICE_REVOKED')) throw error;
        progress.failed += 1;
        onProgress({ ...progress });
        continue;
      }
    }
    await markUploaded(db, row.hash);
    progress.uploaded += 1;
    onProgress({ ...progress });
  }
  return progress;
}

export function uploadFailure(progress: UploadProgress): SyncError {
  return new SyncError('E_UPLOAD_FAILED', `${progress.failed} of ${progress.total} attachment(s) not uploaded`);
}
