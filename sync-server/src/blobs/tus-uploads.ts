// Resumable blob uploads (tus): each upload belongs to the user who created it; on the last byte the file must hash to the declared sha256 and be an image of the declared type.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server } from '@tus/server';
import { isAttachmentMime } from '../../../src/engine/index.ts';
import type { BlobConfig } from '../config.ts';
import type { SyncStore } from '../storage/sync-store.ts';
import { errorBody, HTTP_ERRORS, type HttpErrorCode } from '../http/errors.ts';
import { blobFile, blobLocation, SHA256_PATTERN, sha256OfFile, uploadsDir } from './blob-files.ts';
import { bytesMatchType } from './blob-type.ts';

export const TUS_PATH = '/api/blobs/uploads';

export interface TusOptions {
  dataDir: string;
  maxBytes: number;
  blobs: BlobConfig;
  store: SyncStore;
  now: () => Date;
}

/** Who is uploading: set by the HTTP layer from the authenticated session around each tus request (never from a header). */
export interface UploaderContext {
  userId: string;
}

const uploader = new AsyncLocalStorage<UploaderContext>();

/** Runs one tus request on behalf of the authenticated user. */
export const asUploader = <T>(context: UploaderContext, fn: () => Promise<T>): Promise<T> => uploader.run(context, fn);

function currentUploader(): UploaderContext {
  const context = uploader.getStore();
  // Only reachable if a route hands a request to tus without asUploader: refuse rather than record "unknown".
  if (!context) throw reject('E_UNAUTHENTICATED');
  return context;
}

function reject(code: HttpErrorCode, message?: string): { status_code: number; body: string } {
  return { status_code: HTTP_ERRORS[code].status, body: JSON.stringify(errorBody(code, message ?? HTTP_ERRORS[code].message)) };
}

export function uploadExpiryMs(blobs: BlobConfig): number {
  return blobs.uploadExpiryHours * 3600_000;
}

export async function createTusServer(options: TusOptions): Promise<Server> {
  const { store, now } = options;
  const directory = uploadsDir(options.dataDir);
  await mkdir(directory, { recursive: true });
  const datastore = new FileStore({ directory, expirationPeriodInMilliseconds: uploadExpiryMs(options.blobs) });
  const discard = async (id: string) => {
    await datastore.remove(id).catch(() => undefined);
    await store.transaction((tx) => tx.deleteBlobUpload(id));
  };
  const server = new Server({
    path: TUS_PATH,
    datastore,
    maxSize: options.maxBytes,
    relativeLocation: true,
    // An upload URL is not a capability: HEAD, PATCH and DELETE of someone else's upload answer as if it did not exist.
    async onIncomingRequest(req, id) {
      if (req.method === 'POST') return;
      const { userId } = currentUploader();
      const row = await store.transaction((tx) => tx.getBlobUpload(id));
      if (!row || row.userId !== userId) throw reject('E_NOT_FOUND', 'No such upload.');
    },
    async onUploadCreate(_req, upload) {
      const { userId } = currentUploader();
      const sha256 = upload.metadata?.sha256 ?? '';
      const mime = upload.metadata?.mime ?? '';
      if (!SHA256_PATTERN.test(sha256) || mime === '' || upload.size === undefined) throw reject('E_BLOB_METADATA');
      if (!isAttachmentMime(mime)) throw reject('E_BLOB_TYPE', `A blob may be image/jpeg, image/png or image/webp, not ${mime.slice(0, 100)}.`);
      const length = upload.size;
      await store.transaction(async (tx) => {
        const used = await tx.blobBytesOf(userId);
        if (used + length > options.blobs.quotaBytes) {
          throw reject('E_QUOTA', `${used} of ${options.blobs.quotaBytes} bytes are used; this upload needs ${length} more.`);
        }
        await tx.putBlobUpload({ id: upload.id, userId, hash: sha256, mime, length, createdAt: now().toISOString() });
      });
      return {};
    },
    async onUploadFinish(_req, upload) {
      const row = await store.transaction((tx) => tx.getBlobUpload(upload.id));
      if (!row) throw reject('E_NOT_FOUND', 'No such upload.');
      const file = `${directory}/${upload.id}`;
      const actual = await sha256OfFile(file);
      if (actual !== row.hash) {
        await discard(upload.id);
        throw reject('E_BLOB_HASH_MISMATCH', `The bytes hash to ${actual}, not the declared ${row.hash}; upload again.`);
      }
      if (!(await bytesMatchType(file, row.mime))) {
        await discard(upload.id);
        throw reject('E_BLOB_TYPE', `The bytes are not an image of the declared type ${row.mime}.`);
      }
      const location = blobLocation(actual);
      const target = blobFile(options.dataDir, location);
      await mkdir(dirname(target), { recursive: true });
      await store.transaction(async (tx) => {
        const at = now().toISOString();
        // The first uploader is kept in blobs.uploaded_by; every uploader is in blob_uploaders (quota, reads before a reference).
        if (!(await tx.getBlob(actual))) await tx.putBlob({ hash: actual, size: row.length, mime: row.mime, location, uploadedBy: row.userId, createdAt: at });
        await tx.addBlobUploader(actual, row.userId, at);
        await tx.deleteBlobUpload(upload.id);
        // Inside the transaction, after the blob row is written (and locked): the sweep deletes a row and its file in one
        // transaction too, so a collection racing this upload cannot leave a row without its file.
        // Same filesystem (both under dataDir), so rename is atomic: a blob file is either whole or absent. A re-run
        // (PostgreSQL retry) finds the file already moved.
        await rename(file, target).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT' || !(await stat(target).catch(() => null))) throw error;
        });
      });
      await datastore.configstore.delete(upload.id);
      return {};
    },
    onResponseError(_req, err) {
      const status = 'status_code' in err ? err.status_code : 500;
      if (status === 413 && !('body' in err && String(err.body).includes('E_QUOTA'))) return reject('E_TOO_LARGE', `A blob may be at most ${options.maxBytes} bytes.`);
      return undefined;
    },
  });
  // A cancelled upload no longer counts against its owner's quota.
  server.on(EVENTS.POST_TERMINATE, (_req, _res, id) => {
    void store.transaction((tx) => tx.deleteBlobUpload(id)).catch(() => undefined);
  });
  return server;
}
