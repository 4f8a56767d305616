// PostgreSQL: a trigram index on records.search_text, so the review list's text filter (LIKE '%…%') stops scanning every record.
import type { Migration } from './migration.ts';

/**
 * pg_trgm is a trusted extension (PostgreSQL ≥ 13): a database owner may create it without superuser rights. It goes
 * into the schema `public` (or stays wherever the database already has it), never into the store's own schema, so
 * dropping one store's schema cannot take the extension and other schemas' indexes with it. Where it cannot be
 * created (no privilege, a server built without contrib), the migration leaves a NOTICE and the text filter keeps
 * scanning the review index: slower on large databases, still correct. Two stores migrating at once may both try to
 * create it; the loser sees the winner's extension and carries on.
 */
export const searchTrigramPostgres: Migration = {
  id: '2026-12-01-search-trigram',
  sql: `
DO $migration$
DECLARE
  trgm_schema TEXT;
BEGIN
  SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  IF trgm_schema IS NULL THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
    EXCEPTION
      WHEN unique_violation OR duplicate_object THEN NULL;
      WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm is not available (%): the review list text filter scans the review index', SQLERRM;
        RETURN;
    END;
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  END IF;
  EXECUTE format('CREATE INDEX records_search_trgm ON records USING gin (search_text %I.gin_trgm_ops)', trgm_schema);
END
$migration$;
`,
};
