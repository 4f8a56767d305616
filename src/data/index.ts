// The data layer's public surface: the UI and the sync client import from here only.
export { GenbaDb, openDb, DEFAULT_DB_NAME, SCHEMA_V1, type OpenDbOptions } from './db.ts';
export { DataError, isDataError, type DataErrorCode } from './errors.ts';
export {
  RecordRepository,
  type RecordRow, type RecordStatus, isDeletableDraft, type AnswerChange, type SaveSummary, type CorruptRecord,
  type MigrateAnswersFn, type MigrationOutcome,
} from './records.ts';
export { openRecordForEditing, type OpenedRecord, type ReadOnlyReason } from './openRecord.ts';
export { pendingCount, pendingRecordCount, pendingEntries, claimBatch, markAcknowledged, entriesOf, isMetaPath, type OutboxEntry, type MetaPath } from './outbox.ts';
export {
  sha256Hex, putAttachment, getAttachment, attachmentsOf, pendingUploads, markUploaded,
  type AttachmentRow, type AttachmentKind, type NewAttachment,
} from './attachments.ts';
export { saveForm, getForm, latestForm, listForms, type FormRow } from './forms.ts';
export { offeredFormIds, formGrant, saveFormGrant, type FormGrant } from './grantedForms.ts';
export { putRefData, getRefData, type RefDataRow } from './refData.ts';
export { getSetting, setSetting, getDeviceId, type SettingKey, type SettingValues } from './settings.ts';
export { listSavedPhrases, savePhrase, deletePhrase, savedPhrasesFor, type SavedPhrase } from './savedPhrases.ts';
export { observeRemoteClock } from './deviceClock.ts';
export { requestPersistence, storageEstimate, type StorageLike } from './storage.ts';
export { getAnswerAt, setAnswerAt, parseAnswerPath } from './answerPaths.ts';
