// Row builders for the SyncStore conformance suite: minimal valid records, ops, conflicts and accounts with overrides.
import type {
  ApiTokenRow, AuditEntry, BlobRow, ConflictItem, DeviceRow, RecordSummary, RevisionRow, ServerRecord, StoredOp, TokenRow, UserRow,
  WebhookDeliveryRow, WebhookRow,
} from '../../sync-server/src/storage/sync-store.ts';

const AT = '2026-11-28T09:00:00.000Z';

export function aRecord(id: string, over: Partial<ServerRecord> = {}): ServerRecord {
  return {
    id, formId: 'field-check', formVersion: 1, status: 'draft', ownerId: 'u-surveyor', assigneeId: null, deleted: false,
    answers: {}, fields: {}, changeSeq: 0, createdAt: AT, updatedAt: AT, ...over,
  };
}

export function anOp(opId: string, over: Partial<StoredOp> = {}): StoredOp {
  return {
    opId, deviceId: opId.split(':')[0] ?? 'dev', userId: 'u-surveyor', recordId: 'rec-1', path: 'note', value: 'x',
    hlc: '2026-11-28T09:00:00.000Z-0000-dev', admittedHlc: '2026-11-28T09:00:00.000Z-0000-dev', baseVersion: 0,
    outcome: 'applied', code: null, conflictId: null, changeSeq: 1, receivedAt: AT, ...over,
  };
}

export function aConflict(id: string, over: Partial<ConflictItem> = {}): ConflictItem {
  return {
    id, recordId: 'rec-1', path: 'note', kind: 'same-field',
    candidates: [
      { value: 'a', opId: 'd1:1', deviceId: 'd1', userId: 'u1', hlc: 'h1', at: AT },
      { value: 'b', opId: 'd2:1', deviceId: 'd2', userId: 'u2', hlc: 'h2', at: AT },
    ],
    provisional: 'b', status: 'open', resolution: null, createdAt: AT, changeSeq: 1, ...over,
  };
}

export function aUser(id: string, over: Partial<UserRow> = {}): UserRow {
  return {
    id, username: id, displayName: `利用者 ${id}`, role: 'disaster_surveyor', passwordHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
    disabled: false, createdAt: AT, mustChangePassword: false, ...over,
  };
}

export function aDevice(id: string, userId: string, over: Partial<DeviceRow> = {}): DeviceRow {
  return { id, userId, label: `タブレット ${id}`, registeredAt: AT, lastSeenAt: null, revokedAt: null, ...over };
}

export function aToken(tokenHash: string, userId: string, deviceId: string, over: Partial<TokenRow> = {}): TokenRow {
  return { tokenHash, userId, deviceId, issuedAt: AT, expiresAt: '2026-12-28T09:00:00.000Z', revokedAt: null, lastUsedAt: null, ...over };
}

export function aBlob(hash: string, over: Partial<BlobRow> = {}): BlobRow {
  return { hash, size: 1234, mime: 'image/jpeg', location: `${hash.slice(0, 2)}/${hash}`, uploadedBy: 'u-surveyor', createdAt: AT, ...over };
}

export function aSummary(over: Partial<RecordSummary> = {}): RecordSummary {
  return { title: '見本 太郎 宅', subtitle: null, lat: 35.6812, lon: 139.7671, errorCount: 0, warningCount: 0, submittedAt: AT, revision: 1, ...over };
}

export function anAuditEntry(over: Partial<Omit<AuditEntry, 'seq'>> = {}): Omit<AuditEntry, 'seq'> {
  return { at: AT, userId: 'u-supervisor', actor: 'supervisor', action: 'record_view', recordId: 'rec-1', detail: {}, ip: '127.0.0.1', ...over };
}

export function aRevision(recordId: string, revision: number, over: Partial<RevisionRow> = {}): RevisionRow {
  return {
    recordId, revision, formId: 'field-check', formVersion: 1, answers: { note: `版 ${revision}` }, submittedBy: 'u-surveyor', submittedAt: AT,
    changeSeq: revision, status: 'submitted', decidedBy: null, decidedAt: null, reason: null, approvedSeq: null, ...over,
  };
}

export function anApiToken(id: string, over: Partial<ApiTokenRow> = {}): ApiTokenRow {
  return {
    id, name: `連携 ${id}`, tokenHash: `hash-${id}`, scopes: ['handoff:read'], createdBy: 'u-admin', createdAt: AT, revokedAt: null,
    lastUsedAt: null, expiresAt: null, ...over,
  };
}

export function aWebhook(id: string, over: Partial<WebhookRow> = {}): WebhookRow {
  return {
    id, url: `http://127.0.0.1:9/${id}`, secret: `secret-${id}`, description: '基幹システム連携', active: true, cursor: 0, createdBy: 'u-admin',
    createdAt: AT, ...over,
  };
}

export function aDelivery(id: string, webhookId: string, over: Partial<WebhookDeliveryRow> = {}): WebhookDeliveryRow {
  return {
    id, webhookId, cursor: 1, recordId: 'rec-1', revision: 1, status: 'delivered', attempts: 1, lastStatus: 200, lastError: null,
    createdAt: AT, updatedAt: AT, ...over,
  };
}

/** JSON values that have broken storage layers before: Unicode, emoji, NUL, lone surrogates, big/small numbers, key order. */
export const TRICKY_JSON: unknown[] = [
  null, true, false, 0, -1.5, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER,
  '', '日本語の回答', '絵文字 😀👍🏽 と 𠮷野家', 'quote " backslash \\ newline \n tab \t', 'nul \u0000 inside', 'lone \ud800 surrogate',
  [], {}, [1, 'two', null, { three: [3] }],
  { z: 1, a: 2, 'm-key': { nested: { deeper: ['深い', { x: null }] } }, 'キー': '値' },
];
