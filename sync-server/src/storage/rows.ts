// Row ↔ SyncStore object mapping shared by both adapters (snake_case columns, JSON as text, booleans as 0/1 in, 0/1 or true/false out).
import type {
  ApiTokenRow, AuditEntry, BlobRow, ConflictItem, DeviceRow, RecordEditRow, RecordListItem, RecordSummary, RevisionRow, ScopeRemovalRow, ServerRecord, StoredOp, TokenRow,
  UserRow, WebhookDeliveryRow, WebhookRow,
} from './sync-store.ts';
import { fromJsonText, toJsonText } from './json-column.ts';
import { searchTextOf } from './search-text.ts';
import { fieldStampsFromText, fieldStampsToText } from './field-stamps-column.ts';
import { storableText } from './text-column.ts';

export type Row = Record<string, unknown>;

const str = (v: unknown): string => v as string;
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : (v as string));
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bool = (v: unknown): boolean => v === 1 || v === true;

/** The summary columns, or null when the record was never written with a summary (has_summary = 0). */
function summaryFromRow(r: Row): RecordSummary | null {
  if (!bool(r.has_summary)) return null;
  return {
    title: strOrNull(r.title), subtitle: strOrNull(r.subtitle), lat: numOrNull(r.lat), lon: numOrNull(r.lon), errorCount: num(r.error_count),
    warningCount: num(r.warning_count), submittedAt: strOrNull(r.submitted_at), revision: num(r.revision),
  };
}

/** Record columns without answers/fields: shared by the full record and the review-list item. */
function recordHeadFromRow(r: Row): Omit<ServerRecord, 'answers' | 'fields' | 'summary'> {
  return {
    id: str(r.id), formId: str(r.form_id), formVersion: num(r.form_version),
    status: str(r.status) as ServerRecord['status'], ownerId: str(r.owner_id), assigneeId: strOrNull(r.assignee_id),
    deleted: bool(r.deleted), changeSeq: num(r.change_seq), createdAt: str(r.created_at), updatedAt: str(r.updated_at),
  };
}

export function recordFromRow(r: Row): ServerRecord {
  const record: ServerRecord = { ...recordHeadFromRow(r), answers: fromJsonText(str(r.answers)), fields: fieldStampsFromText(str(r.fields)) };
  const summary = summaryFromRow(r);
  if (summary) record.summary = summary;
  return record;
}

/** A review-list row: the record head, its summary and the open_conflicts count the list query adds. */
export function recordListItemFromRow(r: Row): RecordListItem {
  return { ...recordHeadFromRow(r), summary: summaryFromRow(r), openConflicts: num(r.open_conflicts) };
}

export function recordToParams(x: ServerRecord): Row {
  const s = x.summary;
  const title = storableText(s?.title ?? null);
  const subtitle = storableText(s?.subtitle ?? null);
  return {
    id: x.id, form_id: x.formId, form_version: x.formVersion, status: x.status, owner_id: x.ownerId,
    assignee_id: x.assigneeId, deleted: x.deleted ? 1 : 0, answers: toJsonText(x.answers), fields: fieldStampsToText(x.fields),
    change_seq: x.changeSeq, created_at: x.createdAt, updated_at: x.updatedAt,
    has_summary: s ? 1 : 0, title, lat: s?.lat ?? null, lon: s?.lon ?? null, error_count: s?.errorCount ?? 0,
    warning_count: s?.warningCount ?? 0, submitted_at: s?.submittedAt ?? null, revision: s?.revision ?? 0,
    search_text: searchTextOf(title, subtitle, x.id), subtitle,
  };
}

/** A grouped row of SyncTx.listRecordEdits (COUNT is a bigint string on PostgreSQL). */
export function recordEditFromRow(r: Row): RecordEditRow {
  return { userId: String(r.user_id), path: String(r.path), firstAt: String(r.first_at), lastAt: String(r.last_at), ops: Number(r.ops) };
}

