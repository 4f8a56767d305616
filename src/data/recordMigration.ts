// Applies the engine's declared form migration to one record (pure): new answers, the old ones kept in previousVersions.
import type { Answers, FormDefinition } from '../engine/types.ts';
import type { RecordRow } from './records.ts';
import { DataError } from './errors.ts';

/** What the engine's migrateAnswers(form, fromVersion, answers) returns. */
export type MigrationOutcome =
  | { ok: true; answers: Answers; dropped?: unknown }
  | { ok: false; code: string; message: string };

export type MigrateAnswersFn = (form: FormDefinition, fromVersion: number, answers: Answers) => MigrationOutcome;

/** The migrated record, or a DataError; `row` itself is never modified. */
export function migrateInPlace(row: RecordRow, form: FormDefinition, migrate: MigrateAnswersFn, migratedAt: string): RecordRow {
  if (row.formId !== form.id) {
    throw new DataError('E_MIGRATION_FORM_MISMATCH', `record ${row.id} belongs to form ${row.formId}, not ${form.id}`);
  }
  if (row.formVersion > form.version) {
    throw new DataError('E_MIGRATION_DOWNGRADE', `record ${row.id} is on version ${row.formVersion}; cannot go back to ${form.version}`);
  }
  if (row.status !== 'draft') {
    throw new DataError('E_RECORD_STATUS', `only drafts are migrated; record ${row.id} is ${row.status}`);
  }
  let outcome: MigrationOutcome;
  try {
    // The engine gets a copy: a buggy migration cannot reach into the stored answers.
    outcome = migrate(form, row.formVersion, structuredClone(row.answers));
  } catch (error) {
    throw new DataError('E_MIGRATION_FAILED', `migration of record ${row.id} threw: ${error instanceof Error ? error.message : String(error)}`, error);
  }
  if (!outcome || typeof outcome !== 'object' || typeof outcome.ok !== 'boolean') {
    throw new DataError('E_MIGRATION_FAILED', `migration of record ${row.id} returned no result`);
  }
  if (!outcome.ok) {
    throw new DataError('E_MIGRATION_REFUSED', `record ${row.id} cannot move from version ${row.formVersion} to ${form.version}: ${outcome.code} ${outcome.message}`, outcome.code);
  }
  return {
    ...row,
    formVersion: form.version,
    answers: outcome.answers,
    updatedAt: migratedAt,
    previousVersions: [...(row.previousVersions ?? []), { formVersion: row.formVersion, answers: row.answers, migratedAt }],
  };
}
