// The blob part of SyncTx: who uploaded a blob, which records reference it, unfinished uploads, and what the sweep collects.
//
// Invariants kept by the callers (blobs/, office/record-write.ts, care/): blob_refs of a record is rewritten in the
// transaction that writes the record's answers, so "may this user read blob H" is answered from the same state as
// "may this user read record R". The files under <dataDir>/blobs are the blob service's, never the store's.
import type { Row } from './rows.ts';
import type { BlobRow, Scope } from './sync-store.ts';

/** A tus upload that has not received all its bytes yet. */
export interface BlobUploadRow {
  /** The tus upload id (the last segment of its URL). */
  id: string;
  /** The authenticated user who created it: the only one who may HEAD, PATCH or DELETE it. */
  userId: string;
  /** Declared in Upload-Metadata. */
  hash: string;
  mime: string;
  /** Upload-Length: counted against the user's quota while in flight. */
  length: number;
  createdAt: string;
}

export interface BlobTx {
  /** Records that userId uploaded these bytes (again: a second upload by the same user is a no-op) and touches the blob. */
  addBlobUploader(hash: string, userId: string, at: string): Promise<void>;
  /**
   * Replaces the set of blobs the record references. Hashes that lose this reference are touched at `at`, so an
   * unreferenced blob still gets its full grace period before the sweep collects it.
   */
  setBlobRefs(recordId: string, hashes: readonly string[], at: string): Promise<void>;
  /**
   * Of `hashes`, those stored that this caller may know of: referenced by a record in `scope` (forms, and owner or
   * assignee for a field user), or uploaded by `userId` — always (`ownUploads: 'always'`, what `missing` answers) or
   * only while no record references it (`'until-referenced'`, who may read the bytes). Order not significant.
   */
  visibleBlobs(hashes: readonly string[], scope: Scope, userId: string, ownUploads: 'always' | 'until-referenced'): Promise<string[]>;
  /** Bytes charged to the user: the stored blobs they uploaded plus the declared lengths of their unfinished uploads. */
  blobBytesOf(userId: string): Promise<number>;
  putBlobUpload(row: BlobUploadRow): Promise<void>;
  getBlobUpload(id: string): Promise<BlobUploadRow | null>;
  deleteBlobUpload(id: string): Promise<void>;
  /** Unfinished uploads created before `before`, oldest first, at most limit. */
  listBlobUploadsBefore(before: string, limit: number): Promise<BlobUploadRow[]>;
  /** Stored blobs no record references, created and last touched before `before`, oldest first, at most limit. */
  listUnreferencedBlobs(before: string, limit: number): Promise<BlobRow[]>;
  /** Deletes the blob's row and its uploaders when no record references it (then true); false when one does. */
  deleteUnreferencedBlob(hash: string): Promise<boolean>;
}

/** A blob_uploads row as read by either adapter. */
export const uploadFromRow = (r: Row): BlobUploadRow => ({
  id: String(r.id), userId: String(r.user_id), hash: String(r.hash), mime: String(r.mime), length: Number(r.length), createdAt: String(r.created_at),
});
