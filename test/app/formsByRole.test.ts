// Forms by role and the header's honest words: only the signed-in user's granted forms are offered; the sync chip never says 同期済み over refused changes or alarms before login.
import { describe, expect, it } from 'vitest';
import { offeredFormIds } from '../../src/data/grantedForms.ts';
import { errorFromAnswer } from '../../src/data/sync/transport.ts';
import { syncChipState } from '../../src/app/components/syncChipState.ts';

const grant = { userId: 'u-amb', formIds: ['ambulance-record', 'field-check'], at: '2026-01-01T00:00:00.000Z' };

describe('offeredFormIds', () => {
  it('offers nothing before login, even with forms of an earlier user cached', () => {
    expect([...(offeredFormIds(grant, undefined) ?? ['x'])]).toEqual([]);
  });
  it("offers exactly the signed-in user's grant", () => {
    expect([...(offeredFormIds(grant, 'u-amb') ?? [])].sort()).toEqual(['ambulance-record', 'field-check']);
  });
  it("never offers a previous user's grant to the next user: null until the server granted this one", () => {
    expect(offeredFormIds(grant, 'u-hospital')).toBeNull();
    expect(offeredFormIds(undefined, 'u-hospital')).toBeNull();
  });
});

describe('syncChipState', () => {
  const at = '2026-01-01T00:00:00.000Z';
  it('is not "synced" while the server refused changes', () => {
    expect(syncChipState({ phase: 'idle', lastSuccessAt: at }, 0)).toBe('idle');
    expect(syncChipState({ phase: 'idle', lastSuccessAt: at }, 2)).toBe('attention');
  });
  it('not logged in yet is a neutral state; an expired login is not', () => {
    expect(syncChipState({ phase: 'unauthenticated', lastError: { code: 'E_NOT_LOGGED_IN', detail: '', at } })).toBe('signedOut');
    expect(syncChipState({ phase: 'unauthenticated', lastError: { code: 'E_UNAUTHENTICATED', detail: '', at } })).toBe('unauthenticated');
    expect(syncChipState({ phase: 'unauthenticated', lastError: { code: 'E_DEVICE_REVOKED', detail: '', at } })).toBe('revoked');
  });
});

describe('errorFromAnswer', () => {
  const body = (code: string) => ({ error: { code, message: code } });
  it('names a tablet of another user and a required password change, not a generic refusal', () => {
    expect(errorFromAnswer({ status: 409, body: body('E_DEVICE_OWNED') }).code).toBe('E_DEVICE_OWNED');
    expect(errorFromAnswer({ status: 403, body: body('E_PASSWORD_CHANGE_REQUIRED') }).code).toBe('E_PASSWORD_CHANGE_REQUIRED');
    expect(errorFromAnswer({ status: 403, body: body('E_SCOPE') }).code).toBe('E_REQUEST_REFUSED');
  });
});
