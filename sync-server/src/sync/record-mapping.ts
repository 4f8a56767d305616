// Maps the store's ServerRecord / ConflictItem to the protocol's merge state and wire shapes, and back.
import type { ConflictSummary } from '../../../src/protocol/conflict-summary.ts';
import type { ConflictDraft, MergeRecord } from '../../../src/protocol/merge.ts';
import type { RecordSnapshot } from '../../../src/protocol/snapshot.ts';
import type { ConflictItem, ServerRecord } from '../storage/sync-store.ts';

export function toMergeRecord(record: ServerRecord): MergeRecord {
  return {
    id: record.id, formId: record.formId, formVersion: record.formVersion, status: record.status,
    deleted: record.deleted, answers: record.answers, fields: record.fields,
  };
}

/** The stored record after a merge; owner and assignee are kept (a new record belongs to the pushing user). */
export function toServerRecord(merged: MergeRecord, previous: ServerRecord | null, ownerId: string, changeSeq: number, at: string): ServerRecord {
  // Written out field by field rather than spread: this runs once per record on every push.
  const record: ServerRecord = {
    id: merged.id, formId: merged.formId, formVersion: merged.formVersion, status: merged.status, deleted: merged.deleted,
    answers: merged.answers, fields: merged.fields,
    ownerId: previous?.ownerId ?? ownerId,
    assigneeId: previous?.assigneeId ?? null,
    changeSeq,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
  };
  // The review-queue summary survives a write that does not recompute it.
  if (previous?.summary) record.summary = previous.summary;
  return record;
}

export function toSnapshot(record: ServerRecord): RecordSnapshot {
  const fieldVersions: Record<string, number> = {};
  for (const [path, stamp] of Object.entries(record.fields)) fieldVersions[path] = stamp.version;
  return {
    id: record.id, formId: record.formId, formVersion: record.formVersion, status: record.status,
    deleted: record.deleted, answers: record.answers, fieldVersions, changeSeq: record.changeSeq,
  };
}

export function toConflictDraft(item: ConflictItem): ConflictDraft {
  return {
    id: item.id, kind: item.kind, path: item.path, provisional: item.provisional,
    candidates: item.candidates.map((c) => ({ value: c.value, opId: c.opId, deviceId: c.deviceId, hlc: c.hlc })),
  };
}

export function toConflictSummary(item: ConflictItem): ConflictSummary {
  return {
    id: item.id, recordId: item.recordId, path: item.path, kind: item.kind, provisional: item.provisional, status: item.status,
    changeSeq: item.changeSeq,
    candidates: item.candidates.map((c) => ({ value: c.value, opId: c.opId, deviceId: c.deviceId, hlc: c.hlc })),
  };
}
