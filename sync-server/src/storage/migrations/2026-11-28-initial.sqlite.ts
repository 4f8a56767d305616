// SQLite schema v1: records, ops log, conflicts, accounts, blobs, meta and the change-sequence counter (JSON kept as TEXT).
import type { Migration } from './migration.ts';

export const initialSqlite: Migration = {
  id: '2026-11-28-initial',
  sql: `
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  status TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  assignee_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  answers TEXT NOT NULL,
  fields TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
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
  value TEXT NOT NULL,
  hlc TEXT NOT NULL,
  admitted_hlc TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  code TEXT,
  conflict_id TEXT,
  change_seq INTEGER,
  received_at TEXT NOT NULL
);
CREATE INDEX ops_record ON ops (record_id);

CREATE TABLE conflicts (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  candidates TEXT NOT NULL,
  provisional TEXT NOT NULL,
  status TEXT NOT NULL,
  resolution TEXT,
  created_at TEXT NOT NULL,
  change_seq INTEGER NOT NULL
);
CREATE INDEX conflicts_record ON conflicts (record_id, status);
CREATE INDEX conflicts_status ON conflicts (status, change_seq);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
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
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  location TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row: the last change sequence handed out (guarantee 3 of sync-store.ts).
CREATE TABLE change_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);
`,
};
