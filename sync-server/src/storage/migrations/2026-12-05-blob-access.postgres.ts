// PostgreSQL schema for guarded blobs: which records reference which blob, who uploaded it, unfinished uploads and their owners.
import type { Migration } from './migration.ts';

export const blobAccessPostgres: Migration = {
  id: '2026-12-05-blob-access',
  sql: `
-- Which record's answers name which blob (photo and signature values, originals included): who may read a blob
-- follows from who may read one of these records. Rewritten in the transaction that writes the record.
CREATE TABLE blob_refs (
  hash TEXT NOT NULL,
  record_id TEXT NOT NULL,
  PRIMARY KEY (hash, record_id)
);
CREATE INDEX blob_refs_record ON blob_refs (record_id);
-- Who uploaded a blob (the authenticated user, never a client header). The same bytes uploaded again by another
-- user add a row: each uploader may read it until a record references it, and it counts against each one's quota.
CREATE TABLE blob_uploaders (
  hash TEXT NOT NULL,
  user_id TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  PRIMARY KEY (hash, user_id)
);
CREATE INDEX blob_uploaders_user ON blob_uploaders (user_id);
-- Unfinished tus uploads: only their creator may continue, inspect or cancel them; they expire; their declared
-- length counts against the quota while in flight.
CREATE TABLE blob_uploads (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  mime TEXT NOT NULL,
  length BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX blob_uploads_user ON blob_uploads (user_id);
CREATE INDEX blob_uploads_created ON blob_uploads (created_at);
-- Last time the blob was uploaded again or lost a reference: an unreferenced blob is collected only after the grace
-- period has passed since then (and since created_at). Existing blobs start their grace now.
ALTER TABLE blobs ADD COLUMN touched_at TEXT;
UPDATE blobs SET touched_at = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
-- The references of the records already stored: every "hash" / "originalHash" string of 64 hex digits in the
-- answers. A pattern over the stored text, not jsonb: the json column keeps values jsonb would refuse.
INSERT INTO blob_refs (hash, record_id)
  SELECT DISTINCT m[1], r.id FROM records r,
    regexp_matches(r.answers::text, '"(?:hash|originalHash)"\\s*:\\s*"([0-9a-f]{64})"', 'g') AS m
  ON CONFLICT DO NOTHING;
`,
};
