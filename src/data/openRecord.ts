// Loads a record for the editor: migrates an old-version draft when the form declares how, otherwise opens it read-only — never lost.
import type { FormDefinition } from '../engine/types.ts';
import type { GenbaDb } from './db.ts';
import { isDataError } from './errors.ts';
import { getForm, latestForm } from './forms.ts';
import type { MigrateAnswersFn, RecordRepository, RecordRow } from './records.ts';

export interface ReadOnlyReason {
  code: string;
  message: string;
}

export type OpenedRecord =
  | { ok: true; record: RecordRow; form: FormDefinition | undefined; editable: true }
  | { ok: true; record: RecordRow; form: FormDefinition | undefined; editable: false; reason: ReadOnlyReason }
  | { ok: false; code: string; message: string };

function readOnly(record: RecordRow, form: FormDefinition | undefined, code: string, message: string): OpenedRecord {
  return { ok: true, record, form, editable: false, reason: { code, message } };
}

export async function openRecordForEditing(db: GenbaDb, records: RecordRepository, id: string, migrate: MigrateAnswersFn): Promise<OpenedRecord> {
  let record: RecordRow | undefined;
  try {
    record = await records.get(id);
  } catch (error) {
    if (isDataError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
  if (!record) return { ok: false, code: 'E_RECORD_NOT_FOUND', message: `no record ${id}` };
  const own = await getForm(db, record.formId, record.formVersion).catch(() => undefined);
  if (record.status !== 'draft') return readOnly(record, own, 'E_RECORD_STATUS', `record is ${record.status}`);
  const latest = await latestForm(db, record.formId).catch(() => undefined);
  if (latest && latest.version > record.formVersion) {
    try {
      const migrated = await records.migrate(id, latest, migrate);
      return { ok: true, record: migrated, form: latest, editable: true };
    } catch (error) {
      if (!isDataError(error)) throw error;
      return readOnly(record, own, error.code, error.message);
    }
  }
  if (!own) return readOnly(record, undefined, 'E_FORM_MISSING', `form ${record.formId} v${record.formVersion} is not on this device`);
  return { ok: true, record, form: own, editable: true };
}