export function opFromRow(r: Row): StoredOp {
  return {
    opId: str(r.op_id), deviceId: str(r.device_id), userId: str(r.user_id), recordId: str(r.record_id), path: str(r.path),
    value: fromJsonText(str(r.value)), hlc: str(r.hlc), admittedHlc: str(r.admitted_hlc), baseVersion: num(r.base_version),
    outcome: str(r.outcome) as StoredOp['outcome'], code: strOrNull(r.code), conflictId: strOrNull(r.conflict_id),
    changeSeq: numOrNull(r.change_seq), receivedAt: str(r.received_at),
  };
}

export function opToParams(x: StoredOp): Row {
  return {
    op_id: x.opId, device_id: x.deviceId, user_id: x.userId, record_id: x.recordId, path: x.path, value: toJsonText(x.value),
    hlc: x.hlc, admitted_hlc: x.admittedHlc, base_version: x.baseVersion, outcome: x.outcome, code: x.code,
    conflict_id: x.conflictId, change_seq: x.changeSeq, received_at: x.receivedAt,
  };
}

export function conflictFromRow(r: Row): ConflictItem {
  return {
    id: str(r.id), recordId: str(r.record_id), path: str(r.path), kind: str(r.kind) as ConflictItem['kind'],
    candidates: fromJsonText(str(r.candidates)), provisional: fromJsonText(str(r.provisional)),
    status: str(r.status) as ConflictItem['status'], resolution: fromJsonText(strOrNull(r.resolution)),
    createdAt: str(r.created_at), changeSeq: num(r.change_seq),
  };
}

export function conflictToParams(x: ConflictItem): Row {
  return {
    id: x.id, record_id: x.recordId, path: x.path, kind: x.kind, candidates: toJsonText(x.candidates),
    provisional: toJsonText(x.provisional), status: x.status, resolution: x.resolution === null ? null : toJsonText(x.resolution),
    created_at: x.createdAt, change_seq: x.changeSeq,
  };
}

export function userFromRow(r: Row): UserRow {
  return {
    id: str(r.id), username: str(r.username), displayName: str(r.display_name), role: str(r.role) as UserRow['role'],
    passwordHash: str(r.password_hash), disabled: bool(r.disabled), createdAt: str(r.created_at),
    mustChangePassword: bool(r.must_change_password),
  };
}

export function userToParams(x: UserRow): Row {
  return {
    id: x.id, username: x.username, display_name: x.displayName, role: x.role, password_hash: x.passwordHash,
    disabled: x.disabled ? 1 : 0, created_at: x.createdAt, must_change_password: x.mustChangePassword ? 1 : 0,
  };
}

export function deviceFromRow(r: Row): DeviceRow {
  return {
    id: str(r.id), userId: str(r.user_id), label: str(r.label), registeredAt: str(r.registered_at),
    lastSeenAt: strOrNull(r.last_seen_at), revokedAt: strOrNull(r.revoked_at),
  };
}

export function deviceToParams(x: DeviceRow): Row {
  return { id: x.id, user_id: x.userId, label: x.label, registered_at: x.registeredAt, last_seen_at: x.lastSeenAt, revoked_at: x.revokedAt };
}

export function tokenFromRow(r: Row): TokenRow {
  return {
    tokenHash: str(r.token_hash), userId: str(r.user_id), deviceId: str(r.device_id), issuedAt: str(r.issued_at),
    expiresAt: str(r.expires_at), revokedAt: strOrNull(r.revoked_at), lastUsedAt: strOrNull(r.last_used_at),
  };
}

export function tokenToParams(x: TokenRow): Row {
  return {
    token_hash: x.tokenHash, user_id: x.userId, device_id: x.deviceId, issued_at: x.issuedAt,
    expires_at: x.expiresAt, revoked_at: x.revokedAt, last_used_at: x.lastUsedAt ?? null,
  };
}

export function blobFromRow(r: Row): BlobRow {
  return {
    hash: str(r.hash), size: num(r.size), mime: str(r.mime), location: str(r.location),
    uploadedBy: str(r.uploaded_by), createdAt: str(r.created_at),
  };
}

export function blobToParams(x: BlobRow): Row {
  return { hash: x.hash, size: x.size, mime: x.mime, location: x.location, uploaded_by: x.uploadedBy, created_at: x.createdAt };
}

