// The browser's BlobUploader: tus-js-client to /api/blobs/uploads/ with sha256 + mime metadata, resuming from a stored upload URL.
import { Upload } from 'tus-js-client';
import type { AttachmentRow } from '../attachments.ts';
import type { BlobUploader } from './uploadBlobs.ts';
import { SyncError } from './syncErrors.ts';

export class TusBlobUploader implements BlobUploader {
  constructor(
    private readonly baseUrl: string = '',
    /** tus chunk size: small enough that a dropped connection on a weak network loses little. */
    private readonly chunkSize: number = 2 * 1024 * 1024,
    /** Turns the Blob into what tus-js-client reads in this environment (Node tests pass a Buffer converter). */
    private readonly toSource: (blob: Blob) => Promise<unknown> = async (blob) => blob,
  ) {}

  async upload(row: AttachmentRow, token: string, onUrl: (url: string) => void, onBytes: (sent: number, total: number) => void): Promise<void> {
    const source = (await this.toSource(row.blob)) as Blob;
    return new Promise((resolve, reject) => {
      const upload = new Upload(source, {
        endpoint: `${this.baseUrl}/api/blobs/uploads/`,
        uploadUrl: row.uploadUrl ?? null,
        chunkSize: this.chunkSize,
        // The device keeps the upload URL itself (in the attachment row): fingerprints of nameless Blobs could collide.
        storeFingerprintForResuming: false,
        removeFingerprintOnSuccess: false,
        retryDelays: [0, 1000, 3000],
        headers: { authorization: `Bearer ${token}` },
        metadata: { sha256: row.hash, mime: row.mime, filename: `${row.hash}` },
        onUploadUrlAvailable: () => {
          if (upload.url) onUrl(upload.url);
        },
        onProgress: onBytes,
        onSuccess: () => resolve(),
        onError: (error) => {
          const status = (error as { originalResponse?: { getStatus(): number } | null }).originalResponse?.getStatus();
          if (status === 401) reject(new SyncError('E_UNAUTHENTICATED', error.message, status));
          else reject(new SyncError('E_UPLOAD_FAILED', error.message, status));
        },
      });
      upload.start();
    });
  }
}
