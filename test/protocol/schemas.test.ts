// The wire schemas accept well-formed messages and refuse wrong versions, malformed ops and hostile values.
import { describe, expect, it } from 'vitest';
import {
  ErrorBodySchema, LoginRequestSchema, OpSchema, PROTOCOL_VERSION, PullRequestSchema, PushRequestSchema, ResolveConflictRequestSchema,
} from '../../src/protocol/index.ts';

const goodOp = {
  opId: 'dev-1:1', recordId: '0190a8b2-1111-7000-8000-000000000001', formId: 'field-check', formVersion: 2,
  path: 'buildings[0].floors', value: 3, hlc: '2026-11-01T09:00:00.000Z-0000-00000000000000aa', baseVersion: 0,
};

describe('protocol schemas', () => {
  it('accepts a well-formed push', () => {
    expect(PushRequestSchema.safeParse({ protocolVersion: PROTOCOL_VERSION, deviceId: 'dev-1', ops: [goodOp] }).success).toBe(true);
  });

  it('accepts meta paths and null values', () => {
    expect(OpSchema.safeParse({ ...goodOp, path: '@delete', value: null }).success).toBe(true);
    expect(OpSchema.safeParse({ ...goodOp, path: '@create', value: { a: 1 } }).success).toBe(true);
  });

  it.each([
    ['an opId without a counter', { opId: 'dev-1' }],
    ['a zero counter', { opId: 'dev-1:0' }],
    ['a non-uuid record id', { recordId: 'abc' }],
    ['an unknown meta path', { path: '@rename' }],
    ['a path with __proto__', { path: '__proto__.x' }],
    ['a malformed HLC', { hlc: '2026-11-01 09:00' }],
    ['a negative base version', { baseVersion: -1 }],
    ['a fractional form version', { formVersion: 1.5 }],
    ['a missing value', { value: undefined }],
    ['an extra key', { extra: 1 }],
  ])('rejects an op with %s', (_name, patch) => {
    expect(OpSchema.safeParse({ ...goodOp, ...patch }).success).toBe(false);
  });

  it('rejects values nested too deeply (without overflowing the stack)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(OpSchema.safeParse({ ...goodOp, value: deep }).success).toBe(false);
  });

  it('rejects empty and oversized batches', () => {
    expect(PushRequestSchema.safeParse({ protocolVersion: 1, deviceId: 'dev-1', ops: [] }).success).toBe(false);
    const many = Array.from({ length: 501 }, (_, i) => ({ ...goodOp, opId: `dev-1:${i + 1}` }));
    expect(PushRequestSchema.safeParse({ protocolVersion: 1, deviceId: 'dev-1', ops: many }).success).toBe(false);
  });

  it('pull limits are 1..1000 and checkpoints non-negative integers', () => {
    expect(PullRequestSchema.safeParse({ protocolVersion: 1, checkpoint: 0, limit: 1000 }).success).toBe(true);
    expect(PullRequestSchema.safeParse({ protocolVersion: 1, checkpoint: 0, limit: 1001 }).success).toBe(false);
    expect(PullRequestSchema.safeParse({ protocolVersion: 1, checkpoint: -1, limit: 10 }).success).toBe(false);
  });

  it('login, resolve and error bodies', () => {
    expect(LoginRequestSchema.safeParse({ username: 'surveyor', password: 'genba-demo', deviceId: 'dev-1', deviceLabel: 'タブレット1' }).success).toBe(true);
    expect(LoginRequestSchema.safeParse({ username: 'surveyor', password: '', deviceId: 'dev-1', deviceLabel: '' }).success).toBe(false);
    expect(ResolveConflictRequestSchema.safeParse({ value: 'x', reason: '現地で確認' }).success).toBe(true);
    expect(ResolveConflictRequestSchema.safeParse({ value: 'x', reason: '' }).success).toBe(false);
    expect(ErrorBodySchema.safeParse({ error: { code: 'E_SCOPE', message: 'no' } }).success).toBe(true);
    expect(ErrorBodySchema.safeParse({ error: { code: 'scope', message: 'no' } }).success).toBe(false);
  });
});
