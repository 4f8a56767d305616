// SQLite schema for the back office: review summary columns on records, append-only audit log, revisions, API tokens, webhooks.
import type { Migration } from './migration.ts';

export const backOfficeSqlite: Migration = {
  id: '2026-11-29-back-office',
  sql: `
-- Review-queue summary, written by putRecord with the record. has_summary = 0: never written with a summary
-- (read back as undefined); the other columns then hold NULL / 0.
ALTER TABLE records ADD COLUMN has_summary INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN title TEXT;
ALTER TABLE records ADD COLUMN lat REAL;
ALTER TABLE records ADD COLUMN lon REAL;
ALTER TABLE records ADD COLUMN error_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN warning_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN submitted_at TEXT;
ALTER TABLE records ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
-- NFKC + lower-case of the title and the id (one line each), computed by the adapter at write time: the list's text filter is a plain
-- LIKE on it (full-width/half-width and case do not matter, and no per-row case folding at query time).
ALTER TABLE records ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
UPDATE records SET search_text = char(10) || lower(id);

-- The review list (newest first, keyset on (updated_at, id)): every filterable column is in this one index,
-- so the page walks it backwards evaluating the filters without touching the table rows (≈1 KB of answers
-- each) and stops after \`limit\` hits, and the total is a scan of the index alone (see docs/STORAGE.md).
CREATE INDEX records_review ON records (
  updated_at, id, form_id, status, owner_id, assignee_id, warning_count, error_count, lat, lon, search_text
);
-- The list's total: a third of records_review's width and led by the scope's form_id, so counting a form/status
-- slice is a range scan and counting everything reads far fewer pages. The adapter names the index per query
-- (INDEXED BY): without ANALYZE statistics the planner would also pick it for pages and sort every match.
CREATE INDEX records_scope ON records (form_id, status, warning_count, error_count, assignee_id, owner_id, lat, lon);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user_id TEXT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  record_id TEXT,
  detail TEXT NOT NULL,
  ip TEXT
);
CREATE INDEX audit_log_user ON audit_log (user_id, seq);
CREATE INDEX audit_log_record ON audit_log (record_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_at ON audit_log (at);
-- Append-only: the database itself refuses to change or remove an entry, whatever the code does.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END;

CREATE TABLE revisions (
  record_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  form_id TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  answers TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  reason TEXT,
  approved_seq INTEGER,
  PRIMARY KEY (record_id, revision)
);
-- The hand-off feed walks approvals in approved_seq order.
CREATE INDEX revisions_approved_seq ON revisions (approved_seq) WHERE approved_seq IS NOT NULL;

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  last_used_at TEXT
);

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  description TEXT NOT NULL,
  active INTEGER NOT NULL,
  cursor INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL REFERENCES webhooks (id),
  cursor INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  last_status INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_webhook_status ON webhook_deliveries (webhook_id, status, created_at);
`,
};
