// Row builders for the SyncStore conformance suite: minimal valid records, ops, conflicts and accounts with overrides.
import type { BlobRow, ConflictItem, DeviceRow, ServerRecord, StoredOp, TokenRow, UserRow } from '../../sync-server/src/storage/sync-store.ts';

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
    disabled: false, createdAt: AT, ...over,
  };
}

export function aDevice(id: string, userId: string, over: Partial<DeviceRow> = {}): DeviceRow {
  return { id, userId, label: `タブレット ${id}`, registeredAt: AT, lastSeenAt: null, revokedAt: null, ...over };
}

export function aToken(tokenHash: string, userId: string, deviceId: string, over: Partial<TokenRow> = {}): TokenRow {
  return { tokenHash, userId, deviceId, issuedAt: AT, expiresAt: '2026-12-28T09:00:00.000Z', revokedAt: null, ...over };
}

export function aBlob(hash: string, over: Partial<BlobRow> = {}): BlobRow {
  return { hash, size: 1234, mime: 'image/jpeg', location: `${hash.slice(0, 2)}/${hash}`, uploadedBy: 'u-surveyor', createdAt: AT, ...over };
}

/** JSON values that have broken storage layers before: Unicode, emoji, NUL, lone surrogates, big/small numbers, key order. */
export const TRICKY_JSON: unknown[] = [
  null, true, false, 0, -1.5, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER,
  '', '日本語の回答', '絵文字 😀👍🏽 と 𠮷野家', 'quote " backslash \\ newline \n tab \t', 'nul \u0000 inside', 'lone \ud800 surrogate',
  [], {}, [1, 'two', null, { three: [3] }],
  { z: 1, a: 2, 'm-key': { nested: { deeper: ['深い', { x: null }] } }, 'キー': '値' },
];
