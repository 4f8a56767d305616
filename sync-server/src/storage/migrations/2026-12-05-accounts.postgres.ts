// PostgreSQL schema for real accounts: forced password change, token idle tracking, API token expiry, and the login attempt counters the limiter updates atomically.
import type { Migration } from './migration.ts';

export const accountsPostgres: Migration = {
  id: '2026-12-05-accounts',
  sql: `
-- Set by an admin's password reset (and a CLI reset): every route but the password change refuses until it is changed.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT false;
-- Office sessions expire after an idle period; written at most once a minute per token.
ALTER TABLE tokens ADD COLUMN last_used_at TEXT;
CREATE INDEX tokens_user ON tokens (user_id);
-- NULL: the API token never expires.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
-- One fixed-window counter per limiter key ("account:<name>", "address:<ip>", "total"), shared by every server
-- process: incremented by one upsert (the row lock serializes racing logins) before the password is hashed.
CREATE TABLE login_attempts (
  key TEXT PRIMARY KEY,
  window_start TEXT NOT NULL,
  count INTEGER NOT NULL
);
`,
};
