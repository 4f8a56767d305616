// SQLite schema for scope removals: which field user lost which record from their scope, at which change sequence (pull tells the device to forget it).
import type { Migration } from './migration.ts';

export const scopeRemovalsSqlite: Migration = {
  id: '2026-11-30-scope-removals',
  sql: `
-- One row per (user, record, change sequence): written in the transaction that moved the record out of the
-- user's scope, with that write's change sequence, so pull pages walk it in the same order as records.
CREATE TABLE scope_removals (
  user_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  PRIMARY KEY (user_id, change_seq, record_id)
);
`,
};
