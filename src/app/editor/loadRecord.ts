// Opens a record for the editor: migrates an old-version draft when the engine can, else read-only with its own definition — never lost.
import { openRecordForEditing, type RecordRow } from '../../data/index.ts';
import type { FormDefinition } from '../../engine/types.ts';
import { appDb, recordRepository } from '../db.ts';

export type EditorNotice =
  | { kind: 'migrated'; from: number; to: number }
  | { kind: 'ready' }
  | { kind: 'submitted' }
  | { kind: 'approved' }
  | { kind: 'old-version'; version: number; code: string }
  | { kind: 'form-missing'; version: number };

export type LoadedRecord =
  | { ok: true; record: RecordRow; form: FormDefinition; editable: boolean; notice: EditorNotice | null }
  | { ok: true; record: RecordRow; form: null; editable: false; notice: EditorNotice }
  | { ok: false; code: string; message: string };

export async function loadRecord(recordId: string): Promise<LoadedRecord> {
  const { migrateAnswers } = await import('../../engine/index.ts');
  const before = await recordRepository().get(recordId).catch(() => undefined);
  const opened = await openRecordForEditing(appDb(), recordRepository(), recordId, migrateAnswers);
  if (!opened.ok) return opened;
  const { record, form } = opened;
  if (opened.editable && form) {
    const migrated = before && before.formVersion !== record.formVersion ? { kind: 'migrated' as const, from: before.formVersion, to: record.formVersion } : null;
    return { ok: true, record, form, editable: true, notice: migrated };
  }
  if (!form) return { ok: true, record, form: null, editable: false, notice: { kind: 'form-missing', version: record.formVersion } };
  const notice: EditorNotice =
    record.status === 'ready'
      ? { kind: 'ready' }
      : record.status === 'submitted'
        ? { kind: record.approved ? 'approved' : 'submitted' }
        : { kind: 'old-version', version: record.formVersion, code: opened.editable ? '' : opened.reason.code };
  return { ok: true, record, form, editable: false, notice };
}
