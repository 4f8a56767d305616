// PostgreSQL schema v1: records, ops log, conflicts, accounts, blobs, meta and the change-sequence counter (JSON in json columns: see below).
import type { Migration } from './migration.ts';

export const initialPostgres: Migration = {
  id: '2026-11-28-initial',
  // JSON values use the json type, not jsonb: jsonb reorders object keys and rejects \u0000 and lone
  // surrogates, which would break guarantee 5 (exact round-trip). Nothing queries inside these values.
  sql: `
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  status TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  assignee_id TEXT,
  deleted BOOLEAN NOT NULL DEFAULT false,
  answers JSON NOT NULL,
  fields JSON NOT NULL,
  change_seq BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- pull: supervisors scan by change_seq (filtered by form); field staff by owner or assignee.
CREATE INDEX records_change_seq ON records (change_seq);
CREATE INDEX records_owner_seq ON records (owner_id, change_seq);
CREATE INDEX records_assignee_seq ON records (assignee_id, change_seq);

CREATE TABLE ops (
  op_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  path TEXT NOT NULL,
  value JSON NOT NULL,
  hlc TEXT NOT NULL,
  admitted_hlc TEXT NOT NULL,
  base_version BIGINT NOT NULL,
  outcome TEXT NOT NULL,
  code TEXT,
  conflict_id TEXT,
  change_seq BIGINT,
  received_at TEXT NOT NULL
);
CREATE INDEX ops_record ON ops (record_id);

CREATE TABLE conflicts (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  candidates JSON NOT NULL,
  provisional JSON NOT NULL,
  status TEXT NOT NULL,
  resolution JSON,
  created_at TEXT NOT NULL,
  change_seq BIGINT NOT NULL
);
CREATE INDEX conflicts_record ON conflicts (record_id, status);
CREATE INDEX conflicts_status ON conflicts (status, change_seq);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT false,
  created_at TEXT NOT NULL
);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  label TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  last_seen_at TEXT,
  revoked_at TEXT
);
CREATE INDEX devices_user ON devices (user_id);

CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  device_id TEXT NOT NULL REFERENCES devices (id),
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX tokens_device ON tokens (device_id);

CREATE TABLE blobs (
  hash TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  mime TEXT NOT NULL,
  location TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value JSON NOT NULL
);

-- One row: the last change sequence handed out (guarantee 3 of sync-store.ts).
CREATE TABLE change_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);
`,
};
