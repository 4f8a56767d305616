// The blob part of the PostgreSQL SyncTx (blob refs, uploaders, unfinished uploads, collection), over the transaction's client.
import { type BlobTx, uploadFromRow } from '../blob-store.ts';
import { blobFromRow, type Row } from '../rows.ts';

const REF_IN_SCOPE = `EXISTS (SELECT 1 FROM blob_refs f JOIN records r ON r.id = f.record_id WHERE f.hash = b.hash
    AND r.form_id = ANY($2::text[]) AND ($3::text IS NULL OR r.owner_id = $3 OR r.assignee_id = $3))`;
const OWN_UPLOAD = 'EXISTS (SELECT 1 FROM blob_uploaders u WHERE u.hash = b.hash AND u.user_id = $4)';
const UNREFERENCED = 'NOT EXISTS (SELECT 1 FROM blob_refs f WHERE f.hash = b.hash)';
const VISIBLE = (ownUploads: string) => `SELECT b.hash FROM blobs b WHERE b.hash = ANY($1::text[]) AND (${REF_IN_SCOPE} OR (${ownUploads}))`;
const VISIBLE_ALWAYS = VISIBLE(OWN_UPLOAD);
const VISIBLE_UNTIL_REFERENCED = VISIBLE(`${OWN_UPLOAD} AND ${UNREFERENCED}`);

export function postgresBlobTx(rows: (sql: string, params?: unknown[]) => Promise<Row[]>, flushRecords: () => Promise<void>): BlobTx {
  const touch = (hashes: string[], at: string) => rows('UPDATE blobs SET touched_at = $2 WHERE hash = ANY($1::text[])', [hashes, at]);
  return {
    async addBlobUploader(hash, userId, at) {
      await rows('INSERT INTO blob_uploaders (hash, user_id, uploaded_at) VALUES ($1, $2, $3) ON CONFLICT (hash, user_id) DO NOTHING', [hash, userId, at]);
      await touch([hash], at);
    },
    async setBlobRefs(recordId, hashes, at) {
      const before = new Set((await rows('SELECT hash FROM blob_refs WHERE record_id = $1', [recordId])).map((r) => String(r.hash)));
      const after = new Set(hashes);
      const added = [...after].filter((hash) => !before.has(hash));
      const dropped = [...before].filter((hash) => !after.has(hash));
      if (added.length > 0) {
        await rows(`INSERT INTO blob_refs (hash, record_id) SELECT h, $2 FROM unnest($1::text[]) AS t(h)
          ON CONFLICT (hash, record_id) DO NOTHING`, [added, recordId]);
      }
      if (dropped.length > 0) {
        await rows('DELETE FROM blob_refs WHERE record_id = $2 AND hash = ANY($1::text[])', [dropped, recordId]);
        await touch(dropped, at);
      }
    },
    async visibleBlobs(hashes, scope, userId, ownUploads) {
      if (hashes.length === 0) return [];
      // The push buffers record writes until commit; the scope test joins records.
      await flushRecords();
      const sql = ownUploads === 'always' ? VISIBLE_ALWAYS : VISIBLE_UNTIL_REFERENCED;
      return (await rows(sql, [[...hashes], scope.formIds, scope.userId, userId])).map((r) => String(r.hash));
    },
    async blobBytesOf(userId) {
      const [row] = await rows(`SELECT (SELECT COALESCE(SUM(b.size), 0) FROM blob_uploaders u JOIN blobs b ON b.hash = u.hash WHERE u.user_id = $1)
        + (SELECT COALESCE(SUM(length), 0) FROM blob_uploads WHERE user_id = $1) AS bytes`, [userId]);
      return Number(row!.bytes);
    },
    async putBlobUpload(row) {
      await rows(`INSERT INTO blob_uploads (id, user_id, hash, mime, length, created_at) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, hash = excluded.hash, mime = excluded.mime,
          length = excluded.length, created_at = excluded.created_at`, [row.id, row.userId, row.hash, row.mime, row.length, row.createdAt]);
    },
    async getBlobUpload(id) {
      const [row] = await rows('SELECT * FROM blob_uploads WHERE id = $1', [id]);
      return row ? uploadFromRow(row) : null;
    },
    async deleteBlobUpload(id) {
      await rows('DELETE FROM blob_uploads WHERE id = $1', [id]);
    },
    async listBlobUploadsBefore(before, limit) {
      return (await rows('SELECT * FROM blob_uploads WHERE created_at < $1 ORDER BY created_at, id LIMIT $2', [before, limit])).map(uploadFromRow);
    },
    async listUnreferencedBlobs(before, limit) {
      const result = await rows(`SELECT * FROM blobs b WHERE ${UNREFERENCED} AND b.created_at < $1
        AND (b.touched_at IS NULL OR b.touched_at < $1) ORDER BY b.created_at, b.hash LIMIT $2`, [before, limit]);
      return result.map(blobFromRow);
    },
    async deleteUnreferencedBlob(hash) {
      const deleted = await rows(`DELETE FROM blobs b WHERE b.hash = $1 AND ${UNREFERENCED} RETURNING b.hash`, [hash]);
      if (deleted.length === 0) return false;
      await rows('DELETE FROM blob_uploaders WHERE hash = $1', [hash]);
      return true;
    },
  };
}
