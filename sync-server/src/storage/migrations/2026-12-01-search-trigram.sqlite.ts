// SQLite: nothing to do for the trigram index of the same date; recorded so both dialects list the same migrations.
import type { Migration } from './migration.ts';

/** The embedded store's text filter scans records_review (docs/STORAGE.md); SQLite has no trigram index built in. */
export const searchTrigramSqlite: Migration = {
  id: '2026-12-01-search-trigram',
  sql: `SELECT 1;`,
};
