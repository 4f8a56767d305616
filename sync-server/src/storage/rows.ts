// Row ↔ SyncStore object mapping shared by both adapters (snake_case columns, JSON as text, booleans as 0/1 in, 0/1 or true/false out).
import type { BlobRow, ConflictItem, DeviceRow, ServerRecord, StoredOp, TokenRow, UserRow } from './sync-store.ts';
import { fromJsonText, toJsonText } from './json-column.ts';

export type Row = Record<string, unknown>;

const str = (v: unknown): string => v as string;
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : (v as string));
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function recordFromRow(r: Row): ServerRecord {
  return {
    id: str(r.id), formId: str(r.form_id), formVersion: num(r.form_version),
    status: str(r.status) as ServerRecord['status'], ownerId: str(r.owner_id), assigneeId: strOrNull(r.assignee_id),
    deleted: r.deleted === 1 || r.deleted === true, answers: fromJsonText(str(r.answers)), fields: fromJsonText(str(r.fields)),
    changeSeq: num(r.change_seq), createdAt: str(r.created_at), updatedAt: str(r.updated_at),
  };
}

export function recordToParams(x: ServerRecord): Row {
  return {
    id: x.id, form_id: x.formId, form_version: x.formVersion, status: x.status, owner_id: x.ownerId,
    assignee_id: x.assigneeId, deleted: x.deleted ? 1 : 0, answers: toJsonText(x.answers), fields: toJsonText(x.fields),
    change_seq: x.changeSeq, created_at: x.createdAt, updated_at: x.updatedAt,
  };
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
    passwordHash: str(r.password_hash), disabled: r.disabled === 1 || r.disabled === true, createdAt: str(r.created_at),
  };
}

export function userToParams(x: UserRow): Row {
  return {
    id: x.id, username: x.username, display_name: x.displayName, role: x.role, password_hash: x.passwordHash,
    disabled: x.disabled ? 1 : 0, created_at: x.createdAt,
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
    expiresAt: str(r.expires_at), revokedAt: strOrNull(r.revoked_at),
  };
}

export function tokenToParams(x: TokenRow): Row {
  return {
    token_hash: x.tokenHash, user_id: x.userId, device_id: x.deviceId, issued_at: x.issuedAt,
    expires_at: x.expiresAt, revoked_at: x.revokedAt,
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
