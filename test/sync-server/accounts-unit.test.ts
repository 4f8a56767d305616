// Password hashing, bearer tokens and role scopes, without HTTP.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../sync-server/src/auth/password.ts';
import { recordInScope, scopeFor } from '../../sync-server/src/auth/scope.ts';
import { bearerFrom, hashToken, newToken } from '../../sync-server/src/auth/tokens.ts';

const cheap = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('genba-demo', cheap);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('genba-demo', stored)).toBe(true);
    expect(await verifyPassword('genba-demo ', stored)).toBe(false);
  });

  it('salts every hash, so the same password never hashes the same twice', async () => {
    expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
  });

  it('uses the current guidance by default (N = 2^17, r = 8, p = 1)', async () => {
    expect(await hashPassword('x')).toMatch(/^scrypt\$131072\$8\$1\$/);
  });

  it('answers false, never throws, for a stored hash that is not ours', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$3$8$1$AAAA$AAAA')).toBe(false);
  });
});

describe('bearer tokens', () => {
  it('are 32 random bytes in base64url, stored only as a SHA-256', () => {
    const token = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });

  it('are read from "Bearer <token>" only', () => {
    const token = newToken();
    expect(bearerFrom(`Bearer ${token}`)).toBe(token);
    expect(bearerFrom(token)).toBeNull();
    expect(bearerFrom('Basic abc')).toBeNull();
    expect(bearerFrom(undefined)).toBeNull();
  });
});

describe('role scopes', () => {
  const catalog = ['field-check', 'care-assessment', 'ambulance-record'];

  it('limits a field role to its forms and its own or assigned records', () => {
    const scope = scopeFor({ id: 'u1', role: 'care_assessor' }, catalog);
    expect(scope).toEqual({ formIds: ['field-check', 'care-assessment'], userId: 'u1' });
    expect(recordInScope({ formId: 'field-check', ownerId: 'u1', assigneeId: null }, scope)).toBe(true);
    expect(recordInScope({ formId: 'field-check', ownerId: 'u2', assigneeId: 'u1' }, scope)).toBe(true);
    expect(recordInScope({ formId: 'field-check', ownerId: 'u2', assigneeId: null }, scope)).toBe(false);
    expect(recordInScope({ formId: 'ambulance-record', ownerId: 'u1', assigneeId: null }, scope)).toBe(false);
  });

  it('lets supervisors and admins see every record of every form', () => {
    for (const role of ['supervisor', 'admin'] as const) {
      const scope = scopeFor({ id: 'boss', role }, catalog);
      expect(scope).toEqual({ formIds: catalog, userId: null });
      expect(recordInScope({ formId: 'ambulance-record', ownerId: 'someone', assigneeId: null }, scope)).toBe(true);
    }
  });
});
