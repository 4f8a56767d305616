// The ordered migration lists per dialect; add a new date-prefixed file for each schema change (never edit an applied one).
import type { Migration } from './migration.ts';
import { initialSqlite } from './2026-11-28-initial.sqlite.ts';
import { initialPostgres } from './2026-11-28-initial.postgres.ts';
import { backOfficeSqlite } from './2026-11-29-back-office.sqlite.ts';
import { backOfficePostgres } from './2026-11-29-back-office.postgres.ts';
import { scopeRemovalsSqlite } from './2026-11-30-scope-removals.sqlite.ts';
import { scopeRemovalsPostgres } from './2026-11-30-scope-removals.postgres.ts';
import { searchTrigramPostgres } from './2026-12-01-search-trigram.postgres.ts';
import { blobAccessSqlite } from './2026-12-05-blob-access.sqlite.ts';
import { blobAccessPostgres } from './2026-12-05-blob-access.postgres.ts';
import { accountsSqlite } from './2026-12-05-accounts.sqlite.ts';
import { accountsPostgres } from './2026-12-05-accounts.postgres.ts';
import { recordSubtitleSqlite } from './2026-12-06-record-subtitle.sqlite.ts';
import { recordSubtitlePostgres } from './2026-12-06-record-subtitle.postgres.ts';

export type { Migration } from './migration.ts';

export const sqliteMigrations: readonly Migration[] = [initialSqlite, backOfficeSqlite, scopeRemovalsSqlite, accountsSqlite, blobAccessSqlite, recordSubtitleSqlite];
export const postgresMigrations: readonly Migration[] = [initialPostgres, backOfficePostgres, scopeRemovalsPostgres, searchTrigramPostgres, accountsPostgres, blobAccessPostgres, recordSubtitlePostgres];
