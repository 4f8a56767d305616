// A record the supervisor returned (差し戻し) becomes an editable draft with its review note, kept out of the answers; a later submit clears the flag.
import { describe, expect, it } from 'vitest';
import { applySnapshotToLocal, type OutboxPaths } from '../../../src/data/sync/applySnapshot.ts';
import { decodeRecord, encodeRecord } from '../../../src/data/recordCodec.ts';
import type { RecordRow } from '../../../src/data/records.ts';
import type { RecordSnapshot } from '../../../src/protocol/snapshot.ts';

const ID = '0192a0b0-0000-7000-8000-000000000001';
const NOW = '2026-01-02T03:04:05.000Z';
const NO_OUTBOX: OutboxPaths = { unsent: new Set(), all: new Set() };
const NOTE = {
  action: 'return', reason: '担当者名の漢字が違います', comments: [{ path: 'inspector_name', comment: '正しい氏名に直してください' }],
  by: 'user-supervisor', at: '2026-01-02T03:00:00.000Z',
};

function snapshot(status: RecordSnapshot['status'], answers: Record<string, unknown>, changeSeq: number): RecordSnapshot {
  return { id: ID, formId: 'field-check', formVersion: 1, status, deleted: false, answers, fieldVersions: { inspector_name: 1 }, changeSeq };
}

function localSubmitted(): RecordRow {
  return {
    id: ID, formId: 'field-check', formVersion: 1, answers: { inspector_name: '山田 太朗' }, fieldClocks: {}, status: 'submitted',
    errorCount: 0, acknowledgedWarnings: { W_OLD: 'local reason' }, deviceId: 'dev', createdAt: NOW, updatedAt: NOW, serverVersion: 3,
  };
}

function apply(snap: RecordSnapshot, local: RecordRow | undefined, outbox: OutboxPaths = NO_OUTBOX): RecordRow {
  const row = applySnapshotToLocal(snap, local, outbox, [], 'dev', NOW);
  if (typeof row === 'string') throw new Error(`expected a row, got ${row}`);
  return row;
}

describe('pulling a returned record', () => {
  it('turns a submitted record into an editable draft flagged returned, with the review note out of the answers', () => {
    const row = apply(snapshot('returned', { inspector_name: '山田 太朗', '@review': NOTE }, 4), localSubmitted());
    expect(row.status).toBe('draft');
    expect(row.returned).toBe(true);
    expect(row.review).toEqual(NOTE);
    expect(row.answers).toEqual({ inspector_name: '山田 太朗' });
  });

  it('keeps server acknowledgements out of the answers too, merged under the local ones', () => {
    const row = apply(snapshot('returned', { inspector_name: 'x', '@review': NOTE, '@ack': { W_OLD: 'server', W_NEW: 'other tablet' } }, 4), localSubmitted());
    expect(Object.keys(row.answers)).toEqual(['inspector_name']);
    expect(row.acknowledgedWarnings).toEqual({ W_OLD: 'local reason', W_NEW: 'other tablet' });
  });

  it('a later submitted snapshot clears the returned flag and makes it read-only again', () => {
    const returned = apply(snapshot('returned', { inspector_name: '山田 太朗', '@review': NOTE }, 4), localSubmitted());
    const resubmitted = apply(snapshot('submitted', { inspector_name: '山田 太郎', '@review': NOTE }, 6), returned);
    expect(resubmitted.status).toBe('submitted');
    expect(resubmitted.returned).toBeUndefined();
    expect(resubmitted.answers).toEqual({ inspector_name: '山田 太郎' });
  });

  it('an approved snapshot marks the read-only record approved (承認済み), and survives the stored-row codec; a reopen clears it', () => {
    const approved = apply(snapshot('approved', { inspector_name: '山田 太朗' }, 5), localSubmitted());
    expect(approved.status).toBe('submitted');
    expect(approved.approved).toBe(true);
    const decoded = decodeRecord(encodeRecord(approved));
    expect(decoded.ok && decoded.row.approved).toBe(true);
    const reopened = apply(snapshot('returned', { inspector_name: '山田 太朗', '@review': NOTE }, 7), approved);
    expect(reopened.approved).toBeUndefined();
    expect(reopened.returned).toBe(true);
  });

  it('an unsent local finalize keeps the record ready (not flagged returned) until the server answers it', () => {
    const returned = apply(snapshot('returned', { inspector_name: 'a', '@review': NOTE }, 4), localSubmitted());
    const ready: RecordRow = { ...returned, status: 'ready' };
    const row = apply(snapshot('returned', { inspector_name: 'a', '@review': NOTE }, 4), ready, { unsent: new Set(['@status']), all: new Set(['@status']) });
    expect(row.status).toBe('ready');
    expect(row.returned).toBeUndefined();
  });

  it('a malformed review note is dropped, never stored as an answer', () => {
    const row = apply(snapshot('returned', { inspector_name: 'a', '@review': { action: 'return', comments: 'nope' } }, 4), localSubmitted());
    expect(row.returned).toBe(true);
    expect(row.review).toBeUndefined();
    expect(row.answers).toEqual({ inspector_name: 'a' });
  });

  it('the returned flag and the note survive the stored-row codec; a damaged stored note does not make the row unreadable', () => {
    const row = apply(snapshot('returned', { inspector_name: 'a', '@review': NOTE }, 4), localSubmitted());
    const decoded = decodeRecord(JSON.parse(JSON.stringify(encodeRecord(row))));
    expect(decoded.ok && decoded.row.returned).toBe(true);
    expect(decoded.ok && decoded.row.review).toEqual(NOTE);
    const damaged = decodeRecord({ ...JSON.parse(JSON.stringify(encodeRecord(row))), review: { action: 'explode' } });
    expect(damaged.ok).toBe(true);
    expect(damaged.ok && damaged.row.review).toBeUndefined();
  });
});
