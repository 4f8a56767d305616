// Resumable blob uploads (tus): Upload-Metadata declares sha256 + mime; on the last byte the file is hashed, and kept only if it matches.
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import type { SyncStore } from '../storage/sync-store.ts';
import { errorBody, HTTP_ERRORS } from '../http/errors.ts';
import { blobFile, blobLocation, SHA256_PATTERN, sha256OfFile, uploadsDir } from './blob-files.ts';

export const TUS_PATH = '/api/blobs/uploads';
/** Set by the HTTP layer after it authenticated the request (any client value is overwritten). */
export const UPLOADER_HEADER = 'x-genba-uploader';

const MIME_PATTERN = /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i;

export interface TusOptions {
  dataDir: string;
  maxBytes: number;
  store: SyncStore;
  now: () => Date;
}

function reject(code: keyof typeof HTTP_ERRORS, message?: string): { status_code: number; body: string } {
  return { status_code: HTTP_ERRORS[code].status, body: JSON.stringify(errorBody(code, message ?? HTTP_ERRORS[code].message)) };
}

export async function createTusServer(options: TusOptions): Promise<Server> {
  const directory = uploadsDir(options.dataDir);
  await mkdir(directory, { recursive: true });
  const datastore = new FileStore({ directory });
  return new Server({
    path: TUS_PATH,
    datastore,
    maxSize: options.maxBytes,
    relativeLocation: true,
    async onUploadCreate(_req, upload) {
      const sha256 = upload.metadata?.sha256 ?? '';
      const mime = upload.metadata?.mime ?? '';
      if (!SHA256_PATTERN.test(sha256) || !MIME_PATTERN.test(mime)) throw reject('E_BLOB_METADATA');
      return {};
    },
    async onUploadFinish(req, upload) {
      const declared = upload.metadata?.sha256 ?? '';
      const file = `${directory}/${upload.id}`;
      const actual = await sha256OfFile(file);
      if (actual !== declared) {
        await datastore.remove(upload.id);
        throw reject('E_BLOB_HASH_MISMATCH', `The bytes hash to ${actual}, not the declared ${declared}; upload again.`);
      }
      const location = blobLocation(actual);
      const target = blobFile(options.dataDir, location);
      await mkdir(dirname(target), { recursive: true });
      // Same filesystem (both under dataDir), so rename is atomic: a blob file is either whole or absent.
      await rename(file, target);
      await datastore.configstore.delete(upload.id);
      const uploadedBy = req.headers.get(UPLOADER_HEADER) ?? 'unknown';
      await options.store.transaction(async (tx) => {
        if (await tx.getBlob(actual)) return;
        await tx.putBlob({ hash: actual, size: upload.size ?? 0, mime: upload.metadata?.mime ?? 'application/octet-stream', location, uploadedBy, createdAt: options.now().toISOString() });
      });
      return {};
    },
    onResponseError(_req, err) {
      const status = 'status_code' in err ? err.status_code : 500;
      if (status === 413) return reject('E_TOO_LARGE', `A blob may be at most ${options.maxBytes} bytes.`);
      return undefined;
    },
  });
}
