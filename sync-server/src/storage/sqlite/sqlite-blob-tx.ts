// The blob part of the SQLite SyncTx (blob refs, uploaders, unfinished uploads, collection): statements prepared once per connection.
import type Database from 'better-sqlite3';
import { type BlobTx, uploadFromRow } from '../blob-store.ts';
import { blobFromRow, type Row } from '../rows.ts';

const REF_IN_SCOPE = `EXISTS (SELECT 1 FROM blob_refs f JOIN records r ON r.id = f.record_id WHERE f.hash = b.hash
    AND r.form_id IN (SELECT value FROM json_each(@forms)) AND (@user IS NULL OR r.owner_id = @user OR r.assignee_id = @user))`;
const OWN_UPLOAD = 'EXISTS (SELECT 1 FROM blob_uploaders u WHERE u.hash = b.hash AND u.user_id = @caller)';
const UNREFERENCED = 'NOT EXISTS (SELECT 1 FROM blob_refs f WHERE f.hash = b.hash)';
const VISIBLE = (ownUploads: string) => `SELECT b.hash FROM blobs b WHERE b.hash IN (SELECT value FROM json_each(@hashes))
  AND (${REF_IN_SCOPE} OR (${ownUploads}))`;

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    addUploader: p(`INSERT INTO blob_uploaders (hash, user_id, uploaded_at) VALUES (?, ?, ?)
      ON CONFLICT (hash, user_id) DO NOTHING`),
    touch: p('UPDATE blobs SET touched_at = ? WHERE hash = ?'),
    refsOf: p('SELECT hash FROM blob_refs WHERE record_id = ?'),
    addRef: p('INSERT INTO blob_refs (hash, record_id) VALUES (?, ?) ON CONFLICT (hash, record_id) DO NOTHING'),
    dropRef: p('DELETE FROM blob_refs WHERE hash = ? AND record_id = ?'),
    visibleAlways: p(VISIBLE(OWN_UPLOAD)),
    visibleUntilReferenced: p(VISIBLE(`${OWN_UPLOAD} AND ${UNREFERENCED}`)),
    bytesOf: p(`SELECT (SELECT COALESCE(SUM(b.size), 0) FROM blob_uploaders u JOIN blobs b ON b.hash = u.hash WHERE u.user_id = @user)
      + (SELECT COALESCE(SUM(length), 0) FROM blob_uploads WHERE user_id = @user) AS bytes`),
    putUpload: p(`INSERT INTO blob_uploads (id, user_id, hash, mime, length, created_at) VALUES (@id, @user_id, @hash, @mime, @length, @created_at)
      ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, hash = excluded.hash, mime = excluded.mime, length = excluded.length, created_at = excluded.created_at`),
    getUpload: p('SELECT * FROM blob_uploads WHERE id = ?'),
    deleteUpload: p('DELETE FROM blob_uploads WHERE id = ?'),
    uploadsBefore: p('SELECT * FROM blob_uploads WHERE created_at < ? ORDER BY created_at, id LIMIT ?'),
    unreferenced: p(`SELECT * FROM blobs b WHERE ${UNREFERENCED} AND b.created_at < @before
      AND (b.touched_at IS NULL OR b.touched_at < @before) ORDER BY b.created_at, b.hash LIMIT @limit`),
    deleteIfUnreferenced: p('DELETE FROM blobs WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM blob_refs f WHERE f.hash = blobs.hash)'),
    deleteUploaders: p('DELETE FROM blob_uploaders WHERE hash = ?'),
  };
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

export function sqliteBlobTx(db: Database.Database): BlobTx {
  let s = prepared.get(db);
  if (!s) {
    s = prepare(db);
    prepared.set(db, s);
  }
  const st = s;
  return {
    async addBlobUploader(hash, userId, at) {
      st.addUploader.run(hash, userId, at);
      st.touch.run(at, hash);
    },
    async setBlobRefs(recordId, hashes, at) {
      const before = new Set((st.refsOf.all(recordId) as Row[]).map((r) => String(r.hash)));
      const after = new Set(hashes);
      for (const hash of after) if (!before.has(hash)) st.addRef.run(hash, recordId);
      for (const hash of before) {
        if (after.has(hash)) continue;
        st.dropRef.run(hash, recordId);
        st.touch.run(at, hash);
      }
    },
    async visibleBlobs(hashes, scope, userId, ownUploads) {
      if (hashes.length === 0) return [];
      const stmt = ownUploads === 'always' ? st.visibleAlways : st.visibleUntilReferenced;
      const rows = stmt.all({ hashes: JSON.stringify(hashes), forms: JSON.stringify(scope.formIds), user: scope.userId, caller: userId }) as Row[];
      return rows.map((r) => String(r.hash));
    },
    async blobBytesOf(userId) {
      return Number((st.bytesOf.get({ user: userId }) as Row).bytes);
    },
    async putBlobUpload(row) {
      st.putUpload.run({ id: row.id, user_id: row.userId, hash: row.hash, mime: row.mime, length: row.length, created_at: row.createdAt });
    },
    async getBlobUpload(id) {
      const row = st.getUpload.get(id) as Row | undefined;
      return row ? uploadFromRow(row) : null;
    },
    async deleteBlobUpload(id) {
      st.deleteUpload.run(id);
    },
    async listBlobUploadsBefore(before, limit) {
      return (st.uploadsBefore.all(before, limit) as Row[]).map(uploadFromRow);
    },
    async listUnreferencedBlobs(before, limit) {
      return (st.unreferenced.all({ before, limit }) as Row[]).map(blobFromRow);
    },
    async deleteUnreferencedBlob(hash) {
      if (st.deleteIfUnreferenced.run(hash).changes === 0) return false;
      st.deleteUploaders.run(hash);
      return true;
    },
  };
}
