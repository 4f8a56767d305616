// The blob part of the in-memory test store: same semantics as sqlite-blob-tx.ts / postgres-blob-tx.ts (the conformance suite runs all three).
import type { BlobTx, BlobUploadRow } from '../../sync-server/src/storage/blob-store.ts';
import type { BlobRow, Scope, ServerRecord } from '../../sync-server/src/storage/sync-store.ts';

export interface MemoryBlobState {
  /** hash → record ids. */
  refs: Map<string, Set<string>>;
  /** hash → user ids. */
  uploaders: Map<string, Map<string, string>>;
  uploads: Map<string, BlobUploadRow>;
  /** hash → touched_at. */
  touched: Map<string, string>;
}

export const emptyBlobState = (): MemoryBlobState => ({ refs: new Map(), uploaders: new Map(), uploads: new Map(), touched: new Map() });

const copy = <T>(value: T): T => structuredClone(value);

export function memoryBlobTx(b: MemoryBlobState, blobs: Map<string, BlobRow>, records: Map<string, ServerRecord>): BlobTx {
  const touch = (hash: string, at: string) => {
    if (blobs.has(hash)) b.touched.set(hash, at);
  };
  const referenced = (hash: string) => (b.refs.get(hash)?.size ?? 0) > 0;
  const inScope = (scope: Scope, id: string) => {
    const r = records.get(id);
    return !!r && scope.formIds.includes(r.formId) && (scope.userId === null || r.ownerId === scope.userId || r.assigneeId === scope.userId);
  };
  return {
    async addBlobUploader(hash, userId, at) {
      const users = b.uploaders.get(hash) ?? new Map<string, string>();
      if (!users.has(userId)) users.set(userId, at);
      b.uploaders.set(hash, users);
      touch(hash, at);
    },
    async setBlobRefs(recordId, hashes, at) {
      const after = new Set(hashes);
      for (const [hash, ids] of b.refs) {
        if (ids.has(recordId) && !after.has(hash)) {
          ids.delete(recordId);
          touch(hash, at);
        }
      }
      for (const hash of after) b.refs.set(hash, (b.refs.get(hash) ?? new Set()).add(recordId));
    },
    async visibleBlobs(hashes, scope, userId, ownUploads) {
      return [...new Set(hashes)].filter((hash) => {
        if (!blobs.has(hash)) return false;
        if ([...(b.refs.get(hash) ?? [])].some((id) => inScope(scope, id))) return true;
        const own = b.uploaders.get(hash)?.has(userId) ?? false;
        return own && (ownUploads === 'always' || !referenced(hash));
      });
    },
    async blobBytesOf(userId) {
      let bytes = 0;
      for (const [hash, users] of b.uploaders) if (users.has(userId)) bytes += blobs.get(hash)?.size ?? 0;
      for (const upload of b.uploads.values()) if (upload.userId === userId) bytes += upload.length;
      return bytes;
    },
    async putBlobUpload(row) { b.uploads.set(row.id, copy(row)); },
    async getBlobUpload(id) { return copy(b.uploads.get(id) ?? null); },
    async deleteBlobUpload(id) { b.uploads.delete(id); },
    async listBlobUploadsBefore(before, limit) {
      return [...b.uploads.values()].filter((u) => u.createdAt < before)
        .sort((x, y) => (x.createdAt !== y.createdAt ? (x.createdAt < y.createdAt ? -1 : 1) : x.id < y.id ? -1 : 1))
        .slice(0, limit).map(copy);
    },
    async listUnreferencedBlobs(before, limit) {
      return [...blobs.values()]
        .filter((blob) => !referenced(blob.hash) && blob.createdAt < before && (b.touched.get(blob.hash) ?? '') < before)
        .sort((x, y) => (x.createdAt !== y.createdAt ? (x.createdAt < y.createdAt ? -1 : 1) : x.hash < y.hash ? -1 : 1))
        .slice(0, limit).map(copy);
    },
    async deleteUnreferencedBlob(hash) {
      if (!blobs.has(hash) || referenced(hash)) return false;
      blobs.delete(hash);
      b.uploaders.delete(hash);
      b.touched.delete(hash);
      return true;
    },
  };
}