export function auditFromRow(r: Row): AuditEntry {
  return {
    seq: num(r.seq), at: str(r.at), userId: strOrNull(r.user_id), actor: str(r.actor), action: str(r.action) as AuditEntry['action'],
    recordId: strOrNull(r.record_id), detail: fromJsonText(str(r.detail)), ip: strOrNull(r.ip),
  };
}

export function auditToParams(x: Omit<AuditEntry, 'seq'>): Row {
  return { at: x.at, user_id: x.userId, actor: storableText(x.actor), action: x.action, record_id: x.recordId, detail: toJsonText(x.detail), ip: x.ip };
}

export function revisionFromRow(r: Row): RevisionRow {
  return {
    recordId: str(r.record_id), revision: num(r.revision), formId: str(r.form_id), formVersion: num(r.form_version),
    answers: fromJsonText(str(r.answers)), submittedBy: str(r.submitted_by), submittedAt: str(r.submitted_at), changeSeq: num(r.change_seq),
    status: str(r.status) as RevisionRow['status'], decidedBy: strOrNull(r.decided_by), decidedAt: strOrNull(r.decided_at),
    reason: strOrNull(r.reason), approvedSeq: numOrNull(r.approved_seq),
  };
}

export function scopeRemovalFromRow(r: Row): ScopeRemovalRow {
  return { userId: str(r.user_id), recordId: str(r.record_id), changeSeq: num(r.change_seq) };
}

export function revisionToParams(x: RevisionRow): Row {
  return {
    record_id: x.recordId, revision: x.revision, form_id: x.formId, form_version: x.formVersion, answers: toJsonText(x.answers),
    submitted_by: x.submittedBy, submitted_at: x.submittedAt, change_seq: x.changeSeq, status: x.status, decided_by: x.decidedBy,
    decided_at: x.decidedAt, reason: x.reason, approved_seq: x.approvedSeq,
  };
}

export function apiTokenFromRow(r: Row): ApiTokenRow {
  return {
    id: str(r.id), name: str(r.name), tokenHash: str(r.token_hash), scopes: fromJsonText(str(r.scopes)), createdBy: str(r.created_by),
    createdAt: str(r.created_at), revokedAt: strOrNull(r.revoked_at), lastUsedAt: strOrNull(r.last_used_at),
    expiresAt: strOrNull(r.expires_at),
  };
}

export function apiTokenToParams(x: ApiTokenRow): Row {
  return {
    id: x.id, name: x.name, token_hash: x.tokenHash, scopes: toJsonText(x.scopes), created_by: x.createdBy, created_at: x.createdAt,
    revoked_at: x.revokedAt, last_used_at: x.lastUsedAt, expires_at: x.expiresAt ?? null,
  };
}

export function webhookFromRow(r: Row): WebhookRow {
  return {
    id: str(r.id), url: str(r.url), secret: str(r.secret), description: str(r.description), active: bool(r.active),
    cursor: num(r.cursor), createdBy: str(r.created_by), createdAt: str(r.created_at),
  };
}

export function webhookToParams(x: WebhookRow): Row {
  return {
    id: x.id, url: x.url, secret: x.secret, description: x.description, active: x.active ? 1 : 0, cursor: x.cursor,
    created_by: x.createdBy, created_at: x.createdAt,
  };
}

export function deliveryFromRow(r: Row): WebhookDeliveryRow {
  return {
    id: str(r.id), webhookId: str(r.webhook_id), cursor: num(r.cursor), recordId: str(r.record_id), revision: num(r.revision),
    status: str(r.status) as WebhookDeliveryRow['status'], attempts: num(r.attempts), lastStatus: numOrNull(r.last_status),
    lastError: strOrNull(r.last_error), createdAt: str(r.created_at), updatedAt: str(r.updated_at),
  };
}

export function deliveryToParams(x: WebhookDeliveryRow): Row {
  return {
    id: x.id, webhook_id: x.webhookId, cursor: x.cursor, record_id: x.recordId, revision: x.revision, status: x.status,
    attempts: x.attempts, last_status: x.lastStatus, last_error: x.lastError, created_at: x.createdAt, updated_at: x.updatedAt,
  };
}
